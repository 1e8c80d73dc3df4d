"""Protocol tests with real wasmui apps (``import wasmui as gr``), in process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wasmui.runner import load_app
from wasmui.testing import TestClient

APPS = Path(__file__).resolve().parents[1] / "apps"


@pytest.fixture(scope="module")
def suite_blocks() -> Any:
    return load_app(APPS / "suite_app.py")


@pytest.fixture
def client(suite_blocks: Any) -> Iterator[TestClient]:
    with TestClient(suite_blocks.app, base_url="http://127.0.0.1:7861") as c:
        yield c


def fn_index(blocks: Any, api_name: str) -> int:
    return next(i for i, fn in blocks.fns.items() if fn.api_name == api_name)


def run_queued(client: TestClient, fn: int, data: list[Any], session: str) -> list[dict[str, Any]]:
    r = client.post("/gradio_api/queue/join", json={"data": data, "fn_index": fn, "session_hash": session})
    assert r.status_code == 200, r.text
    with client.stream(f"/gradio_api/queue/data?session_hash={session}") as s:
        return [m.json() for m in s]


def completed(messages: list[dict[str, Any]]) -> dict[str, Any]:
    return next(m for m in messages if m["msg"] == "process_completed")


def test_config_and_app_id(client: TestClient) -> None:
    config = client.get("/config").json()
    assert config["root"] == "http://127.0.0.1:7861"
    assert (config["api_prefix"], config["protocol"]) == ("/gradio_api", "sse_v3")
    assert client.get("/gradio_api/app_id").json() == {"app_id": config["app_id"]}


def test_info_lists_public_endpoints(client: TestClient) -> None:
    info = client.get("/gradio_api/info?serialize=False").json()
    assert {"/combine", "/spell", "/fail", "/reverse_file", "/count"} <= set(info["named_endpoints"])


def test_multi_output_through_queue(client: TestClient, suite_blocks: Any) -> None:
    msgs = run_queued(client, fn_index(suite_blocks, "combine"), ["ab", 2, True], "m1")
    assert completed(msgs)["output"]["data"] == ["ABAB", 4]


def test_generator_diffs_with_real_textbox(client: TestClient, suite_blocks: Any) -> None:
    msgs = run_queued(client, fn_index(suite_blocks, "spell"), ["abc"], "g1")
    gens = [m["output"]["data"] for m in msgs if m["msg"] == "process_generating"]
    assert gens == [["a"], [[["append", [], "b"]]], [[["append", [], "c"]]]]
    assert completed(msgs)["output"]["data"] == ["abc"]


def test_gr_error_with_title(client: TestClient, suite_blocks: Any) -> None:
    done = completed(run_queued(client, fn_index(suite_blocks, "fail"), ["x"], "e1"))
    assert done["success"] is False and done["title"] == "Oops"
    assert done["output"] == {"error": "custom failure", "duration": 5, "visible": True, "title": "Oops"}


def test_state_is_per_session(client: TestClient, suite_blocks: Any) -> None:
    count = fn_index(suite_blocks, "count")
    first = [completed(run_queued(client, count, [None], "st-a"))["output"]["data"] for _ in range(2)]
    other = completed(run_queued(client, count, [None], "st-b"))["output"]["data"]
    assert first == [[None, 1], [None, 2]] and other == [None, 1]


def test_call_api_reexpands_omitted_state(client: TestClient) -> None:
    event_id = client.post("/gradio_api/call/count", json={"data": [], "session_hash": "call-s"}).json()["event_id"]
    with client.stream(f"/gradio_api/call/count/{event_id}") as s:
        assert [(m.event, m.json()) for m in s] == [("complete", [None, 1])]


def test_call_v2_keyword_arguments(client: TestClient) -> None:
    event_id = client.post("/gradio_api/call/v2/combine", json={"text": "xy", "shout": True}).json()["event_id"]
    with client.stream(f"/gradio_api/call/v2/combine/{event_id}") as s:
        assert [m.json() for m in s] == [["XYXY", 4]]  # times defaults to the component value 2


def test_file_round_trip_under_mount_prefix(suite_blocks: Any) -> None:
    with TestClient(suite_blocks.app, base_url="http://localhost:8000", root_path="/apps/suite") as c:
        (path,) = c.post("/gradio_api/upload", files={"files": ("in.txt", b"abc", "text/plain")}).json()
        payload = {"path": path, "orig_name": "in.txt", "meta": {"_type": "gradio.FileData"}}
        done = completed(run_queued(c, fn_index(suite_blocks, "reverse_file"), [payload], "f1"))
        out = done["output"]["data"][0]
        assert out["url"] == f"http://localhost:8000/apps/suite/gradio_api/file={out['path']}"
        r = c.get(out["url"].removeprefix("http://localhost:8000/apps/suite"))
        assert r.status_code == 200 and r.content == b"cba"


def test_input_file_outside_uploads_is_refused(client: TestClient, suite_blocks: Any, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    payload = {"path": str(secret), "meta": {"_type": "gradio.FileData"}}
    msgs = run_queued(client, fn_index(suite_blocks, "reverse_file"), [payload], "f2")
    done = completed(msgs)
    assert done["success"] is False
    assert "TOP-SECRET"[::-1] not in str(msgs)


def test_run_route_with_real_app(client: TestClient) -> None:
    r = client.post("/gradio_api/run/combine", json={"data": ["q", 3, False]})
    assert r.status_code == 200 and r.json()["data"] == ["qqq", 3]


def test_heartbeat_disconnect_runs_unload_handlers(tmp_path: Path) -> None:
    import threading

    import wasmui as gr

    unloaded = threading.Event()
    with gr.Blocks() as demo:
        gr.Textbox()
        demo.unload(unloaded.set)
    with TestClient(demo.app) as c:
        with c.stream("/gradio_api/heartbeat/hb-session") as s:
            assert next(s).data == "ALIVE"
            assert not unloaded.is_set()
        assert unloaded.wait(5)
