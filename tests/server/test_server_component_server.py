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


def test_a_multipart_call_is_checked_like_a_json_one() -> None:
    """A multipart body (the official client's ``{binary: true}`` calls) names its routing fields in the
    form; a missing one is 422, a file over ``max_file_size`` 413, as ``/upload``."""
    from wasmui.testing import encode_multipart

    demo, dd = app()
    demo.max_file_size = 8
    with TestClient(demo.app) as c:
        body, ctype = encode_multipart({"file": ("a.png", b"0123456789")},
                                       {"component_id": str(dd._id), "fn_name": "format", "session_hash": "s"})
        r = c.post("/gradio_api/component_server/", data=body, headers={"content-type": ctype})
        assert r.status_code == 413 and "maximum allowed size of 8 bytes" in r.json()["detail"]
        body, ctype = encode_multipart({"file": ("a.png", b"0123")}, {"fn_name": "format", "session_hash": "s"})
        r = c.post("/gradio_api/component_server/", data=body, headers={"content-type": ctype})
        assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "component_id"]
        r = c.post("/gradio_api/component_server/", data=b"--x\r\nbroken", headers={"content-type": "multipart/form-data; boundary=x"})
        assert r.status_code == 400
