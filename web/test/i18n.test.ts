/** gr.I18n markers translated into the browser's language. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeTranslator } from "../src/shell/ui/i18n.js";
import { Store } from "../src/shell/engine/store.js";

const tables = { en: { greet: "Hello", btn: "Go" }, fr: { greet: "Bonjour" }, "pt-BR": { greet: "Olá" } };
const mark = (key: string): string => `__i18n__${JSON.stringify({ __type__: "translation_metadata", key })}`;

test("browser language first, then its base language, then English, then the key", () => {
  assert.equal(makeTranslator(tables, ["fr-CA", "en"])(mark("greet")), "Bonjour");
  assert.equal(makeTranslator(tables, ["fr-CA"])(mark("btn")), "Go");
  assert.equal(makeTranslator(tables, ["pt-br"])(mark("greet")), "Olá");
  assert.equal(makeTranslator(tables, ["de"])(mark("greet")), "Hello");
  assert.equal(makeTranslator(tables, ["de"])(mark("missing")), "missing");
});

test("marker objects, nested choices and markers inside longer strings", () => {
  const t = makeTranslator(tables, ["fr"]);
  assert.equal(t({ __type__: "translation_metadata", key: "greet" }), "Bonjour");
  assert.deepEqual(t([[mark("greet"), "a"], ["x", "b"]]), [["Bonjour", "a"], ["x", "b"]]);
  assert.equal(t(`${mark("greet")}!`), "Bonjour!");
  const plain = { a: [1, 2], b: "text" };
  assert.equal(t(plain), plain); // untouched values keep their identity
});

test("the store translates config props, updates and output values, not user input", () => {
  const t = makeTranslator(tables, ["fr"]);
  const store = new Store([{ id: 1, type: "textbox", props: { label: { __type__: "translation_metadata", key: "greet" }, value: mark("btn") } }],
    [], () => ({}), t);
  assert.equal(store.get(1)!.props.peek().label, "Bonjour");
  assert.equal(store.value(1), "Go");
  store.applyUpdate(1, { __type__: "update", info: mark("greet"), value: mark("greet") });
  assert.equal(store.get(1)!.props.peek().info, "Bonjour");
  assert.equal(store.value(1), "Bonjour");
  store.setValue(1, mark("greet"), "user");
  assert.equal(store.value(1), mark("greet"));
});
