"""A tiny hand-written ASGI app for testing the browser runtime without the core.

Served in the browser with ``<wasmui-app asgi="app:app">``; routes mimic the
shapes the runtime must carry: JSON, a streamed SSE body, request bodies,
binary files with Range, HEAD.
"""

import asyncio
import json
import os
import sys

BLOB = bytes(range(256)) * 64  # 16 KiB of known bytes
TOKEN = os.urandom(8).hex()  # one per interpreter: tells two apps on a page apart


async def _body(receive):
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)


async def _send(send, status, body, content_type="application/json", headers=(), head=False):
    """Sends a whole response; for HEAD only the headers (with the full length)."""
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": b"" if head else body})


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            else:
                await send({"type": "lifespan.shutdown.complete"})
                return
    route = scope["path"][len(scope["root_path"]):]
    if route == "/config":
        host = dict(scope["headers"])[b"host"].decode()
        info = {"title": "asgi test", "components": [], "root_path": scope["root_path"], "host": host,
                "platform": sys.platform, "token": TOKEN}
        await _send(send, 200, json.dumps(info).encode())
    elif route == "/gradio_api/echo":
        body = await _body(receive)
        reply = {"method": scope["method"], "length": len(body), "query": scope["query_string"].decode(),
                 "content_type": dict(scope["headers"]).get(b"content-type", b"").decode(),
                 "head": body[:64].decode("latin-1")}
        await _send(send, 200, json.dumps(reply).encode())
    elif route == "/gradio_api/stream":
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/event-stream")]})
        for i in range(5):
            await send({"type": "http.response.body", "body": f"data: {i}\n\n".encode(), "more_body": True})
            await asyncio.sleep(0.3)
        await send({"type": "http.response.body", "body": b""})
    elif route == "/gradio_api/file=blob.bin":
        headers = dict(scope["headers"])
        rng = headers.get(b"range", b"").decode()
        if rng.startswith("bytes="):
            start_s, end_s = rng[6:].split("-")
            start, end = int(start_s), (int(end_s) if end_s else len(BLOB) - 1)
            part = BLOB[start:end + 1]
            await _send(send, 206, part, "application/octet-stream",
                        [(b"content-range", f"bytes {start}-{end}/{len(BLOB)}".encode())], head=scope["method"] == "HEAD")
        else:
            await _send(send, 200, BLOB, "application/octet-stream", head=scope["method"] == "HEAD")
    elif route == "/gradio_api/selfcall":
        # Python calling its own app over HTTP (async fetch -> service worker -> this worker).
        from pyodide.http import pyfetch

        host = dict(scope["headers"])[b"host"].decode()
        response = await pyfetch(f"{scope['scheme']}://{host}{scope['root_path']}/config")
        body = json.dumps({"status": response.status, "config": await response.json()}).encode()
        await _send(send, 200, body)
    elif route == "/gradio_api/crash":
        raise RuntimeError("boom from the ASGI app")
    else:
        await _send(send, 404, b'{"detail":"Not Found"}')
