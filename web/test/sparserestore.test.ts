/** A sparse snapshot restored straight into a module's memory: the same bytes as Pyodide's copy of the whole. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readRange, restoringSparse } from "../src/restore.js";
import { expand, sparsify } from "../src/sparse.js";

const PAGE = 4096;

/** A Pyodide-like snapshot: a 48-byte header plus JSON, padded to 16, then `memory`. */
function snapshot(memory: Uint8Array, json = '{"hiwireKeys":[1,2,3]}'): { bytes: Uint8Array; offset: number } {
  const offset = Math.ceil((48 + 2 * json.length) / 16) * 16;
  const bytes = new Uint8Array(offset + memory.length);
  const words = new Uint32Array(bytes.buffer, 0, 3);
  words[0] = 1886286592;
  words[1] = offset;
  words[2] = new TextEncoder().encodeInto(json, bytes.subarray(48)).written;
  bytes.set(memory, offset);
  return { bytes, offset };
}

/** A fake module whose memory (`pages` long) has data below `written` (the heap's break). */
function fakeModule(pages: number, written: number) {
  let heap = new Uint8Array(pages * PAGE);
  for (let i = 0; i < written; i += 61) heap[i] = 0xee;
  const headers: Uint8Array[] = [];
  const module = {
    API: { restoreSnapshot: (header: Uint8Array) => { headers.push(header.slice()); return "metadata"; } },
    get HEAPU8() { return heap; },
    get HEAPU32() { return new Uint32Array(heap.buffer); },
    growMemory(size: number) { const grown = new Uint8Array(Math.ceil(size / 65536) * 65536); grown.set(heap); heap = grown; },
    _emscripten_get_sbrk_ptr: () => 16,
    ___stack_high: 0,
    ___heap_base: 0,
  };
  new Uint32Array(heap.buffer)[4] = written;  // the break, read through the sbrk pointer
  return { module, headers, heap: () => heap };
}

/** A memory image with data on `filled` pages and zeros elsewhere. */
function image(pages: number, filled: number[]): Uint8Array {
  const bytes = new Uint8Array(pages * PAGE);
  for (const page of filled) for (let i = 0; i < PAGE; i += 37) bytes[page * PAGE + i] = (page * 7 + i) % 250 + 1;
  return bytes;
}

test("the memory ends up byte for byte the snapshot's; Pyodide's restore is handed the header alone", async () => {
  const memory = image(64, [0, 1, 7, 30, 63]);
  const { bytes, offset } = snapshot(memory);
  const sparse = sparsify(bytes);
  const fake = fakeModule(64, 20 * PAGE + 100);  // pages 2-20 dirty where the snapshot's are zero
  const module = await restoringSparse(async () => fake.module)({});
  assert.equal(module.API.restoreSnapshot(sparse), "metadata");
  assert.equal(fake.headers.length, 1);
  assert.deepEqual(fake.headers[0], bytes.subarray(0, offset));
  assert.deepEqual(fake.heap(), memory);
});

test("a snapshot of a grown memory grows the module's memory first", async () => {
  const memory = image(40, [3, 39]);
  const sparse = sparsify(snapshot(memory).bytes);
  const fake = fakeModule(16, 5 * PAGE);
  const module = await restoringSparse(async () => fake.module)({});
  module.API.restoreSnapshot(sparse);
  assert.ok(fake.heap().length >= memory.length);
  assert.deepEqual(fake.heap().subarray(0, memory.length), memory);
  assert.ok(fake.heap().subarray(memory.length).every((b) => b === 0));
});

test("a damaged snapshot throws before the memory is touched", async () => {
  const sparse = sparsify(snapshot(image(8, [2])).bytes);
  const fake = fakeModule(8, 3 * PAGE);
  const before = fake.heap().slice();
  const module = await restoringSparse(async () => fake.module)({});
  assert.throws(() => module.API.restoreSnapshot(sparse.subarray(0, sparse.length - 1)), /truncated/);
  assert.deepEqual(fake.heap(), before);
  assert.equal(fake.headers.length, 0);
});

test("readRange reads across stored and left-out pages", () => {
  const memory = image(6, [1, 4]);
  const sparse = sparsify(memory);
  for (const [start, end] of [[0, 10], [PAGE - 5, 3 * PAGE + 9], [4 * PAGE + 1, 6 * PAGE]] as const) {
    assert.deepEqual(readRange(sparse, start, end), memory.subarray(start, end));
  }
  assert.deepEqual(expand(sparse), memory);
});
