/**
 * Emscripten wraps each JS function it puts in the interpreter's function table in a tiny wasm
 * module of its own (`convertJsFunctionToWasm`): Pyodide's start compiles 260 of them, one
 * synchronous `new WebAssembly.Module` each, right after the interpreter's wasm is in -- but their
 * bytes depend only on the function's signature (29 distinct ones). `shareSmallModules` makes
 * `new WebAssembly.Module(bytes)` of a small module compile each distinct one once; every
 * instance still gets its own imports (a module is instantiated any number of times).
 */

/** Modules up to this size are shared by their bytes (the wrappers are ~40 bytes; the interpreter is megabytes). */
const SMALL = 256;

let installed = false;

/** Installs the cache in this realm's `WebAssembly.Module` (once; `instanceof` and its static methods unchanged). */
export function shareSmallModules(): void {
  if (installed || typeof WebAssembly === "undefined") return;
  installed = true;
  const Native = WebAssembly.Module;
  const shared = new Map<string, WebAssembly.Module>();
  function Module(this: unknown, bytes: BufferSource): WebAssembly.Module {
    if (!new.target) return Reflect.apply(Native, this, [bytes]) as WebAssembly.Module;  // throws as the native one does
    const view = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : null;
    if (!view || view.length > SMALL) return new Native(bytes);
    const key = String.fromCharCode(...view);
    let module = shared.get(key);
    if (!module) {
      module = new Native(bytes);
      shared.set(key, module);
    }
    return module;
  }
  Module.prototype = Native.prototype;
  Object.setPrototypeOf(Module, Native);  // Module.exports(), .imports(), .customSections()
  (WebAssembly as { Module: unknown }).Module = Module;
}
