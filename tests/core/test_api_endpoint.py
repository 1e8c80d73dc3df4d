"""gr.api (endpoints typed from type hints), batch=True (fn gets lists), gr.State
time_to_live / delete_callback and a closed session, as Gradio 6.31 does them."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import wasmui as gr
from wasmui.processing import BatchCall, run_batch


def add(a: int, b: int = 2, c: list[str] | None = None) -> tuple[int, str]:
    """Adds."""
    return a + b, "x"


def test_gr_api_config_and_info_match_gradio() -> None:
    with gr.Blocks() as demo:
        gr.api(add, api_name="add_and_slice")

        @gr.api
        def hello(name: str) -> str:
            return "hi " + name

    cfg = demo.get_config()
    comps = {c["id"]: c for c in cfg["components"]}
    dep = next(d for d in cfg["dependencies"] if d["api_name"] == "add_and_slice")
    # recorded from gradio 6.31.0 for the same app
    assert dep["targets"] == [] and dep["show_progress"] == "hidden" and dep["queue"] is True
    first, second, third = (comps[i] for i in dep["inputs"])
    assert first["type"] == "api" and first["props"] == {"_api_info": {"type": "integer"}, "label": "1st",
                                                          "name": "api", "_selectable": False}
    assert second["props"]["value"] == 2 and second["example_inputs"] == 2
    assert third["api_info"] == {"oneOf": [{"type": "null"}, {"type": "array", "items": {"type": "string"}}]}
    info = demo.get_api_info()["named_endpoints"]
    assert [(p["label"], p["parameter_name"], p["parameter_has_default"], p["parameter_default"],
             p["python_type"]["type"], p["component"], p["example_input"]) for p in info["/add_and_slice"]["parameters"]] == [
        ("1st", "a", False, None, "int", "Api", "..."), ("2nd", "b", True, 2, "int", "Api", 2),
        ("3rd", "c", True, None, "None | list[str]", "Api", "...")]
    assert [r["python_type"]["type"] for r in info["/add_and_slice"]["returns"]] == ["int", "str"]
    assert info["/add_and_slice"]["description"] == "Adds."
    assert list(info) == ["/add_and_slice", "/hello"]


def test_gr_api_runs_and_needs_type_hints(run) -> None:
    with gr.Blocks() as demo:
        dep = gr.api(add)
    assert run(demo, dep.block_fn.id, [1, 5, None])[-1].data == [6, "x"]
    with pytest.raises(ValueError, match="type hints"), gr.Blocks():
        gr.api(lambda x: x)
    with pytest.raises(Exception, match="Blocks context"):
        gr.api(add)


def test_batch_function_gets_lists_and_each_call_its_answer() -> None:
    seen: list[list[Any]] = []

    def trim(words: list[str], lens: list[int]) -> list[list[str]]:
        seen.append([list(words), list(lens)])
        return [[w[: int(n)] for w, n in zip(words, lens)]]

    with gr.Blocks() as demo:
        w, n, out = gr.Textbox(), gr.Number(), gr.Textbox()
        dep = gr.Button().click(trim, [w, n], out, batch=True, max_batch_size=8)

    async def go() -> list[Any]:
        calls = [BatchCall(["hello", 2], demo.sessions.get("a")), BatchCall(["world", 3], demo.sessions.get("b"))]
        return [c.data for c in await run_batch(demo, dep.block_fn.id, calls)]

    assert asyncio.run(go()) == [["he"], ["wor"]]
    assert seen == [[["hello", "world"], [2, 3]]]
    assert demo.get_config()["dependencies"][0]["batch"] is True


def test_batch_function_with_the_wrong_shape_is_a_readable_error(run) -> None:
    with gr.Blocks() as demo:
        box = gr.Textbox()
        dep = gr.Button().click(lambda xs: "oops", box, [box, box], batch=True)
    with pytest.raises(gr.Error, match="one list per output"):
        run(demo, dep.block_fn.id, ["a"])


def test_state_time_to_live_deletes_with_the_callback() -> None:
    deleted: list[Any] = []
    with gr.Blocks() as demo:
        state = gr.State(time_to_live=0.05, delete_callback=deleted.append)
        plain = gr.State()

    async def go() -> None:
        session = demo.sessions.get("s")
        session.set_state(state, "secret")
        session.set_state(plain, "kept")
        await asyncio.sleep(0.3)  # the store's own timer fires (no test-side polling)
        assert deleted == ["secret"]
        assert session.get_state(state) is None and session.get_state(plain) == "kept"

    asyncio.run(go())


def test_a_closed_session_keeps_values_an_hour_then_deletes_them() -> None:
    deleted: list[Any] = []
    with gr.Blocks() as demo:
        state = gr.State(delete_callback=deleted.append)
    session = demo.sessions.get("s")
    session.set_state(state, 1)
    assert demo.sessions.expire() == 0
    demo.sessions.close("s")
    assert demo.sessions.expire() == 0  # Gradio keeps a closed page's state for an hour
    assert demo.sessions.expire(now=session.set_at[state._id] + 3601) == 1 and deleted == [1]


def test_value_callables_with_inputs_and_every_match_gradio(run) -> None:
    with gr.Blocks() as demo:
        a, b = gr.Number(value=1, label="a"), gr.Number(value=2, label="b")
        total = gr.Number(value=lambda x, y: x + y, inputs=[a, b], label="sum")
        clock = gr.Textbox(value=lambda: "tick", every=2, label="clock")
    cfg = demo.get_config()
    kinds = {c["id"]: c["type"] for c in cfg["components"]}
    # recorded from gradio 6.31.0 for the same app
    got = [([(kinds.get(t[0], "root"), t[1]) for t in d["targets"]], d["inputs"], d["outputs"], d["show_progress"],
            d["trigger_mode"]) for d in cfg["dependencies"]]
    assert got == [
        ([("number", "change"), ("number", "change"), ("root", "load")], [a._id, b._id], [total._id], "hidden", "once"),
        ([("timer", "tick"), ("root", "load")], [], [clock._id], "hidden", "once")]
    assert next(c for c in cfg["components"] if c["type"] == "timer")["props"]["value"] == 2
    assert run(demo, cfg["dependencies"][0]["id"], [3, 4])[-1].data == [7]
