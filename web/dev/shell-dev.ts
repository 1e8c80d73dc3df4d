/**
 * Dev harness for the shell: fetches `/config` from a native server
 * (`wasmui serve --native app.py` or real Gradio) and mounts the shell in a
 * shadow root with plain `window.fetch`. Exposes `window.__wasmuiShell` so
 * end-to-end tests can unmount / inspect it.
 */

import { mountShell, type GradioConfig } from "../src/shell/index.js";
import { applyDiff } from "../src/shell/client/diff.js";
import { readSSE } from "../src/shell/client/sse.js";

declare global {
  interface Window {
    __wasmuiShell?: { unmount(): void; ready: boolean };
    /** Pure pieces of the protocol client, for browser-run unit tests. */
    __wasmuiShellUnits?: { applyDiff: typeof applyDiff; readSSE: typeof readSSE };
  }
}

window.__wasmuiShellUnits = { applyDiff, readSSE };

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const server = (params.get("server") ?? location.origin).replace(/\/+$/, "");
  const res = await fetch(`${server}/config`);
  if (!res.ok) throw new Error(`GET ${server}/config answered ${res.status}`);
  const config = (await res.json()) as GradioConfig;
  const host = document.getElementById("app")!;
  if (params.get("theme") === "dark") host.classList.add("dark");
  if (params.get("theme") === "light") host.classList.add("light");
  const shadow = host.attachShadow({ mode: "open" });
  const app = await mountShell(shadow, { config, fetch: window.fetch.bind(window), root: server });
  window.__wasmuiShell = { unmount: app.unmount, ready: true };
}

main().catch((e: unknown) => {
  document.getElementById("status")!.textContent = `Shell harness failed: ${String(e)}`;
  console.error(e);
});
