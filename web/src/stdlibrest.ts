/**
 * The boot stdlib's second zip (`wasmui.trim`, manifest `stdlibRest`).
 *
 * The site's `python_stdlib.zip`, which Pyodide writes before the interpreter starts, holds only
 * what the interpreter's own initialisation imports (`encodings`); the rest of the boot set comes
 * in a second zip, asked for as the wasm's last bytes arrive. It must be on `sys.path` before Pyodide's
 * bootstrap (which imports ~130 modules) runs: `withRestStdlib` waits for it between the two, so
 * linking the wasm and initialising the interpreter overlap its download.
 */

import type { CoreFetch } from "./precompressed";

/**
 * How many bytes before the end of one download the next one is asked for: about one round trip
 * of a slow link (4G: 100 ms at 9 Mbit/s is ~110 kB), so the link does not idle between them
 * while the earlier one keeps most of it. Each next file is needed later than the one before
 * (the wasm, then the stdlib's second zip, then the wheel), and on one link a longer overlap
 * only slows the earlier one. Measured on 4G (hello, cold, 6 visits a side, the bench's link
 * model): 128 kB instead of 320 kB had the second zip's first part in 80 ms sooner, TTI 3.90 s
 * against 3.95 s.
 */
export const LEAD_BYTES = 128_000;

/**
 * Settles LEAD_BYTES before the precompressed `url` is downloaded (`sizes`: the manifest's
 * [inflated, sent] bytes by site path), or with `fallback`, whichever is first.
 */
export function nearlyIn(core: CoreFetch, sizes: Record<string, [number, number]> | undefined, base: string, url: string,
  fallback: Promise<unknown>): Promise<unknown> {
  const [inflated, sent] = Object.entries(sizes ?? {}).find(([path]) => new URL(path, base).href === url)?.[1] ?? [0, 0];
  if (sent <= LEAD_BYTES) return fallback;
  return Promise.race([fallback, core.nearly(url, Math.floor(inflated * (1 - LEAD_BYTES / sent)))]);
}

/** Where the second zip is written (on `sys.path` right after Pyodide's own zip). */
export const REST_PATH = "/lib/wasmui_stdlib_rest.zip";
/** Where the second zip's part `index` (see `RestPart`) is written. */
export function warmPath(index: number): string {
  return `/lib/wasmui_stdlib_warm${index}.zip`;
}

/**
 * The second zip's file is several zips end to end (manifest `stdlibRestWarm`, `wasmui.trim`): the
 * first ones (each `bytes` long, in order) hold the stdlib modules their `imports` need (re,
 * asyncio, zipfile...), which are imported as soon as that part is in, while the next parts and
 * the last zip (Pyodide's own modules and the rest) still download; Pyodide's bootstrap then finds
 * them imported. Measured on 4G: the interpreter waited idle for the second zip, and the
 * bootstrap's imports followed it; with one first part (2.4 MB) it waited for all of it. Three
 * parts of ~800 kB (hello, cold, gzip, 8 visits a side, bench/cold_ab.py): the early imports
 * done 195 ms sooner (3.54 s against 3.74 s), TTI 3.91 s against 4.00 s (the wheel, downloaded
 * last, is now what the interpreter waits for); locally no difference (1.50 s against 1.49 s).
 */
export interface RestPart {
  bytes: number;
  imports: string[];
}

/** The second zip's file, read as it downloads: each first part as soon as it is in, then the rest. */
export interface RestParts {
  /** The whole file (kept with the snapshot). */
  whole: Promise<Uint8Array>;
  /** The first parts, in order (none: the file is one zip). */
  warm: Promise<Uint8Array>[];
  /** The zip after the first parts (the whole file when it is one zip). */
  rest: Promise<Uint8Array>;
}

/** `[first parts, the rest]` of the second zip's file `bytes` (`parts`: none, the whole file is one zip). */
export function splitRest(bytes: Uint8Array, parts: RestPart[] | null | undefined, url = "the stdlib's second zip"): [Uint8Array[], Uint8Array] {
  const ends = partEnds(parts);
  const total = ends.at(-1) ?? 0;
  if (ends.length && bytes.length <= total) {
    throw new Error(`${url} is truncated: ${bytes.length} bytes, its first parts alone are ${total} (rebuild the site?)`);
  }
  return [ends.map((end, i) => bytes.subarray(i ? ends[i - 1] : 0, end)), bytes.subarray(total)];
}

/** Where each part ends in the file. */
function partEnds(parts: RestPart[] | null | undefined): number[] {
  let at = 0;
  return (parts ?? []).map((part) => (at += part.bytes));
}

/** Reads `response`'s body into `RestParts` (each first part settles once the bytes up to its end are in). */
export function readRest(response: Promise<Response>, parts: RestPart[] | null | undefined, url: string): RestParts {
  const ends = partEnds(parts);
  const settle: ((bytes: Uint8Array) => void)[] = [];
  const fail: ((error: unknown) => void)[] = [];
  const warm = ends.map(() => new Promise<Uint8Array>((resolve, reject) => { settle.push(resolve); fail.push(reject); }));
  const failAll = (error: unknown): void => fail.forEach((reject) => reject(error));
  const whole = (async () => {
    const body = (await response).body;
    if (!body) throw new Error(`${url}: no body`);
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    let settled = 0;
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks.push(next.value);
      length += next.value.length;
      // A part is whole once a byte after it is in (the file's last part is never a first part).
      while (settled < ends.length && length > ends[settled]!) {
        settle[settled]!(concat(chunks, length).subarray(settled ? ends[settled - 1] : 0, ends[settled]));
        settled += 1;
      }
    }
    return concat(chunks, length);
  })();
  whole.catch(failAll);
  const rest = whole.then((bytes) => {
    const [firsts, second] = splitRest(bytes, parts, url);
    firsts.forEach((first, i) => settle[i]!(first));  // no-ops for those settled while reading
    return second;
  });
  rest.catch(failAll);
  for (const part of warm) part.catch(() => undefined);
  rest.catch(() => undefined);
  whole.catch(() => undefined);
  return { whole, warm, rest };
}

/** `chunks` (`length` bytes in all) as one array; they are replaced by it, so a later call copies once more, not every chunk again. */
function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  chunks.splice(0, chunks.length, out);
  return out;
}

/** The Emscripten module of the interpreter, as far as this needs it. */
interface InterpreterModule {
  FS: { writeFile(path: string, data: Uint8Array): void };
  stringToNewUTF8(text: string): number;
  _PyRun_SimpleString(code: number): number;
  _free(pointer: number): void;
}

/** Pyodide's `createPyodideModule` (the glue's default export). */
export type CreateModule = (settings: Record<string, unknown>) => Promise<unknown>;

/** Python that puts `path` on `sys.path` after the stdlib zip (once; binds no name in `__main__`).
 * Its file exists by now: an importer looked up before would be cached as none. */
function onSysPath(path: string): string {
  const quoted = JSON.stringify(path);
  return `_p = __import__("sys").path
if ${quoted} not in _p:
    _p.insert(1 + next(i for i, e in enumerate(_p) if e.endswith(".zip")), ${quoted})
__import__("sys").path_importer_cache.pop(${quoted}, None)
del _p
`;
}

/** Python importing `names` (a first part's modules), saying on stderr which failed (a stale build:
 * harmless, Pyodide's bootstrap imports them again from the whole boot set).
 *
 * `ssl` is kept out while they import: asyncio imports it only to be able to wrap sockets in TLS
 * (`try: import ssl except ImportError`), which a browser has no sockets for, and executing it
 * (its enums) costs ~20 ms of a first visit. asyncio then runs without TLS; `import ssl` by the
 * app still works (the marker is removed after). `compile_pyc.mjs` traces the same way
 * (WARMING), so builds leave `ssl` out of the boot set. */
export function warmImports(names: string[]): string {
  return `def _wasmui_warm(names):
    modules = __import__("sys").modules
    blocked = "ssl" not in modules
    if blocked:
        modules["ssl"] = None
    try:
        for name in names:
            try:
                __import__(name)
            except Exception as error:
                print(f"wasmui: the early import of {name} failed: {error!r}", file=__import__("sys").stderr)
    finally:
        if blocked and modules.get("ssl", 0) is None:
            del modules["ssl"]
_wasmui_warm(${JSON.stringify(names)})
del _wasmui_warm
`;
}

function run(module: InterpreterModule, source: string, what: string): void {
  const code = module.stringToNewUTF8(source);
  const failed = module._PyRun_SimpleString(code);
  module._free(code);
  if (failed) throw new Error(`could not ${what} (see stderr)`);
}

/** A step of `withRestStdlib` (`stdlib-warm-in`: the first part is in; `stdlib-part-in`: a later one is). */
export type RestStep = "initialised" | "stdlib-warm-in" | "stdlib-part-in" | "stdlib-warm" | "stdlib-rest";

/**
 * `create` that, once the interpreter is initialised and before Pyodide's bootstrap runs, waits
 * for the second zip (`rest`), writes it and puts it on `sys.path`; when the file has first parts
 * (`RestParts.warm`), each is written and its modules (`parts[i].imports`) imported as soon as it
 * is in. Pyodide's Python API does not exist yet at that point: this goes through the C API. A
 * restore (`noInitialRun`: the interpreter comes from the snapshot, which has the paths already)
 * only writes the files.
 */
export function withRestStdlib(create: CreateModule, rest: RestParts, parts: RestPart[],
  mark: (step: RestStep) => void = () => undefined): CreateModule {
  return async (settings) => {
    const module = await create(settings) as InterpreterModule;
    mark("initialised");
    const restore = Boolean(settings.noInitialRun);
    for (const [i, part] of rest.warm.entries()) {
      const path = warmPath(i);
      module.FS.writeFile(path, await part);
      mark(i ? "stdlib-part-in" : "stdlib-warm-in");
      if (!restore) {
        run(module, onSysPath(path), `put ${path} on sys.path`);
        run(module, warmImports(parts[i]?.imports ?? []), "import the stdlib's first modules");
      }
    }
    if (rest.warm.length) mark("stdlib-warm");
    module.FS.writeFile(REST_PATH, await rest.rest);
    if (!restore) run(module, onSysPath(REST_PATH), `put ${REST_PATH} on sys.path`);
    mark("stdlib-rest");
    return module;
  };
}
