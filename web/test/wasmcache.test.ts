/**
 * wasmcache.ts: after `shareSmallModules`, a small wasm module's bytes compile once (Emscripten's
 * per-function wrappers share their signature's module) and every instance keeps its own imports;
 * big modules, `instanceof`, static methods and errors behave as before.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { shareSmallModules } from "../src/wasmcache.js";

/** Emscripten's wrapper: imports e.f of the type `params -> result` and exports it as f. */
function wrapper(params: number[], result: number[]): Uint8Array {
  const type = [1, 0x60, params.length, ...params, result.length, ...result];
  return Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 1, type.length, ...type, 2, 7, 1, 1, 101, 1, 102, 0, 0, 7, 5, 1, 1, 102, 0, 0);
}

test("small modules with the same bytes are compiled once; each instance has its own import", () => {
  const Native = WebAssembly.Module;
  shareSmallModules();
  shareSmallModules();  // once
  assert.notEqual(WebAssembly.Module, Native);
  const a = new WebAssembly.Module(wrapper([0x7f], [0x7f]));
  const b = new WebAssembly.Module(wrapper([0x7f], [0x7f]).slice());
  const c = new WebAssembly.Module(wrapper([0x7f, 0x7f], [0x7f]));
  assert.equal(a, b);
  assert.notEqual(a, c);
  assert.ok(a instanceof WebAssembly.Module && a instanceof Native);
  assert.deepEqual(WebAssembly.Module.exports(a), [{ name: "f", kind: "function" }]);
  const double = new WebAssembly.Instance(a, { e: { f: (x: number) => x * 2 } }).exports.f as (x: number) => number;
  const negate = new WebAssembly.Instance(b, { e: { f: (x: number) => -x } }).exports.f as (x: number) => number;
  assert.equal(double(21), 42);
  assert.equal(negate(21), -21);
  // An ArrayBuffer works too, and bad bytes still throw CompileError.
  assert.equal(new WebAssembly.Module(wrapper([0x7f], [0x7f]).buffer as ArrayBuffer), a);
  assert.throws(() => new WebAssembly.Module(Uint8Array.of(0, 97, 115, 109, 9, 9, 9, 9)), WebAssembly.CompileError);
  assert.throws(() => (WebAssembly.Module as unknown as (b: Uint8Array) => unknown)(wrapper([], [])), TypeError);
});

test("a big module is compiled each time", () => {
  shareSmallModules();
  // A module with a 300-byte custom section: above the shared size.
  const name = [4, 98, 105, 103, 33];  // "big!"
  const payload = new Array(300).fill(7);
  const size = name.length + payload.length;
  const bytes = Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 0, (size & 0x7f) | 0x80, size >> 7, ...name, ...payload);
  assert.notEqual(new WebAssembly.Module(bytes), new WebAssembly.Module(bytes));
});
