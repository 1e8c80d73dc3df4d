"""API endpoint names of gr.Interface / TabbedInterface / ChatInterface as real Gradio 6.31 names
them (golden file from tools/make_golden_endpoints.py): ``/greet`` after the function, not ``/predict``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import wasmui as gr

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import make_golden_endpoints  # noqa: E402

GOLDEN = json.loads((Path(__file__).parent / "golden" / "endpoints.json").read_text())


def test_golden_file_covers_every_case() -> None:
    assert sorted(GOLDEN["cases"]) == sorted(make_golden_endpoints.CASES)


@pytest.mark.parametrize("name", sorted(GOLDEN["cases"]))
def test_endpoint_names_match_gradio(name: str) -> None:
    got = make_golden_endpoints.build(gr, name)
    want = GOLDEN["cases"][name]
    assert got["named_endpoints"] == want["named_endpoints"]
    assert got["dependencies"] == want["dependencies"]


def test_interface_endpoint_answers_under_the_function_name(run) -> None:
    def greet(name: str) -> str:
        return "Hello " + name

    demo = gr.Interface(greet, "text", "text")
    dep = next(d for d in demo.get_config()["dependencies"] if d["api_name"] == "greet")
    assert run(demo, dep["id"], ["Ann"])[-1].data == ["Hello Ann"]
