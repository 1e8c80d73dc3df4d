/**
 * What a repeat visit restores from: the memory snapshot and the inflated core files stored with
 * it (`snapshot.ts`), read in the order the restore needs them, and the stored wasm compiled
 * before Pyodide asks for it.
 */
import { importFromResponse } from "./bootfiles";
import { SNAPSHOT, type SnapshotStore, bytesOf, bytesResponse } from "./snapshot";
import { forEachPage, sparseLength } from "./sparse";

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
  /** As stored: without its zero pages (`sparse.ts`). */
  sparseSnapshot: Promise<Uint8Array>;
  core: Map<string, Promise<Response | null>>;
}

/**
 * `store`'s snapshot and core files as they are read (null: no snapshot stored). A damaged file
 * rejects its promise (SnapshotStore.loadCore).
 */
export async function readSnapshot(store: SnapshotStore): Promise<SnapshotRead | null> {
  // One after the other, in the order the restore needs them (each read is quick but holds the
  // worker's thread: measured from OPFS, 9.6 MB in ~10 ms): Pyodide's JS (18 kB, imported from a
  // blob meanwhile), the wasm (its compile, ~75 ms on other threads, is what the interpreter's
  // start waits for longest), the glue (1.2 MB, evaluated once the snapshot is read), the
  // snapshot, then the files wanted only once Python runs.
  const order = [PYODIDE_JS, "pyodide.asm.wasm", "pyodide.asm.mjs", SNAPSHOT_FILE, ...CORE_NAMES, WHEEL];
  store.openFiles([...new Set(order)].map((name) => name === SNAPSHOT_FILE ? SNAPSHOT : name));
  const core = new Map<string, Promise<Response | null>>();
  let snapshot: Promise<Uint8Array | null> = Promise.resolve(null);
  let previous: Promise<unknown> = Promise.resolve();
  for (const name of new Set(order)) {
    const after = previous.then(() => undefined, () => undefined);
    if (name === SNAPSHOT_FILE) {
      snapshot = after.then(() => store.loadSparse());
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
  return { sparseSnapshot: snapshot.then((bytes) => { if (!bytes) throw new Error("the snapshot went away"); return bytes; }), core };
}

/** Stands for the snapshot in the read order of `readSnapshot`. */
const SNAPSHOT_FILE = "(snapshot)";

/**
 * The glue's default export (`createPyodideModule`) from its stored copy (`response`, at `url`):
 * evaluated as a function body here when it can be (`glueFunction`), else imported from a blob.
 * Measured on a repeat visit: the blob import's load went through the browser process (~40 ms
 * from request to response) and was then compiled on this thread unstreamed (~23 ms), the
 * interpreter's start waiting for both; compiling the text here costs the latter only.
 */
export async function storedGlue(response: Response, url: string): Promise<unknown> {
  const bytes = bytesOf(response);
  return (bytes && glueFunction(new TextDecoder().decode(bytes), url)) || importFromResponse(response);
}

/** Where `glueFunction` puts the module's `import.meta.url`. */
const META_URL = "__wasmuiGlueURL";

/**
 * The default export of the ES module `text` (Emscripten's glue: one function declaration, then
 * `export default` of it; no static imports, no top-level await), evaluated as the body of a
 * function with `import.meta.url` as `url`; null for any other module, or where the page's
 * Content-Security-Policy forbids evaluating code (then the caller imports it).
 */
export function glueFunction(text: string, url: string): unknown {
  const exported = /\bexport default ([A-Za-z_$][\w$]*);\s*$/.exec(text);
  if (!exported) return null;
  const body = text.slice(0, exported.index).replaceAll("import.meta.url", META_URL);
  if (/\bimport\.meta\b|\bexport (default|const|let|var|function|class|async|\{)|^\s*import\s*[\w{*"']/m.test(body)) return null;
  const name = exported[1]!;
  for (const source of [eagerly(body, name), body]) {
    if (source === null) continue;
    try {
      // The stored glue, which the boot would import anyway; `sourceURL` names it in stack traces.
      const factory = new Function(META_URL, `"use strict";${source}\nreturn ${name};\n//# sourceURL=${url}`) as (meta: string) => unknown;
      const value = factory(url);
      if (typeof value === "function") return value;
    } catch {
      // a CSP without 'unsafe-eval', or text this does not understand
    }
  }
  return null;
}

/**
 * `body` (a module that is one declaration of the function `name`) with that declaration made a
 * parenthesised expression, which V8 compiles with the module instead of on the function's first
 * call: while the wasm still compiles on other threads, not after (measured on a repeat visit:
 * ~40 ms of parsing and compiling the glue's 900 kB function between the wasm's compile and its
 * instantiation). Null when `body` has another shape; text after the function fails to compile,
 * and the caller then evaluates `body` as it is.
 */
function eagerly(body: string, name: string): string | null {
  const declaration = new RegExp(`^\\s*(?:async\\s+)?function\\s+${name.replaceAll("$", "\\$")}\\s*\\(`).test(body);
  const text = body.trim();
  return declaration && text.endsWith("}") ? `var ${name}=(${text});` : null;
}

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
  const bytes = bytesOf(response);
  const module = await (bytes ? WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>) : WebAssembly.compileStreaming(response));
  precompiled.set(stand, module);
  return stand;
}

const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
WebAssembly.instantiateStreaming = async (source: Response | PromiseLike<Response>, imports?: WebAssembly.Imports) => {
  const response = await source;
  const module = precompiled.get(response);
  const bytes = bytesOf(response);
  if (!module && !bytes) return instantiateStreaming(response, imports);
  void response.body?.cancel().catch(() => undefined);
  if (module) return { module, instance: await WebAssembly.instantiate(module, imports) };
  // Stored bytes (the snapshot interpreter's) compile off this thread too (`bytesOf`).
  return WebAssembly.instantiate(bytes as Uint8Array<ArrayBuffer>, imports);
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
  return bytesResponse(bytes, url.endsWith(".wasm") ? "application/wasm" : "application/octet-stream");
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

/** What `restoreSparse` uses of a Pyodide module (the glue's exports, `pyodide.asm.mjs`). */
interface PyodideModule {
  API: { restoreSnapshot(snapshot: Uint8Array): unknown };
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  growMemory(size: number): unknown;
  _emscripten_get_sbrk_ptr(): number;
  ___stack_high: number;
  ___heap_base: number;
}
/** Pyodide's snapshot: a header, then the memory from the offset in the header's second u32. */
const MEMORY_OFFSET_AT = 4;

/**
 * `createPyodideModule` (the glue's export) made to restore a sparse snapshot (`sparse.ts`)
 * straight into the wasm memory: hand Pyodide the sparse bytes as `_loadSnapshot`. Pyodide's own
 * restore wants the whole memory: expanding the sparse form (31.5 MB) and copying it in
 * (`HEAP8.set`) held the worker's thread ~20-30 ms, and wrote every zero page of a memory that is
 * mostly zero already.
 */
export function restoringSparse<M>(createPyodideModule: (settings: object) => Promise<M>): (settings: object) => Promise<M> {
  return async (settings) => {
    const module = await createPyodideModule(settings);
    const api = (module as PyodideModule).API;
    const restore = api.restoreSnapshot.bind(api);
    api.restoreSnapshot = (sparse) => restoreSparse(module as PyodideModule, sparse, restore);
    return module;
  };
}

/**
 * Restores `sparse` into `module`'s memory as Pyodide's `restoreSnapshot` would the expanded
 * snapshot: its header goes through Pyodide's own check (magic, build id) and parse, handed
 * without the memory; then each stored page is copied in and each left-out page zeroed where the
 * memory may not be zero. Before the restore only the start of the memory was written (data
 * segments, the stack, what Emscripten allocated: all below the heap's break); above it the memory
 * is zero as the instance made it.
 */
function restoreSparse(module: PyodideModule, sparse: Uint8Array, restore: (snapshot: Uint8Array) => unknown): unknown {
  const length = sparseLength(sparse);
  const start = readRange(sparse, 0, MEMORY_OFFSET_AT + 4);
  const offset = new DataView(start.buffer).getUint32(MEMORY_OFFSET_AT, true);
  if (offset > length) throw new Error("the snapshot's memory offset is past its end");
  const restored = restore(readRange(sparse, 0, offset));
  if (length - offset > module.HEAPU8.length) module.growMemory(length - offset);  // grown memory is zero
  const memory = module.HEAPU8;
  const written = Math.max(module.HEAPU32[module._emscripten_get_sbrk_ptr() >>> 2]!, module.___stack_high, module.___heap_base);
  forEachPage(sparse, (at, run) => {
    if (at + run.length <= offset) return;
    memory.set(at < offset ? run.subarray(offset - at) : run, Math.max(0, at - offset));
  }, (at, size) => {
    const from = Math.max(0, at - offset);
    const to = Math.min(at + size - offset, written);
    if (to > from) memory.fill(0, from, to);
  });
  return restored;
}

/** Bytes `[start, end)` of the memory a sparse snapshot stands for. */
export function readRange(sparse: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  forEachPage(sparse, (at, run) => {
    if (at < end && at + run.length > start) {
      const from = Math.max(start, at);
      out.set(run.subarray(from - at, Math.min(end, at + run.length) - at), from - start);
    }
  }, () => undefined);
  return out;
}
