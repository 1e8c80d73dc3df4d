"""The build re-stamps a matplotlib wheel's shipped font list with its own FontManager
version (Pyodide 0.27's matplotlib 3.8.4 ships one marked 390 for a FontManager of 330,
so every page load rebuilt it)."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from wasmui.mplfonts import FONT_LIST, FONT_MANAGER, fix_font_list


def _wheel(path: Path, manager: str, fonts: dict[str, object]) -> Path:
    with zipfile.ZipFile(path, "w") as whl:
        whl.writestr(FONT_MANAGER, manager)
        whl.writestr(FONT_LIST, json.dumps(fonts))
        whl.writestr("matplotlib-1.0.dist-info/RECORD", f"{FONT_LIST},sha256=old,3\n{FONT_MANAGER},sha256=x,1\n")
    return path


ENTRY = {"fname": "fonts/ttf/DejaVuSans.ttf", "name": "DejaVu Sans", "style": "normal", "variant": "normal",
         "weight": 400, "stretch": "normal", "size": "scalable", "__class__": "FontEntry"}
MANAGER = "class FontManager:\n    __version__ = 330\n"


def test_a_mismatched_list_is_restamped_once(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path / "m.whl", MANAGER, {"_version": 390, "ttflist": [ENTRY], "afmlist": []})
    assert fix_font_list(wheel) is True
    with zipfile.ZipFile(wheel) as whl:
        fonts = json.loads(whl.read(FONT_LIST))
        record = whl.read("matplotlib-1.0.dist-info/RECORD").decode()
    assert fonts["_version"] == 330 and fonts["ttflist"] == [ENTRY]
    assert f"{FONT_LIST},sha256=old" not in record and f"{FONT_MANAGER},sha256=x,1" in record
    assert fix_font_list(wheel) is False  # already matching: untouched


def test_unknown_layouts_are_left_alone(tmp_path: Path) -> None:
    odd = _wheel(tmp_path / "odd.whl", MANAGER, {"_version": 390, "ttflist": [{"fname": "x"}], "afmlist": []})
    before = odd.read_bytes()
    assert fix_font_list(odd) is False and odd.read_bytes() == before
    assert fix_font_list(_wheel(tmp_path / "nov.whl", "class FontManager: pass\n", {"_version": 1})) is False
    with zipfile.ZipFile(tmp_path / "other.whl", "w") as whl:
        whl.writestr("numpy/__init__.py", "")
    assert fix_font_list(tmp_path / "other.whl") is False


def test_the_distributions_matplotlib_wheel(pyodide_dist: Path, tmp_path: Path) -> None:
    found = sorted(pyodide_dist.glob("matplotlib-*.whl"))
    if not found:
        pytest.skip("the distribution has no matplotlib wheel")
    wheel = shutil.copy(found[0], tmp_path / found[0].name)
    fix_font_list(Path(wheel))
    with zipfile.ZipFile(wheel) as whl:
        declared = [line for line in whl.read(FONT_MANAGER).decode().splitlines() if "__version__ =" in line]
        fonts = json.loads(whl.read(FONT_LIST))
    assert declared and str(fonts["_version"]) in declared[0]
    assert len(fonts["ttflist"]) > 10
