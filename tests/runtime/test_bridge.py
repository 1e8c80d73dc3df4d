"""wasmui._pyodide on CPython: the worker's ASGI bridge with a hand-written app."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from wasmui._pyodide import Bridge, boot, build_scope

ASGI_APP = Path(__file__).resolve().parents[1] / "e2e" / "asgi_app" / "app.py"


def _run(main: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """asyncio.run in a fresh thread: Playwright's sync API may own this thread's loop."""
    errors: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(main())
        except BaseException as exc:  # re-raised in the test's thread
            errors.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(30)
    if errors:
        raise errors[0]


def _load_app() -> Any:
    spec = importlib.util.spec_from_file_location("wasmui_test_asgi_app", ASGI_APP)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Recorder:
    """Collects what the bridge sends back to the worker."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Any, Any]] = []
        self.done = asyncio.Event()

    def __call__(self, kind: str, a: Any, b: Any) -> None:
        self.events.append((kind, a, b))
        if kind == "error" or (kind == "body" and not a):
            self.done.set()

    @property
    def status(self) -> int:
        return next(a for kind, a, _ in self.events if kind == "start")

    @property
    def headers(self) -> dict[str, str]:
        return dict(next(b for kind, _, b in self.events if kind == "start"))

    @property
    def body(self) -> bytes:
        return b"".join(bytes(b) for kind, _, b in self.events if kind == "body")


async def _request(bridge: Bridge, rid: int, method: str, path: str, body: bytes | None = None,
                   headers: list[list[str]] | None = None) -> Recorder:
    reply = Recorder()
    bridge.request(rid, method, f"http://example.test:8080{bridge.root_path}{path}", headers or [], body is not None, reply)
    if body is not None:
        half = len(body) // 2
        bridge.body(rid, body[:half], True)
        bridge.body(rid, body[half:], False)
    await asyncio.wait_for(reply.done.wait(), 5)
    return reply


def test_scope_keeps_root_path_inside_path_and_adds_host() -> None:
    scope = build_scope("get", "http://127.0.0.1:8000/apps/a/gradio_api/file=%2Ftmp%2Fx.png?download=1",
                        [["Range", "bytes=0-1"]], "/apps/a/")
    assert scope["method"] == "GET"
    assert scope["path"] == "/apps/a/gradio_api/file=/tmp/x.png"
    assert scope["raw_path"] == b"/apps/a/gradio_api/file=%2Ftmp%2Fx.png"
    assert scope["root_path"] == "/apps/a" and scope["query_string"] == b"download=1"
    assert (b"range", b"bytes=0-1") in scope["headers"] and (b"host", b"127.0.0.1:8000") in scope["headers"]
    assert scope["server"] == ("127.0.0.1", 8000)


def test_json_request_body_in_chunks_and_streaming() -> None:
    async def run() -> None:
        bridge = Bridge(_load_app().app, "/apps/x")
        await bridge.startup()
        config = await _request(bridge, 1, "GET", "/config")
        assert config.status == 200 and json.loads(config.body)["root_path"] == "/apps/x"
        echo = await _request(bridge, 2, "POST", "/gradio_api/echo?q=1", b"a" * 1001, [["content-type", "x/y"]])
        assert json.loads(echo.body)["length"] == 1001 and json.loads(echo.body)["content_type"] == "x/y"
        stream = await _request(bridge, 3, "GET", "/gradio_api/stream")
        chunks = [b for kind, more, b in stream.events if kind == "body" and more]
        assert [bytes(c) for c in chunks] == [f"data: {i}\n\n".encode() for i in range(5)]

    _run(run)


def test_range_head_and_crash() -> None:
    async def run() -> None:
        module = _load_app()
        bridge = Bridge(module.app, "/apps/x")
        ranged = await _request(bridge, 1, "GET", "/gradio_api/file=blob.bin", headers=[["range", "bytes=10-19"]])
        assert ranged.status == 206 and ranged.body == module.BLOB[10:20]
        head = await _request(bridge, 2, "HEAD", "/gradio_api/file=blob.bin")
        assert head.body == b"" and head.headers["content-length"] == str(len(module.BLOB))
        crash = await _request(bridge, 3, "GET", "/gradio_api/crash")
        assert crash.status == 500 and b"RuntimeError: boom from the ASGI app" in crash.body

    _run(run)


def test_disconnect_reaches_the_app() -> None:
    seen: list[str] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"x", "more_body": True})
        while (message := await receive())["type"] != "http.disconnect":
            pass
        seen.append("disconnected")
        await send({"type": "http.response.body", "body": b"ignored"})  # must not raise

    async def run() -> None:
        bridge = Bridge(app, "")
        reply = Recorder()
        bridge.request(1, "GET", "http://h/x", [], False, reply)
        await asyncio.sleep(0.01)
        bridge.disconnect(1)
        await asyncio.sleep(0.01)
        assert seen == ["disconnected"]
        assert [k for k, _, _ in reply.events] == ["start", "body"]

    _run(run)


def test_an_id_already_open_is_refused_and_the_open_request_keeps_its_body() -> None:
    async def run() -> None:
        bridge = Bridge(_load_app().app, "")
        first = Recorder()
        bridge.request(7, "POST", "http://h/gradio_api/echo", [], True, first)
        twin = Recorder()
        bridge.request(7, "GET", "http://h/gradio_api/file=blob.bin", [], False, twin)
        assert twin.events == [("error", "request id 7 is already open", "")]
        await asyncio.sleep(0.01)
        bridge.body(7, b"abc", False)  # still reaches the first request
        await asyncio.wait_for(first.done.wait(), 5)
        assert json.loads(first.body)["length"] == 3
        again = await _request(bridge, 7, "GET", "/gradio_api/file=blob.bin")  # free once answered
        assert again.status == 200

    _run(run)


def test_boot_runs_a_gradio_app_file(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "import gradio as gr\n"
        "demo = gr.Interface(lambda s: s[::-1], 'text', 'text', api_name='predict')\n"
        "demo.launch()\n")

    async def run() -> None:
        bridge = await boot(str(tmp_path), "app.py", "/apps/r")
        config = await _request(bridge, 1, "GET", "/config")
        assert config.status == 200
        assert json.loads(config.body)["root"] == "http://example.test:8080/apps/r"

    cwd = Path.cwd()
    try:
        _run(run)
    finally:
        import os

        os.chdir(cwd)


@pytest.mark.parametrize("spec", ["app:app", "app"])
def test_boot_serves_a_plain_asgi_app(tmp_path: Path, spec: str, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "app.py").write_text(ASGI_APP.read_text())
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(__import__("sys").modules, "app", raising=False)

    async def run() -> None:
        bridge = await boot(str(tmp_path), "app.py", "/apps/x", asgi=spec)
        config = await _request(bridge, 1, "GET", "/config")
        assert json.loads(config.body)["title"] == "asgi test"

    _run(run)
