/**
 * Makes a memory snapshot under Node with Pyodide from INDEX_DIR (its glue patched or not), restores
 * it, and prints as JSON what the restored interpreter holds and which Python sources the restore
 * compiled: an audit hook (installed before the snapshot, so it is in it) records every `compile`
 * event, and the list is read after the restore.
 *
 *   node --expose-gc tests/runtime/glue_restore.mjs INDEX_DIR
 */
import { pathToFileURL } from "node:url";

const indexDir = process.argv[2].endsWith("/") ? process.argv[2] : `${process.argv[2]}/`;
const { loadPyodide } = await import(pathToFileURL(`${indexDir}pyodide.mjs`).href);

const maker = await loadPyodide({ indexURL: indexDir, _makeSnapshot: true });
maker.runPython(`
import sys
_compiled = []
def _hook(event, args):
    if event == "compile":
        _compiled.append(args[0] if isinstance(args[0], str) else repr(args[0]))
sys.addaudithook(_hook)
`);
const snapshot = maker.makeMemorySnapshot();

const pyodide = await loadPyodide({ indexURL: indexDir, _loadSnapshot: snapshot });
// Read before any further compile: the list as the restore left it.
const compiled = pyodide.globals.get("_compiled").toJs();
// Proxies made during the restore and dropped are collected (node --expose-gc): what API keeps
// must not die with them.
for (let i = 0; i < 3 && globalThis.gc; i++) {
  globalThis.gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const api = pyodide._api;
process.stdout.write(JSON.stringify({
  compiled,
  globals: pyodide.runPython("sorted(globals())").toJs(),
  builtins: pyodide.runPython("import builtins; sorted(vars(builtins))").toJs(),
  internalDict: [...api.runPythonInternal_dict.keys()],
  internalBuiltins: api.runPythonInternal("__builtins__ is __import__(\"builtins\").__dict__"),
  importlib: String(api.importlib),
  sys: String(api.sys),
  os: String(api.os),
  internal: api.runPythonInternal("6 * 7"),
  answer: pyodide.runPython("sum(range(10))"),
  mainIsGlobals: pyodide.runPython("import __main__; __main__.__dict__ is globals()"),
}));
