/**
 * Starts Pyodide under Node from INDEX_DIR (its glue patched or not) and prints, as JSON, what the
 * start-up left in the wasm function table: one descriptor per entry ("-" empty, "wasm:<function
 * index>" a function of the main module, "js:<name>:<source hash>" the wrapper of a JS function),
 * where the table's map (`getFunctionAddress`) places each entry, the GOT, the names on `Module`,
 * and how long the start-up took (test_gluepatch.py compares two runs).
 *
 *   node tests/runtime/glue_table.mjs INDEX_DIR
 */
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";

const indexDir = process.argv[2].endsWith("/") ? process.argv[2] : `${process.argv[2]}/`;

// Every JS -> wasm wrapper: the exports of an instance made with JS functions as imports "e".*.
const wrapped = new WeakMap();
const describe = (func) => {
  const source = Function.prototype.toString.call(func);
  return `js:${func.name}:${createHash("sha256").update(source).digest("hex").slice(0, 12)}`;
};
WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
  construct(target, args) {
    const instance = Reflect.construct(target, args);
    const env = args[1]?.e;
    if (env) {
      for (const [name, value] of Object.entries(instance.exports)) {
        const func = env[name] ?? (name === "f" ? env.f : undefined);
        if (typeof func === "function") wrapped.set(value, describe(func));
      }
    }
    return instance;
  },
});

const started = performance.now();
const { loadPyodide } = await import(pathToFileURL(`${indexDir}pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: indexDir });
const took = performance.now() - started;
const table = pyodide._module.wasmTable;
// addFunction after the start-up (a side module's functions go this way): a function of the
// initial table is found where it is, a new JS function gets the next slot.
const added = [pyodide._module.addFunction(table.get(5000)), pyodide._module.addFunction((x) => x, "ii"),
  pyodide._module.addFunction(table.get(1))];
const entries = [];
// Where Emscripten's map of the table (addFunction's lookup) places each entry (0: not mapped).
const addresses = [];
for (let i = 0; i < table.length; i++) {
  const func = table.get(i);
  entries.push(func === null ? "-" : wrapped.get(func) ?? `wasm:${func.name}`);
  addresses.push(func === null ? -1 : pyodide._module.getFunctionAddress(func));
}
// The GOT: every symbol's address (a table index for a function), in the order it was made.
const got = Object.entries(pyodide._module.GOT).map(([name, global]) => `${name}=${global.value}`);
const answer = pyodide.runPython("sum(range(10))");
process.stdout.write(JSON.stringify({
  length: table.length, entries, addresses, got, added, answer, took,
  moduleKeys: Object.keys(pyodide._module).sort(),
}));
