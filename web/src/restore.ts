/**
 * What a repeat visit restores from: the memory snapshot and the inflated core files stored with
 * it (`snapshot.ts`), read in the order the restore needs them, and the stored wasm compiled
 * before Pyodide asks for it.
 */
import { SNAPSHOT, type SnapshotStore } from "./snapshot";

/** The core files stored inflated with a snapshot (a first visit keeps those it got precompressed). */
export const CORE_NAMES = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs", "pyodide-lock.json",
  "python_stdlib_rest.zip"];
/** Pyodide's JS (its loader), stored with a snapshot too: on a host that revalidates, importing it by
 * URL was a round trip on a repeat visit (measured on 4G: 304 at ~0.3 s, wanted at ~0.4 s). */
export const PYODIDE_JS = "pyodide.mjs";
/** The stored name of the site's wasmui wheel (its URL comes from the manifest). */
export const WHEEL = "wasmui.whl";

/** A stored snapshot and the inflated core files stored with it, each as it is read. */
export interface SnapshotRead {
  snapshot: Promise<Uint8Array>;
  core: Map<string, Promise<Response | null>>;
}

/**
 * `store`'s snapshot and core files as they are read (null: no snapshot stored). A damaged file
 * rejects its promise (SnapshotStore.loadCore).
 */
export async function readSnapshot(store: SnapshotStore): Promise<SnapshotRead | null> {
  // One after the other, in the order the restore needs them (each read is quick but holds the
  // worker's thread: measured from OPFS, 9.6 MB in ~10 ms): Pyodide's JS (18 kB) and the glue (1.2 MB, its import is
  // then parsed on this thread while the rest is read), the wasm (compiled on other threads
  // meanwhile), the snapshot (expanded here), then the files wanted only once Python runs.
  const order = [PYODIDE_JS, "pyodide.asm.mjs", "pyodide.asm.wasm", SNAPSHOT_FILE, ...CORE_NAMES, WHEEL];
  store.openFiles([...new Set(order)].map((name) => name === SNAPSHOT_FILE ? SNAPSHOT : name));
  const core = new Map<string, Promise<Response | null>>();
  let snapshot: Promise<Uint8Array | null> = Promise.resolve(null);
  let previous: Promise<unknown> = Promise.resolve();
  for (const name of new Set(order)) {
    const after = previous.then(() => undefined, () => undefined);
    if (name === SNAPSHOT_FILE) {
      snapshot = after.then(() => store.load());
      previous = snapshot;
    } else {
      const pending = after.then(() => store.loadCore(name));
      core.set(name, pending);
      previous = pending;
    }
  }
  // Awaited later, one by one: a failed one must not go unhandled meanwhile.
  for (const pending of core.values()) pending.catch(() => undefined);
  snapshot.catch(() => undefined);
  if (!(await store.has())) return null;
  return { snapshot: snapshot.then((bytes) => { if (!bytes) throw new Error("the snapshot went away"); return bytes; }), core };
}

/** Stands for the snapshot in the read order of `readSnapshot`. */
const SNAPSHOT_FILE = "(snapshot)";

/** Compiled wasm modules for the responses that stand for them (see `precompile`). */
const precompiled = new WeakMap<Response, WebAssembly.Module>();

/**
 * `response` (a stored wasm) compiled now, alongside the glue's import, instead of when Pyodide
 * asks; returns the response Pyodide is handed, which `instantiateStreaming` (below) turns into
 * that module. A copy that does not compile throws here, so it never reaches Pyodide (which would
 * wait forever on it).
 */
export async function precompile(response: Response): Promise<Response> {
  // Never read: Pyodide hands it to `instantiateStreaming`, which takes the module instead.
  const stand = new Response(null, { headers: { "content-type": "application/wasm" } });
  const module = await WebAssembly.compileStreaming(response);
  precompiled.set(stand, module);
  return stand;
}

const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
WebAssembly.instantiateStreaming = async (source: Response | PromiseLike<Response>, imports?: WebAssembly.Imports) => {
  const response = await source;
  const module = precompiled.get(response);
  if (!module) return instantiateStreaming(response, imports);
  void response.body?.cancel().catch(() => undefined);
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};


/**
 * Emscripten makes a tiny wasm module per JS function it puts in the function table (~260 while
 * the interpreter starts, `convertJsFunctionToWasm`), compiling one per call although its bytes
 * depend only on the function's signature: the same bytes compile once here, each call still gets
 * its own instance.
 */
const compiledWrappers = new Map<string, WebAssembly.Module>();
WebAssembly.Module = new Proxy(WebAssembly.Module, {
  construct(target, args: [BufferSource]) {
    const bytes = args[0];
    if (!(bytes instanceof Uint8Array) || bytes.length > 64) return Reflect.construct(target, args);
    const key = String.fromCharCode(...(bytes as Uint8Array<ArrayBuffer>));
    let module = compiledWrappers.get(key);
    if (!module) {
      module = Reflect.construct(target, args) as WebAssembly.Module;
      compiledWrappers.set(key, module);
    }
    return module;
  },
});

/** A response for a core file's inflated bytes (`instantiateStreaming` insists on the wasm type). */
export function coreResponse(url: string, bytes: Uint8Array): Response {
  const type = url.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": type } });
}

/** What `appKey` needs of the boot options (`BootOptions`). */
export interface AppSpec {
  siteBase: string;
  rootPath: string;
  appId: string;
  entry: string;
  files: Record<string, string | { url: string }>;
  asgi?: string;
}

/**
 * The name of the app a memory snapshot may hold already run (`wasmui._pyodide.preload`): its id,
 * entry and files (inline sources as they are, fetched ones by URL). A restore adopts the app only
 * under the same name. Null when the snapshot must not hold it: a plain ASGI app, a site without a
 * build hash, or a file from outside the site (the build hash, which keys the snapshot, covers the
 * site's files only: another file may change while the key stays).
 */
export function appKey(options: AppSpec, build: string | undefined): string | null {
  if (options.asgi || !build) return null;
  const files: [string, string | { url: string }][] = [];
  for (const [path, source] of Object.entries(options.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (typeof source !== "string" && !source.url.startsWith(options.siteBase)) return null;
    files.push([path, typeof source === "string" ? source : { url: source.url }]);
  }
  return JSON.stringify({ build, app: options.appId, entry: options.entry, root: options.rootPath, files });
}
