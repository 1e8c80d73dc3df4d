"""Running jobs: sync/async/generators, updates, state, alerts, progress, errors."""

from __future__ import annotations

import asyncio

import pytest

import wasmui as gr
from wasmui.processing import Completed, Generating, Log, ProgressEvent, error_payload, run_validator


def test_sync_and_async_functions(run) -> None:
    async def shout(x):
        await asyncio.sleep(0)
        return x.upper()

    with gr.Blocks() as demo:
        t, o = gr.Textbox(), gr.Textbox()
        t.submit(lambda x: f"Hello {x}!", t, o)
        t.change(shout, t, o)
    assert run(demo, 0, ["Ann"])[-1].data == ["Hello Ann!"]
    assert run(demo, 1, ["ann"])[-1].data == ["ANN"]


def test_generators_yield_every_value_then_complete_with_the_last(run) -> None:
    def count(n):
        for i in range(int(n)):
            yield str(i)

    async def acount(n):
        for i in range(int(n)):
            yield str(i)

    with gr.Blocks() as demo:
        n, o = gr.Number(), gr.Textbox()
        n.submit(count, n, o)
        n.change(acount, n, o)
    for idx in (0, 1):
        events = run(demo, idx, [3])
        assert [e.data for e in events if isinstance(e, Generating)] == [["0"], ["1"], ["2"]]
        assert isinstance(events[-1], Completed) and events[-1].data == ["2"]


def test_multiple_outputs_dict_returns_updates_and_skip(run) -> None:
    with gr.Blocks() as demo:
        a, b = gr.Textbox(), gr.Textbox()
        btn = gr.Button()
        btn.click(lambda: ("x", "y"), None, [a, b])
        btn.click(lambda: {b: "only b"}, None, [a, b])
        btn.click(lambda: (gr.update(visible=False, value=3), gr.skip()), None, [a, b])
        btn.click(lambda: (gr.Textbox(lines=8), None), None, [a, b])
        btn.click(lambda: ("too", "many", "values"), None, [a, b])
    assert run(demo, 0, [])[-1].data == ["x", "y"]
    assert run(demo, 1, [])[-1].data == [{"__type__": "update"}, "only b"]
    assert run(demo, 2, [])[-1].data == [{"visible": False, "value": "3", "__type__": "update"}, {"__type__": "update"}]
    assert run(demo, 3, [])[-1].data == [{"__type__": "update", "lines": 8}, None]
    # Gradio 6.31 warns (server side) and keeps the first values.
    with pytest.warns(UserWarning, match="too many output values"):
        assert run(demo, 4, [])[-1].data == ["too", "many"]


def test_too_few_output_values_fail_as_in_gradio(run) -> None:
    def two_numbers():
        return (1,)

    with gr.Blocks() as demo:
        a, b = gr.Number(), gr.Textbox()
        btn = gr.Button()
        btn.click(two_numbers, None, [a, b])
        btn.click(lambda: (4, 3, 2, 1), None, [a, b])
        btn.click(lambda: None, None, [a, b])
        btn.click(lambda: "one", None, [a, b])
    # Gradio 6.31's text, word for word; a ValueError, not a gr.Error (hidden without show_error).
    with pytest.raises(ValueError) as caught:
        run(demo, 0, [])
    assert not isinstance(caught.value, gr.Error)
    assert str(caught.value) == (
        "A  function (two_numbers) didn't return enough output values (needed: 2, returned: 1).\n"
        "    Output components:\n        [number, textbox]\n"
        "    Output values returned:\n        [1]")
    with pytest.warns(UserWarning):
        assert run(demo, 1, [])[-1].data == [4, "3"]
    # A function that returns nothing, for two outputs, is the same error (Gradio does not
    # clear the outputs); a lambda is not named.
    with pytest.raises(ValueError, match=r"^A  function didn't return enough output values "
                       r"\(needed: 2, returned: 1\)\.\n(.|\n)*\n        \[None\]$"):
        run(demo, 2, [])
    with pytest.raises(ValueError, match=r'returned: 1\)(.|\n)*\["one"\]$'):
        run(demo, 3, [])


def test_state_is_per_session_and_never_sent(run) -> None:
    with gr.Blocks() as demo:
        s = gr.State([])
        out = gr.JSON()
        btn = gr.Button()
        btn.click(lambda items: (items + ["x"], items + ["x"]), s, [s, out])
        s.change(lambda v: v, s, out)
    assert run(demo, 0, [None], "alice")[-1].data == [None, ["x"]]
    last = run(demo, 0, [None], "alice")[-1]
    assert last.data == [None, ["x", "x"]] and last.changed_state_ids == [s._id]
    assert run(demo, 0, [None], "bob")[-1].data == [None, ["x"]]


def test_inputs_as_a_set_give_a_dict(run) -> None:
    with gr.Blocks() as demo:
        a, b = gr.Number(), gr.Number()
        out = gr.Number()
        gr.Button().click(lambda d: d[a] + d[b], {a, b}, out)
    assert run(demo, 0, [2, 3])[-1].data == [5]


def test_alerts_and_progress_reach_the_job(run) -> None:
    def work(x, progress=gr.Progress()):
        gr.Info("starting")
        progress(0.5, desc="half")
        for _ in progress.tqdm(range(2), desc="loop"):
            pass
        gr.Warning("careful")
        return x

    with gr.Blocks() as demo:
        t = gr.Textbox()
        t.submit(work, t, t)
    events = run(demo, 0, ["ok"])
    logs = [(e.level, e.message, e.title) for e in events if isinstance(e, Log)]
    assert logs == [("info", "starting", "Info"), ("warning", "careful", "Warning")]
    progress = [e.progress_data for e in events if isinstance(e, ProgressEvent)]
    assert progress[0] == [{"index": None, "length": None, "unit": None, "progress": 0.5, "desc": "half"}]
    assert {"index": 2, "length": 2, "unit": "steps", "progress": None, "desc": "loop"} in [p[-1] for p in progress if p]
    assert events[-1].data == ["ok"]


def test_request_and_event_data_are_injected(run) -> None:
    def who(x, request: gr.Request, evt: gr.SelectData):
        return f"{x}:{request.session_hash}:{evt.value}:{evt.index}"

    with gr.Blocks() as demo:
        t = gr.Textbox()
        t.select(who, t, t)
    out = run(demo, 0, ["a"], "sess", event_data={"value": "v", "index": [1, 2]})
    assert out[-1].data == ["a:sess:v:[1, 2]"]
    assert demo.get_config()["dependencies"][0]["collects_event_data"] is True


def test_error_payloads() -> None:
    err = gr.Error("custom failure", duration=5, title="Oops")
    assert error_payload(err, show_error=False) == {"error": "custom failure", "duration": 5, "visible": True, "title": "Oops"}
    assert error_payload(ValueError("secret"), show_error=False) == {"error": None}
    shown = error_payload(ValueError("boom"), show_error=True)
    assert shown["error"] == "boom" and shown["visible"] is True and "ValueError: boom" in shown["traceback"]


def test_bad_input_is_a_clear_error_and_the_next_call_works(run) -> None:
    with gr.Blocks() as demo:
        n = gr.Number(minimum=0, maximum=10)
        n.submit(lambda x: x * 2, n, n)
    with pytest.raises(gr.Error, match="greater than maximum"):
        run(demo, 0, [11])
    with pytest.raises(gr.Error, match="Expected a number"):
        run(demo, 0, ["abc"])
    assert run(demo, 0, [4])[-1].data == [8]


def test_function_exceptions_propagate(run) -> None:
    with gr.Blocks() as demo:
        t = gr.Textbox()
        t.submit(lambda x: 1 / 0, t, t)
    with pytest.raises(ZeroDivisionError):
        run(demo, 0, ["x"])


def test_validator_returns_422_detail() -> None:
    def check(x):
        return gr.validate(len(x) > 2, "Too short")

    with gr.Blocks() as demo:
        t = gr.Textbox()
        t.submit(lambda x: x, t, t, validator=check)
    session = demo.sessions.get("v")
    assert run_validator(demo, 0, ["ab"], session) == [
        {"__type__": "validate", "is_valid": False, "message": "Too short", "parameter_name": "x"}]
    assert run_validator(demo, 0, ["abc"], session) is None


def test_js_only_dependency_completes_without_calling_python(run) -> None:
    with gr.Blocks() as demo:
        t = gr.Textbox()
        gr.Button().click(None, None, t, js="() => 'x'")
    assert run(demo, 0, [])[-1].data == [{"__type__": "update"}]


def test_uploaded_file_in_and_generated_file_out(run, tmp_path) -> None:
    def upper(path):
        out = tmp_path / "out.txt"
        out.write_text(open(path).read().upper())
        return str(out)

    with gr.Blocks() as demo:
        f_in, f_out = gr.File(), gr.File()
        f_in.upload(upper, f_in, f_out)
    uploaded = demo.file_store.save_upload("hello.txt", b"hi there")
    payload = {"path": uploaded, "orig_name": "hello.txt", "meta": {"_type": "gradio.FileData"}}
    data = run(demo, 0, [payload], root="http://app")[-1].data[0]
    assert data["orig_name"] == "out.txt" and data["size"] == 8
    assert data["url"] == f"http://app/gradio_api/file={data['path']}"
    assert open(data["path"]).read() == "HI THERE"
    with pytest.raises(ValueError):
        run(demo, 0, [{"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}}])


def test_track_tqdm_mirrors_tqdm_bars(run) -> None:
    tqdm = pytest.importorskip("tqdm")

    def work(n, progress=gr.Progress(track_tqdm=True)):
        for _ in tqdm.tqdm(range(int(n)), desc="bar"):
            pass
        return n

    with gr.Blocks() as demo:
        num = gr.Number()
        num.submit(work, num, num)
    events = run(demo, 0, [3])
    seen = [e.progress_data[-1] for e in events if isinstance(e, ProgressEvent)]
    assert {"index": 3, "length": 3, "unit": "it", "progress": None, "desc": "bar"} in seen
    assert events[-1].data == [3]


def test_choice_updates_are_normalised_to_pairs(run) -> None:
    with gr.Blocks() as demo:
        dd = gr.Dropdown(["a"])
        btn = gr.Button()
        btn.click(lambda: gr.update(choices=["x", ("Why", "y")], value="y"), None, dd)
        btn.click(lambda: gr.Dropdown(choices=["p", "q"], label="New"), None, dd)
    assert run(demo, 0, [])[-1].data == [{"choices": [["x", "x"], ["Why", "y"]], "value": "y", "__type__": "update"}]
    assert run(demo, 1, [])[-1].data == [{"__type__": "update", "choices": [["p", "p"], ["q", "q"]], "label": "New"}]
