/** applyDiff: Gradio's streaming edits on the previous output value. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { applyDiff, type Edit } from "../src/shell/client/diff.js";

test("append to a string at the root (streamed text)", () => {
  assert.equal(applyDiff("Hel", [["append", [], "lo"]]), "Hello");
});

test("replace at the root", () => {
  assert.deepEqual(applyDiff("old", [["replace", [], { a: 1 }]]), { a: 1 });
});

test("append to a nested string and to a list", () => {
  const prev = { messages: [{ role: "assistant", content: "Hi" }], tags: ["a"] };
  const edits: Edit[] = [
    ["append", ["messages", 0, "content"], " there"],
    ["append", ["tags"], ["b", "c"]],
  ];
  assert.deepEqual(applyDiff(prev, edits), { messages: [{ role: "assistant", content: "Hi there" }], tags: ["a", "b", "c"] });
});

test("add inserts into a list at an index and sets an object key", () => {
  assert.deepEqual(applyDiff([1, 3], [["add", [1], 2]]), [1, 2, 3]);
  assert.deepEqual(applyDiff({ a: 1 }, [["add", ["b"], 2]]), { a: 1, b: 2 });
});

test("delete removes a list item (shifting the rest) and an object key", () => {
  assert.deepEqual(applyDiff([1, 2, 3], [["delete", [0], null]]), [2, 3]);
  assert.deepEqual(applyDiff({ a: 1, b: 2 }, [["delete", ["a"], null]]), { b: 2 });
});

test("edits apply in order", () => {
  const edits: Edit[] = [["add", [0], "x"], ["replace", [0], "y"], ["append", [0], "z"]];
  assert.deepEqual(applyDiff([], edits), ["yz"]);
});

test("the previous value is never mutated (views compare old and new)", () => {
  const prev = { messages: [{ content: "a" }] };
  const frozen = structuredClone(prev);
  const next = applyDiff(prev, [["append", ["messages", 0, "content"], "b"], ["add", ["messages", 1], { content: "c" }]]);
  assert.deepEqual(prev, frozen);
  assert.notEqual(next, prev);
});

test("add or delete at the root is an error", () => {
  assert.throws(() => applyDiff([1], [["add", [], 2]]), /not valid at the root/);
  assert.throws(() => applyDiff([1], [["delete", [], null]]), /not valid at the root/);
});
