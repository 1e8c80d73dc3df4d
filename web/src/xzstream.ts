/**
 * The xz decoder for the precompressed siblings of the interpreter's wasm and the wasmui wheel
 * (`X.xz`, `wasmui/precompress.py`). Its own chunk: the worker imports it only when the site has an xz
 * sibling (`precompressed.ts`), so a site without one never downloads it.
 *
 * xz-decompress: xz-embedded compiled to wasm (MIT / public domain), 20 kB of JS with its wasm
 * inlined, 9 kB gzipped. Measured in headless Chromium on the 9.6 MB Pyodide wasm it inflates
 * ~40 MB/s, as fast as fzstd does Zstandard, from 9% fewer bytes.
 *
 * It decodes one stream at a time (a later stream waits until the earlier one has been read to
 * its end; without that wait, streams decoded side by side corrupt each other's input when the
 * decoder's memory grows, measured: XZ_DATA_ERROR on the wasm). That is why the JS glue is not xz
 * (it must be inflated before Pyodide reads the wasm: both as xz would deadlock), nor the stdlib
 * (it would wait for the whole wasm); the wheel is asked for once the wasm is in.
 */
import * as xzDecompress from "xz-decompress";

// A UMD (CommonJS) package: the bundler gives its exports as `default` and by name, Node's ESM
// loader (the unit tests) only as `default`.
const { XzReadableStream } = (xzDecompress as { default?: typeof xzDecompress }).default ?? xzDecompress;

/** `body` (one .xz stream) inflated, as the decoder yields it (64 kB chunks, possibly empty ones). */
export function xzReadable(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  return new XzReadableStream(body);
}
