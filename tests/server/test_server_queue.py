"""Queue protocol against the contract fakes: framing, buffering, diffs, errors,
concurrency limits, cancellation, /call and /run."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from server_fakes import AppError, FakeBlocks, FakeFn, Log, Progress

from wasmui.testing import TestClient


def greet(name: str) -> str:
    return f"Hello {name}!"


async def letters(text: str) -> Any:
    for i in range(1, len(text) + 1):
        yield text[:i]


async def chatty(x: str) -> Any:
    yield Log("warning", "careful", 10.0, True, "Warning")
    yield Progress([{"index": 0, "length": 3, "unit": "steps", "progress": None, "desc": "working"}])
    yield x


def fail(x: Any) -> Any:
    raise AppError("custom failure")


def crash(x: Any) -> Any:
    raise ValueError("secret detail")


@pytest.fixture
def client() -> Iterator[TestClient]:
    blocks = FakeBlocks(FakeFn(0, greet, "greet"), FakeFn(1, letters, "letters"), FakeFn(2, fail, "fail"),
                        FakeFn(3, crash, "crash"), FakeFn(4, chatty, "chatty"))
    with TestClient(blocks.app) as c:
        yield c


def join(client: TestClient, fn_index: int, data: list[Any], session: str = "s1") -> str:
    r = client.post("/gradio_api/queue/join", json={"data": data, "fn_index": fn_index, "session_hash": session})
    assert r.status_code == 200, r.text
    return r.json()["event_id"]


def read_all(client: TestClient, session: str = "s1") -> list[dict[str, Any]]:
    with client.stream(f"/gradio_api/queue/data?session_hash={session}") as s:
        return [m.json() for m in s]


def test_plain_call_sequence_and_framing(client: TestClient) -> None:
    event_id = join(client, 0, ["Ann"])
    with client.stream("/gradio_api/queue/data?session_hash=s1") as s:
        messages = [m.json() for m in s]
        raw = s.raw_text
        assert s.headers["content-type"] == "text/event-stream; charset=utf-8"
    assert [m["msg"] for m in messages] == ["estimation", "process_starts", "process_completed", "close_stream"]
    assert messages[0] == {"msg": "estimation", "event_id": event_id, "rank": 0, "queue_size": 1, "rank_eta": None}
    done = messages[2]
    assert done["output"]["data"] == ["Hello Ann!"] and done["success"] is True
    assert set(done["output"]) == {"data", "is_generating", "duration", "average_duration", "render_config",
                                   "changed_state_ids", "used_cache"}
    assert messages[3] == {"msg": "close_stream", "event_id": None}
    # Exact framing: only `data: <compact json>` lines separated by blank lines.
    for block in raw.split("\n\n")[:-1]:
        assert block.startswith("data: {") and "\n" not in block
        assert ", " not in block.replace('"Hello Ann!"', "")
    assert raw.endswith("\n\n")


def test_reader_may_connect_after_job_finished(client: TestClient) -> None:
    join(client, 0, ["Bo"])
    time.sleep(0.2)  # job completes while nobody reads; messages stay buffered
    msgs = read_all(client)
    assert msgs[-2]["output"]["data"] == ["Hello Bo!"]


def test_unknown_session_gives_session_not_found(client: TestClient) -> None:
    with client.stream("/gradio_api/queue/data?session_hash=nope") as s:
        assert s.status_code == 200
        msgs = [m.json() for m in s]
    assert msgs == [{"msg": "unexpected_error", "event_id": None, "message": "404: Not Found",
                     "session_not_found": True, "success": False}]


def test_generator_streams_diffs_then_full_completion(client: TestClient) -> None:
    join(client, 1, ["abc"])
    msgs = read_all(client)
    gen = [m["output"]["data"] for m in msgs if m["msg"] == "process_generating"]
    assert gen == [["a"], [[["append", [], "b"]]], [[["append", [], "c"]]]]
    done = [m for m in msgs if m["msg"] == "process_completed"][0]
    assert done["output"]["data"] == ["abc"] and done["output"]["is_generating"] is False


def test_two_jobs_share_one_reader_close_after_both(client: TestClient) -> None:
    a = join(client, 0, ["A"])
    b = join(client, 0, ["B"])
    msgs = read_all(client)
    completed = [m["event_id"] for m in msgs if m["msg"] == "process_completed"]
    assert completed == [a, b]
    assert msgs[-1]["msg"] == "close_stream" and msgs.count({"msg": "close_stream", "event_id": None}) == 1


def test_gr_error_payload(client: TestClient) -> None:
    join(client, 2, [None])
    done = [m for m in read_all(client) if m["msg"] == "process_completed"][0]
    assert done["success"] is False and done["title"] == "Error"
    assert done["output"] == {"error": "custom failure", "duration": 10, "visible": True, "title": "Error"}


def test_other_exception_hidden_without_show_error(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    join(client, 3, [None])
    done = [m for m in read_all(client) if m["msg"] == "process_completed"][0]
    assert done["output"] == {"error": None} and done["title"] == "Error" and done["success"] is False
    # Hidden from the page, printed with its traceback where the app's author looks (as Gradio).
    err = capsys.readouterr().err
    assert err.startswith("Traceback") and "secret detail" in err


class QuietError(Exception):
    print_exception = False  # as gr.Error(print_exception=False)


def quiet(x: Any) -> Any:
    raise QuietError("expected")


def test_an_error_asked_not_to_print_stays_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = FakeBlocks(FakeFn(0, quiet, "quiet"))
    with TestClient(blocks.app) as c:
        join(c, 0, [None])
        assert [m for m in read_all(c) if m["msg"] == "process_completed"][0]["success"] is False
        assert c.post("/gradio_api/run/quiet", json={"data": [None]}).status_code == 500
    assert "expected" not in capsys.readouterr().err


def test_log_and_progress_messages(client: TestClient) -> None:
    join(client, 4, ["x"])
    msgs = read_all(client)
    log = [m for m in msgs if m["msg"] == "log"][0]
    assert log["log"] == "careful" and log["level"] == "warning" and log["title"] == "Warning"
    prog = [m for m in msgs if m["msg"] == "progress"][0]
    assert prog["progress_data"][0]["desc"] == "working"


def test_join_errors(client: TestClient) -> None:
    r = client.post("/gradio_api/queue/join", json={"data": [], "fn_index": 0})
    assert (r.status_code, r.json()) == (400, {"detail": "Session hash not found."})
    r = client.post("/gradio_api/queue/join", json={"fn_index": 0, "session_hash": "s"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "data"]
    r = client.post("/gradio_api/queue/join", json={"data": [], "fn_index": 99, "session_hash": "s"})
    assert (r.status_code, r.text) == (500, "Internal Server Error")


def test_unknown_route_is_404_json(client: TestClient) -> None:
    r = client.get("/gradio_api/nope")
    assert (r.status_code, r.json()) == (404, {"detail": "Not Found"})


def test_call_api_simple_format(client: TestClient) -> None:
    r = client.post("/gradio_api/call/letters", json={"data": ["ab"]})
    event_id = r.json()["event_id"]
    with client.stream(f"/gradio_api/call/letters/{event_id}") as s:
        msgs = list(s)
        raw = s.raw_text
    assert [(m.event, m.json()) for m in msgs] == [("generating", ["a"]), ("generating", ["ab"]),
                                                   ("complete", ["ab"])]
    assert "event: complete\ndata: [\"ab\"]\n\n" in raw


def test_call_api_error_uses_json_dumps_spacing(client: TestClient) -> None:
    event_id = client.post("/gradio_api/call/fail", json={"data": [1]}).json()["event_id"]
    with client.stream(f"/gradio_api/call/fail/{event_id}") as s:
        raw = s.raw_text + "".join(m.raw for m in s)
    assert 'event: error\ndata: {"error": "custom failure", "duration": 10' in raw


def test_call_unknown_event(client: TestClient) -> None:
    with client.stream("/gradio_api/call/greet/deadbeef") as s:
        msgs = list(s)
    assert [(m.event, m.data) for m in msgs] == [("error", '"404: Not Found"')]


def test_call_v2_keyword_defaults(client: TestClient) -> None:
    event_id = client.post("/gradio_api/call/v2/greet", json={}).json()["event_id"]
    with client.stream(f"/gradio_api/call/v2/greet/{event_id}") as s:
        assert [m.json() for m in s] == [["Hello dflt!"]]


def test_run_route_and_fn_index_in_body_wins(client: TestClient) -> None:
    r = client.post("/gradio_api/run/predict", json={"data": ["Cy"], "fn_index": 0})
    assert r.status_code == 200 and r.json()["data"] == ["Hello Cy!"]
    r = client.post("/gradio_api/run/fail", json={"data": [1]})
    assert r.status_code == 500 and r.json()["error"] == "custom failure"


def test_cancel_route_validation_and_unknown_ids(client: TestClient) -> None:
    assert client.post("/gradio_api/cancel", json={"session_hash": "x"}).status_code == 422
    r = client.post("/gradio_api/cancel", json={"session_hash": "x", "fn_index": 0, "event_id": "y"})
    assert r.json() == {"success": True}
    assert client.post("/gradio_api/reset", json={"event_id": "y"}).json() == {"success": True}


def test_misc_routes(client: TestClient) -> None:
    assert client.get("/gradio_api/startup-events").json() is True
    assert client.get("/gradio_api/startup-events").json() is False
    assert isinstance(client.get("/gradio_api/app_id").json()["app_id"], int)
    assert client.get("/gradio_api/queue/status").json()["queue_size"] == 0
    css = client.get("/theme.css")
    assert css.headers["content-type"].startswith("text/css") and "--body-background-fill" in css.text
    assert client.get("/gradio_api/theme.css").status_code == 200


def test_config_root_from_host_and_forwarded_headers() -> None:
    blocks = FakeBlocks(FakeFn(0, greet, "greet"))
    with TestClient(blocks.app, base_url="http://127.0.0.1:9999") as c:
        assert c.get("/config").json()["root"] == "http://127.0.0.1:9999"
        r = c.get("/config/", headers={"x-forwarded-host": "example.org, proxy", "x-forwarded-proto": "https"})
        assert r.json()["root"] == "https://example.org"
    with TestClient(blocks.app, base_url="http://localhost:8000", root_path="/apps/hello") as c:
        assert c.get("/config").json()["root"] == "http://localhost:8000/apps/hello"
        assert c.get("/gradio_api/info").status_code == 200


def test_cors_localhost_rules() -> None:
    blocks = FakeBlocks(FakeFn(0, greet, "greet"))
    with TestClient(blocks.app, base_url="http://127.0.0.1:7860") as c:
        ok = c.get("/config", headers={"origin": "http://localhost:3000"})
        assert ok.headers["access-control-allow-origin"] == "http://localhost:3000"
        evil = c.get("/config", headers={"origin": "https://evil.example"})
        assert "access-control-allow-origin" not in evil.headers
        pre = c.options("/gradio_api/queue/join", headers={"origin": "http://localhost:3000",
                                                           "access-control-request-method": "POST",
                                                           "access-control-request-headers": "content-type"})
        assert pre.status_code == 200 and "POST" in pre.headers["access-control-allow-methods"]
        assert pre.headers["access-control-allow-headers"] == "content-type"
    with TestClient(blocks.app, base_url="https://myapp.example") as c:
        r = c.get("/config", headers={"origin": "https://other.example"})
        assert r.headers["access-control-allow-origin"] == "https://other.example"


# -- concurrency & cancellation ---------------------------------------------------

class Gate:
    """Functions that block until released, recording overlap."""

    def __init__(self) -> None:
        self.running = 0
        self.peak = 0
        self.order: list[str] = []
        self.lock = threading.Lock()

    async def work(self, tag: str) -> str:
        with self.lock:
            self.running += 1
            self.peak = max(self.peak, self.running)
            self.order.append(tag)
        await asyncio.sleep(0.15)
        with self.lock:
            self.running -= 1
        return tag


@pytest.mark.parametrize(("limit", "expected_peak"), [(1, 1), (2, 2), (None, 4)])
def test_concurrency_limit(limit: int | None, expected_peak: int) -> None:
    gate = Gate()
    blocks = FakeBlocks(FakeFn(0, gate.work, "work", concurrency_limit=limit))
    with TestClient(blocks.app) as c:
        for i in range(4):
            join(c, 0, [f"j{i}"], session=f"s{i}")
        for i in range(4):
            read_all(c, f"s{i}")
    assert gate.peak == expected_peak
    if limit == 1:
        assert gate.order == ["j0", "j1", "j2", "j3"]  # FIFO


def test_shared_concurrency_id_limits_across_functions() -> None:
    gate = Gate()
    blocks = FakeBlocks(FakeFn(0, gate.work, "a", concurrency_id="gpu"),
                        FakeFn(1, gate.work, "b", concurrency_id="gpu"))
    with TestClient(blocks.app) as c:
        join(c, 0, ["a"], "s0")
        join(c, 1, ["b"], "s1")
        read_all(c, "s0")
        read_all(c, "s1")
    assert gate.peak == 1


def test_waiting_job_gets_rank_updates() -> None:
    gate = Gate()
    blocks = FakeBlocks(FakeFn(0, gate.work, "work"))
    with TestClient(blocks.app) as c:
        join(c, 0, ["first"], "s0")
        second = join(c, 0, ["second"], "s1")
        msgs = read_all(c, "s1")
        read_all(c, "s0")
    ests = [m for m in msgs if m["msg"] == "estimation" and m["event_id"] == second]
    assert ests[0]["rank"] in (0, 1) and ests[-1]["rank"] == 0


async def forever(x: str) -> Any:
    yield "started"
    while True:
        await asyncio.sleep(0.05)
        yield "tick"


def test_cancel_running_generator() -> None:
    blocks = FakeBlocks(FakeFn(0, forever, "forever"), FakeFn(1, greet, "greet"))
    with TestClient(blocks.app) as c:
        event_id = join(c, 0, ["x"])
        with c.stream("/gradio_api/queue/data?session_hash=s1") as s:
            msgs = []
            for m in s:
                msgs.append(m.json())
                if msgs[-1]["msg"] == "process_generating":
                    r = c.post("/gradio_api/cancel", json={"session_hash": "s1", "fn_index": 0, "event_id": event_id})
                    assert r.json() == {"success": True}
                    break
            rest = [m.json() for m in s]
        tail = [m for m in rest if m["msg"] != "process_generating"]
        assert tail == [{"msg": "process_completed", "event_id": event_id, "output": {}, "success": True,
                         "title": None, "used_cache": None, "cache_duration": None, "avg_time": None},
                        {"msg": "close_stream", "event_id": None}]
        # The concurrency slot was released: the next job runs.
        join(c, 1, ["after"], "s2")
        assert read_all(c, "s2")[-2]["output"]["data"] == ["Hello after!"]


def test_cancel_waiting_job_never_runs() -> None:
    gate = Gate()
    blocks = FakeBlocks(FakeFn(0, gate.work, "work"))
    with TestClient(blocks.app) as c:
        join(c, 0, ["first"], "s0")
        second = join(c, 0, ["second"], "s1")
        c.post("/gradio_api/cancel", json={"session_hash": "s1", "fn_index": 0, "event_id": second})
        msgs = read_all(c, "s1")
        read_all(c, "s0")
    assert gate.order == ["first"]
    assert [m["output"] for m in msgs if m["msg"] == "process_completed"] == [{}]


def test_reader_disconnect_cancels_session_jobs() -> None:
    cancelled = threading.Event()

    async def slow(x: str) -> Any:
        try:
            yield "a"
            await asyncio.sleep(10)
            yield "b"
        except asyncio.CancelledError:
            cancelled.set()
            raise

    blocks = FakeBlocks(FakeFn(0, slow, "slow"))
    with TestClient(blocks.app) as c:
        join(c, 0, ["x"])
        with c.stream("/gradio_api/queue/data?session_hash=s1") as s:
            for m in s:
                if m.json()["msg"] == "process_generating":
                    break
        assert cancelled.wait(5)


def test_heartbeat_route_sends_alive() -> None:
    blocks = FakeBlocks(FakeFn(0, greet, "greet"))
    with TestClient(blocks.app) as c:
        with c.stream("/gradio_api/heartbeat/s1") as s:
            assert next(s).data == "ALIVE"


def test_idle_reader_gets_heartbeat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRADIO_HEARTBEAT_INTERVAL", "0.1")

    async def slowish(x: str) -> str:
        await asyncio.sleep(0.35)
        return x

    blocks = FakeBlocks(FakeFn(0, slowish, "slowish"))
    with TestClient(blocks.app) as c:
        join(c, 0, ["x"])
        msgs = read_all(c)
    assert {"msg": "heartbeat", "event_id": None} in msgs
    assert msgs[-1]["msg"] == "close_stream"


def test_json_is_compact_and_utf8(client: TestClient) -> None:
    r = client.post("/gradio_api/run/greet", json={"data": ["Zoë"]})
    assert r.headers["content-type"] == "application/json"
    assert '"data":["Hello Zoë!"]' in r.content.decode()
    assert json.loads(r.content)["is_generating"] is False


def test_traceback_only_for_page_ui() -> None:
    blocks = FakeBlocks(FakeFn(0, crash, "crash"), show_error=True)
    with TestClient(blocks.app) as c:
        join(c, 0, [None], "api")
        api_done = [m for m in read_all(c, "api") if m["msg"] == "process_completed"][0]
        r = c.post("/gradio_api/queue/join", json={"data": [None], "fn_index": 0, "session_hash": "ui"},
                   headers={"x-gradio-user": "app"})
        assert r.status_code == 200
        ui_done = [m for m in read_all(c, "ui") if m["msg"] == "process_completed"][0]
        run = c.post("/gradio_api/run/crash", json={"data": [None]})
    assert api_done["output"] == {"error": "secret detail", "visible": True}
    assert ui_done["output"]["traceback"] == "Traceback..."
    assert run.status_code == 500 and run.json() == {"error": "secret detail", "visible": True}


def test_cancel_before_job_starts_releases_slot() -> None:
    # Join and cancel in one go: the task is cancelled before its first step.
    gate = Gate()
    blocks = FakeBlocks(FakeFn(0, gate.work, "work"))
    with TestClient(blocks.app) as c:
        queue = blocks.app.queue

        async def join_and_cancel() -> None:
            from wasmui.server.queue import Job

            queue.push(Job("e1", "s0", 0, ["never"]))
            queue.cancel("s0", 0, "e1")

        asyncio.run_coroutine_threadsafe(join_and_cancel(), c._loop).result(5)
        join(c, 0, ["next"], "s1")
        msgs = read_all(c, "s1")
    assert completed_data(msgs) == ["next"] and gate.order == ["next"]


def completed_data(msgs: list[dict[str, Any]]) -> Any:
    return [m for m in msgs if m["msg"] == "process_completed"][0]["output"]["data"]


async def many_steps(x: str) -> Any:
    for i in range(2000):  # a tight tqdm-like loop
        yield Progress([{"index": i, "length": 2000, "unit": "steps", "progress": None, "desc": None}])
    await asyncio.sleep(0.05)  # the last state must still arrive while the fn keeps working
    yield Log("info", "done", 10.0, True, "Info")
    yield x


def test_progress_is_coalesced_latest_wins() -> None:
    blocks = FakeBlocks(FakeFn(0, many_steps, "many"))
    with TestClient(blocks.app) as c:
        join(c, 0, ["x"])
        msgs = read_all(c)
    steps = [m["progress_data"][0]["index"] for m in msgs if m["msg"] == "progress"]
    assert 1 <= len(steps) < 100 and steps[-1] == 1999 and steps == sorted(steps)
    kinds = [m["msg"] for m in msgs]
    assert kinds.index("log") > max(i for i, k in enumerate(kinds) if k == "progress")


def test_full_queue_is_503() -> None:
    gate = Gate()
    blocks = FakeBlocks(FakeFn(0, gate.work, "work"))
    blocks.max_size = 1  # type: ignore[attr-defined]
    with TestClient(blocks.app) as c:
        join(c, 0, ["running"], "s0")  # starts at once: not waiting
        join(c, 0, ["waiting"], "s1")
        r = c.post("/gradio_api/queue/join", json={"data": ["x"], "fn_index": 0, "session_hash": "s2"})
        assert (r.status_code, r.json()) == (503, {"detail": "Queue is full. Max size is 1 and size is 1."})
        read_all(c, "s0")
        read_all(c, "s1")


def test_second_reader_sees_session_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRADIO_HEARTBEAT_INTERVAL", "0.1")
    blocks = FakeBlocks(FakeFn(0, forever, "forever"))
    with TestClient(blocks.app) as c:
        join(c, 0, ["x"])
        first = c.stream("/gradio_api/queue/data?session_hash=s1")
        assert next(first).json()["msg"] == "estimation"
        second = c.stream("/gradio_api/queue/data?session_hash=s1")
        next(second)
        second.close()  # one reader vanishing drops the session (like Gradio)
        rest = [m.json() for m in first]
    assert rest[-1]["msg"] == "unexpected_error" and rest[-1]["session_not_found"] is True
