/**
 * Engine: triggers → dependency runs, against a scripted protocol client
 * (each test decides what the "server" answers and when).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Engine, loadJs } from "../src/shell/engine/engine.js";
import { Store, type TypeRules } from "../src/shell/engine/store.js";
import { Toasts } from "../src/shell/ui/toasts.js";
import type { GradioClient, Job, JobEvent, JobRequest } from "../src/shell/client/client.js";
import type { ComponentConfig, DependencyConfig, GradioConfig } from "../src/shell/types.js";

type Call = { req: JobRequest; send: (e: JobEvent) => void; finish: (events?: JobEvent[]) => void; cancelled: boolean };

class ScriptedClient {
  readonly calls: Call[] = [];
  submit(req: JobRequest, onEvent: (e: JobEvent) => void): Job {
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const call: Call = {
      req,
      cancelled: false,
      send: onEvent,
      finish: (events = [{ type: "complete", changedStateIds: [] }]) => {
        for (const e of events) onEvent(e);
        resolve();
      },
    };
    this.calls.push(call);
    return {
      done,
      cancel: async () => {
        call.cancelled = true;
        resolve();
      },
    };
  }
}

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const data = (...values: unknown[]): JobEvent => ({ type: "data", data: values, generating: false });
const complete: JobEvent = { type: "complete", changedStateIds: [] };
const failure: JobEvent = { type: "error", message: "boom", title: null, duration: null, visible: false, traceback: null };

function dep(id: number, over: Partial<DependencyConfig>): DependencyConfig {
  return {
    id, targets: [], inputs: [], outputs: [], backend_fn: true, js: null, queue: null, show_progress: "full",
    show_progress_on: null, cancels: [], types: { generator: false, cancel: false }, trigger_after: null,
    trigger_only_on_success: false, trigger_only_on_failure: false, trigger_mode: "once", ...over,
  };
}

const RULES: Record<string, TypeRules> = { state: { serverValue: true, noView: true }, textbox: { emptyValue: "" } };

function setup(components: ComponentConfig[], deps: DependencyConfig[]) {
  const config = { components, dependencies: deps, layout: { id: 0 } } as GradioConfig;
  const store = new Store(components, deps, (t) => RULES[t] ?? {});
  const client = new ScriptedClient();
  const toasts = new Toasts();
  const engine = new Engine(config, store, client as unknown as GradioClient, toasts);
  return { store, client, engine, toasts };
}

const c = (id: number, type: string, props: Record<string, unknown> = {}): ComponentConfig => ({ id, type, props });

test("inputs are sent (server-only values as null), outputs and update objects applied, server-only outputs skipped", async () => {
  const { store, client, engine } = setup(
    [c(1, "textbox", { value: "hi" }), c(2, "state", { value: 5 }), c(3, "textbox"), c(4, "number", { label: "n" }), c(5, "state"), c(6, "button")],
    [dep(0, { targets: [[6, "click"]], inputs: [1, 2], outputs: [3, 4, 5] })],
  );
  engine.trigger(6, "click", { x: 1 });
  assert.equal(client.calls.length, 1);
  assert.deepEqual(client.calls[0]!.req, { fnIndex: 0, data: ["hi", null], eventData: { x: 1 }, triggerId: 6, queue: true });
  assert.equal(store.get(3)!.status.value?.stage, "pending");
  assert.equal(store.get(5)!.status.value, null, "no loading status on a server-only value");
  client.calls[0]!.finish([data("out", { __type__: "update", value: 7, label: "seven" }, "secret"), complete]);
  await flush();
  assert.equal(store.value(3), "out");
  assert.equal(store.value(4), 7);
  assert.equal(store.get(4)!.props.value.label, "seven");
  assert.equal(store.value(5), undefined);
  assert.equal(store.get(3)!.status.value, null);
});

test("an output's change event runs the dependencies listening to it, after all outputs are set", async () => {
  const { client, engine } = setup(
    [c(1, "textbox"), c(2, "textbox"), c(3, "button")],
    [dep(0, { targets: [[3, "click"]], outputs: [1, 2] }), dep(1, { targets: [[1, "change"]], inputs: [1, 2] })],
  );
  engine.trigger(3, "click");
  client.calls[0]!.finish([data("a", "b"), complete]);
  await flush();
  assert.equal(client.calls.length, 2);
  assert.deepEqual(client.calls[1]!.req.data, ["a", "b"]);
});

test("trigger_mode once drops triggers while running; always_last runs the latest once more", async () => {
  const { client, engine } = setup(
    [c(1, "button"), c(2, "button")],
    [dep(0, { targets: [[1, "click"]], trigger_mode: "once" }), dep(1, { targets: [[2, "click"]], trigger_mode: "always_last" })],
  );
  engine.trigger(1, "click", "a");
  engine.trigger(1, "click", "b");
  engine.trigger(2, "click", "first");
  engine.trigger(2, "click", "second");
  engine.trigger(2, "click", "third");
  assert.deepEqual(client.calls.map((x) => x.req.eventData), ["a", "first"]);
  client.calls[1]!.finish();
  await flush();
  assert.deepEqual(client.calls.map((x) => x.req.eventData), ["a", "first", "third"]);
  client.calls[0]!.finish();
  await flush();
  assert.equal(client.calls.length, 3);
});

test(".then runs after either outcome, .success only after success, .failure only after failure", async () => {
  const { client, engine } = setup(
    [c(1, "button")],
    [
      dep(0, { targets: [[1, "click"]] }),
      dep(1, { targets: [[null, "then"]], trigger_after: 0 }),
      dep(2, { targets: [[null, "success"]], trigger_after: 0, trigger_only_on_success: true }),
      dep(3, { targets: [[null, "failure"]], trigger_after: 0, trigger_only_on_failure: true }),
    ],
  );
  engine.trigger(1, "click");
  client.calls[0]!.finish([failure]);
  await flush();
  assert.deepEqual(client.calls.map((x) => x.req.fnIndex), [0, 1, 3]);
  for (const call of client.calls.slice(1)) call.finish();
  engine.trigger(1, "click");
  client.calls[3]!.finish();
  await flush();
  assert.deepEqual(client.calls.slice(4).map((x) => x.req.fnIndex), [1, 2]);
});

test("a failure leaves an Error mark on the outputs until their next run", async () => {
  const { store, client, engine } = setup([c(1, "button"), c(2, "textbox")], [dep(0, { targets: [[1, "click"]], outputs: [2] })]);
  engine.trigger(1, "click");
  client.calls[0]!.finish([failure]);
  await flush();
  assert.equal(store.get(2)!.status.value?.stage, "error");
  engine.trigger(1, "click");
  assert.equal(store.get(2)!.status.value?.stage, "pending");
  client.calls[1]!.finish();
  await flush();
  assert.equal(store.get(2)!.status.value, null);
});

test("cancels stops the running job of another dependency", async () => {
  const { client, engine } = setup(
    [c(1, "button"), c(2, "button")],
    [dep(0, { targets: [[1, "click"]] }), dep(1, { targets: [[2, "click"]], cancels: [0], backend_fn: false })],
  );
  engine.trigger(1, "click");
  engine.trigger(2, "click");
  await flush();
  assert.equal(client.calls[0]!.cancelled, true);
});

test("js-only dependencies set outputs without calling the server", async () => {
  const { store, client, engine } = setup(
    [c(1, "textbox", { value: "abc" }), c(2, "textbox"), c(3, "button")],
    [dep(0, { targets: [[3, "click"]], inputs: [1], outputs: [2], backend_fn: false, js: "(s) => s.toUpperCase()" })],
  );
  // js.ts is a lazy chunk: the first js run waits for it (the shell asks for it at mount).
  engine.trigger(3, "click");
  await loadJs();
  await flush();
  assert.equal(store.value(2), "ABC");
  assert.equal(client.calls.length, 0);
});

test("a js= function that throws marks its outputs Error (no toast, as Gradio); the next run clears it", async () => {
  const { store, engine, toasts } = setup(
    [c(1, "textbox"), c(2, "textbox"), c(3, "button")],
    [dep(0, { targets: [[3, "click"]], inputs: [1], outputs: [2], backend_fn: false, js: "(x) => { if (!x) throw new TypeError('x is not iterable'); return [...x].reverse().join(''); }" })],
  );
  const quiet = console.error;
  console.error = () => {};
  try {
    engine.trigger(3, "click"); // the textbox is empty: the function throws
    await flush();
  } finally {
    console.error = quiet;
  }
  assert.equal(store.get(2)!.status.value?.stage, "error");
  assert.equal(toasts.list.value.length, 0);
  store.setValue(1, "abc", "user");
  engine.trigger(3, "click");
  await flush();
  assert.equal(store.value(2), "cba");
  assert.equal(store.get(2)!.status.value, null);
});

test("js= functions see the document the shell gives (the app's shadow root first)", async () => {
  const { store, engine } = setup(
    [c(1, "textbox"), c(3, "button")],
    [dep(0, { targets: [[3, "click"]], outputs: [1], backend_fn: false, js: "() => document.title" })],
  );
  engine.jsDocument = { title: "from the shell" } as Document;
  engine.trigger(3, "click");
  await flush();
  assert.equal(store.value(1), "from the shell");
});

test("eventsDone counts every ended run, even one with no outputs or one that failed", async () => {
  const { client, engine } = setup(
    [c(1, "button"), c(2, "button")],
    [dep(0, { targets: [[1, "click"]] }), dep(1, { targets: [[2, "click"]], backend_fn: false, js: "() => { throw new Error('x'); }" })],
  );
  const ended: [number, boolean][] = [];
  engine.onEventDone = (id, ok) => ended.push([id, ok]);
  engine.trigger(1, "click");
  await flush();
  assert.equal(engine.eventsDone, 0); // still running
  client.calls[0]!.finish();
  const quiet = console.error;
  console.error = () => {};
  try {
    await flush();
    engine.trigger(2, "click");
    await flush();
  } finally {
    console.error = quiet;
  }
  assert.equal(engine.eventsDone, 2);
  assert.equal(engine.eventsFailed, 1);
  assert.deepEqual(ended, [[0, true], [1, false]]);
});

test("component_prop_inputs send every prop of those inputs (def f(a: gr.Audio) reads a.playback_position)", async () => {
  const { store, client, engine } = setup(
    [c(1, "audio", { value: null, label: "A", playback_position: 2 }), c(2, "textbox", { value: "t" }), c(3, "button")],
    [dep(0, { targets: [[3, "click"]], inputs: [1, 2], outputs: [], component_prop_inputs: [0] })],
  );
  // The view reports the playhead as a prop; the next event carries it.
  store.applyUpdate(1, { __type__: "update", playback_position: 4.5 });
  engine.trigger(3, "click");
  assert.deepEqual(client.calls[0]!.req.data, [{ value: null, label: "A", playback_position: 4.5, interactive: true }, "t"]);
});

test("streamed values: the first applies at once, a burst within a frame applies only its latest, nothing is lost at the end", async () => {
  const { store, client, engine } = setup(
    [c(1, "textbox"), c(2, "button"), c(3, "number", { value: 0 })],
    [
      dep(0, { targets: [[2, "click"]], outputs: [1], types: { generator: true, cancel: false } }),
      dep(1, { targets: [[1, "change"]], inputs: [1], outputs: [3] }),
    ],
  );
  const gen = (v: string): JobEvent => ({ type: "data", data: [v], generating: true });
  engine.trigger(2, "click");
  await flush();
  const call = client.calls[0]!;
  call.send(gen("a"));
  assert.equal(store.value(1), "a"); // no wait for the first token
  call.send(gen("ab"));
  call.send(gen("abc"));
  assert.equal(store.value(1), "a"); // same frame: held
  await new Promise((r) => setTimeout(r, 150)); // the next frame (here: the 100 ms fallback)
  assert.equal(store.value(1), "abc"); // only the latest of the burst
  await new Promise((r) => setTimeout(r, 150)); // a frame with nothing new
  call.send(gen("abcd"));
  assert.equal(store.value(1), "abcd"); // a new frame: at once again
  call.send(gen("abcde"));
  call.finish([{ type: "data", data: ["abcdef"], generating: false }, complete]);
  assert.equal(store.value(1), "abcdef");
  await flush();
  // change fired once per applied value: a, abc, abcd, abcdef (not for the held ab, abcde)
  const changes = client.calls.filter((k) => k.req.fnIndex === 1).length;
  assert.ok(changes >= 1 && changes <= 4, String(changes));
});

test("a streamed value held for the next frame still lands when the event is cancelled", async () => {
  const { store, client, engine } = setup(
    [c(1, "textbox"), c(2, "button"), c(4, "button")],
    [
      dep(0, { targets: [[2, "click"]], outputs: [1], types: { generator: true, cancel: false } }),
      dep(1, { targets: [[4, "click"]], cancels: [0], backend_fn: false }),
    ],
  );
  engine.trigger(2, "click");
  await flush();
  const call = client.calls[0]!;
  call.send({ type: "data", data: ["x"], generating: true });
  call.send({ type: "data", data: ["xy"], generating: true });
  engine.trigger(4, "click");
  await flush();
  assert.equal(call.cancelled, true);
  assert.equal(store.value(1), "xy");
});

test("a click while a file still uploads waits for it and sends the file, not null", async () => {
  const { store, client, engine } = setup(
    [c(1, "image"), c(2, "textbox"), c(3, "button")],
    [dep(0, { targets: [[3, "click"]], inputs: [1], outputs: [2] })],
  );
  let uploaded!: () => void;
  const upload = new Promise<void>((resolve) => (uploaded = resolve));
  Object.assign(client, { uploading: true, uploadsSettled: () => upload });
  engine.trigger(3, "click");
  await flush();
  assert.equal(client.calls.length, 0, "nothing is sent while the file uploads");
  const file = { path: "/tmp/x.png", url: "/file=/tmp/x.png", meta: { _type: "gradio.FileData" } };
  store.setValue(1, file, "user");  // what the component does when its upload ends
  Object.assign(client, { uploading: false });
  uploaded();
  await flush();
  assert.equal(client.calls.length, 1);
  assert.deepEqual(client.calls[0]!.req.data, [file]);
});

test("a streamed value held for the next frame never lands over a later event's answer", async () => {
  // As in Gradio, where each message applies as it arrives: the stream's "ab" came before
  // Clear's answer, so Clear's stays (the stream_audio race: a late chunk must not win).
  const { store, client, engine } = setup(
    [c(1, "textbox"), c(2, "button"), c(4, "button")],
    [
      dep(0, { targets: [[2, "click"]], outputs: [1], types: { generator: true, cancel: false } }),
      dep(1, { targets: [[4, "click"]], outputs: [1] }),
    ],
  );
  engine.trigger(2, "click");
  await flush();
  const stream = client.calls[0]!;
  stream.send({ type: "data", data: ["a"], generating: true });
  stream.send({ type: "data", data: ["ab"], generating: true }); // same frame: held
  engine.trigger(4, "click");
  await flush();
  client.calls[1]!.finish([data("cleared"), complete]);
  assert.equal(store.value(1), "cleared");
  await new Promise((r) => setTimeout(r, 150)); // the stream's next frame
  assert.equal(store.value(1), "cleared");
  stream.send({ type: "data", data: ["abc"], generating: true }); // a later value still shows
  assert.equal(store.value(1), "abc");
});
