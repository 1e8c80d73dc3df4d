"""tools/demo_corpus.py's pure parts: a demo laid out as Gradio runs it (from its repository
root), the sample a file input gets, and the table saying which run measured each row."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo_corpus_tool", ROOT / "tools" / "demo_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_demo_files_named_from_the_repository_root_are_there_too(tmp_path: Path) -> None:
    tool = _tool()
    folder = tmp_path / "custom_css"
    folder.mkdir()
    (folder / "run.py").write_text('demo.launch(css_paths=["demo/custom_css/custom_css.css"])\n')
    (folder / "custom_css.css").write_text(".x { color: red }\n")
    (folder / "requirements.txt").write_text("numpy\n")
    tool.prepare(folder)
    assert (folder / "demo" / "custom_css" / "custom_css.css").read_text() == ".x { color: red }\n"
    assert not (folder / "requirements.txt").exists()
    assert (folder / "run.py").read_text().startswith("demo.launch")  # the demo itself is unchanged


def test_file_inputs_get_a_sample_they_accept() -> None:
    tool = _tool()
    assert tool._sample_for("image/*").name == "bus.png"
    assert tool._sample_for("audio/*").suffix == ".wav"
    assert tool._sample_for("video/*").suffix == ".mp4"
    assert tool._sample_for(".csv").name == "titanic.csv"
    assert tool._sample_for("text/*,.json,.csv").name == "titanic.csv"
    assert tool._sample_for("").name == "sample.txt"
    for accept in ("image/*", "audio/*", "video/*", ".glb", ".json", ""):
        assert tool._sample_for(accept).is_file()


def test_table_names_the_run_of_each_row(tmp_path: Path) -> None:
    tool = _tool()
    old = tool.DemoResult("old_demo", eligible=True, built=True, precomputed=True, booted=True, answered=True)
    new = tool.DemoResult("new_demo", eligible=True, built=True, precomputed=True, booted=True, answered=False,
                          answer_error="boom", run="2026-11-30 16:00 UTC wasmui abc1234")
    table = tmp_path / "t.md"
    tool.write_table({r.name: r for r in (old, new)}, table, {"checkout": "c", "pyodide": "p", "date": "d"})
    text = table.read_text()
    assert "**B** = 2026-11-30 16:00 UTC wasmui abc1234 (1 rows)" in text and "session 4 (1 rows)" in text
    assert "| old_demo | yes | yes | yes |" in text and text.split("| old_demo |")[1].split("\n")[0].endswith("| A |")
    assert text.split("| new_demo |")[1].split("\n")[0].endswith("| boom | B |")
