/**
 * The app-level `js` (Blocks/launch `js=`) as Gradio 6.31 runs it: one expression (a function,
 * then called) or a script of statements; app code sees the `document` the shell gives.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { runAppJs } from "../src/shell/engine/js.js";

const seen = globalThis as { __appJs?: unknown[] };

test("an arrow function is called; a script of statements runs as written", async () => {
  seen.__appJs = [];
  await runAppJs("() => { globalThis.__appJs.push('arrow'); }");
  await runAppJs("async () => globalThis.__appJs.push('async');");
  await runAppJs("function hello() { globalThis.__appJs.push('script'); return 'x'; }\nhello();");
  await runAppJs("globalThis.__appJs.push('statement')");
  assert.deepEqual(seen.__appJs, ["arrow", "async", "script", "statement"]);
});

test("app js sees the document it is given, and its errors reach the caller", async () => {
  seen.__appJs = [];
  await runAppJs("() => globalThis.__appJs.push(document.title)", { title: "shadow" } as Document);
  assert.deepEqual(seen.__appJs, ["shadow"]);
  await assert.rejects(runAppJs("() => { throw new TypeError('boom'); }"), /boom/);
});
