"""Cached examples as Gradio 6.31 wires them (cache_examples True / "lazy", cache_mode,
preload, run_on_click) and the build-time cache (``wasmui.examples.precompute``): deterministic
answers ship in the config as ``wasmui_static``, the rest are computed once when asked."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest

import wasmui as gr
from wasmui import build, examples


def _deps(demo: Any) -> dict[str, dict[str, Any]]:
    return {d["api_name"]: d for d in demo.get_config()["dependencies"]}


def test_eager_cache_listeners_match_gradio(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRADIO_CACHE_MODE", raising=False)
    demo = gr.Interface(lambda x: x * 2, "number", "number", examples=[[1], [2]], cache_examples=True,
                        flagging_mode="never")
    deps = _deps(demo)
    # the names, visibility, queue and chaining real Gradio 6.31 gives these listeners
    click, then = deps["load_example_input"], deps["load_example"]
    assert (click["queue"], click["show_progress"], click["api_visibility"]) == (False, "hidden", "undocumented")
    assert then["trigger_after"] == click["id"] and then["targets"] == [[None, "then"]] and then["queue"] is True
    assert [t[1] for t in deps["load_example_input_1"]["targets"]] == ["load"]
    assert [t[1] for t in deps["load_example_output"]["targets"]] == ["load"]


def test_lazy_cache_has_no_preload_and_runs_once_per_example(run) -> None:
    calls: list[str] = []

    def shout(s: str) -> str:
        calls.append(s)
        return s.upper() + "!"

    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        gr.Examples([["a"], ["b"]], box, out, fn=shout, cache_examples=True, cache_mode="lazy")
    deps = _deps(demo)
    assert "load_example_output" not in deps and "load_example_input_1" not in deps
    then = deps["load_example"]
    assert run(demo, deps["load_example_input"]["id"], [1])[-1].data == ["b"]
    assert run(demo, then["id"], [1])[-1].data == ["B!"]
    assert run(demo, then["id"], [1])[-1].data == ["B!"]
    assert calls == ["b"]  # the second click came from the cache
    with pytest.raises(IndexError, match="no example 7"):
        run(demo, then["id"], [7])
    assert run(demo, then["id"], [0])[-1].data == ["A!"]  # the next click works


def test_cache_examples_lazy_string_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    with gr.Blocks():
        box = gr.Textbox()
        ex = gr.Examples([["a"]], box, box, fn=str.upper, cache_examples="lazy")
    assert ex.cache_examples == "lazy"
    monkeypatch.setenv("GRADIO_CACHE_EXAMPLES", "true")
    with gr.Blocks():
        box = gr.Textbox()
        assert gr.Examples([["a"]], box, box, fn=str.upper).cache_examples is True
        assert gr.Examples([["a"]], box).cache_examples is False  # no fn: nothing to cache
    with pytest.raises(ValueError, match="fn"), gr.Blocks():
        gr.Examples([["a"]], gr.Textbox(), cache_examples=True)


def test_run_on_click_runs_the_function_after_filling_inputs(run) -> None:
    with gr.Blocks() as demo:
        box, out = gr.Textbox(), gr.Textbox()
        gr.Examples([["hi"]], box, out, fn=lambda s: s + "?", run_on_click=True)
    cfg = demo.get_config()
    follower = next(d for d in cfg["dependencies"] if d["trigger_after"] is not None)
    assert follower["inputs"] == [box._id] and follower["outputs"] == [out._id]
    assert run(demo, follower["id"], ["hi"])[-1].data == ["hi?"]


def test_precompute_ships_only_deterministic_answers() -> None:
    counter = itertools.count()
    with gr.Blocks() as demo:
        a, b = gr.Number(), gr.Number()
        gr.Examples([[1], [2]], a, a, fn=lambda x: x + 10, cache_examples=True)
        gr.Examples([[5]], b, b, fn=lambda x: x + next(counter), cache_examples=True)
    counts = asyncio.run(examples.precompute(demo))
    assert counts == {"examples": 3, "shipped": 2}
    tables = {d["api_name"]: d.get("wasmui_static") for d in demo.get_config()["dependencies"]}
    assert tables["load_example"] == {"[0]": [11], "[1]": [12]}
    assert tables["load_example_input_2"] == {"[0]": [5]}  # the changing one still fills its input at once...
    assert tables["load_example_1"] is None  # ...but its output is computed in the browser


def test_build_embeds_cached_answers(tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "app.py").write_text(
        "import gradio as gr\n"
        "demo = gr.Interface(lambda n: n * n, gr.Number(label='n'), gr.Number(label='square'),\n"
        "                    examples=[[3], [4]], cache_examples=True)\n")
    build.build_site(app, tmp_path / "site")
    html = (tmp_path / "site" / "index.html").read_text()
    config = json.loads(re.search(r'<script type="application/json" data-wasmui="config">(.*?)</script>', html,
                                  re.S).group(1).replace("<\\/", "</"))
    tables = {d["api_name"]: d.get("wasmui_static") for d in config["dependencies"]}
    assert tables["load_example"] == {"[0]": [9], "[1]": [16]}
    assert tables["load_example_output"] == {"[null]": [9]}


def test_eager_tables_are_computed_at_boot_in_order(run) -> None:
    """As Gradio caches eager examples at launch: all of them, in order, before any click; a
    click then answers from that cache (a lazy table is left alone)."""
    calls = itertools.count(1)

    def tag(word: str) -> str:
        return f"{word} #{next(calls)}"

    with gr.Blocks() as demo:
        word, tagged = gr.Textbox(), gr.Textbox()
        eager = gr.Examples([["a"], ["b"], ["c"]], word, tagged, fn=tag, cache_examples=True, cache_mode="eager")
        lazy = gr.Examples([["x"]], word, tagged, fn=tag, cache_examples="lazy")

    asyncio.run(demo.run_extra_startup_events())  # what the server runs as it starts
    assert eager._cache == {0: ["a #1"], 1: ["b #2"], 2: ["c #3"]} and lazy._cache == {}
    assert run(demo, eager.cache_event.block_fn.id, [2])[-1].data == ["c #3"]  # not computed again
    assert asyncio.run(eager.cache_all()) == 0
