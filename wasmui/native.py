"""``wasmui serve --native``: the app's ASGI app under uvicorn on 127.0.0.1.

Used by the real-client tests and by anyone who wants to talk to an app with
``gradio_client`` / ``@gradio/client``. uvicorn is an optional dependency and is
imported only here.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys

from wasmui.runner import load_app, resolve_app_file


def _listening_port(host: str, port: int) -> tuple[socket.socket, int]:
    """Bind the socket ourselves so port 0 works and the printed port is the real one."""
    # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted sockets
    # whose proto says TCP; without it every keep-alive response waits ~40 ms
    # (Nagle + delayed ACK).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock, sock.getsockname()[1]


def serve_native(app_path: str, host: str = "127.0.0.1", port: int = 7860) -> int:
    """Load ``app_path`` and serve it until interrupted; returns an exit code."""
    try:
        import uvicorn
    except ImportError:
        print("wasmui: `serve --native` needs uvicorn (pip install 'wasmui[native]')", file=sys.stderr)
        return 2
    if host not in ("127.0.0.1", "localhost"):
        # Native serving is a development/test tool: it never listens beyond loopback.
        print(f"wasmui: refusing to listen on {host}; using 127.0.0.1", file=sys.stderr)
    host = "127.0.0.1"
    blocks = load_app(app_path)
    # Run like `python app.py` from the app's folder: functions that open relative
    # paths at call time, and `/file=<relative static path>`, resolve as in Gradio.
    os.chdir(resolve_app_file(app_path).parent)
    sock, real_port = _listening_port(host, port)
    config = uvicorn.Config(blocks.app, log_level="warning", lifespan="on", timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)

    async def run() -> None:
        serving = asyncio.ensure_future(server.serve(sockets=[sock]))
        while not server.started and not serving.done():
            await asyncio.sleep(0.02)
        if server.started:
            print(f"Running on local URL:  http://{host}:{real_port}", flush=True)
        await serving

    try:
        asyncio.run(run())
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    return 0
