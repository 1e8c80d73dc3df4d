/**
 * The page's inline boot script (`wasmui build` copies `assets/early.js` into each app's
 * `index.html`, right after a JSON `<script id="wasmui-early">`): it runs while the HTML is
 * still parsing, so the interpreter, the stdlib and the app's files start
 * downloading one round trip after the HTML instead of after the page bundle, the worker
 * script and the manifest (the old chain of four requests).
 *
 * It starts the app's worker at once and hands it each response body as it arrives
 * (transferred streams); `<wasmui-app>` later adopts that worker (`takeEarlyWorker`).
 * It must stay a plain script with no imports: it is inlined, not loaded.
 */

interface EarlySpec {
  /** The app's name: `<wasmui-app name>` adopts the worker started for it. */
  name: string;
  /** The worker script, relative to the page. */
  worker: string;
  /** The site's `wasmui-manifest.json`, inlined (the worker then does not fetch it). */
  manifest: unknown;
  /** What to download now: [path relative to the page, precompressed sibling's encoding or null]. */
  fetch: [string, "xz" | "zst" | "gz" | null][];
}

(() => {
  const element = document.getElementById("wasmui-early");
  if (!element?.textContent) return;
  const spec = JSON.parse(element.textContent) as EarlySpec;
  let worker: Worker;
  // The worker's name carries what names the build (after a newline): the worker starts restoring a
  // stored snapshot as its script runs. A message would wait for this page's main thread, busy
  // with the page's own JS then (measured: the worker got it 40-55 ms after it started).
  const known = spec.manifest as { build?: string; wheel?: string; pyodide?: unknown } | undefined;
  const ahead = known?.wheel && !known.pyodide ? `\n${JSON.stringify({ build: known.build, wheel: known.wheel })}` : "";
  try {
    worker = new Worker(new URL(spec.worker, document.baseURI), { type: "module", name: `wasmui-${spec.name}${ahead}` });
  } catch {
    return;  // <wasmui-app> starts its own worker
  }
  // The manifest names the build: the worker starts restoring a stored snapshot of it at once.
  worker.postMessage({ type: "expect", urls: [], manifest: spec.manifest });
  const urls = spec.fetch.map(([path, encoding]) => [new URL(path, document.baseURI).href, encoding] as const);
  const start = (want: (url: string) => boolean): void => {
    const wanted = urls.filter(([url]) => want(url));
    if (wanted.length === 0) return;
    // Announced first (messages keep their order): the worker waits for these instead of fetching them again.
    worker.postMessage({ type: "expect", urls: wanted.map(([url]) => url) });
    for (const [url, encoding] of wanted) {
      fetch(encoding ? `${url}.${encoding}` : url).then((response) => {
        const body = response.ok ? response.body : null;
        const early = { url, encoding, status: response.status, contentEncoding: response.headers.get("content-encoding"), body };
        worker.postMessage({ type: "early", early }, body ? [body] : []);
      }, (error: unknown) => {
        const early = { url, encoding, status: 0, contentEncoding: null, body: null, error: String(error) };
        worker.postMessage({ type: "early", early });
      });
    }
  };
  // A repeat visit: the worker restores the stored snapshot with the interpreter, stdlib, glue, lock
  // and wheel stored beside it, so none of them is asked of the network (on a host that revalidates,
  // each was a round trip competing with the page's own files). The key is SnapshotStore's
  // (web/src/snapshot.ts; this script has no imports).
  const manifest = spec.manifest as { build?: string; wheel?: string; pyodide?: unknown } | undefined;
  const siteBase = new URL("../", new URL(spec.worker, document.baseURI)).href;
  const indexURL = new URL("pyodide/", siteBase).href;
  const build = manifest?.build ?? manifest?.wheel;
  const key = `${new URL("__wasmui-snapshot/", siteBase).href}${encodeURIComponent(build ?? "")}/${encodeURIComponent(indexURL)}`;
  // A hint kept beside it (synchronous, unlike Cache Storage): a first visit does not wait for
  // Cache Storage (opening it on a fresh profile took up to 0.5 s under load) before downloading.
  const hint = `wasmui-snapshot:${key}`;
  // Its value is "app" when the snapshot holds the app already run: its files are in it too.
  // Read only on a page the site's service worker controls, as every repeat visit's page is (it
  // registers on the first visit, its scope the site): a first visit has none, and its first
  // localStorage read is a synchronous round trip to the browser that holds the parser, so the
  // first paint (measured on cold visits: 2-30 ms, 166 ms on a busy machine). Where no service
  // worker runs, every visit downloads here; the worker still restores the snapshot.
  const hinted = ((): string | null => {
    try {
      if (!navigator.serviceWorker?.controller) return null;
      return localStorage.getItem(hint);
    } catch {
      return null;  // storage blocked
    }
  })();
  document.addEventListener("wasmui-snapshot", (event) => {
    if ((event.target as Element | null)?.getAttribute?.("name") !== spec.name) return;  // another app's
    const { action, app } = (event as CustomEvent<{ action?: string; app?: boolean }>).detail ?? {};
    try {
      if (action === "discarded") localStorage.removeItem(hint);
      else localStorage.setItem(hint, app ? "app" : "1");
    } catch {
      // storage blocked: every visit downloads, as without the hint
    }
  });
  if (!build || manifest?.pyodide || typeof caches === "undefined" || hinted === null) {
    start(() => true);
  } else {
    const stored = new Set(["pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs", "pyodide-lock.json"]
      .map((name) => indexURL + name).concat(new URL(manifest!.wheel ?? "", siteBase).href));
    // The app's own files: in the snapshot when it holds the app already run (the worker asks for
    // them itself if it does not adopt that app after all). Else needed on every visit: asked for
    // now, not once Cache Storage answers (with the page's entry kept by the service worker, its
    // boot message may reach the worker first, and the worker would then fetch them a second time).
    const appFiles = new Set(spec.fetch.filter(([, encoding]) => encoding === null).map(([path]) => new URL(path, document.baseURI).href));
    const held = (url: string): boolean => stored.has(url) || (hinted === "app" && appFiles.has(url));
    start((url) => !held(url));
    const rest = (): void => start(held);
    caches.match(key, { cacheName: "wasmui-snapshots" }).then((hit) => { if (!hit) rest(); }, rest);
  }
  const registry = ((window as unknown as { __wasmuiEarly?: Record<string, unknown> }).__wasmuiEarly ??= {});
  registry[spec.name] = { worker, manifest: spec.manifest, script: new URL(spec.worker, document.baseURI).href };
})();
