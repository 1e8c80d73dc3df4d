"""Running one event: preprocess → user function → postprocess, as a stream of events.

``run_job`` is what the server's queue calls. It yields ``Log``/``Progress``
messages while the function runs, ``Generating`` for each value a generator
yields, and ends with ``Completed``. Errors propagate as exceptions and are
turned into Gradio's error payload by ``error_payload``.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import inspect
import os
import itertools
import sys
import time
import traceback
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from wasmui.components.base import Component
from wasmui.config import render_config
from wasmui.context import JobContext, current_job, max_file_size
from wasmui import helpers
from wasmui.exceptions import Error
from wasmui.files import is_file_data
from wasmui.helpers import EventData, LogMessage, Progress, ProgressUpdate, Request, special_param_kind
from wasmui.outputs import postprocess_outputs, serve_files, stream_outputs
from wasmui.sessions import Session, SessionStore
from wasmui.tqdm_tracking import track_tqdm

if TYPE_CHECKING:
    from wasmui.blocks import Blocks
    from wasmui.events import BlockFunction

_MISSING = object()
# Pyodide has no threads: sync functions run on the event loop there.
IN_BROWSER = sys.platform == "emscripten"


# -- job events ----------------------------------------------------------------
@dataclass
class Generating:
    """One value yielded by a generator (full postprocessed outputs)."""

    data: list[Any]


@dataclass
class Log:
    """A ``gr.Info``/``gr.Warning``/``gr.Success`` raised while the job runs."""

    level: str
    message: str
    duration: float | None
    visible: bool
    title: str


@dataclass
class ProgressEvent:
    """The job's ``gr.Progress`` changed."""

    progress_data: list[dict[str, Any]]


@dataclass
class Completed:
    """The job finished; ``data`` holds the final full output values."""

    data: list[Any]
    changed_state_ids: list[int] = field(default_factory=list)
    duration: float = 0.0
    #: For a ``@gr.render`` run: the new part of the page (see ``wasmui.config.render_config``).
    render_config: dict[str, Any] | None = None


JobEvent = Generating | Log | ProgressEvent | Completed


# -- errors --------------------------------------------------------------------
def error_payload(exc: BaseException, show_error: bool) -> dict[str, Any]:
    """Gradio's error object for a failed job (``output`` of process_completed)."""
    if isinstance(exc, Error):
        return {"error": exc.message, "duration": exc.duration, "visible": exc.visible, "title": exc.title}
    if not show_error:
        return {"error": None}
    text = str(exc) or type(exc).__name__
    return {"error": text, "visible": True, "traceback": "".join(traceback.format_exception(exc))}


def _program_of(exc: BaseException) -> tuple[str | None, str | None]:
    """``(program, format)`` a failed ``subprocess`` call was starting, read from its traceback."""
    program = fmt = None
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        local = frame.f_locals
        if frame.f_globals.get("__name__") == "subprocess" and program is None:
            args = local.get("args")
            first = args[0] if isinstance(args, (list, tuple)) and args else args
            if isinstance(first, (str, bytes)):
                program = Path(os.fsdecode(first).split()[0]).name
        elif isinstance(local.get("format"), str) and not frame.f_globals.get("__name__", "").startswith("wasmui"):
            fmt = local["format"]  # e.g. pydub's export(format="mp3")
        tb = tb.tb_next
    return program, fmt


def explain_missing_program(exc: BaseException) -> BaseException:
    """An app that runs a program (ffmpeg for mp3 …) in the browser: say so instead of
    "[Errno 138] emscripten does not support processes" (natively: "No such file: 'ffmpeg'")."""
    if not isinstance(exc, OSError):
        return exc
    program, fmt = _program_of(exc)
    if program is None:
        return exc
    where = "in the browser (Pyodide cannot start processes)" if IN_BROWSER else "(it is not installed)"
    what = f" to convert {fmt} media" if fmt and program.startswith(("ffmpeg", "avconv", "ffprobe")) else ""
    error = Error(f"This app runs the program {program}{what}, which cannot run {where}. "
                  + ("Use WAV instead of formats that need ffmpeg." if "ff" in program or "avconv" in program else ""))
    error.__cause__ = exc
    return error


# -- inputs --------------------------------------------------------------------
def check_input_files(payload: Any, blocks: Blocks, session_hash: str | None = None) -> Any:
    """Refuse FileData inputs whose path the app did not receive as an upload."""
    if is_file_data(payload):
        path = payload.get("path")
        if payload.get("is_stream") and isinstance(path, str):
            # A streamed output sent back as an input: the whole stream, as one file.
            parts = path.split("/")
            # Only the caller's own streams (the path names the session that made it).
            mine = len(parts) == 4 and parts[0] == session_hash
            stream = blocks.media_streams.get(*parts[:3]) if mine else None
            if stream is None:
                raise Error("This streamed media is no longer available; run the event that made it again.")
            whole = stream.combined()
            return {**payload, "path": whole, "is_stream": False, "orig_name": Path(whole).name}
        if isinstance(path, str) and not path.startswith(("http://", "https://")):
            payload = {**payload, "path": blocks.file_store.check_input(path)}
        return payload
    if isinstance(payload, list):
        return [check_input_files(p, blocks, session_hash) for p in payload]
    if isinstance(payload, dict):
        return {k: check_input_files(v, blocks, session_hash) for k, v in payload.items()}
    return payload


def preprocess_inputs(blocks: Blocks, fn: BlockFunction, data: list[Any], session: Session) -> list[Any]:
    """Turn the client's payloads into the values the function receives."""
    if len(data) != len(fn.inputs):
        raise Error(f"Expected {len(fn.inputs)} input values for this event but received {len(data)}.")
    values = []
    prop_inputs = set(fn.component_prop_inputs)
    token = max_file_size.set(blocks.max_file_size)  # file components check uploads against it
    try:
        for i, (block, payload) in enumerate(zip(fn.inputs, data)):
            is_props = i in prop_inputs and isinstance(block, Component) and not block.stateful \
                and isinstance(payload, dict) and "value" in payload and "path" not in payload
            if isinstance(block, Component) and not block.stateful:
                session.values[block._id] = payload["value"] if is_props else payload
            if is_props:
                values.append(_component_props(block, payload, fn.preprocess, blocks, session.hash))  # type: ignore[arg-type]
            elif isinstance(block, Component) and block.stateful:
                values.append(session.get_state(block))
            elif not isinstance(block, Component):
                values.append(payload)
            elif not fn.preprocess:
                # Raw payloads still name only files the app owns (a flag copies them).
                values.append(check_input_files(payload, blocks, session.hash))
            else:
                values.append(block.preprocess(check_input_files(payload, blocks, session.hash)))
    finally:
        max_file_size.reset(token)
    return values


def _component_props(block: Component, props: dict[str, Any], preprocess: bool, blocks: Blocks,
                     session_hash: str) -> SimpleNamespace:
    """A ``def f(a: gr.Audio)`` input: every prop the page sent, ``value`` preprocessed (as Gradio)."""
    value = check_input_files(props.get("value"), blocks, session_hash)
    return SimpleNamespace(**{**props, "value": block.preprocess(value) if preprocess else value},
                           _is_component_update=True)


def _special_value(param: inspect.Parameter, ctx: dict[str, Any]) -> Any:
    """Value to inject for a ``gr.Progress``/``gr.Request``/``gr.EventData`` parameter."""
    kind = special_param_kind(param)
    if kind == "progress":
        tracker = Progress(track_tqdm=param.default.track_tqdm)
        ctx.setdefault("trackers", []).append(tracker)
        return tracker
    if kind == "request":
        return ctx["request"]
    if kind == "oauth":
        return None
    if kind == "event_data":
        ann = param.annotation
        if isinstance(ann, str):
            ann = getattr(helpers, ann.split(".")[-1].strip("'\""), EventData)
        return ann(ctx["target"], ctx["event_data"])
    return _MISSING


def build_call_args(fn: BlockFunction, values: list[Any], ctx: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """Place input values and injected special values on the function's parameters."""
    if fn.inputs_as_dict:
        values = [dict(zip(fn.inputs, values))]
    if fn.fn is None:
        return values, {}
    params = fn.parameters()
    if params is None:
        return values, {}
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    remaining = list(values)
    for p in params:
        special = _special_value(p, ctx)
        if special is not _MISSING:
            if p.kind == p.KEYWORD_ONLY:
                kwargs[p.name] = special
            else:
                args.append(special)
        elif p.kind == p.VAR_POSITIONAL:
            args.extend(remaining)
            remaining = []
        elif p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and remaining:
            args.append(remaining.pop(0))
        elif p.kind == p.KEYWORD_ONLY and remaining:
            kwargs[p.name] = remaining.pop(0)
    if remaining:
        raise Error(f"The function {getattr(fn.fn, '__name__', 'fn')} received {len(values)} inputs "
                    f"but accepts fewer arguments.")
    return args, kwargs


# -- running -------------------------------------------------------------------
async def _call_sync(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    if IN_BROWSER:
        return func(*args, **kwargs)
    loop = asyncio.get_running_loop()
    ctx = contextvars.copy_context()
    return await loop.run_in_executor(None, functools.partial(ctx.run, func, *args, **kwargs))


_DONE = object()
_RUNS = itertools.count(1)


def _next_or_done(gen: Any) -> Any:
    try:
        return next(gen)
    except StopIteration:
        return _DONE


async def _drive(func: Callable[..., Any], args: list[Any], kwargs: dict[str, Any], put: Callable[[Any], None]) -> None:
    """Run the user's function, reporting ``("yield"|"return"|"error", value)``."""
    try:
        if inspect.isasyncgenfunction(func):
            async for item in func(*args, **kwargs):
                put(("yield", item))
                # Let the consumer send this output before the next one is made: a generator
                # that never really awaits (any sync generator in the browser, where there is no
                # thread to hop to) would otherwise run to its end before the first output leaves.
                await asyncio.sleep(0)
            put(("done", None))
        elif inspect.iscoroutinefunction(func):
            put(("return", await func(*args, **kwargs)))
        else:
            result = await _call_sync(func, *args, **kwargs)
            if inspect.isgenerator(result):
                while (item := await _call_sync(_next_or_done, result)) is not _DONE:
                    put(("yield", item))
                    await asyncio.sleep(0)  # as above
                put(("done", None))
            elif inspect.isawaitable(result):
                put(("return", await result))
            else:
                put(("return", result))
    except asyncio.CancelledError:
        raise
    except BaseException as exc:  # noqa: BLE001 - every failure must reach the client
        put(("error", exc))


def _translate(item: Any) -> JobEvent | None:
    if isinstance(item, LogMessage):
        return Log(item.level, item.message, item.duration, item.visible, item.title)
    if isinstance(item, ProgressUpdate):
        return ProgressEvent(item.progress_data)
    return None


async def run_job(
    blocks: Blocks,
    fn_index: int,
    data: list[Any],
    session: Session,
    *,
    event_data: Any = None,
    root: str = "",
    request: Request | None = None,
    trigger_id: int | None = None,
) -> AsyncIterator[JobEvent]:
    """Run dependency ``fn_index`` for ``session``; yield its messages in order."""
    fn = blocks.fns[fn_index]
    start = time.monotonic()
    if fn.render_session is not None and fn.render_session != session.hash:
        raise Error("This event belongs to a part of the page rendered for another session.")
    if fn.batch and fn.fn is not None:  # one call outside the queue's batches: a batch of one
        done = await run_batch(blocks, fn_index, [BatchCall(list(data), session, root)])
        yield done[0]
        return
    if fn.fn is None:
        yield Completed([{"__type__": "update"} for _ in fn.outputs], [], 0.0)
        return
    values = preprocess_inputs(blocks, fn, list(data), session)
    ctx = {"request": request or Request(session_hash=session.hash), "event_data": event_data,
           "target": blocks.blocks.get(trigger_id) if trigger_id is not None else None}
    args, kwargs = build_call_args(fn, values, ctx)

    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Any] = asyncio.Queue()

    def emit(item: Any) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, item)

    job = JobContext(emit=emit, session_hash=session.hash, fn_index=fn_index)
    tqdm_scope = contextlib.ExitStack()
    for tracker in ctx.get("trackers", []):
        if tracker.track_tqdm:
            tqdm_scope.enter_context(track_tqdm(tracker))
    token = current_job.set(job)
    try:
        task = asyncio.ensure_future(_drive(fn.fn, args, kwargs, queue.put_nowait))
    finally:
        current_job.reset(token)
    last: list[Any] = [None] * len(fn.outputs)
    changed: set[int] = set()
    run = next(_RUNS)  # names this run's media streams (Gradio uses id(iterator))
    try:
        while True:
            item = await queue.get()
            event = _translate(item)
            if event is not None:
                yield event
                continue
            kind, value = item
            if kind == "error":
                raise explain_missing_program(value)
            if kind == "done":
                break
            last, ids = postprocess_outputs(blocks, fn, value, session)
            changed.update(ids)
            if kind == "return":
                serve_files(last, blocks, root)
                break
            stream_outputs(blocks, fn, last, session, run)
            serve_files(last, blocks, root)
            yield Generating(list(last))
    finally:
        if not task.done():
            task.cancel()
        tqdm_scope.close()
        blocks.media_streams.end_run(session.hash, run)  # done, failed or cancelled: playlists end
    duration = time.monotonic() - start
    fn.total_runtime += duration
    fn.total_runs += 1
    rendered = job.extra.get("rendered")
    render = None
    if rendered is not None:
        render = render_config(blocks, rendered[0], rendered[1], session.hash, root)
    yield Completed(last, sorted(changed), duration, render)


@dataclass
class BatchCall:
    """One call of a ``batch=True`` function: its input payloads, session and root URL."""

    data: list[Any]
    session: Session
    root: str = ""


async def run_batch(blocks: Blocks, fn_index: int, calls: list[BatchCall]) -> list[Completed]:
    """Run a ``batch=True`` dependency once for several calls, as Gradio does: each input
    becomes a list with one entry per call, the function returns one list per output, and
    each call gets its own entry back (postprocessed for its session)."""
    fn = blocks.fns[fn_index]
    start = time.monotonic()
    per_call = [preprocess_inputs(blocks, fn, list(c.data), c.session) for c in calls]
    columns = [[values[i] for values in per_call] for i in range(len(fn.inputs))]
    assert fn.fn is not None
    result = await _call_sync(fn.fn, *columns)
    if inspect.isawaitable(result):
        result = await result
    n_out = len(fn.outputs)
    lists = result
    if n_out == 1 and _is_batch_column(result, len(calls)) and not _is_batch_of_columns(result, 1, len(calls)):
        lists = [result]  # a bare list of values for the one output
    if n_out and (not isinstance(lists, (list, tuple)) or len(lists) != n_out
                  or any(not isinstance(col, (list, tuple)) or len(col) != len(calls) for col in lists)):
        raise Error(f"A batch function must return one list per output ({n_out}), each with one value per "
                    f"input in the batch ({len(calls)}); {getattr(fn.fn, '__name__', 'fn')} returned {result!r:.200}.")
    done: list[Completed] = []
    duration = time.monotonic() - start
    for i, call in enumerate(calls):
        values = [col[i] for col in lists] if n_out else []
        data, changed = postprocess_outputs(blocks, fn, values[0] if n_out == 1 else values, call.session)
        serve_files(data, blocks, call.root)
        done.append(Completed(data, changed, duration))
    fn.total_runtime += duration
    fn.total_runs += 1
    return done


def make_batch_call(data: list[Any], session: Session, root: str = "") -> BatchCall:
    """One queued call of a batch function (the queue builds these without importing this module)."""
    return BatchCall(data, session, root)


def _is_batch_column(value: Any, size: int) -> bool:
    return isinstance(value, (list, tuple)) and len(value) == size


def _is_batch_of_columns(value: Any, n_out: int, size: int) -> bool:
    """``[[a, b, c]]``: Gradio's documented shape (one list per output)."""
    return (isinstance(value, (list, tuple)) and len(value) == n_out
            and all(isinstance(col, (list, tuple)) and len(col) == size for col in value))


def make_request(**fields: Any) -> Request:
    """The ``gr.Request`` a user function sees (the server passes the HTTP request's fields)."""
    return Request(**fields)


def run_validator(blocks: Blocks, fn_index: int, data: list[Any], session: Session) -> list[dict[str, Any]] | None:
    """Run a listener's ``validator=``; return the 422 detail list when invalid."""
    fn = blocks.fns[fn_index]
    if fn.validator is None:
        return None
    values = preprocess_inputs(blocks, fn, list(data), session)
    result = fn.validator(*values)
    results = list(result) if isinstance(result, (list, tuple)) else [result]
    detail: list[dict[str, Any]] = []
    invalid = False
    names = _param_names(fn)
    for i, r in enumerate(results):
        if isinstance(r, dict) and r.get("__type__") == "validate" and not r.get("is_valid", True):
            invalid = True
            detail.append({**r, "parameter_name": names[i] if i < len(names) else f"param_{i}"})
        else:
            detail.append({"is_valid": True, "message": ""})
    return detail if invalid else None


def _param_names(fn: BlockFunction) -> list[str]:
    if fn.fn is None:
        return []
    try:
        return [p.name for p in inspect.signature(fn.fn).parameters.values()]
    except (TypeError, ValueError):
        return []


__all__ = [
    "Completed", "Generating", "JobEvent", "Log", "ProgressEvent", "Session", "SessionStore",
    "error_payload", "make_request", "run_job", "run_validator",
]
