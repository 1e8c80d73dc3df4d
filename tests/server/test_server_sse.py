"""SSE framing, message shapes and the router, as units."""

from __future__ import annotations

import json

import pytest

from wasmui.server import sse
from wasmui.server.router import Router


def test_frame_is_one_compact_data_line() -> None:
    text = sse.frame(sse.process_starts("e1", None))
    assert text == 'data: {"msg":"process_starts","event_id":"e1","eta":null}\n\n'


def test_frame_keeps_unicode_and_newlines_escaped() -> None:
    text = sse.frame({"msg": "log", "event_id": None, "log": "line1\nzoë"})
    assert text.count("\n") == 2 and "zoë" in text and "\\n" in text


def test_frame_writes_non_finite_floats_as_null() -> None:
    # NaN is not JSON and both clients would choke on it; orjson (Gradio) writes null.
    text = sse.frame({"msg": "x", "event_id": None, "v": [float("nan"), {"w": float("inf")}, 1.5]})
    assert text == 'data: {"msg":"x","event_id":null,"v":[null,{"w":null},1.5]}' + "\n\n"


@pytest.mark.parametrize(("message", "expected"), [
    (sse.process_completed("e", sse.output_body(["a"], generating=False, duration=0.1, average_duration=0.1),
                           success=True), 'event: complete\ndata: ["a"]\n\n'),
    (sse.process_generating("e", sse.output_body(["a", 1], generating=True, duration=0.1, average_duration=None)),
     'event: generating\ndata: ["a", 1]\n\n'),
    (sse.process_completed("e", {"error": "boom", "visible": True}, success=False, title="Error"),
     'event: error\ndata: {"error": "boom", "visible": true}\n\n'),
    (sse.heartbeat(), "event: heartbeat\ndata: null\n\n"),
    (sse.unexpected_error("404: Not Found", session_not_found=True), 'event: error\ndata: "404: Not Found"\n\n'),
    (sse.estimation("e", 0, 1), None),
    (sse.process_starts("e", None), None),
    (sse.log("e", "hi", "info", 10, True, "Info"), None),
    (sse.close_stream(), None),
])
def test_simple_frame(message: sse.Message, expected: str | None) -> None:
    assert sse.simple_frame(message) == expected


def test_message_keys_match_gradio() -> None:
    done = sse.process_completed("e", {}, success=True)
    assert list(done) == ["msg", "event_id", "output", "success", "title", "used_cache", "cache_duration", "avg_time"]
    gen = sse.process_generating("e", {})
    assert list(gen) == ["msg", "event_id", "output", "success", "time_limit"]
    err = sse.unexpected_error("x")
    assert err == {"msg": "unexpected_error", "event_id": None, "message": "x", "session_not_found": False,
                   "success": False}
    body = sse.output_body([1], generating=True, duration=1.0, average_duration=None)
    assert json.loads(json.dumps(body))["changed_state_ids"] == []


async def _h(request: object) -> None:
    return None


def test_router_params_and_path_tail() -> None:
    r = Router()
    r.add("GET", "/gradio_api/call/{api_name}/{event_id}", _h)
    r.add("GET", "/gradio_api/file={path:path}", _h)
    r.add("POST", ["/gradio_api/run/{api_name}", "/gradio_api/run/{api_name}/"], _h)
    assert r.match("GET", "/gradio_api/call/greet/abc")[1] == {"api_name": "greet", "event_id": "abc"}
    assert r.match("GET", "/gradio_api/file=/tmp/a b/c.txt")[1] == {"path": "/tmp/a b/c.txt"}
    assert r.match("HEAD", "/gradio_api/file=x")[0] is _h
    assert r.match("POST", "/gradio_api/run/predict/")[1] == {"api_name": "predict"}
    assert r.match("GET", "/gradio_api/run/predict") == (None, {}, True)  # → 405
    assert r.match("GET", "/gradio_api/call/greet") == (None, {}, False)  # → 404
