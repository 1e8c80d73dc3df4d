"""gr.Chatbot values and gr.ChatInterface: the config and dependency chain real Gradio
6.31 builds (golden file from tools/make_golden_chat.py), and the chat functions run
through the real job runner (sync, async, generators, errors, retry/undo/edit)."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import wasmui as gr
from wasmui.processing import Completed, Generating

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import make_golden_chat  # noqa: E402

GOLDEN = json.loads((Path(__file__).parent / "golden" / "chat_interface.json").read_text())


@pytest.mark.parametrize("name", sorted(GOLDEN["cases"]))
def test_chat_interface_config_matches_gradio(name: str) -> None:
    want = GOLDEN["cases"][name]
    got = make_golden_chat.build(gr, name)
    assert got["layout"] == want["layout"]
    assert [c["type"] for c in got["components"]] == [c["type"] for c in want["components"]]
    for g, w in zip(got["components"], want["components"]):
        assert g["props"] == w["props"], (name, w["type"])
    assert len(got["dependencies"]) == len(want["dependencies"])
    for i, (g, w) in enumerate(zip(got["dependencies"], want["dependencies"])):
        assert g == w, (name, i)
    assert got["endpoints"] == want["endpoints"]
    assert got["fill_height"] == want["fill_height"]


# -- Chatbot values ---------------------------------------------------------------
def test_postprocess_normalises_every_message_form(tmp_path: Path) -> None:
    img = tmp_path / "cat.png"
    img.write_bytes(b"\x89PNG\r\n\x1a\n")
    bot = gr.Chatbot(render=False)
    out = bot.postprocess([
        {"role": "user", "content": "  hi"},
        gr.ChatMessage("thinking", metadata={"title": "Tool", "id": 1, "status": "pending"}),
        {"role": "assistant", "content": {"path": str(img)}},
        {"role": "assistant", "content": ["see", (str(img), "a cat")]},
        {"role": "assistant", "content": None},
    ])
    assert out[0] == {"role": "user", "metadata": None, "content": [{"text": "hi", "type": "text"}], "options": None}
    assert out[1]["metadata"] == {"title": "Tool", "id": 1, "status": "pending"} and out[1]["options"] == []
    assert out[2]["content"][0]["type"] == "file" and out[2]["content"][0]["file"]["mime_type"] == "image/png"
    assert [p["type"] for p in out[3]["content"]] == ["text", "file"] and out[3]["content"][1]["alt_text"] == "a cat"
    assert len(out) == 4  # a message without content is dropped, as in Gradio
    json.dumps(out)


def test_postprocess_rejects_what_is_not_a_message() -> None:
    with pytest.raises(gr.Error, match="messages format"):
        gr.Chatbot(render=False).postprocess([("user", "bot")])
    with pytest.raises(gr.Error, match="Invalid message"):
        gr.Chatbot(render=False).postprocess([{"role": "user", "content": object()}])


def test_component_inside_a_message_becomes_a_component_part() -> None:
    out = gr.Chatbot(render=False).postprocess([{"role": "assistant", "content": gr.Markdown("**hi**", render=False)}])
    part = out[0]["content"][0]
    assert part["type"] == "component" and part["component"] == "markdown" and part["value"] == "**hi**"
    assert part["constructor_args"] == {}


def test_reasoning_tags_split_thinking_into_thoughts() -> None:
    bot = gr.Chatbot(render=False, reasoning_tags=[("<think>", "</think>")])
    done = bot.postprocess([{"role": "assistant", "content": "<think>plan</think>Answer"}])
    assert [(m["metadata"], m["content"][0]["text"]) for m in done] == [
        ({"title": "Reasoning", "status": "done"}, "plan"), (None, "Answer")]
    pending = bot.postprocess([{"role": "assistant", "content": "<think>still going"}])
    assert pending[0]["metadata"] == {"title": "Reasoning", "status": "pending"}


def test_preprocess_gives_normalised_dicts() -> None:
    bot = gr.Chatbot(render=False)
    payload = bot.postprocess([{"role": "user", "content": "hi"}])
    assert bot.preprocess(payload) == payload
    assert bot.preprocess(None) == []
    with pytest.raises(gr.Error):
        bot.preprocess([{"role": "user", "content": "not a list"}])


def test_listeners_turn_on_the_matching_buttons() -> None:
    with gr.Blocks() as demo:
        bot = gr.Chatbot()
        bot.like(lambda: None)
        bot.retry(lambda: None)
        bot.edit(lambda: None)
    props = [c for c in demo.get_config()["components"] if c["type"] == "chatbot"][0]["props"]
    assert props["likeable"] and props["_retryable"] and not props["_undoable"]
    assert props["editable"] == "user"


def test_chat_event_data_classes() -> None:
    like = gr.LikeData(None, {"index": 1, "value": ["hi"], "liked": False})
    assert (like.index, like.value, like.liked) == (1, ["hi"], False)
    edit = gr.EditData(None, {"index": 0, "value": "new", "previous_value": "old"})
    assert (edit.index, edit.value, edit.previous_value) == (0, "new", "old")
    assert gr.UndoData(None, {"index": 2, "value": "x"}).index == 2
    assert gr.RetryData(None, {"index": 2, "value": "x"}).value == "x"


# -- ChatInterface functions through the job runner ----------------------------------------
def run(demo: Any, fn_index: int, data: list[Any], session: str = "s1") -> list[Any]:
    async def collect() -> list[Any]:
        sess = demo.sessions.get(session)
        return [ev async for ev in demo_run_job(demo, fn_index, data, sess)]

    from wasmui.processing import run_job as demo_run_job

    return asyncio.run(collect())


def submit_fn_index(demo: Any) -> int:
    return next(f.id for f in demo.fns.values() if f.api_name == "_submit_fn")


def bot_texts(history: list[dict[str, Any]]) -> list[str]:
    return [p["text"] for m in history if m["role"] == "assistant" for p in m["content"] if p["type"] == "text"]


@pytest.mark.parametrize("kind", ["sync", "async", "generator", "async_generator"])
def test_every_kind_of_function_answers(kind: str) -> None:
    def sync(message, history):
        return f"{message} ({len(history)})"

    async def async_(message, history):
        return f"{message} ({len(history)})"

    def generator(message, history):
        yield message
        yield f"{message} ({len(history)})"

    async def async_generator(message, history):
        yield message
        yield f"{message} ({len(history)})"

    fn = {"sync": sync, "async": async_, "generator": generator, "async_generator": async_generator}[kind]
    demo = gr.ChatInterface(fn)
    session = demo.sessions.get("s1")
    session.set_state(demo.saved_input, "hello")
    session.set_state(demo.chatbot_state, [{"role": "user", "content": "before"}, {"role": "assistant", "content": "x"}])
    events = run(demo, submit_fn_index(demo), [None, None])
    final = [e for e in events if isinstance(e, Completed)][0].data[1]
    assert bot_texts(final)[-1] == "hello (2)"
    assert [m["role"] for m in final] == ["user", "assistant", "user", "assistant"]
    if "generator" in kind:
        steps = [bot_texts(e.data[1])[-1] for e in events if isinstance(e, Generating)]
        assert steps[0] == "hello"  # the first token was sent before the last


def test_api_endpoint_is_named_after_the_function_with_its_parameters() -> None:
    def respond(message, history, system):
        return f"{system}:{message}"

    demo = gr.ChatInterface(respond, additional_inputs=[gr.Textbox(label="System")])
    info = demo.get_api_info()["named_endpoints"]["/respond"]
    assert [p["parameter_name"] for p in info["parameters"]] == ["message", "system"]
    api = next(f for f in demo.fns.values() if f.api_name == "respond")
    done = [e for e in run(demo, api.id, ["hi", None, "S"]) if isinstance(e, Completed)][0]
    assert done.data[0] == "S:hi"


def test_returning_chat_messages_and_lists() -> None:
    def fn(message, history):
        return [gr.ChatMessage("step", metadata={"title": "Tool"}), "final"]

    demo = gr.ChatInterface(fn)
    demo.sessions.get("s1").set_state(demo.saved_input, "go")
    history = [e for e in run(demo, submit_fn_index(demo), [None, None]) if isinstance(e, Completed)][0].data[1]
    assert [m["metadata"] for m in history] == [None, {"title": "Tool"}, None]
    assert bot_texts(history) == ["step", "final"]


def test_error_in_the_function_is_a_gr_error_and_the_next_message_works() -> None:
    def fn(message, history):
        if message == "bad":
            raise gr.Error("no")
        return "ok"

    demo = gr.ChatInterface(fn)
    session = demo.sessions.get("s1")
    session.set_state(demo.saved_input, "bad")
    with pytest.raises(gr.Error, match="no"):
        run(demo, submit_fn_index(demo), [None, None])
    session.set_state(demo.saved_input, "good")
    history = [e for e in run(demo, submit_fn_index(demo), [None, None]) if isinstance(e, Completed)][0].data[1]
    assert bot_texts(history) == ["ok"]


def test_undo_retry_and_edit_helpers() -> None:
    demo = gr.ChatInterface(lambda m, h: m, editable=True)
    bot = demo.chatbot
    history = bot.postprocess([{"role": "user", "content": "a"}, {"role": "assistant", "content": "A"},
                               {"role": "user", "content": "b"}, {"role": "assistant", "content": "B"}])
    rest, message = demo._pop_last_user_message(history)
    assert message == "b" and len(rest) == 2
    cut, state, value = demo._edit_message(history, gr.EditData(None, {"index": 2, "value": "b2", "previous_value": "b"}))
    assert len(cut) == 2 and value == "b2"


def test_multimodal_messages_become_file_and_text_parts(tmp_path: Path) -> None:
    img = tmp_path / "a.png"
    img.write_bytes(b"\x89PNG\r\n\x1a\n")
    demo = gr.ChatInterface(lambda m, h: f"{m['text']} + {len(m['files'])} file", multimodal=True)
    assert isinstance(demo.textbox, gr.MultimodalTextbox)
    history = demo._append_message_to_history({"text": "look", "files": [str(img)]}, [], "user")
    parts = demo.chatbot.postprocess(history)[0]["content"]
    assert [p["type"] for p in parts] == ["file", "text"] and parts[0]["file"]["mime_type"] == "image/png"


def test_multimodal_textbox_values() -> None:
    box = gr.MultimodalTextbox(render=False, file_types=[".png"])
    assert box.postprocess("hi") == {"text": "hi", "files": []}
    assert box.postprocess(None) == {"text": "", "files": []}
    assert box.postprocess({"text": "x", "files": ["/tmp/a.png"]})["files"][0]["orig_name"] == "a.png"
    payload = {"text": "t", "files": [{"path": "/tmp/a.png", "orig_name": "a.png", "meta": {"_type": "gradio.FileData"}}]}
    assert box.preprocess(payload) == {"text": "t", "files": ["/tmp/a.png"]}
    with pytest.raises(gr.Error, match="Invalid file type"):
        box.preprocess({"text": "", "files": [{"path": "/tmp/a.exe", "meta": {"_type": "gradio.FileData"}}]})


def test_manual_flagging_writes_each_like_to_log_csv(tmp_path: Path) -> None:
    import csv

    demo = gr.ChatInterface(lambda m, h: "ok", flagging_mode="manual", flagging_options=["Like", "Dislike", "Spam"],
                            flagging_dir=str(tmp_path / "flags"))
    assert demo.chatbot.feedback_options == ["Like", "Dislike", "Spam"]
    like = next(f for f in demo.fns.values() if f.api_name == "flag")
    history = [{"role": "user", "content": [{"type": "text", "text": "hi"}]},
               {"role": "assistant", "content": [{"type": "text", "text": "ok"}]}]
    from wasmui.processing import run_job

    async def fire(liked: Any) -> None:
        sess = demo.sessions.get("s")
        async for _ in run_job(demo, like.id, [history], sess, event_data={"index": 1, "value": "ok", "liked": liked}):
            pass

    for liked in (True, False, "Spam"):
        asyncio.run(fire(liked))
    rows = list(csv.reader((tmp_path / "flags" / "log.csv").open(encoding="utf-8")))
    assert rows[0] == ["conversation", "index", "value", "flag", "timestamp"]
    assert [r[2] for r in rows[1:]] == ["Like", "Dislike", "Spam"]  # Gradio's row: 4 values under 5 headers
    logged = json.loads(rows[1][0])  # the preprocessed messages, as the function saw them
    assert [(m["role"], m["content"]) for m in logged] == [(m["role"], m["content"]) for m in history]
    assert rows[1][1] == "1"


@pytest.mark.parametrize("generator", [False, True])
def test_cached_examples_answer_from_the_cache_after_the_first_click(generator: bool) -> None:
    calls: list[str] = []

    def answer(message: str, history: list[Any]) -> str:
        calls.append(message)
        return f"cached: {message}"

    def stream(message: str, history: list[Any]) -> Any:
        calls.append(message)
        yield "partial"
        yield f"cached: {message}"

    demo = gr.ChatInterface(stream if generator else answer, examples=["a", "b"], cache_examples=True, cache_mode="lazy")
    click = next(f for f in demo.fns.values() if f.targets and f.targets[0][1] == "example_select")
    from wasmui.processing import run_job

    def select(index: int, session: str) -> list[Any]:
        async def go() -> list[Any]:
            sess = demo.sessions.get(session)
            data = {"index": index, "value": {"text": "ab"[index]}}
            return [ev async for ev in run_job(demo, click.id, [], sess, event_data=data)]
        return asyncio.run(go())

    for session in ("s1", "s2"):
        events = select(1, session)
        done = [e for e in events if isinstance(e, Completed)][-1]
        history = done.data[0]
        assert bot_texts(history) == ["cached: b"], history
    assert calls == ["b"]  # the second session got the cached answer
    assert demo.cache_mode == "lazy"


def test_eager_cached_examples_are_answered_when_the_app_starts() -> None:
    """cache_mode="eager": every example is answered once, in order, when the server starts
    (``/startup-events``, as Gradio's launch); a click then runs nothing. A failing example
    is not cached, so clicking it runs the function again."""
    from wasmui.testing import TestClient

    calls: list[str] = []

    def answer(message: str, history: list[Any]) -> str:
        calls.append(message)
        if message == "bad":
            raise gr.Error("no")
        return f"answer #{len(calls)} for {message}"

    demo = gr.ChatInterface(answer, examples=["first", "second", "bad"], cache_examples=True, cache_mode="eager")
    assert calls == []  # building the app runs nothing
    client = TestClient(demo.app)
    try:
        assert client.get("/gradio_api/startup-events").json() is True
    finally:
        client.close()
    assert calls == ["first", "second", "bad"]
    click = next(f for f in demo.fns.values() if f.targets and f.targets[0][1] == "example_select")
    from wasmui.processing import run_job

    async def select(index: int, text: str) -> list[Any]:
        sess = demo.sessions.get("s")
        return [ev async for ev in run_job(demo, click.id, [], sess, event_data={"index": index, "value": {"text": text}})]

    done = [e for e in asyncio.run(select(1, "second")) if isinstance(e, Completed)][-1]
    assert bot_texts(done.data[0]) == ["answer #2 for second"]
    assert calls == ["first", "second", "bad"]
    with pytest.raises(gr.Error):
        asyncio.run(select(2, "bad"))
    assert calls == ["first", "second", "bad", "bad"]
