"""An in-process client for ASGI apps (stdlib only), with a synchronous API.

    client = TestClient(blocks.app)
    client.get("/config").json()
    client.post("/gradio_api/queue/join", json={...})
    with client.stream("/gradio_api/queue/data?session_hash=s") as events:
        for ev in events:            # SSE messages, parsed
            print(ev.json())

The app runs on an event loop in a background thread that lives as long as the
client, so queue workers keep running between requests, as under a real server.
"""

from __future__ import annotations

import asyncio
import json as jsonlib
import queue
import secrets
import threading
import urllib.parse
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

__all__ = ["SSEMessage", "SSEStream", "TestClient", "TestResponse", "encode_multipart"]

FileSpec = tuple[str, bytes] | tuple[str, bytes, str]
Files = Mapping[str, FileSpec | Sequence[FileSpec]] | Sequence[tuple[str, FileSpec]]


@dataclass
class TestResponse:
    """A complete response."""

    status_code: int
    headers: dict[str, str]
    content: bytes

    @property
    def text(self) -> str:
        """Body decoded as UTF-8."""
        return self.content.decode("utf-8")

    def json(self) -> Any:
        """Body parsed as JSON."""
        return jsonlib.loads(self.content)


@dataclass
class SSEMessage:
    """One server-sent event: optional ``event`` name, ``data`` text, and the raw block."""

    event: str | None
    data: str
    raw: str

    def json(self) -> Any:
        """``data`` parsed as JSON."""
        return jsonlib.loads(self.data)


def encode_multipart(files: Files, fields: Mapping[str, str] | None = None) -> tuple[bytes, str]:
    """``(body, content_type)`` for a multipart/form-data request."""
    boundary = "wasmui" + secrets.token_hex(12)
    items: list[tuple[str, FileSpec]] = []
    if isinstance(files, Mapping):
        for name, spec in files.items():
            specs = cast(list[FileSpec], spec) if isinstance(spec, list) else [cast(FileSpec, spec)]
            items.extend((name, s) for s in specs)
    else:
        items = list(files)
    out = bytearray()
    for name, value in (fields or {}).items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                f"{value}\r\n").encode()
    for name, spec in items:
        filename, data = spec[0], spec[1]
        ctype = spec[2] if len(spec) > 2 else "application/octet-stream"
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; "
                f"filename=\"{filename}\"\r\nContent-Type: {ctype}\r\n\r\n").encode()
        out += data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


class _Exchange:
    """One request in flight: the ASGI receive/send pair seen from the client."""

    def __init__(self, loop: asyncio.AbstractEventLoop, body: bytes) -> None:
        self.loop = loop
        self.body = body
        self.sent_body = False
        self.disconnect = asyncio.Event()
        self.out: queue.Queue[dict[str, Any] | BaseException | None] = queue.Queue()

    async def receive(self) -> dict[str, Any]:
        if not self.sent_body:
            self.sent_body = True
            return {"type": "http.request", "body": self.body, "more_body": False}
        await self.disconnect.wait()
        return {"type": "http.disconnect"}

    async def send(self, message: dict[str, Any]) -> None:
        self.out.put(message)

    def hang_up(self) -> None:
        """Tell the app the client went away."""
        self.loop.call_soon_threadsafe(self.disconnect.set)


class SSEStream:
    """Iterator over the SSE messages of a streaming response."""

    def __init__(self, exchange: _Exchange, timeout: float) -> None:
        self._ex = exchange
        self._timeout = timeout
        self._buffer = ""
        self._done = False
        start = self._next_message()
        if start is None or start["type"] != "http.response.start":
            raise RuntimeError("app sent no response")
        self.status_code: int = start["status"]
        self.headers: dict[str, str] = {k.decode("latin-1"): v.decode("latin-1") for k, v in start["headers"]}
        self.raw_text = ""  # everything received so far, for framing assertions

    def _next_message(self) -> dict[str, Any] | None:
        item = self._ex.out.get(timeout=self._timeout)
        if isinstance(item, BaseException):
            raise item
        return item

    def __iter__(self) -> Iterator[SSEMessage]:
        return self

    def __next__(self) -> SSEMessage:
        while "\n\n" not in self._buffer:
            if self._done:
                raise StopIteration
            message = self._next_message()
            if message is None:
                self._done = True
                continue
            chunk = message.get("body", b"").decode("utf-8")
            self._buffer += chunk
            self.raw_text += chunk
            if not message.get("more_body", False):
                self._done = True
        block, self._buffer = self._buffer.split("\n\n", 1)
        event, data = None, []
        for line in block.split("\n"):
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip(" "))
        return SSEMessage(event=event, data="\n".join(data), raw=block + "\n\n")

    def close(self) -> None:
        """Disconnect from the server."""
        self._ex.hang_up()

    def __enter__(self) -> SSEStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class TestClient:
    """Synchronous in-process client for an ASGI app."""

    __test__ = False  # not a pytest test class

    def __init__(self, app: Any, base_url: str = "http://127.0.0.1:7860", root_path: str = "",
                 timeout: float = 30.0) -> None:
        self.app = app
        parts = urllib.parse.urlsplit(base_url)
        self.scheme = parts.scheme
        self.host = parts.netloc
        self.root_path = root_path
        self.timeout = timeout
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True, name="wasmui-testclient")
        self._thread.start()

    def close(self) -> None:
        """Cancel whatever still runs in the app (streams, jobs), then stop the loop."""

        async def shutdown() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        if self._loop.is_running():
            try:
                asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(timeout=5)
            except Exception:  # a task that refuses to die must not hang the test run
                pass
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
        self._loop.close()

    def __enter__(self) -> TestClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self, method: str, path: str, *, json: Any = None, data: bytes | None = None,
               files: Files | None = None, headers: Mapping[str, str] | None = None,
               params: Mapping[str, str] | None = None) -> _Exchange:
        body = b""
        hdrs = {"host": self.host}
        if json is not None:
            body = jsonlib.dumps(json).encode()
            hdrs["content-type"] = "application/json"
        elif files is not None:
            body, hdrs["content-type"] = encode_multipart(files)
        elif data is not None:
            body = data
        if body:
            hdrs["content-length"] = str(len(body))
        hdrs.update({k.lower(): v for k, v in (headers or {}).items()})
        raw_path, _, query = path.partition("?")
        if params:
            query = (query + "&" if query else "") + urllib.parse.urlencode(params)
        full_path = self.root_path + raw_path
        scope = {
            "type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "http_version": "1.1",
            "method": method.upper(), "scheme": self.scheme, "path": urllib.parse.unquote(full_path),
            "raw_path": full_path.encode("latin-1", "replace"), "query_string": query.encode("latin-1"),
            "root_path": self.root_path, "headers": [(k.encode(), v.encode()) for k, v in hdrs.items()],
            "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 7860),
        }
        ex = _Exchange(self._loop, body)

        async def run() -> None:
            try:
                await self.app(scope, ex.receive, ex.send)
            except BaseException as exc:  # surface app crashes in the test thread
                ex.out.put(exc)
            finally:
                ex.out.put(None)

        asyncio.run_coroutine_threadsafe(run(), self._loop)
        return ex

    def request(self, method: str, path: str, **kwargs: Any) -> TestResponse:
        """Send a request and wait for the complete response."""
        ex = self._start(method, path, **kwargs)
        status, headers, chunks = 0, {}, []
        while True:
            item = ex.out.get(timeout=self.timeout)
            if isinstance(item, BaseException):
                raise item
            if item is None:
                break
            if item["type"] == "http.response.start":
                status = item["status"]
                headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in item["headers"]}
            elif item["type"] == "http.response.body":
                chunks.append(item.get("body", b""))
                if not item.get("more_body", False):
                    break
        ex.hang_up()
        return TestResponse(status, headers, b"".join(chunks))

    def get(self, path: str, **kwargs: Any) -> TestResponse:
        """GET ``path``."""
        return self.request("GET", path, **kwargs)

    def head(self, path: str, **kwargs: Any) -> TestResponse:
        """HEAD ``path``."""
        return self.request("HEAD", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> TestResponse:
        """POST ``path`` (``json=``, ``files=`` or ``data=``)."""
        return self.request("POST", path, **kwargs)

    def options(self, path: str, **kwargs: Any) -> TestResponse:
        """OPTIONS ``path``."""
        return self.request("OPTIONS", path, **kwargs)

    def stream(self, path: str, method: str = "GET", **kwargs: Any) -> SSEStream:
        """Open a streaming request; iterate the result for SSE messages."""
        timeout = kwargs.pop("timeout", self.timeout)
        return SSEStream(self._start(method, path, **kwargs), timeout)
