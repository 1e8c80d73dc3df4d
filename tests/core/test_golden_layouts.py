"""Whole-app layouts and dependency wiring, compared with real Gradio 6.31.

The golden file ``golden/layouts.json`` is recorded by ``tools/make_golden_configs.py``
under a real gradio install (``LAYOUT_CASES``); each case is rebuilt here with wasmui.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import pytest

import wasmui as gr

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import make_golden_configs  # noqa: E402

GOLDEN = json.loads((Path(__file__).parent / "golden" / "layouts.json").read_text())


def test_golden_file_covers_every_case() -> None:
    assert GOLDEN["gradio_version"] == gr.GRADIO_VERSION
    assert sorted(GOLDEN["cases"]) == sorted(make_golden_configs.LAYOUT_CASES)


@pytest.mark.parametrize("name", sorted(make_golden_configs.LAYOUT_CASES))
def test_layout_and_wiring_match_gradio(name: str) -> None:
    want = GOLDEN["cases"][name]
    assert want["src"] == make_golden_configs.LAYOUT_CASES[name]
    got = make_golden_configs.layout_for(gr, want["src"])
    assert got["layout"] == want["layout"]
    assert got["dependencies"] == want["dependencies"]


def test_interface_state_is_one_state_for_input_and_output() -> None:
    demo = gr.Interface(lambda x, s: (x, s), ["text", "state"], ["text", "state"])
    assert demo.output_components[1] is demo.input_components[1]
    with pytest.raises(ValueError, match="exactly one state input and one state output"):
        gr.Interface(lambda x, s: x, ["text", "state"], ["text"])
    with pytest.raises(ValueError, match="exactly one state input and one state output"):
        gr.Interface(lambda x: x, ["text"], ["text", "state", "state"])


def test_interface_state_turns_example_caching_off() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        demo = gr.Interface(lambda x, s: (x, s), ["text", "state"], ["text", "state"], examples=[["a"]],
                            cache_examples=True)
    assert demo.cache_examples is False
    assert any("Cache examples cannot be used with state" in str(w.message) for w in caught)
