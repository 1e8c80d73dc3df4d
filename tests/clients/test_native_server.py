"""``wasmui serve --native`` itself: start-up line, loopback only, keep-alive latency."""

from __future__ import annotations

import socket
import statistics
import time

import httpx
from native_server import REPO, native_server

from wasmui.native import _listening_port

APPS = REPO / "tests" / "apps"


def test_listening_socket_is_tcp_so_asyncio_sets_nodelay() -> None:
    sock, port = _listening_port("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP and port > 0
    finally:
        sock.close()


def test_keep_alive_requests_are_not_delayed_by_nagle() -> None:
    # Without TCP_NODELAY every response on a reused connection waits for the
    # client's delayed ACK (~40 ms); Gradio answers these in a few ms.
    with native_server(APPS / "hello_app.py") as url, httpx.Client() as client:
        client.get(f"{url}/config")
        times = []
        for _ in range(15):
            start = time.perf_counter()
            assert client.get(f"{url}/gradio_api/app_id").status_code == 200
            times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.025, times


def test_serves_only_loopback() -> None:
    with native_server(APPS / "hello_app.py") as url:
        assert url.startswith("http://127.0.0.1:")
        assert httpx.get(f"{url}/gradio_api/startup-events").status_code == 200
