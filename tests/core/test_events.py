"""Listeners, api_name rules, chaining, gr.on, cancels and dependency config."""

from __future__ import annotations

import pytest

import wasmui as gr


def deps(demo: gr.Blocks) -> list[dict]:
    return demo.get_config()["dependencies"]


def test_api_name_derived_from_function_names_and_collisions() -> None:
    def greet(x: str) -> str:
        return x

    with gr.Blocks() as demo:
        t = gr.Textbox()
        t.submit(greet, t, t)
        t.change(greet, t, t)
        t.blur(lambda x: x, t, t)
        t.focus(greet, t, t, api_name="custom")
        t.input(greet, t, t, api_name="custom")
    names = [d["api_name"] for d in deps(demo)]
    assert names == ["greet", "greet_1", "lambda", "custom", "custom_1"]


def test_private_names_for_missing_fn_js_and_false() -> None:
    with gr.Blocks() as demo:
        b = gr.Button()
        b.click(None, None, None)
        b.click(None, None, None, js="() => 1")
        b.click(lambda: 1, None, None, api_name=False)
        b.click(lambda: 1, None, None, api_visibility="undocumented")
        b.click(lambda: 1, None, None, show_api=False)
    d = deps(demo)
    assert [(x["api_name"], x["api_visibility"], x["backend_fn"]) for x in d] == [
        ("unnamed", "private", False), ("js_fn", "private", False), ("false", "private", True),
        ("lambda", "undocumented", True), ("lambda_1", "undocumented", True),
    ]
    info = demo.get_api_info()
    assert info["named_endpoints"] == {}
    assert set(demo.get_api_info(all_endpoints=True)["named_endpoints"]) == {"/lambda", "/lambda_1"}


def test_dependency_entry_has_every_protocol_field() -> None:
    def gen(x):
        yield x

    with gr.Blocks() as demo:
        t = gr.Textbox()
        t.change(gen, t, t, js="(x) => x", show_progress="minimal", queue=False)
    d = deps(demo)[0]
    assert d["targets"] == [[t._id, "change"]]
    assert d["types"] == {"generator": True, "cancel": False}
    assert d["trigger_mode"] == "always_last"  # change events debounce by default
    assert (d["js"], d["show_progress"], d["queue"], d["connection"]) == ("(x) => x", "minimal", False, "sse")
    for key in ("id", "inputs", "outputs", "backend_fn", "api_name", "api_visibility", "cancels", "rendered_in",
                "trigger_after", "trigger_only_on_success", "trigger_only_on_failure", "collects_event_data",
                "stream_every", "time_limit", "event_specific_args", "component_prop_inputs", "show_progress_on",
                "batch", "max_batch_size", "scroll_to_output", "api_description", "render_id", "js_implementation"):
        assert key in d


def test_then_success_failure_chain() -> None:
    with gr.Blocks() as demo:
        b = gr.Button()
        first = b.click(lambda: None, None, None)
        first.then(lambda: None, None, None).success(lambda: None, None, None)
        first.failure(lambda: None, None, None)
    d = deps(demo)
    assert d[1]["trigger_after"] == 0 and not d[1]["trigger_only_on_success"]
    assert d[2]["trigger_after"] == 1 and d[2]["trigger_only_on_success"]
    assert d[3]["trigger_after"] == 0 and d[3]["trigger_only_on_failure"]


def test_decorator_form_and_gr_on() -> None:
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Button()

        @b.click(inputs=a, outputs=a)
        def shout(x: str) -> str:
            return x.upper()

        @gr.on([a.submit, b.click], inputs=a, outputs=a)
        def both(x: str) -> str:
            return x

        gr.on(None, lambda x: x, inputs=[a], outputs=[a])
    d = deps(demo)
    assert d[0]["api_name"] == "shout" and shout("x") == "X"
    assert d[1]["targets"] == [[a._id, "submit"], [b._id, "click"]]
    assert d[2]["targets"] == [[demo._id, "load"], [a._id, "change"]]


def test_load_and_cancels() -> None:
    def slow():
        yield 1

    with gr.Blocks() as demo:
        n = gr.Number()
        go = gr.Button()
        stop = gr.Button()
        run = go.click(slow, None, n)
        stop.click(None, None, None, cancels=[run])
        demo.load(lambda: 3, None, n)
    d = deps(demo)
    # Gradio 6.31 makes two dependencies even for a listener without a function:
    # the (empty) listener itself, then the frontend-only cancel dependency.
    assert not d[1]["types"]["cancel"] and d[1]["backend_fn"] is False
    assert d[2]["types"]["cancel"] and d[2]["cancels"] == [0] and d[2]["queue"] is False
    assert d[3]["targets"] == [[demo._id, "load"]]


def test_listener_outside_blocks_is_a_clear_error() -> None:
    b = gr.Button()
    with pytest.raises(AttributeError, match="Blocks"):
        b.click(lambda: None)


def test_form_wraps_consecutive_form_components() -> None:
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Number()
        gr.Button()
        c = gr.Checkbox()
    layout = demo.get_config()["layout"]
    kinds = {c["id"]: c["type"] for c in demo.get_config()["components"]}
    top = [kinds[child["id"]] for child in layout["children"]]
    assert top == ["form", "button", "form"]
    assert [x["id"] for x in layout["children"][0]["children"]] == [a._id, b._id]
    assert layout["children"][2]["children"] == [{"id": c._id}]


def test_tabs_are_wrapped_and_nested_layout() -> None:
    with gr.Blocks() as demo:
        with gr.Tab("One"):
            gr.Markdown("1")
        with gr.Tab("Two"):
            with gr.Accordion("More", open=False):
                with gr.Row():
                    gr.Button("x")
    cfg = demo.get_config()
    kinds = {c["id"]: c["type"] for c in cfg["components"]}
    tabs = cfg["layout"]["children"][0]
    assert kinds[tabs["id"]] == "tabs"
    assert [kinds[t["id"]] for t in tabs["children"]] == ["tabitem", "tabitem"]
    acc = tabs["children"][1]["children"][0]
    assert kinds[acc["id"]] == "accordion"
    assert cfg["page"][""]["layout"] == cfg["layout"]
    assert cfg["protocol"] == "sse_v3" and cfg["api_prefix"] == "/gradio_api" and cfg["version"] == gr.GRADIO_VERSION


def test_callable_value_adds_a_load_event() -> None:
    with gr.Blocks() as demo:
        t = gr.Textbox(lambda: "now")
    d = deps(demo)
    assert d[0]["targets"] == [[demo._id, "load"]] and d[0]["outputs"] == [t._id]
    assert t.value == "now"


def test_connect_heartbeat_only_with_state() -> None:
    with gr.Blocks() as a:
        gr.Textbox()
    with gr.Blocks() as b:
        gr.State(1)
    assert a.get_config()["connect_heartbeat"] is False
    assert b.get_config()["connect_heartbeat"] is True


def test_timer_ticks_default_to_hidden_progress() -> None:
    with gr.Blocks() as demo:
        timer = gr.Timer(0.5)
        n = gr.Number()
        timer.tick(lambda: 1, None, n)
        timer.tick(lambda: 2, None, n, show_progress="full")
        n.change(lambda x: x, n, n)
    assert [d["show_progress"] for d in deps(demo)] == ["hidden", "full", "full"]
