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
 * How many bytes before the end of one download the next one is asked for. The link must not
 * idle for a round trip between them; sharing it a little longer only delays the earlier one
 * by what the CPU spends before it needs the later one anyway (measured on 4G, 9 Mbit/s and
 * 100 ms: ~0.3 s from the wasm's last byte to the interpreter's bootstrap, which needs the
 * stdlib's second zip).
 */
export const LEAD_BYTES = 320_000;

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

/** The Emscripten module of the interpreter, as far as this needs it. */
interface InterpreterModule {
  FS: { writeFile(path: string, data: Uint8Array): void };
  stringToNewUTF8(text: string): number;
  _PyRun_SimpleString(code: number): number;
  _free(pointer: number): void;
}

/** Pyodide's `createPyodideModule` (the glue's default export). */
export type CreateModule = (settings: Record<string, unknown>) => Promise<unknown>;

/** Python that puts `path` on `sys.path` after the stdlib zip (once; binds no name in `__main__`). */
function onSysPath(path: string): string {
  const quoted = JSON.stringify(path);
  return `_p = __import__("sys").path
if ${quoted} not in _p:
    _p.insert(1 + next(i for i, e in enumerate(_p) if e.endswith(".zip")), ${quoted})
del _p
`;
}

/**
 * `create` that, once the interpreter is initialised and before Pyodide's bootstrap runs, waits
 * for `rest` (the second zip's bytes), writes it and puts it on `sys.path`. Pyodide's Python API
 * does not exist yet at that point: the path goes in through the C API. A restore (`noInitialRun`:
 * the interpreter comes from the snapshot, which has the path already) only writes the file.
 */
export function withRestStdlib(create: CreateModule, rest: Promise<Uint8Array>, initialised: () => void = () => undefined,
  mounted: () => void = () => undefined): CreateModule {
  return async (settings) => {
    const module = await create(settings) as InterpreterModule;
    initialised();
    if (!settings.noInitialRun) {
      // Before the bytes are in: this first Python source compiled warms the compiler up while
      // the zip downloads, and nothing imports until the file is there.
      const code = module.stringToNewUTF8(onSysPath(REST_PATH));
      const failed = module._PyRun_SimpleString(code);
      module._free(code);
      if (failed) throw new Error(`could not put ${REST_PATH} on sys.path (see stderr)`);
    }
    module.FS.writeFile(REST_PATH, await rest);
    mounted();
    return module;
  };
}

/** After a restore: the second zip written again (the file system is not in the snapshot) and on `sys.path`. */
export function mountRestStdlib(pyodide: { FS: InterpreterModule["FS"]; runPython(code: string): unknown }, bytes: Uint8Array): void {
  pyodide.FS.writeFile(REST_PATH, bytes);
  pyodide.runPython(onSysPath(REST_PATH));
}
