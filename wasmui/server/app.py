"""The ASGI application: routing table, CORS, ``root`` and the page-level routes."""

from __future__ import annotations

import asyncio
import inspect
import logging
import random
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

from wasmui.server import cors, multipart
from wasmui.server.http import (
    HTTPError,
    Receive,
    Request,
    Response,
    Scope,
    Send,
    error_response,
    json_response,
)
from wasmui.server.queue import JobQueue, Runner
from wasmui.server.router import Router
from wasmui.server.routes_files import FileRoutes
from wasmui.server.routes_queue import QueueRoutes
from wasmui.server.routes_stream import StreamRoutes
from wasmui.server.theme import theme_css

log = logging.getLogger("wasmui.server")

API_PREFIX = "/gradio_api"


def _first(value: str | None) -> str | None:
    """First entry of a comma-separated proxy header."""
    if not value:
        return None
    return value.split(",")[0].strip() or None


def root_url(request: Request) -> str:
    """Public base URL of the app for this request, without trailing slash.

    ``X-Forwarded-Host``/``-Proto`` (first value) win over the Host header; the
    ASGI ``root_path`` (mount prefix) is appended; a full-URL root_path is used as is.
    """
    scope = request.scope
    root_path: str = scope.get("root_path", "") or ""
    if root_path.startswith(("http://", "https://")):
        return root_path.rstrip("/")
    server_header = _first(request.headers.get("x-gradio-server"))
    if server_header and server_header.startswith(("http://", "https://")):
        base = server_header.rstrip("/")
    else:
        scheme = scope.get("scheme", "http")
        if _first(request.headers.get("x-forwarded-proto")) == "https":
            scheme = "https"
        host = _first(request.headers.get("x-forwarded-host")) or request.headers.get("host")
        if not host:
            server = scope.get("server") or ("127.0.0.1", 80)
            host = f"{server[0]}:{server[1]}" if server[1] not in (80, 443, None) else str(server[0])
        base = f"{scheme}://{host}"
    if root_path and not urllib.parse.urlsplit(base).path.rstrip("/").endswith(root_path.rstrip("/")):
        base += root_path
    return base.rstrip("/")


class App:
    """Gradio-compatible ASGI app for one ``Blocks``."""

    def __init__(self, blocks: Any, runner: Runner) -> None:
        self.blocks = blocks
        self._runner = runner
        self._queue: JobQueue | None = None
        self.app_id: int = getattr(blocks, "app_id", None) or random.getrandbits(53)
        self._started = False
        self._startup_task: asyncio.Future[None] | None = None
        self.files = FileRoutes(blocks)
        self.streams = StreamRoutes(blocks)
        self.queue_routes = QueueRoutes(blocks, lambda: self.queue, root_url)
        self.router = self._routes()

    @property
    def queue(self) -> JobQueue:
        """The job queue (created on first use, inside the running loop)."""
        if self._queue is None:
            self._queue = JobQueue(self.blocks, self._runner)
        return self._queue

    def _routes(self) -> Router:
        r, q, f, p = Router(), self.queue_routes, self.files, API_PREFIX
        r.add("GET", ["/config", "/config/"], self.config)
        r.add("GET", ["/theme.css", f"{p}/theme.css"], self.theme)
        r.add("GET", [f"{p}/info", f"{p}/info/"], self.info)
        r.add("GET", f"{p}/app_id", self.get_app_id)
        r.add("GET", f"{p}/startup-events", self.startup_events)
        r.add("POST", [f"{p}/component_server", f"{p}/component_server/"], self.component_server)
        r.add("POST", f"{p}/queue/join", q.join)
        r.add("GET", f"{p}/queue/data", q.data)
        r.add("GET", f"{p}/queue/status", q.status)
        r.add("POST", [f"{p}/call/v2/{{api_name}}", f"{p}/call/v2/{{api_name}}/"], q.call_v2)
        r.add("POST", [f"{p}/call/{{api_name}}", f"{p}/call/{{api_name}}/"], q.call)
        r.add("GET", [f"{p}/call/v2/{{api_name}}/{{event_id}}", f"{p}/call/{{api_name}}/{{event_id}}"],
              q.call_stream)
        r.add("POST", [f"{p}/run/{{api_name}}", f"{p}/run/{{api_name}}/",
                       f"{p}/api/{{api_name}}", f"{p}/api/{{api_name}}/"], q.run)
        r.add("POST", f"{p}/cancel", q.cancel)
        r.add("POST", f"{p}/stream/{{event_id}}", q.stream)
        r.add("POST", f"{p}/stream/{{event_id}}/close", q.stream_close)
        base = f"{p}/stream/{{session_hash}}/{{run}}/{{component_id}}"
        r.add("GET", f"{base}/playlist.m3u8", self.streams.playlist)
        r.add("GET", f"{base}/playlist-file", self.streams.combined)
        r.add("GET", f"{base}/{{segment_id}}.{{ext}}", self.streams.segment)
        r.add("POST", [f"{p}/reset", f"{p}/reset/"], q.reset)
        r.add("GET", f"{p}/heartbeat/{{session_hash}}", q.heartbeat)
        r.add("POST", f"{p}/upload", f.upload)
        r.add("GET", f"{p}/upload_progress", f.upload_progress)
        r.add("GET", f"{p}/file={{path:path}}", f.file)
        r.add("GET", f"{p}/wasmui/flagged.zip", self.flagged)
        r.add("GET", f"{p}/deep_link", self.deep_link)
        return r

    # -- ASGI ------------------------------------------------------------------
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":  # no websockets in the Gradio protocol we speak
            return
        request = Request(scope, receive)
        scope["wasmui.request"] = request
        origin = request.headers.get("origin")
        host = request.headers.get("host", "")
        if origin is not None:
            if request.method == "OPTIONS" and "access-control-request-method" in request.headers:
                await cors.preflight(origin, host, request.headers.get("access-control-request-headers"))(
                    scope, receive, send)
                return
            send = _with_headers(send, cors.response_headers(origin, host))
        response = await self._dispatch(request)
        await response(scope, receive, send)

    async def _dispatch(self, request: Request) -> Any:
        path = request.path
        root_path = request.scope.get("root_path", "") or ""
        if root_path and not root_path.startswith("http") and path.startswith(root_path.rstrip("/") + "/"):
            path = path[len(root_path.rstrip("/")):]
        handler, params, matched = self.router.match(request.method, path)
        if handler is None:
            if matched:
                return json_response({"detail": "Method Not Allowed"}, status=405)
            return json_response({"detail": "Not Found"}, status=404)
        request.path_params = {k: v for k, v in params.items()}
        try:
            return await handler(request)
        except HTTPError as err:
            return error_response(err)
        except Exception:
            log.exception("error in %s %s", request.method, request.path)
            return Response("Internal Server Error", status=500)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self._run_startup_events()  # in the background: the app serves meanwhile
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    # -- page-level routes -------------------------------------------------------
    async def config(self, request: Request) -> Response:
        """``GET /config``: the Blocks config with this request's ``root``."""
        root = root_url(request)
        config = dict(self.blocks.get_config(root))
        config["root"] = root
        token = request.query.get("deep_link")
        if token and hasattr(self.blocks, "config_with_deep_link"):
            config = self.blocks.config_with_deep_link(config, token)
        if not getattr(self.blocks, "app_id", None):
            config["app_id"] = self.app_id
        return json_response(config)

    async def info(self, request: Request) -> Response:
        """``GET /gradio_api/info`` (``?all_endpoints=true`` adds undocumented ones)."""
        all_endpoints = request.query.get("all_endpoints", "").lower() == "true"
        return json_response(self.blocks.get_api_info(all_endpoints=all_endpoints))

    async def theme(self, request: Request) -> Response:
        """``GET /theme.css``."""
        css = getattr(self.blocks, "theme_css", None)
        return Response(css if isinstance(css, str) else theme_css(), media_type="text/css; charset=utf-8")

    async def component_server(self, request: Request) -> Response:
        """``POST /gradio_api/component_server``: a component's ``@server`` function for its view.

        A JSON body passes its ``data`` as is; a multipart body (``@gradio/client``'s
        ``component_server`` with ``{binary: true}``, e.g. ImageEditor's ``accept_blobs``)
        passes its fields and files as one ``DataWithFiles``, as Gradio does.
        """
        content_type = request.headers.get("content-type", "")
        if multipart.boundary_of(content_type) is None:
            body = await request.json()
        else:
            body = await _form_body(request, content_type, getattr(self.blocks, "max_file_size", None))
        return json_response(await _call_server_fn(self.blocks, body))

    async def deep_link(self, request: Request) -> Response:
        """``GET /gradio_api/deep_link?session_hash=``: a link token for the session's values."""
        session_hash = request.query.get("session_hash")
        if session_hash is None:
            raise HTTPError(422, [{"type": "missing", "loc": ["query", "session_hash"], "msg": "Field required",
                                   "input": None}])
        make = getattr(self.blocks, "deep_link_token", None)
        return json_response(make(session_hash) if make is not None else "")

    async def flagged(self, request: Request) -> Response:
        """``GET /gradio_api/wasmui/flagged.zip``: the app's flagged data (not a Gradio route)."""
        loaded = getattr(self.blocks, "flagged_data_loaded", None)
        if loaded is not None:
            await loaded()  # earlier visits' flags, loaded while the app already answers
        data = getattr(self.blocks, "flagged_data", lambda: None)()
        if not data:
            return json_response({"detail": "Nothing has been flagged yet."}, status=404)
        return Response(data, media_type="application/zip",
                        headers={"content-disposition": 'attachment; filename="flagged-data.zip"',
                                 "cache-control": "no-store"})

    async def get_app_id(self, request: Request) -> Response:
        """``GET /gradio_api/app_id``."""
        return json_response({"app_id": self.app_id})

    async def startup_events(self, request: Request) -> Response:
        """``GET /gradio_api/startup-events``: true the first time only."""
        first = not self._started
        self._started = True
        await asyncio.wait([self._run_startup_events()])  # as Gradio: answered once they ran (failures logged)
        return json_response(first)

    def _run_startup_events(self) -> asyncio.Future[None]:
        """The app's startup coroutines (``blocks.run_extra_startup_events``, e.g. eager
        example caching), started once: on lifespan startup or the first ``/startup-events``."""
        if self._startup_task is None:
            run = getattr(self.blocks, "run_extra_startup_events", None)
            self._startup_task = asyncio.ensure_future(run() if run is not None else asyncio.sleep(0))
            self._startup_task.add_done_callback(_log_startup_failure)
        return self._startup_task


def _log_startup_failure(task: asyncio.Future[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("a startup event failed", exc_info=task.exception())


@dataclass
class DataWithFiles:
    """A multipart ``/component_server`` call's argument: its plain fields and its files (Gradio's shape)."""

    data: dict[str, str] = field(default_factory=dict)
    files: list[tuple[str, bytes]] = field(default_factory=list)


async def _form_body(request: Request, content_type: str, max_size: int | None) -> dict[str, Any]:
    """A multipart ``/component_server`` body as the JSON one: the routing fields read from the
    form, ``data`` the rest of it (files over ``max_file_size`` refused with 413, as ``/upload``)."""
    limit = None if max_size is None else max_size * multipart.MAX_PARTS + 1024 * 1024
    try:
        parts = multipart.parse(await request.body(limit=limit), content_type)
    except multipart.MultipartError as exc:
        raise HTTPError(400, str(exc)) from None
    form = DataWithFiles()
    for part in parts:
        if part.filename is None:
            form.data[part.name] = part.data.decode("utf-8", "replace")
        elif max_size is not None and len(part.data) > max_size:
            raise HTTPError(413, f"File size exceeded maximum allowed size of {max_size} bytes.")
        else:
            form.files.append((part.filename, part.data))
    body: dict[str, Any] = {"data": form}
    for name in ("session_hash", "component_id", "fn_name"):
        if name in form.data:
            body[name] = form.data[name]
    try:
        body["component_id"] = int(body["component_id"])
    except (KeyError, ValueError):
        pass  # reported as missing / not found below
    return body


async def _call_server_fn(blocks: Any, body: Any) -> Any:
    """Run ``body["fn_name"]`` of block ``body["component_id"]`` if the block marked it as a server function."""
    if not isinstance(body, dict):
        raise HTTPError(422, "Expected a JSON object with session_hash, component_id, fn_name and data.")
    for field in ("session_hash", "component_id", "fn_name", "data"):
        if field not in body:
            raise HTTPError(422, [{"type": "missing", "loc": ["body", field], "msg": "Field required", "input": body}])
    # The block as this session's events left it (e.g. FileExplorer's root_dir after an update).
    fn = blocks.server_function(body["component_id"], body["fn_name"], str(body["session_hash"]))
    if fn is None:
        raise HTTPError(404, "Function not found.")
    try:
        result = fn(body["data"])
        return await result if inspect.isawaitable(result) else result
    except Exception as e:  # the view shows the message (a bad value, the app's formatter failing)
        log.exception("component_server %s", body["fn_name"])
        raise HTTPError(500, str(e) or type(e).__name__) from None


def _with_headers(send: Send, extra: list[tuple[bytes, bytes]]) -> Send:
    async def wrapped(message: Any) -> None:
        if message["type"] == "http.response.start":
            message = dict(message)
            message["headers"] = [*message.get("headers", []), *extra]
        await send(message)

    return wrapped
