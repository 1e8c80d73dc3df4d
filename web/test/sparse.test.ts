/** Sparse snapshots: zero pages left out, the memory restored byte for byte, damage refused. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { expand, forEachPage, isSparse, sparsify } from "../src/sparse.js";

/** A memory of `pages` 4 kB pages (plus `tail` bytes) where `filled` pages hold data. */
function memory(pages: number, filled: number[], tail = 0): Uint8Array {
  const bytes = new Uint8Array(pages * 4096 + tail);
  for (const page of filled) {
    for (let i = 0; i < 4096 && page * 4096 + i < bytes.length; i += 97) bytes[page * 4096 + i] = (page + i) % 251 || 1;
  }
  if (tail) bytes[bytes.length - 1] = 7;
  return bytes;
}

test("zero pages are left out and the memory comes back identical", () => {
  const original = memory(64, [0, 1, 5, 63]);
  const sparse = sparsify(original);
  assert.ok(isSparse(sparse));
  assert.ok(sparse.length < 4 * 4096 + 100, `stored ${sparse.length} bytes for 4 non-zero pages`);
  assert.deepEqual(expand(sparse), original);
});

test("a length that is not a whole number of pages, a page with one byte set, all zeros", () => {
  for (const original of [memory(3, [2], 123), memory(8, []), memory(0, [], 5)]) {
    assert.deepEqual(expand(sparsify(original)), original);
  }
  const one = new Uint8Array(3 * 4096);
  one[2 * 4096 + 4095] = 1;  // the last byte of the last page
  assert.deepEqual(expand(sparsify(one)), one);
});

test("a memory that does not start on a word boundary is read correctly", () => {
  const backing = memory(5, [1, 3], 3);
  const view = backing.subarray(1);
  assert.deepEqual(expand(sparsify(view)), view);
});

test("a truncated or extended stored snapshot is refused, a whole one is not mistaken for sparse", () => {
  const sparse = sparsify(memory(16, [2, 9]));
  assert.throws(() => expand(sparse.subarray(0, sparse.length - 10)), /truncated/);
  const longer = new Uint8Array(sparse.length + 4);
  longer.set(sparse);
  assert.throws(() => expand(longer), /trailing/);
  assert.equal(isSparse(memory(4, [0])), false);
});

test("stored pages come as one call per run, left-out pages as one per gap, covering the memory in order", () => {
  const original = memory(20, [0, 1, 2, 5, 6, 19], 100);  // the tail page is stored too (its last byte is set)
  const calls: [string, number, number][] = [];
  forEachPage(sparsify(original), (at, run) => calls.push(["stored", at, run.length]), (at, length) => calls.push(["zero", at, length]));
  assert.deepEqual(calls, [
    ["stored", 0, 3 * 4096], ["zero", 3 * 4096, 2 * 4096], ["stored", 5 * 4096, 2 * 4096],
    ["zero", 7 * 4096, 12 * 4096], ["stored", 19 * 4096, 4096 + 100],
  ]);
  const zeros: [string, number, number][] = [];
  forEachPage(sparsify(memory(3, [])), (at, run) => zeros.push(["stored", at, run.length]), (at, length) => zeros.push(["zero", at, length]));
  assert.deepEqual(zeros, [["zero", 0, 3 * 4096]]);
});
