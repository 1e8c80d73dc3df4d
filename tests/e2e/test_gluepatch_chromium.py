"""wasmui.gluepatch in Chromium: the start-up with the patched glue leaves the wasm function table
(each entry, where addFunction's map places it, the GOT) exactly as the unpatched glue does. Chromium
runs a path Node cannot: Pyodide's call trampoline (a wasm GC module) is added to the table there."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wasmui import gluepatch

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"
CORE = ("pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json", "package.json")

# The table as the start-up left it: "wasm:<function index>", "js:<name>:<length of its source>"
# (the wrapper of a JS function, known from the instance that made it), "-" empty.
HARNESS = """<!doctype html><script type="module">
const wrapped = new WeakMap();
WebAssembly.Instance = new Proxy(WebAssembly.Instance, { construct(target, args) {
  const instance = Reflect.construct(target, args);
  const env = args[1]?.e;
  if (env) for (const [name, value] of Object.entries(instance.exports)) {
    const func = env[name];
    if (typeof func === "function") wrapped.set(value, `js:${func.name}:${Function.prototype.toString.call(func).length}`);
  }
  return instance;
} });
const variant = location.hash.slice(1);
const { loadPyodide } = await import(`./${variant}/pyodide.mjs`);
const pyodide = await loadPyodide({ indexURL: new URL(`./${variant}/`, location.href).href });
const table = pyodide._module.wasmTable;
const entries = [], addresses = [];
for (let i = 0; i < table.length; i++) {
  const func = table.get(i);
  entries.push(func === null ? "-" : wrapped.get(func) ?? `wasm:${func.name}`);
  addresses.push(func === null ? -1 : pyodide._module.getFunctionAddress(func));
}
const got = Object.entries(pyodide._module.GOT).map(([name, global]) => `${name}=${global.value}`);
window.result = JSON.stringify({ length: table.length, entries, addresses, got, answer: pyodide.runPython("sum(range(10))") });
</script>"""


@pytest.fixture()
def cores(tmp_path: Path) -> Path:
    if not (PYODIDE / "pyodide.asm.mjs").is_file():
        pytest.skip("no node_modules/pyodide (make setup)")
    glue = (PYODIDE / "pyodide.asm.mjs").read_bytes().decode("utf-8")
    wasm = (PYODIDE / "pyodide.asm.wasm").read_bytes()
    for variant, text in (("plain", glue), ("patched", gluepatch.patch_glue(glue, wasm))):
        folder = tmp_path / variant
        folder.mkdir()
        for name in CORE:
            shutil.copyfile(PYODIDE / name, folder / name)
        (folder / "pyodide.asm.mjs").write_bytes(text.encode("utf-8"))
    (tmp_path / "index.html").write_text(HARNESS)
    return tmp_path


def _start_up(new_page: Callable[..., Any], url: str) -> dict[str, Any]:
    page = new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_function("window.result !== undefined || false", timeout=120_000)
    assert errors == []
    answer: dict[str, Any] = json.loads(page.evaluate("window.result"))
    return answer


def test_the_table_after_start_up_is_unchanged(cores: Path, served: Callable[[Path], str],
                                               new_page: Callable[..., Any]) -> None:
    base = served(cores)
    before = _start_up(new_page, f"{base}/index.html#plain")
    after = _start_up(new_page, f"{base}/index.html#patched")
    assert before["answer"] == after["answer"] == 45
    assert len([e for e in before["entries"] if e.startswith("js:")]) > 200
    assert after["length"] == before["length"]
    assert [(i, a, b) for i, (a, b) in enumerate(zip(before["entries"], after["entries"])) if a != b] == []
    assert after["addresses"] == before["addresses"]
    assert len(before["got"]) > 5000 and after["got"] == before["got"]
