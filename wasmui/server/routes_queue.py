"""Queue routes: ``/queue/join``, ``/queue/data``, ``/call``, ``/run``, ``/cancel``, heartbeat."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable
from typing import Any

from wasmui.server import sse
from wasmui.server.http import HTTPError, Request, Response, StreamingResponse, json_response
from wasmui.server.queue import Job, JobQueue, Runner, new_event_id


def heartbeat_interval() -> float:
    """Seconds between keep-alives (``GRADIO_HEARTBEAT_INTERVAL``, default 15)."""
    try:
        return float(os.environ.get("GRADIO_HEARTBEAT_INTERVAL", sse.HEARTBEAT_INTERVAL))
    except ValueError:
        return sse.HEARTBEAT_INTERVAL


def _missing_entry(field: str, body: Any) -> dict[str, Any]:
    # The shape FastAPI/pydantic produce, which clients display verbatim.
    return {"type": "missing", "loc": ["body", field], "msg": "Field required", "input": body}


def _missing(field: str, body: Any) -> HTTPError:
    return HTTPError(422, [_missing_entry(field, body)])


async def _body_dict(request: Request) -> dict[str, Any]:
    body = await request.json()
    if not isinstance(body, dict):
        raise HTTPError(422, [{"type": "model_attributes_type", "loc": ["body"],
                               "msg": "Input should be a valid dictionary or object to extract fields from",
                               "input": body}])
    return body


def _data_list(body: dict[str, Any]) -> list[Any]:
    if "data" not in body:
        raise _missing("data", body)
    if not isinstance(body["data"], list):
        raise HTTPError(422, [{"type": "list_type", "loc": ["body", "data"],
                               "msg": "Input should be a valid list", "input": body["data"]}])
    return body["data"]


async def read_session(queue: JobQueue, session_hash: str,
                       fmt: Callable[[sse.Message], str | None]) -> AsyncIterator[str]:
    """Yield the session's buffered and future messages until it has nothing pending."""
    ch = queue.channel(session_hash)
    if ch is None:
        out = fmt(sse.unexpected_error("404: Not Found", session_not_found=True))
        if out:
            yield out
        return
    interval = heartbeat_interval()
    while True:
        try:
            message = await asyncio.wait_for(ch.messages.get(), interval)
        except (TimeoutError, asyncio.TimeoutError):
            if queue.channels.get(session_hash) is not ch:  # session dropped meanwhile
                message = sse.unexpected_error("404: Not Found", session_not_found=True)
                out = fmt(message)
                if out:
                    yield out
                return
            message = sse.heartbeat()
        out = fmt(message)
        if out:
            yield out
        event_id = message.get("event_id")
        if message["msg"] == "process_completed" and event_id:
            if event_id in ch.pending:
                ch.pending.remove(event_id)
            if not ch.pending:
                closing = fmt(sse.close_stream())
                if closing:
                    yield closing
                return


class QueueRoutes:
    """Handlers that submit jobs and stream their messages."""

    def __init__(self, blocks: Any, queue_factory: Callable[[], JobQueue], root_of: Callable[[Request], str]) -> None:
        self.blocks = blocks
        self._queue_factory = queue_factory
        self.root_of = root_of

    @property
    def queue(self) -> JobQueue:
        return self._queue_factory()

    def _fn_by_name(self, api_name: str) -> int:
        for index, fn in self.blocks.fns.items():
            if getattr(fn, "api_name", None) == api_name:
                return int(index)
        raise HTTPError(500, text="Internal Server Error")

    def _job(self, request: Request, body: dict[str, Any], fn_index: int, data: list[Any],
             session_hash: str, event_id: str, simple: bool) -> Job:
        trigger = body.get("trigger_id")
        return Job(event_id=event_id, session_hash=session_hash, fn_index=fn_index, data=data,
                   event_data=body.get("event_data"), root=self.root_of(request),
                   request=gr_request(self.queue.runner, request, session_hash), simple_format=simple,
                   trigger_id=trigger if isinstance(trigger, int) else None, for_ui=_from_ui(request))

    def _check_capacity(self) -> None:
        """``queue(max_size=N)``: refuse new jobs with 503 while N are waiting."""
        max_size = getattr(self.blocks, "max_size", None)
        size = self.queue.queue_size()
        if max_size is not None and size >= max_size:
            raise HTTPError(503, f"Queue is full. Max size is {max_size} and size is {size}.")

    def _validate(self, fn_index: int, data: list[Any], session_hash: str) -> None:
        """Run the listener's ``validator=`` (6.x): 422 with per-input detail when invalid."""
        validator = getattr(self.queue.runner, "run_validator", None)
        if validator is None or getattr(self.blocks.fns[fn_index], "validator", None) is None:
            return
        try:
            detail = validator(self.blocks, fn_index, list(data), self.blocks.sessions.get(session_hash))
        except Exception as exc:  # a crashing validator is the caller's 400, like Gradio
            raise HTTPError(400, str(exc)) from None
        if detail:
            raise HTTPError(422, detail)

    # -- queue ---------------------------------------------------------------
    async def join(self, request: Request) -> Response:
        """``POST /queue/join`` → ``{"event_id": ...}``."""
        body = await _body_dict(request)
        data = _data_list(body)
        session_hash = body.get("session_hash")
        if session_hash is None:
            raise HTTPError(400, "Session hash not found.")
        fn_index = body.get("fn_index")
        if fn_index is None:
            raise HTTPError(400, "No function index provided.")
        if not isinstance(fn_index, int) or fn_index not in self.blocks.fns:
            raise HTTPError(500, text="Internal Server Error")
        self._check_capacity()
        self._validate(fn_index, data, str(session_hash))
        event_id = new_event_id()
        self.queue.push(self._job(request, body, fn_index, data, str(session_hash), event_id, False))
        return json_response({"event_id": event_id})

    async def data(self, request: Request) -> StreamingResponse:
        """``GET /queue/data?session_hash=S``: the session's SSE stream."""
        session_hash = request.query.get("session_hash")
        if session_hash is None:
            raise _missing_query("session_hash")
        queue = self.queue

        async def gone() -> None:
            queue.drop_session(session_hash)

        return StreamingResponse(read_session(queue, session_hash, sse.frame), on_disconnect=gone)

    async def status(self, request: Request) -> Response:
        """``GET /queue/status``."""
        return json_response({"msg": "estimation", "event_id": None, "rank": None,
                              "queue_size": self.queue.queue_size(), "rank_eta": None})

    # -- simple API ----------------------------------------------------------
    def _expand(self, fn_index: int, data: list[Any]) -> list[Any]:
        """Re-insert ``None`` for skip_api inputs (State) the caller may omit."""
        inputs = list(getattr(self.blocks.fns[fn_index], "inputs", []))
        skip = [bool(getattr(c, "skip_api", False)) for c in inputs]
        if any(skip) and len(data) == skip.count(False):
            it = iter(data)
            return [None if s else next(it) for s in skip]
        return data

    async def call(self, request: Request) -> Response:
        """``POST /call/{api_name}`` with ``{"data": [...]}``."""
        body = await _body_dict(request)
        data = _data_list(body)
        fn_index = self._fn_by_name(request.path_params["api_name"])
        return self._submit_simple(request, body, fn_index, self._expand(fn_index, data))

    async def call_v2(self, request: Request) -> Response:
        """``POST /call/v2/{api_name}`` with keyword arguments by parameter name."""
        body = await _body_dict(request)
        api_name = request.path_params["api_name"]
        fn_index = self._fn_by_name(api_name)
        info = self.blocks.get_api_info(all_endpoints=True)["named_endpoints"].get("/" + api_name)
        if info is None:
            raise HTTPError(500, text="Internal Server Error")
        kwargs = {k: v for k, v in body.items() if k not in ("session_hash", "oauth_token")}
        data: list[Any] = []
        for param in info["parameters"]:
            name = param["parameter_name"]
            if name in kwargs:
                data.append(kwargs.pop(name))
            elif param.get("parameter_has_default"):
                data.append(param.get("parameter_default"))
            else:
                raise HTTPError(422, f"No value provided for required argument: {name}")
        if kwargs:
            raise HTTPError(422, f"Parameter `{next(iter(kwargs))}` is not a valid keyword argument.")
        return self._submit_simple(request, body, fn_index, self._expand(fn_index, data))

    def _submit_simple(self, request: Request, body: dict[str, Any], fn_index: int, data: list[Any]) -> Response:
        event_id = new_event_id()
        session_hash = str(body.get("session_hash") or event_id)
        self._check_capacity()
        self._validate(fn_index, data, session_hash)
        self.queue.push(self._job(request, body, fn_index, data, session_hash, event_id, True))
        return json_response({"event_id": event_id})

    async def call_stream(self, request: Request) -> StreamingResponse:
        """``GET /call/{api_name}/{event_id}``: named SSE events for one call."""
        event_id = request.path_params["event_id"]
        queue = self.queue
        job = queue.jobs.get(event_id)
        if job is not None:
            session_hash = job.session_hash
        else:  # finished jobs are found through their undelivered completion
            session_hash = next((s for s, ch in queue.channels.items() if event_id in ch.pending), event_id)
        return StreamingResponse(read_session(queue, session_hash, sse.simple_frame))

    # -- direct calls, cancel, heartbeat --------------------------------------
    async def run(self, request: Request) -> Response:
        """``POST /run/{api_name}``: run now, answer the output (500 + payload on error)."""
        body = await _body_dict(request)
        data = _data_list(body)
        fn_index = body.get("fn_index")
        if fn_index is None:
            fn_index = self._fn_by_name(request.path_params["api_name"])
        elif fn_index not in self.blocks.fns:
            raise HTTPError(500, text="Internal Server Error")
        session_hash = str(body.get("session_hash") or new_event_id())
        trigger = body.get("trigger_id")
        ok, output = await self.queue.run_direct(fn_index, data, session_hash, event_data=body.get("event_data"),
                                                 root=self.root_of(request), request=gr_request(self.queue.runner, request, session_hash),
                                                 trigger_id=trigger if isinstance(trigger, int) else None,
                                                 for_ui=_from_ui(request))
        return json_response(output, status=200 if ok else 500)

    async def cancel(self, request: Request) -> Response:
        """``POST /cancel`` ``{session_hash, fn_index, event_id}``."""
        body = await _body_dict(request)
        missing = [f for f in ("session_hash", "fn_index", "event_id") if f not in body]
        if missing:  # FastAPI lists every missing field
            raise HTTPError(422, [_missing_entry(f, body) for f in missing])
        self.queue.cancel(str(body["session_hash"]), body["fn_index"], str(body["event_id"]))
        return json_response({"success": True})

    async def stream(self, request: Request) -> Response:
        """``POST /stream/{event_id}`` with a PredictBody: the next chunk of a streaming input."""
        body = await _body_dict(request)
        data = _data_list(body)
        if not self.queue.stream_chunk(request.path_params["event_id"], data, body.get("event_data")):
            return Response(b"", status=404)
        return json_response({"msg": "success"})

    async def stream_close(self, request: Request) -> Response:
        """``POST /stream/{event_id}/close``: the client stopped streaming."""
        if not self.queue.stream_close(request.path_params["event_id"]):
            return Response(b"", status=404)
        return json_response({"msg": "success"})

    async def reset(self, request: Request) -> Response:
        """``POST /reset``: kept for old clients; nothing to do."""
        return json_response({"success": True})

    async def heartbeat(self, request: Request) -> StreamingResponse:
        """``GET /heartbeat/{session}``: ``data: ALIVE`` now and every interval."""
        session_hash = request.path_params["session_hash"]

        async def beats() -> AsyncIterator[str]:
            interval = heartbeat_interval()
            while True:
                yield "data: ALIVE\n\n"
                await asyncio.sleep(interval)

        root, gr_req = self.root_of(request), gr_request(self.queue.runner, request, session_hash)

        async def gone() -> None:
            # The page went away: run `demo.unload` handlers, like Gradio. Session
            # state is kept a while (a client may come back), then deleted.
            for index, fn in list(self.blocks.fns.items()):
                if any(target[1] == "unload" for target in getattr(fn, "targets", [])):
                    await self.queue.run_direct(index, [], session_hash, root=root, request=gr_req)
            close = getattr(self.blocks.sessions, "close", None)
            if close is not None:  # Gradio: the closed page's State values go after an hour
                close(session_hash)

        return StreamingResponse(beats(), on_disconnect=gone)


def gr_request(runner: Runner, request: Request, session_hash: str) -> Any:
    """The request object a user function sees (``gr.Request``), made by the runner."""
    make = getattr(runner, "make_request", None)
    if make is None:  # a runner without user-facing requests (test fakes) gets the HTTP request
        return request
    client = request.client
    return make(headers=dict(request.headers), session_hash=session_hash, query_params=dict(request.query),
                client_host=client[0] if client else None, path=request.path)


def _from_ui(request: Request) -> bool:
    """Requests from a page UI (Gradio's or wasmui's shell) say ``x-gradio-user: app``."""
    return request.headers.get("x-gradio-user") == "app"


def _missing_query(name: str) -> HTTPError:
    return HTTPError(422, [{"type": "missing", "loc": ["query", name], "msg": "Field required", "input": None}])
