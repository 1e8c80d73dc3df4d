"""Streaming inputs (``connection: "stream"``): ``/queue/join`` opens the stream, each
``/stream/{event_id}`` chunk runs the function again, ``/stream/{event_id}/close`` or
``time_limit`` ends it (Gradio 6.31's protocol, checked on a real wasmui app)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import wasmui as gr
from wasmui.testing import TestClient


def streaming_app(time_limit: float | None = None) -> tuple[gr.Blocks, int, int]:
    calls: list[str] = []
    with gr.Blocks() as demo:
        # The payloads are plain strings here: preprocess=False hands them over as they come.
        inp = gr.Audio(sources=["microphone"])
        out = gr.Textbox()
        seen = gr.State([])

        def echo(chunk: str, history: list[str]) -> tuple[str, list[str]]:
            calls.append(chunk)
            if chunk == "boom":
                raise gr.Error("bad chunk")
            return f"{len(history) + 1}:{chunk}", [*history, chunk]

        dep = inp.stream(echo, [inp, seen], [out, seen], time_limit=time_limit, stream_every=0.1,
                         preprocess=False)
    return demo, dep.block_fn.id, inp._id


def join(c: TestClient, fn: int, trigger: int, data: list[Any], session: str = "s") -> str:
    r = c.post("/gradio_api/queue/join", json={"data": data, "fn_index": fn, "session_hash": session, "trigger_id": trigger})
    assert r.status_code == 200, r.text
    return str(r.json()["event_id"])


def messages(c: TestClient, session: str = "s") -> Iterator[dict[str, Any]]:
    with c.stream(f"/gradio_api/queue/data?session_hash={session}") as s:
        for m in s:
            yield m.json()


def chunk(c: TestClient, eid: str, data: list[Any]) -> Any:
    return c.post(f"/gradio_api/stream/{eid}", json={"data": data, "fn_index": 0, "session_hash": "s", "event_data": None})


def test_config_says_stream_like_gradio() -> None:
    demo, fn, _ = streaming_app(time_limit=5)
    dep = demo.config["dependencies"][fn]
    assert dep["connection"] == "stream" and dep["event_specific_args"] == ["stream_every"]
    assert dep["show_progress"] == "minimal" and dep["trigger_mode"] == "multiple" and dep["time_limit"] == 5
    assert demo.config["connect_heartbeat"] is True


def test_chunks_run_the_function_until_the_client_closes() -> None:
    demo, fn, trig = streaming_app()
    with TestClient(demo.app) as c:
        eid = join(c, fn, trig, ["a", None])
        got: list[Any] = []
        for m in messages(c):
            if m["msg"] == "process_streaming":
                got.append(m["output"]["data"][0])
                assert m["output"]["is_generating"] is True and m["time_limit"] is None
                if len(got) == 1:
                    assert chunk(c, eid, ["b", None]).json() == {"msg": "success"}
                elif len(got) == 2:
                    assert chunk(c, eid, ["c", None]).status_code == 200
                else:
                    assert c.post(f"/gradio_api/stream/{eid}/close", json={}).json() == {"msg": "success"}
            if m["msg"] == "process_completed":
                assert m["success"] is True and m["output"]["is_generating"] is False
                # Like Gradio, closing runs the function once more on the latest chunk.
                got.append(("done", m["output"]["data"][0]))
        assert got == ["1:a", "2:b", "3:c", ("done", "4:c")]
        # The stream is over: chunks for it are refused, and a new event works.
        assert chunk(c, eid, ["d", None]).status_code == 404
        assert c.post(f"/gradio_api/stream/{eid}/close", json={}).status_code == 404


def test_time_limit_ends_the_stream() -> None:
    demo, fn, trig = streaming_app(time_limit=0.6)
    with TestClient(demo.app) as c:
        started = time.monotonic()
        eid = join(c, fn, trig, ["a", None])
        kinds = []
        for m in messages(c):
            kinds.append(m["msg"])
            if m["msg"] == "process_streaming":
                assert 0 < m["time_limit"] <= 0.6
                time.sleep(0.05)
                chunk(c, eid, ["x", None])
        elapsed = time.monotonic() - started
        assert kinds[-2:] == ["process_completed", "close_stream"] and kinds.count("process_streaming") >= 2
        assert 0.5 < elapsed < 20, elapsed  # ended by time_limit, long before the 30 s idle limit


def test_no_chunk_in_time_completes_with_the_last_answer() -> None:
    demo, fn, trig = streaming_app(time_limit=0.3)
    with TestClient(demo.app) as c:
        join(c, fn, trig, ["only", None])
        done = [m for m in messages(c) if m["msg"] == "process_completed"]
        assert done[0]["success"] is True and done[0]["output"]["data"][0] == "1:only"


def test_an_error_in_a_chunk_ends_the_stream_readably_and_the_next_one_works() -> None:
    demo, fn, trig = streaming_app()
    with TestClient(demo.app) as c:
        eid = join(c, fn, trig, ["a", None])
        for m in messages(c):
            if m["msg"] == "process_streaming":
                chunk(c, eid, ["boom", None])
            if m["msg"] == "process_completed":
                assert m["success"] is False and m["output"]["error"] == "bad chunk"
        eid2 = join(c, fn, trig, ["again", None])
        for m in messages(c):
            if m["msg"] == "process_streaming":
                assert m["output"]["data"][0].endswith(":again")
                c.post(f"/gradio_api/stream/{eid2}/close", json={})


def test_unknown_stream_is_404() -> None:
    demo, _, _ = streaming_app()
    with TestClient(demo.app) as c:
        assert chunk(c, "nope", ["x"]).status_code == 404
        assert c.post("/gradio_api/stream/nope/close", json={}).status_code == 404
