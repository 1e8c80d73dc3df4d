/** Store: interactive inference, per-type rules, change notifications, updates. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Store, type TypeRules, type ValueSource } from "../src/shell/engine/store.js";
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
