/** Store: interactive inference, per-type rules, change notifications, updates. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Store, shareEqual, type TypeRules, type ValueSource } from "../src/shell/engine/store.js";
import type { ComponentConfig, DependencyConfig } from "../src/shell/types.js";

function comp(id: number, type: string, props: Record<string, unknown> = {}): ComponentConfig {
  return { id, type, props };
}

function dep(id: number, inputs: number[], outputs: number[]): DependencyConfig {
  return {
    id, targets: [[inputs[0] ?? null, "change"]], inputs, outputs, backend_fn: true, js: null, queue: null,
    show_progress: "full", show_progress_on: null, cancels: [], types: { generator: false, cancel: false },
    trigger_after: null, trigger_only_on_success: false, trigger_only_on_failure: false, trigger_mode: "once",
  };
}

function recorder(store: Store): [number, ValueSource][] {
  const seen: [number, ValueSource][] = [];
  store.setChangeListener((id, source) => seen.push([id, source]));
  return seen;
}

test("interactive: explicit wins, inputs are interactive, outputs with a value are not", () => {
  const store = new Store(
    [
      comp(1, "textbox", { value: "x" }), // input of dep 9
      comp(2, "textbox", { value: "y" }), // output with a value
      comp(3, "textbox", {}), // output without a value: still not interactive
      comp(4, "textbox", {}), // neither input nor output, no default -> interactive
      comp(5, "textbox", { value: "z" }), // neither, with a default -> static
      comp(6, "textbox", { value: "w", interactive: true }),
      comp(7, "textbox", { interactive: false }),
    ],
    [dep(9, [1, 7], [2, 3, 6])],
  );
  const interactive = (id: number): unknown => store.get(id)!.props.value.interactive;
  assert.equal(interactive(1), true);
  assert.equal(interactive(2), false);
  assert.equal(interactive(3), false);
  assert.equal(interactive(4), true);
  assert.equal(interactive(5), false);
  assert.equal(interactive(6), true);
  assert.equal(interactive(7), false);
});

test("a type's emptyValue fills a missing value; other types keep null; rules reach the state", () => {
  const rules: Record<string, TypeRules> = { textbox: { emptyValue: "" }, widget: { emptyValue: [0, 0] }, state: { serverValue: true } };
  const store = new Store(
    [comp(1, "textbox", { value: null }), comp(2, "widget", {}), comp(3, "number", { value: null }), comp(4, "textbox", { value: "kept" }), comp(5, "state", {})],
    [],
    (type) => rules[type] ?? {},
  );
  assert.equal(store.value(1), "");
  assert.deepEqual(store.value(2), [0, 0]);
  assert.equal(store.value(3), null);
  assert.equal(store.value(4), "kept");
  assert.equal(store.get(5)!.rules.serverValue, true);
  assert.deepEqual(store.get(3)!.rules, {});
});

test("an object emptyValue is copied per component, never shared", () => {
  const store = new Store([comp(1, "x"), comp(2, "x")], [], () => ({ emptyValue: [] }));
  (store.value(1) as unknown[]).push(1);
  assert.deepEqual(store.value(2), []);
});

test("an output or update of null leaves the empty value for nullIsEmpty types only (Gradio's Textbox sends \"\", its Number None)", () => {
  const rules: Record<string, TypeRules> = {
    textbox: { emptyValue: "", nullIsEmpty: true },
    imageeditor: { emptyValue: { background: null, layers: [], composite: null }, nullIsEmpty: true },
    number: { emptyValue: 0 },
  };
  const store = new Store(
    [comp(1, "textbox", { value: "x" }), comp(2, "imageeditor", { value: { background: "a.png", layers: [], composite: "c.png" } }), comp(3, "number", { value: 3 })],
    [],
    (type) => rules[type] ?? {},
  );
  const seen = recorder(store);
  store.setValue(1, null, "output");
  store.setValue(2, null, "output");
  store.setValue(3, null, "output");
  assert.equal(store.value(1), "");
  assert.deepEqual(store.value(2), { background: null, layers: [], composite: null });
  assert.equal(store.value(3), null);
  assert.deepEqual(seen, [[1, "output"], [2, "output"], [3, "output"]]);
  store.setValue(1, "y", "output");
  store.applyUpdate(1, { __type__: "update", value: null });
  assert.equal(store.value(1), "");
});

test("setValue notifies once per real change, with its source", () => {
  const store = new Store([comp(1, "json", { value: { a: [1, 2] } })], []);
  const seen = recorder(store);
  store.setValue(1, { a: [1, 2] }, "user"); // same JSON: no change
  store.setValue(1, { a: [1, 3] }, "user");
  store.setValue(1, "s", "output");
  store.setValue(1, "s", "output");
  store.setValue(99, "nobody", "user"); // unknown id: ignored
  assert.deepEqual(seen, [[1, "user"], [1, "output"]]);
  assert.equal(store.value(1), "s");
});

test("a server value shares its unchanged parts with the previous one (views skip them)", () => {
  const msg = (role: string, text: string) => ({ role, metadata: null, content: [{ type: "text", text }], options: null });
  const history = [msg("user", "hi"), msg("assistant", "a long answer")];
  const store = new Store([comp(1, "chatbot", { value: history })], []);
  const seen = recorder(store);
  // A fresh JSON tree from the server: the old messages equal, one new message.
  const next = JSON.parse(JSON.stringify([...history, msg("user", "more")]));
  store.setValue(1, next, "output");
  const now = store.value(1) as unknown[];
  assert.deepEqual(now, next);
  assert.equal(now[0], history[0]);
  assert.equal(now[1], history[1]);
  assert.notEqual(now[2], undefined);
  assert.deepEqual(seen, [[1, "output"]]);
  // An equal fresh tree is no change at all.
  store.setValue(1, JSON.parse(JSON.stringify(now)), "output");
  assert.equal(store.value(1), now);
  assert.equal(seen.length, 1);
  // A changed text deep inside: only its path is new.
  const edited = JSON.parse(JSON.stringify(now));
  edited[1].content[0].text += " more";
  store.setValue(1, edited, "output");
  const after = store.value(1) as Record<string, unknown>[];
  assert.equal(after[0], now[0]);
  assert.notEqual(after[1], now[1]);
  assert.equal(after[1]!.metadata, null);
  assert.equal((after[1]!.content as { text: string }[])[0]!.text, "a long answer more");
  assert.equal(seen.length, 2);
});

test("shareEqual: arrays, objects, scalars, other objects by identity; nothing mutated", () => {
  const a = { x: [1, 2, { y: "z" }], n: NaN };
  const noN = shareEqual(a, { x: [1, 2, { y: "z" }] }) as typeof a; // n missing: a new object
  assert.notEqual(noN, a);
  assert.equal(noN.x, a.x);
  assert.equal(shareEqual(a, { x: [1, 2, { y: "z" }], n: NaN }), a);
  const shorter = shareEqual(a.x, [1, 2]) as unknown[];
  assert.deepEqual(shorter, [1, 2]);
  const longer = shareEqual(a.x, [1, 2, { y: "z" }, 4]) as unknown[];
  assert.equal(longer[2], a.x[2]);
  assert.equal(longer.length, 4);
  assert.deepEqual(a.x, [1, 2, { y: "z" }]);
  const changed = shareEqual(a.x, [1, 3, { y: "z" }]) as unknown[];
  assert.deepEqual(changed, [1, 3, { y: "z" }]);
  assert.equal(changed[2], a.x[2]);
  assert.equal(shareEqual([1], { 0: 1 }) instanceof Array, false);
  const d1 = new Date(0), d2 = new Date(0);
  assert.equal((shareEqual({ d: d1 }, { d: d2 }) as { d: Date }).d, d2);
  assert.equal(shareEqual("a", "a"), "a");
  assert.equal(shareEqual(null, undefined), undefined);
});

test("a user edit clears the validator message; an output does not", () => {
  const store = new Store([comp(1, "textbox", { value: "a" })], []);
  const st = store.get(1)!;
  st.validation.value = "too short";
  store.setValue(1, "b", "output");
  assert.equal(st.validation.value, "too short");
  store.setValue(1, "c", "user");
  assert.equal(st.validation.value, null);
});

test("transaction: listeners run after every value of the set is applied", () => {
  const store = new Store([comp(1, "textbox", { value: "a" }), comp(2, "textbox", { value: "b" })], []);
  const valuesSeen: unknown[][] = [];
  store.setChangeListener(() => valuesSeen.push([store.value(1), store.value(2)]));
  store.transaction(() => {
    store.setValue(1, "A", "output");
    store.setValue(2, "B", "output");
  });
  assert.deepEqual(valuesSeen, [["A", "B"], ["A", "B"]]);
});

test("nested transactions flush once, at the outermost end", () => {
  const store = new Store([comp(1, "textbox", { value: "a" })], []);
  const seen = recorder(store);
  store.transaction(() => {
    store.transaction(() => store.setValue(1, "b", "output"));
    assert.deepEqual(seen, []);
  });
  assert.deepEqual(seen, [[1, "output"]]);
});

test("applyUpdate merges props and treats value as an output", () => {
  const store = new Store([comp(1, "textbox", { value: "a", label: "Old", interactive: true })], []);
  const seen = recorder(store);
  store.applyUpdate(1, { __type__: "update", label: "New", interactive: false });
  assert.deepEqual(seen, []);
  store.applyUpdate(1, { __type__: "update", value: "b", visible: false });
  const props = store.get(1)!.props.value;
  assert.equal(props.label, "New");
  assert.equal(props.interactive, false);
  assert.equal(props.visible, false);
  assert.equal(props.value, "b");
  assert.equal("__type__" in props, false);
  assert.deepEqual(seen, [[1, "output"]]);
});
