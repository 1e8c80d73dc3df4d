/** The stored glue evaluated as a function body (`glueFunction`) instead of imported from a blob. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { glueFunction, storedGlue } from "../src/restore.js";
import { bytesResponse } from "../src/snapshot.js";

const URL_ = "https://example.test/site/pyodide/pyodide.asm.mjs";

test("a glue-shaped module gives its default export, import.meta.url being the glue's URL", async () => {
  const text = "var kept=2;async function _createPyodideModule(moduleArg={}){return [import.meta.url, kept, moduleArg.x]}"
    + "export default _createPyodideModule;\n";
  const create = glueFunction(text, URL_) as (settings: object) => Promise<unknown[]>;
  assert.equal(typeof create, "function");
  assert.deepEqual(await create({ x: 7 }), [URL_, 2, 7]);
});

test("the exported declaration is evaluated as an expression, and as it is when that does not compile", async () => {
  // Recursion through its own name works either way.
  const lone = "async function f(n=3){return n>0?await f(n-1)+1:0}export default f;";
  assert.equal(await (glueFunction(lone, URL_) as (n?: number) => Promise<number>)(), 3);
  // A statement after the function: the parenthesised form does not compile, the module as it is does.
  const more = "async function f(){return g()}function g(){return 'g'}export default f;";
  assert.equal(await (glueFunction(more, URL_) as () => Promise<string>)(), "g");
  const leading = "var k=4;function f(){return k}export default f;";
  assert.equal((glueFunction(leading, URL_) as () => number)(), 4);
});

test("modules of another shape are left to the import (null)", () => {
  const body = "async function f(){return 1}";
  assert.equal(glueFunction(body, URL_), null, "no default export");
  assert.equal(glueFunction(`import x from "./x.js";${body}export default f;`, URL_), null, "a static import");
  assert.equal(glueFunction(`${body}export const y=1;export default f;`, URL_), null, "another export");
  assert.equal(glueFunction(`${body}const r=import.meta.resolve("x");export default f;`, URL_), null, "import.meta beyond url");
  assert.equal(glueFunction(`await f();${body}export default f;`, URL_), null, "top-level await does not compile in a function");
  assert.equal(glueFunction(`var f=1;export default f;`, URL_), null, "a default export that is no function");
});

test("dynamic import() and strings naming export stay as they are", async () => {
  const text = 'async function g(){if(globalThis.nope){await import("node:fs")}return "bad export type"}export default g;';
  const create = glueFunction(text, URL_) as () => Promise<string>;
  assert.equal(await create(), "bad export type");
});

test("storedGlue evaluates the stored bytes; a module it cannot evaluate is imported", async () => {
  const text = "async function h(){return 42}export default h;";
  const create = await storedGlue(bytesResponse(new TextEncoder().encode(text), "text/javascript"), URL_) as () => Promise<number>;
  assert.equal(await create(), 42);
  const other = "export const a=1;export default function(){return 5}";
  const imported = await storedGlue(new Response(other, { headers: { "content-type": "text/javascript" } }), URL_)
    .catch((error: Error) => error);
  // Node imports from a blob: URL only where it supports them: either way it is the import's answer, not an evaluation.
  assert.ok(typeof imported === "function" ? (imported as () => number)() === 5 : imported instanceof Error);
});

const GLUE = new URL("../../wasmui/_web/pyodide/pyodide.asm.mjs", import.meta.url);
test("Pyodide's glue (patched, as sites ship it) evaluates to its createPyodideModule", { skip: !existsSync(GLUE) && "no make web yet" }, () => {
  const create = glueFunction(readFileSync(GLUE, "utf8"), URL_) as { name: string };
  assert.equal(typeof create, "function");
  assert.equal(create.name, "_createPyodideModule");
});
