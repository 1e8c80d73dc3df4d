"""``POST /gradio_api/component_server``: a component's ``@server`` functions (gr.Dialogue's
format / unformat), and refusals for anything else."""

from __future__ import annotations

from typing import Any

import wasmui as gr
from wasmui.testing import TestClient


def app() -> tuple[Any, Any]:
    with gr.Blocks() as demo:
        dd = gr.Dialogue(speakers=["A", "B"], separator=" | ",
                         formatter=lambda s, t: f"{s}> {t}",
                         unformatter=lambda line, default: dict(zip(("speaker", "text"), line.split("> ", 1))))
    return demo, dd


def call(c: TestClient, body: dict[str, Any]) -> Any:
    return c.post("/gradio_api/component_server/", json=body)


def test_format_and_unformat_use_the_apps_functions() -> None:
    demo, dd = app()
    with TestClient(demo.app) as c:
        r = call(c, {"session_hash": "s", "component_id": dd._id, "fn_name": "format",
                     "data": [{"speaker": "A", "text": "hi"}, {"speaker": "B", "text": "yo"}]})
        assert r.status_code == 200 and r.json() == "A> hi | B> yo"
        r = call(c, {"session_hash": "s", "component_id": dd._id, "fn_name": "unformat",
                     "data": {"text": "B> one |  | A> two"}})
        assert r.json() == [{"speaker": "B", "text": "one"}, {"speaker": "A", "text": "two"}]


def test_only_server_functions_of_existing_blocks_run() -> None:
    demo, dd = app()
    with TestClient(demo.app) as c:
        r = call(c, {"session_hash": "s", "component_id": dd._id, "fn_name": "preprocess", "data": "x"})
        assert r.status_code == 404 and r.json() == {"detail": "Function not found."}
        r = call(c, {"session_hash": "s", "component_id": 99999, "fn_name": "format", "data": []})
        assert r.status_code == 404
        r = call(c, {"session_hash": "s", "component_id": dd._id, "fn_name": "format"})
        assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "data"]
        # A bad value is a readable error the view shows in a toast; the next call works.
        r = call(c, {"session_hash": "s", "component_id": dd._id, "fn_name": "format", "data": 5})
        assert r.status_code == 500 and "Dialogue expects a string or a list" in r.json()["detail"]
        r = call(c, {"session_hash": "s", "component_id": dd._id, "fn_name": "format", "data": "plain"})
        assert r.json() == "plain"
