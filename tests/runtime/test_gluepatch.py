"""wasmui.gluepatch: the patch fits the pinned npm pyodide glue, and a start-up with the patched
glue leaves the wasm function table exactly as the unpatched one does (a memory snapshot holds
function pointers), under Node with the real package (tests/runtime/glue_table.mjs); a restore from
a memory snapshot compiles no Python and holds what the unpatched one does (glue_restore.mjs)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from wasmui import gluepatch

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"
GLUE = PYODIDE / "pyodide.asm.mjs"
TABLE_SCRIPT = Path(__file__).with_name("glue_table.mjs")
RESTORE_SCRIPT = Path(__file__).with_name("glue_restore.mjs")
needs_pyodide = pytest.mark.skipif(not GLUE.is_file() or shutil.which("node") is None,
                                   reason="needs node and node_modules/pyodide (make setup)")


def _glue() -> str:
    return GLUE.read_bytes().decode("utf-8")


def _wasm() -> bytes:
    return (PYODIDE / "pyodide.asm.wasm").read_bytes()


def _start_up(folder: Path) -> dict[str, Any]:
    result = subprocess.run(["node", str(TABLE_SCRIPT), str(folder)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def _core_with(tmp_path: Path, name: str, glue: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file in ("pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json", "package.json"):
        (folder / file).symlink_to(PYODIDE / file)
    (folder / "pyodide.asm.mjs").write_bytes(glue.encode("utf-8"))
    return folder


@needs_pyodide
def test_patch_fits_the_pinned_glue() -> None:
    glue = _glue()
    patched = gluepatch.patch_glue(glue, _wasm())
    assert len(patched) < 0.75 * len(glue)  # assignWasmExports' dead statements are gone
    for name in ("var addFunctions=", "var convertJsFunctionsToWasm=", "internalSyms.has(symName)", "reportFuncs.push"):
        assert name in patched
    # Every export still reaches Module: by a statement or by name in a loop.
    assert patched.count('Module["_malloc"]=') == 1
    assert " PyObject_GetAttrString " in patched  # not read by the glue: assigned in the loop


def test_a_glue_that_does_not_fit_ships_unpatched(capsys: pytest.CaptureFixture[str]) -> None:
    text = "async function _createPyodideModule(moduleArg={}){var addFunction=(func,sig)=>{}}"
    wasm = bytes.fromhex("0061736d01000000")  # no element segment
    assert gluepatch.patched_or_original(text, wasm) == text
    assert "shipped unpatched" in capsys.readouterr().err
    with pytest.raises(gluepatch.GlueMismatch):
        gluepatch.patch_glue(text, wasm)


@needs_pyodide
def test_the_table_after_start_up_is_unchanged(tmp_path: Path) -> None:
    glue = _glue()
    before = _start_up(PYODIDE)
    after = _start_up(_core_with(tmp_path, "patched", gluepatch.patch_glue(glue, _wasm())))
    assert before["answer"] == after["answer"] == 45
    wrappers = [i for i, entry in enumerate(before["entries"]) if entry.startswith("js:")]
    assert len(wrappers) > 200  # reportUndefinedSymbols' JS functions are in the comparison
    assert after["length"] == before["length"]
    moved = [(i, a, b) for i, (a, b) in enumerate(zip(before["entries"], after["entries"])) if a != b]
    assert moved == []
    assert after["addresses"] == before["addresses"]
    assert after["added"] == before["added"]
    assert len(before["got"]) > 5000 and after["got"] == before["got"]
    assert after["moduleKeys"] == before["moduleKeys"]

    # The comparison sees a moved entry: the same patch handing the wrappers out in reverse.
    reversed_glue = gluepatch.patch_glue(glue, _wasm()).replace("setWasmTableEntry(out[js[n]],wrapped[n])",
                                                       "setWasmTableEntry(out[js[js.length-1-n]],wrapped[n])")
    swapped = _start_up(_core_with(tmp_path, "swapped", reversed_glue))
    assert swapped["length"] == before["length"]
    assert swapped["entries"] != before["entries"]


def _restore(folder: Path) -> dict[str, Any]:
    result = subprocess.run(["node", "--expose-gc", str(RESTORE_SCRIPT), str(folder)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


@needs_pyodide
def test_a_restore_compiles_no_python_and_holds_the_same_objects(tmp_path: Path) -> None:
    before = _restore(PYODIDE)
    after = _restore(_core_with(tmp_path, "patched", gluepatch.patch_glue(_glue(), _wasm())))
    # The unpatched restore compiles its lines of Python (each a parse and a compile).
    assert any("import importlib" in source for source in before["compiled"])
    assert after["compiled"] == []
    assert after["answer"] == before["answer"] == 45
    assert after["internal"] == before["internal"] == 42
    for key in ("globals", "builtins", "internalDict", "internalBuiltins", "importlib", "sys", "os", "mainIsGlobals"):
        assert after[key] == before[key], key
    assert "_hook" in after["globals"] and after["mainIsGlobals"] is True

    # A restore the patch cannot take (no `vars` to call) runs the original lines instead.
    broken = gluepatch.patch_glue(_glue(), _wasm()).replace('vars=b.get("vars")', 'vars=b.get("no such name")')
    fallback = _restore(_core_with(tmp_path, "broken", broken))
    assert fallback["compiled"] == before["compiled"]
    assert fallback["globals"] == before["globals"]
