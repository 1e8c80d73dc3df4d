"""Tiny HTTP layer over raw ASGI: a request object and response senders.

Only what the Gradio routes need: headers, query, body, JSON, and responses
that are either complete (``Response``) or streamed (``StreamingResponse``),
with client-disconnect detection for the streams.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def dumps(value: Any) -> str:
    """Compact JSON as Gradio emits it (orjson-like: no spaces, UTF-8 kept, NaN -> null)."""
    try:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str, allow_nan=False)
    except ValueError:  # NaN/Infinity somewhere: orjson writes null, clients cannot parse NaN
        return json.dumps(_finite(value), separators=(",", ":"), ensure_ascii=False, default=str)


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


class HTTPError(Exception):
    """Raised by handlers; becomes ``{"detail": ...}`` with the given status."""

    def __init__(self, status: int, detail: Any = None, *, text: str | None = None) -> None:
        super().__init__(detail if detail is not None else text)
        self.status = status
        self.detail = detail
        self.text = text  # plain-text body instead of JSON (Gradio does this for some errors)


class Request:
    """A parsed view of one ASGI HTTP request."""

    def __init__(self, scope: Scope, receive: Receive, path_params: dict[str, str] | None = None) -> None:
        self.scope = scope
        self._receive = receive
        self.method: str = scope["method"].upper()
        self.path: str = scope["path"]
        self.path_params: dict[str, str] = path_params or {}
        self.headers: dict[str, str] = {}
        for key, value in scope.get("headers", []):
            name = key.decode("latin-1").lower()
            val = value.decode("latin-1")
            # Repeated headers are joined like HTTP allows, except cookies (`; `).
            if name in self.headers:
                sep = "; " if name == "cookie" else ", "
                self.headers[name] = self.headers[name] + sep + val
            else:
                self.headers[name] = val
        raw_query = scope.get("query_string", b"").decode("latin-1")
        self.query: dict[str, str] = dict(urllib.parse.parse_qsl(raw_query, keep_blank_values=True))
        self._body: bytes | None = None
        self.disconnected = asyncio.Event()

    @property
    def client(self) -> tuple[str, int] | None:
        """``(host, port)`` of the peer, when the server knows it."""
        client = self.scope.get("client")
        return (str(client[0]), int(client[1])) if client else None

    async def body(self, limit: int | None = None) -> bytes:
        """The whole request body (read once, then cached)."""
        if self._body is None:
            chunks: list[bytes] = []
            size = 0
            while True:
                message = await self._receive()
                if message["type"] == "http.disconnect":
                    self.disconnected.set()
                    break
                chunk = message.get("body", b"")
                size += len(chunk)
                if limit is not None and size > limit:
                    raise HTTPError(413, text="Request body too large.")
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
            self._body = b"".join(chunks)
        return self._body

    async def json(self) -> Any:
        """The body parsed as JSON; 422 like FastAPI when it is not JSON."""
        raw = await self.body()
        try:
            return json.loads(raw or b"null")
        except ValueError:
            raise HTTPError(422, [{"type": "json_invalid", "loc": ["body"], "msg": "JSON decode error",
                                   "input": {}}]) from None

    async def wait_disconnect(self) -> None:
        """Return when the client goes away (drains any unread body)."""
        while not self.disconnected.is_set():
            message = await self._receive()
            if message["type"] == "http.disconnect":
                self.disconnected.set()


def _encode_headers(headers: Iterable[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    return [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]


class Response:
    """A complete response; ``body`` is bytes or str."""

    def __init__(
        self,
        body: bytes | str = b"",
        status: int = 200,
        headers: dict[str, str] | None = None,
        media_type: str | None = "text/plain; charset=utf-8",
    ) -> None:
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        self.status = status
        self.headers: dict[str, str] = dict(headers or {})
        if media_type and "content-type" not in {k.lower() for k in self.headers}:
            self.headers["content-type"] = media_type

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(self.headers)
        headers.setdefault("content-length", str(len(self.body)))
        await send({"type": "http.response.start", "status": self.status,
                    "headers": _encode_headers(headers.items())})
        body = b"" if scope.get("method") == "HEAD" else self.body
        await send({"type": "http.response.body", "body": body, "more_body": False})


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def http_date(timestamp: float) -> str:
    """An HTTP date (``Sun, 06 Nov 1994 08:49:37 GMT``, RFC 9110), in English whatever the locale."""
    t = time.gmtime(timestamp)
    return (f"{_DAYS[t.tm_wday]}, {t.tm_mday:02d} {_MONTHS[t.tm_mon - 1]} {t.tm_year:04d} "
            f"{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d} GMT")


def json_response(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """Compact JSON response."""
    return Response(dumps(value), status=status, headers=headers, media_type="application/json")


def error_response(err: HTTPError) -> Response:
    """The body FastAPI would produce for this error."""
    if err.text is not None:
        return Response(err.text, status=err.status)
    return json_response({"detail": err.detail}, status=err.status)


class StreamingResponse:
    """A response whose body comes from an async iterator of str/bytes chunks.

    The iterator is cancelled as soon as the client disconnects, so SSE loops
    notice a closed tab even while they are waiting for the next message; the
    ``on_disconnect`` callback then runs (e.g. to drop a session's jobs).
    """

    def __init__(
        self,
        content: AsyncIterator[str | bytes],
        status: int = 200,
        headers: dict[str, str] | None = None,
        media_type: str = "text/event-stream; charset=utf-8",
        on_disconnect: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.content = content
        self.status = status
        self.headers = {"content-type": media_type, "cache-control": "no-cache",
                        "x-accel-buffering": "no", **(headers or {})}
        self.on_disconnect = on_disconnect

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status,
                    "headers": _encode_headers(self.headers.items())})
        if scope.get("method") == "HEAD":
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        request: Request | None = scope.get("wasmui.request")
        pump = asyncio.ensure_future(self._pump(send))
        watch = asyncio.ensure_future(request.wait_disconnect() if request else _never())
        try:
            done, _ = await asyncio.wait({pump, watch}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (pump, watch):
                if not task.done():
                    task.cancel()
            await asyncio.gather(pump, watch, return_exceptions=True)
        if pump in done and pump.exception() is None:
            return
        failure = pump.exception() if pump in done else None
        if failure is not None and not isinstance(failure, OSError):
            raise failure
        if self.on_disconnect is not None:
            await self.on_disconnect()

    async def _pump(self, send: Send) -> None:
        try:
            async for chunk in self.content:
                data = chunk.encode("utf-8") if isinstance(chunk, str) else chunk
                await send({"type": "http.response.body", "body": data, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            aclose = getattr(self.content, "aclose", None)
            if aclose is not None:
                try:
                    await aclose()
                except RuntimeError:  # already closing because this task was cancelled
                    pass


async def _never() -> None:
    await asyncio.Event().wait()
