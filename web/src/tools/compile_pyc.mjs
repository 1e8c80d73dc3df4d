/**
 * Precompiles Python sources to .pyc with the browser's own interpreter
 * (Pyodide under Node), so the browser does not compile them on every boot.
 * Pyodide ships its stdlib as sources only and runs with dont_write_bytecode:
 * measured here, warm loadPyodide goes from ~1 s to ~0.26 s with .pyc.
 *
 *   node web/src/tools/compile_pyc.mjs stdlib IN.zip OUT.zip     .pyc only (smaller than the sources)
 *   node web/src/tools/compile_pyc.mjs wheel IN.whl OUT.whl [IN OUT]...   adds __pycache__/*.pyc next to the sources
 *   ... --strip-docstrings  (wheel) without docstrings too: wasmui's own wheel, which never reads its
 *                          own (distribution wheels keep theirs: pandas builds docs at import)
 *   node web/src/tools/compile_pyc.mjs trace WASMUI.whl OUT.json   {"init": the modules the interpreter's own
 *                          initialisation imports, "warm": [[early import, the modules it adds], ...] (WARM),
 *                          "boot": those Pyodide holds after its boot, `import wasmui`
 *                          and one event of a small app} (wasmui.trim's boot set and its split)
 *   ... --pyodide DIR      with another distribution's interpreter (default: npm pyodide);
 *                          .pyc are specific to one Python version (3.12's differ from 3.14's)
 *
 * The .pyc files are "unchecked hash" pycs: valid whatever the files' mtimes.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const COMPILE = `
import ast, importlib.util, marshal, sys, zipfile

def _strip_docstrings(tree, keep_decorated=False):
    """The stdlib's docstrings go (as under python -OO, which CPython tests its stdlib with):
    they are a fifth of the bytes of a .pyc. Wheels keep theirs (pandas builds docs at import),
    except wasmui's own (--strip-docstrings), where a decorated class keeps its docstring
    (keep_decorated): without one, @dataclass computes one from the signature at import.
    Not in the stdlib: email's @_extend_docstrings would extend a base's missing docstring."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            if keep_decorated and isinstance(node, ast.ClassDef) and node.decorator_list:
                continue
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \\
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.copy_location(ast.Pass(), body[0])]
    return tree

def _pyc(data, filename, strip=False, keep_decorated=False):
    # The interpreter runs with PYTHONNODEBUGRANGES (below): no column tables, a quarter fewer bytes.
    tree = ast.parse(data, filename)
    code = compile(_strip_docstrings(tree, keep_decorated) if strip else tree, filename, "exec", dont_inherit=True)
    flags = (0b01).to_bytes(4, "little")  # hash-based, unchecked
    return importlib.util.MAGIC_NUMBER + flags + importlib.util.source_hash(data) + marshal.dumps(code)

def compile_stdlib(src, dst, prefix):
    n = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.endswith(".py"):
                try:
                    zout.writestr(info.filename + "c", _pyc(data, prefix + "/" + info.filename, strip=True))
                    n += 1
                    continue
                except SyntaxError:  # test data with deliberate errors: keep the source
                    pass
            zout.writestr(info, data)
    return n

def compile_wheel(src, dst, site, strip=False):
    tag = sys.implementation.cache_tag
    n = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if "__pycache__/" in info.filename:  # compiled by another interpreter: replaced below
                continue
            data = zin.read(info)
            zout.writestr(info, data)
            if info.filename.endswith(".py") and ".dist-info/" not in info.filename:
                folder, _, name = info.filename.rpartition("/")
                target = (folder + "/" if folder else "") + "__pycache__/" + name[:-3] + "." + tag + ".pyc"
                try:
                    zout.writestr(target, _pyc(data, site + "/" + info.filename, strip, keep_decorated=True))
                except (SyntaxError, ValueError):  # templates, other Pythons' files: keep the source only
                    continue
                n += 1
    return n
`;

const TRACE = `
import asyncio, json, os, sys, zipfile

TRACE_APP = """
import gradio as gr

def greet(name: str) -> str:
    return "Hello, " + name + "!"

# Blocks and one component: what every app needs. Interface, examples and the other
# components are each app's own part of the boot set (wasmui.app_inspect records them).
with gr.Blocks() as demo:
    name = gr.Textbox(label="Name")
    greeting = gr.Textbox(label="Greeting")
    name.submit(greet, name, greeting)
"""

async def _call(bridge, rid, method, path, body=None, until=None):
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    chunks = []

    def reply(kind, a, b):
        if kind == "body":
            chunks.append(bytes(b.to_bytes() if hasattr(b, "to_bytes") else b))
            text = b"".join(chunks)
            if (not a or (until and until in text)) and not done.done():
                done.set_result(text)
        elif kind == "error" and not done.done():
            done.set_exception(RuntimeError(str(a)))

    headers = [["content-type", "application/json"], ["x-gradio-user", "app"]]
    bridge.request(rid, method, "http://localhost" + path, headers, body is not None, reply)
    if body is not None:
        bridge.body(rid, body, False)
    result = await asyncio.wait_for(done, 60)
    if until:
        bridge.disconnect(rid)
    return result

async def trace_wasmui(wheel, site):
    zipfile.ZipFile(wheel).extractall(site)
    from wasmui import _pyodide
    _pyodide.prepare()
    os.makedirs("/tmp/wasmui-trace", exist_ok=True)
    with open("/tmp/wasmui-trace/app.py", "w") as handle:
        handle.write(TRACE_APP)
    bridge = await _pyodide.boot("/tmp/wasmui-trace", "app.py", "")
    config = json.loads(await _call(bridge, 1, "GET", "/config"))
    dep = config["dependencies"][0]
    join = {"data": ["trace"], "event_data": None, "fn_index": dep["id"], "trigger_id": dep["targets"][0][0],
            "session_hash": "trace"}
    stream = asyncio.ensure_future(_call(bridge, 2, "GET", "/gradio_api/queue/data?session_hash=trace",
                                         until=b"process_completed"))
    await _call(bridge, 3, "POST", "/gradio_api/queue/join", json.dumps(join).encode())
    text = await stream
    assert b"Hello, trace!" in text, text[-500:]
    # Frozen and built-in modules never load from the zip: they need not be in it.
    origins = {name: getattr(getattr(module, "__spec__", None), "origin", None) for name, module in sys.modules.items()}
    return json.dumps(sorted(name for name, origin in origins.items() if origin not in ("frozen", "built-in")))
`;

const args = process.argv.slice(2);
const flag = args.indexOf("--pyodide");
const pyodideDir = flag >= 0 ? args[flag + 1] : null;
if (flag >= 0) args.splice(flag, 2);
const stripFlag = args.indexOf("--strip-docstrings");
const stripDocstrings = stripFlag >= 0;
if (stripFlag >= 0) args.splice(stripFlag, 1);
const [mode, ...paths] = args;
if (!["stdlib", "wheel", "trace"].includes(mode) || paths.length === 0 || paths.length % 2 !== 0) {
  console.error("usage: compile_pyc.mjs stdlib|wheel|trace IN OUT [IN OUT]... [--pyodide DIR] [--strip-docstrings]");
  process.exit(2);
}
/**
 * A copy of a distribution's core in a folder of its own: before 0.28 `pyodide.asm.js` is
 * CommonJS, which Node would read as an ES module below a `"type": "module"` package.json.
 */
function stageCore(dir) {
  const stage = mkdtempSync(join(tmpdir(), "wasmui-pyodide-"));
  for (const name of ["pyodide.mjs", "pyodide.asm.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]) {
    if (existsSync(join(dir, name))) copyFileSync(join(dir, name), join(stage, name));
  }
  writeFileSync(join(stage, "package.json"), '{"type": "commonjs"}\n');
  return stage;
}

const stage = pyodideDir ? stageCore(pyodideDir) : null;
const { loadPyodide } = stage ? await import(pathToFileURL(join(stage, "pyodide.mjs")).href) : await import("pyodide");
// PYTHONNODEBUGRANGES: .pyc without column positions (tracebacks lose their ^^^ markers only).
const env = { PYTHONNODEBUGRANGES: "1" };
// The modules the interpreter's own initialisation imports, before Pyodide's bootstrap runs (the
// trace's "init": wasmui.trim puts them in the stdlib zip the interpreter waits for, the rest of
// the boot set in a second zip it reads only after that). Read through the C API: Pyodide's
// Python API does not exist yet at that point.
const LOADED = `import sys
open("/tmp/wasmui-init.txt", "w").write(" ".join(sorted(n for n, m in sys.modules.items()
    if getattr(getattr(m, "__spec__", None), "origin", None) not in ("frozen", "built-in"))))
`;
// Stdlib modules Pyodide's bootstrap or wasmui import, which import nothing of Pyodide's own: the
// worker can import them as soon as the interpreter is initialised, while the rest of the boot set
// still downloads (the trace's "warm": each one's new modules in this order, after the "init" ones;
// wasmui.trim puts a prefix of them in the first parts of the second zip, stdlibrest.ts imports them).
// asyncio's own imports come first, a few modules at a time: wasmui.trim cuts the list into parts
// that are imported one by one as each arrives, so those imports overlap the next part's download.
// Early imports traced but then forgotten, so the trace's boot set holds them only for an app that imports them.
const OPTIONAL_WARM = ["csv"];
const WARM = ["re", "typing", "inspect", "traceback", "logging", "socket", "selectors", "subprocess", "concurrent.futures",
  "asyncio", "zipfile", "shutil", "tempfile", "random", "dataclasses", "ipaddress",
  "uuid", "mimetypes", "urllib.parse", "hmac", "hashlib", "secrets", "pkgutil", "json", "base64",
  // Last: only apps that flag (Interface) import it; wasmui.trim stops the list at an import outside the app's boot set.
  ...OPTIONAL_WARM];
const SSL = ["_ssl", "ssl"];
// "ssl" is kept out of them as the worker does (stdlibrest.ts warmImports: asyncio runs without TLS).
const WARMING = `import sys
def _loaded():
    return {n for n, m in sys.modules.items() if m is not None and getattr(getattr(m, "__spec__", None), "origin", None) not in ("frozen", "built-in")}
_warm = []
sys.modules["ssl"] = None
for _name in ${JSON.stringify(WARM)}:
    _before = _loaded()
    __import__(_name)
    _warm.append([_name, sorted(_loaded() - _before)])
del sys.modules["ssl"]
for _name, _modules in _warm:
    if _name in ${JSON.stringify(OPTIONAL_WARM)}:
        for _module in _modules:
            del sys.modules[_module]
import json  # after: it is one of them
open("/tmp/wasmui-warm.json", "w").write(json.dumps(_warm))
`;
let initialised = [];
let warm = [];
async function tracingInit(glue) {
  return async (settings) => {
    const module = await glue(settings);
    const run = (source) => {
      const code = module.stringToNewUTF8(source);
      const failed = module._PyRun_SimpleString(code);
      module._free(code);
      return !failed;
    };
    if (run(LOADED)) initialised = module.FS.readFile("/tmp/wasmui-init.txt", { encoding: "utf8" }).split(" ").filter(Boolean);
    if (run(WARMING)) warm = JSON.parse(module.FS.readFile("/tmp/wasmui-warm.json", { encoding: "utf8" }));
    return module;
  };
}
const createPyodideModule = mode === "trace" && !stage ? await tracingInit((await import("pyodide/pyodide.asm.mjs")).default) : undefined;
const py = await loadPyodide(stage ? { indexURL: `${stage}/`, env } : { env, createPyodideModule });
py.runPython(COMPILE);
const stdlibZip = py.runPython("next(p for p in sys.path if p.endswith('.zip'))");
const site = py.runPython("import site; site.getsitepackages()[0]");
const version = py.runPython("sys.version.split()[0]");
if (mode === "trace") {
  py.runPython(TRACE);
  py.FS.writeFile("/tmp/wasmui.whl", readFileSync(paths[0]));
  // ssl stays in the boot set though the boot no longer imports it (WARMING): an app (or wasmui's
  // urllib.request) importing it finds it in the boot archive, not in lazy/, whose fetch (a sync
  // XHR after Pyodide's bootstrap) leaves the interpreter unfit for a memory snapshot.
  const modules = [...new Set([...JSON.parse(await py.globals.get("trace_wasmui")("/tmp/wasmui.whl", site)), ...SSL])].sort();
  writeFileSync(paths[1], JSON.stringify({ init: initialised, warm, boot: modules }));
  console.log(`compile_pyc: ${initialised.length} modules after the interpreter's initialisation, ${warm.length} early imports, ` +
    `${modules.length} after boot + one event (trace)`);
  process.exit(0);
}
// One interpreter for every file: booting Pyodide costs more than compiling a small wheel.
for (let i = 0; i < paths.length; i += 2) {
  py.FS.writeFile("/tmp/in.zip", readFileSync(paths[i]));
  const count = mode === "stdlib"
    ? py.globals.get("compile_stdlib")("/tmp/in.zip", "/tmp/out.zip", stdlibZip)
    : py.globals.get("compile_wheel")("/tmp/in.zip", "/tmp/out.zip", site, stripDocstrings);
  writeFileSync(paths[i + 1], py.FS.readFile("/tmp/out.zip"));
  console.log(`compile_pyc: ${count} modules of ${paths[i].split("/").pop()} compiled for ${version} (${mode})`);
}
if (stage) rmSync(stage, { recursive: true, force: true });
