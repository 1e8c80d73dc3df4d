/** The registry: every descriptor resolves to a view; rules the store relies on; lazy views load. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { descriptorFor, loadView, registeredTypes, viewNow } from "../src/shell/components/registry.js";
import { parseColor } from "../src/shell/components/ColorPicker.js";

test("every type has exactly one of module / load, and its view module has a view", async () => {
  for (const type of registeredTypes()) {
    const d = descriptorFor(type);
    assert.ok(!!d.module !== !!d.load, `${type}: module xor load`);
    const mod = await loadView(d);
    assert.equal(typeof mod.view, "function", type);
    assert.ok(mod.css === undefined || (typeof mod.css === "string" && mod.css.length > 0), `${type}: css`);
    assert.equal(viewNow(d), mod, `${type}: loaded once, then available synchronously`);
  }
});

test("an unknown type gets the unsupported view, not an error", async () => {
  const mod = await loadView(descriptorFor("no-such-component"));
  assert.equal(mod.view.name, "Unsupported");
});

test("rules the store and engine rely on", () => {
  assert.equal(descriptorFor("textbox").emptyValue, "");
  assert.equal(descriptorFor("state").serverValue, true);
  assert.equal(descriptorFor("state").noView, true);
  assert.equal(descriptorFor("timer").noView, true);
});

test("the keys tests/core reads from registry.ts (a line-based parse) are the registered types", () => {
  const src = readFileSync(new URL("../src/shell/components/registry.ts", import.meta.url), "utf8");
  const body = src.slice(src.indexOf("const REGISTRY"), src.indexOf("\n};", src.indexOf("const REGISTRY")));
  const keys = [...body.matchAll(/^ {2}(\w+): \{/gm)].map((m) => m[1]);
  assert.deepEqual(keys.sort(), registeredTypes().sort());
});

test("ColorPicker text entry: #rgb, #rrggbb, without #, any case → lowercase #rrggbb", () => {
  assert.equal(parseColor("#ABC"), "#aabbcc");
  assert.equal(parseColor("ff8800"), "#ff8800");
  assert.equal(parseColor("  #FF8800 "), "#ff8800");
  assert.equal(parseColor("#ff88"), null);
  assert.equal(parseColor("#gggggg"), null);
  assert.equal(parseColor(""), null);
});
