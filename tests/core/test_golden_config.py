"""Config entries of wasmui components, compared field by field with real Gradio 6.31.

The golden file is produced by ``tools/make_golden_configs.py`` under a real
gradio install; every case below replays the same constructor call on wasmui.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import wasmui as gr

GOLDEN = json.loads((Path(__file__).parent / "golden" / "components.json").read_text())
CASES = GOLDEN["cases"]

# Props Gradio derives from its own runtime (not from the constructor), or that carry
# server-side callables; wasmui does not reproduce them (documented in README).
IGNORED_PROPS = {"delete_callback", "proxy_url", "html_attributes",
                 "server_functions", "server_fns", "_undoable", "_retryable", "likeable", "streamable",
                 # 6.31-only layout props and an infinite float JSON cannot carry:
                 "alignment", "overflow_behavior", "time_to_live",
                 # gr.Plot sends bokeh's version when bokeh is installed where the config is made
                 # (tests/core/test_plot.py checks it); the golden file is recorded without bokeh.
                 "bokeh_version"}


def wasmui_entry(expr: str) -> dict[str, Any]:
    with gr.Blocks() as demo:
        block = eval(expr, {"gr": gr})  # noqa: S307 - expressions from the golden file
    for comp in demo.get_config()["components"]:
        if comp["id"] == block._id:
            return comp
    raise LookupError(expr)


@pytest.mark.parametrize("name", sorted(CASES))
def test_component_entry_matches_gradio(name: str) -> None:
    check_case(name)


def check_case(name: str) -> None:
    """Replay golden case ``name`` on wasmui and compare its entry with Gradio's."""
    case = CASES[name]
    want = case["entry"]
    got = wasmui_entry(case["expr"])
    assert got["type"] == want["type"]
    assert got["skip_api"] == want["skip_api"]
    want_props = {k: v for k, v in want["props"].items() if k not in IGNORED_PROPS}
    got_props = {k: v for k, v in got["props"].items() if k not in IGNORED_PROPS}
    assert sorted(got_props) == sorted(want_props), f"prop names differ for {case['expr']}"
    for key, value in want_props.items():
        if key == "components":  # class_id hashes Gradio's own file path; the names must match
            value, got_props[key] = [c["name"] for c in value], [c["name"] for c in got_props[key]]
        if key == "component_ids":  # block ids are per process; one per component
            value, got_props[key] = len(value), len(got_props[key])
        assert got_props[key] == value, f"{case['expr']}: prop {key!r} is {got_props[key]!r}, Gradio has {value!r}"
    for key in ("api_info", "example_inputs"):
        if key in want:
            assert got.get(key) == want[key], f"{case['expr']}: {key} differs"


def test_golden_file_is_from_the_emulated_release() -> None:
    assert GOLDEN["gradio_version"] == gr.GRADIO_VERSION
