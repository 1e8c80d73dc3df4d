// Calls a running Gradio-protocol server with the official npm @gradio/client
// and prints one JSON line per call: {name, ok, data | error, events}.
// Usage: node js_client.mjs <url> '<json list of {name, endpoint, args, stream?, file?}>'
import { Client, handle_file } from "@gradio/client";
import { readFileSync } from "node:fs";

const [url, planJson] = process.argv.slice(2);
const plan = JSON.parse(planJson);

async function runOne(app, call) {
  const args = (call.args || []).map((a) =>
    a && typeof a === "object" && a.__file__ ? handle_file(new Blob([readFileSync(a.__file__)])) : a,
  );
  if (call.stream) {
    // Collect every data event of a generator, like a UI would render them.
    const updates = [];
    const logs = [];
    const progress = [];
    for await (const msg of app.submit(call.endpoint, args)) {
      if (msg.type === "data") updates.push(msg.data);
      if (msg.type === "log") logs.push({ log: msg.log, level: msg.level, title: msg.title });
      if (msg.type === "status" && msg.progress_data) progress.push(msg.progress_data);
      if (msg.type === "status" && msg.stage === "error") {
        return { ok: false, error: msg.message ?? null, title: msg.title ?? null, updates, logs, progress };
      }
      if (msg.type === "status" && msg.stage === "complete") break;
    }
    return { ok: true, updates, logs, progress };
  }
  try {
    const result = await app.predict(call.endpoint, args);
    return { ok: true, data: result.data };
  } catch (err) {
    return { ok: false, error: err?.message ?? String(err), title: err?.title ?? null };
  }
}

const app = await Client.connect(url, { events: ["data", "status", "log"] });
const out = {};
for (const call of plan) {
  out[call.name] = await runOne(app, call);
}
if (plan.some((c) => c.fetchFile)) {
  for (const call of plan.filter((c) => c.fetchFile && out[c.name].ok)) {
    const fileData = out[call.name].data[0];
    const res = await fetch(fileData.url);
    out[call.name].fetched = { status: res.status, text: await res.text() };
  }
}
console.log(JSON.stringify(out));
process.exit(0);
