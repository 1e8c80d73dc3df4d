"""Requirements' wheels at build time: dependencies the Pyodide distribution provides are taken
from its lock (never fetched), markers are read as in Pyodide, and the page gets both."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from wasmui import build, reqwheels
from wasmui.devserver import start_static_server
from wasmui.distribution import Distribution

LOCK: dict[str, Any] = {"info": {"version": "0.27.7", "python": "3.12.7"}, "packages": {
    "pandas": {"name": "pandas", "file_name": "pandas.whl", "imports": ["pandas"], "depends": ["numpy"]},
    "numpy": {"name": "numpy", "file_name": "numpy.whl", "imports": ["numpy"], "depends": []},
}}

APP = """import gradio as gr
import tinyviz

demo = gr.Interface(tinyviz.name, gr.Textbox(), gr.Textbox())
demo.launch()
"""


def wheel(folder: Path, name: str, requires: list[str], code: str = "") -> Path:
    """A minimal pure-Python wheel whose METADATA lists ``requires``."""
    dist = f"{name}-1.0.dist-info"
    meta = "".join(f"Requires-Dist: {r}\n" for r in requires)
    target = folder / f"{name}-1.0-py3-none-any.whl"
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as whl:
        whl.writestr(f"{name}/__init__.py", code or f"def name(_=None):\n    return {name!r}\n")
        whl.writestr(f"{dist}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n{meta}")
        whl.writestr(f"{dist}/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        whl.writestr(f"{dist}/RECORD", "")
    return target


def local_wheels(folder: Path) -> Path:
    wheel(folder, "tinyviz", ["pandas>=2", "tinydep", 'winonly; sys_platform == "win32"', 'fancy; extra == "plots"'])
    wheel(folder, "tinydep", ["numpy"])
    return folder


def test_markers_are_read_as_pyodide_reads_them() -> None:
    lines = ['a; sys_platform == "emscripten"', 'b; sys_platform == "linux"', 'c; python_version < "3.10"',
             'd; extra == "x"', "e>=1"]
    assert [r.name for r in reqwheels.needed(lines, [], "3.12.7")] == ["a", "e"]
    assert [r.name for r in reqwheels.needed(lines, ["x"], "3.12.7")] == ["a", "d", "e"]


def test_dependencies_the_lock_has_are_not_fetched(tmp_path: Path) -> None:
    dist = Distribution(location="test", lock=LOCK)
    fetched = reqwheels.fetch(["tinyviz"], dist, tmp_path / "out", [local_wheels(tmp_path / "wheels")])
    assert sorted(fetched.wheels) == ["tinydep", "tinyviz"]
    assert fetched.lock == {"tinyviz": {"pandas"}, "tinydep": {"numpy"}}
    assert fetched.closure(["TinyViz"]) == ({"tinyviz", "tinydep"}, {"pandas", "numpy"})
    reqwheels.write_index(fetched.wheels.values(), tmp_path / "simple")
    assert sorted(p.name for p in (tmp_path / "simple").iterdir()) == ["tinydep", "tinyviz"]


def test_a_requirement_with_no_pure_wheel_fails_readably(tmp_path: Path) -> None:
    dist = Distribution(location="test", lock=LOCK)
    with pytest.raises(reqwheels.RequirementError, match="no pure-Python wheel"):
        reqwheels.fetch(["nosuchthing-wasmui-test"], dist, tmp_path / "out", [local_wheels(tmp_path / "wheels")])


def test_a_site_ships_the_lock_packages_its_requirements_need(pyodide_dist: Path, tmp_path: Path) -> None:
    app = tmp_path / "app"
    local_wheels(app / "wheels")
    (app / "app.py").write_text(APP)
    (app / "requirements.txt").write_text("tinyviz\n")
    # A URL distribution: nothing is copied, so the build stays quick.
    server, _ = start_static_server(pyodide_dist)
    try:
        out = build.build_site(app, tmp_path / "site", pyodide=f"http://127.0.0.1:{server.server_address[1]}/",
                               configs=False)
    finally:
        server.shutdown()
    assert sorted(p.name for p in (out / "simple").iterdir()) == ["tinydep", "tinyviz"]
    page = (out / "index.html").read_text()
    packages = json.loads(re.search(r'data-wasmui="packages">(.*?)</script>', page).group(1))
    assert {"pandas", "numpy"} <= set(packages)
    assert re.search(r'data-wasmui="requirements">(.*?)</script>', page).group(1) == "tinyviz"
