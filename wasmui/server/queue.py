"""The job queue: concurrency groups, per-session message buffers, cancellation.

Each ``/queue/join`` (or ``/call``) becomes a ``Job``. Jobs wait in one FIFO list
and start as soon as their concurrency group (``fn.concurrency_id``) has a free
slot (``fn.concurrency_limit``: default 1, ``None`` = unlimited). A running job
is an asyncio task that drives ``run_job`` and turns its events into server
messages, which go into the session's ``Channel`` until a reader takes them.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
import traceback
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any, Protocol

from wasmui.server import sse
from wasmui.server.diff import diff, snapshot

log = logging.getLogger("wasmui.server")


def print_failure(exc: BaseException) -> None:
    """The app's failure and its traceback on stderr, as Gradio's server prints them (in the
    browser the worker's stderr is the page's console, the one place a hidden error can be
    read); an error raised with ``print_exception=False`` stays quiet, as in Gradio."""
    if getattr(exc, "print_exception", True) is not False:
        traceback.print_exception(exc)

MAX_SESSIONS = 2000  # like Gradio: an LRU of session message queues
PROGRESS_INTERVAL = 0.01  # seconds between progress messages of one job
GRADIO_ERROR_KEYS = frozenset({"error", "duration", "visible", "title"})


class Runner(Protocol):
    """What the queue needs from ``wasmui.processing`` (injectable for tests)."""

    def run_job(self, blocks: Any, fn_index: int, data: list[Any], session: Any, *,
                event_data: Any = None, root: str = "", request: Any = None,
                trigger_id: int | None = None) -> Any: ...

    def error_payload(self, exc: BaseException, show_error: bool) -> dict[str, Any]: ...

    # Optional: ``run_validator(blocks, fn_index, data, session)`` (listeners' ``validator=``),
    # ``make_request(**fields)`` (the ``gr.Request`` a function sees), and ``run_batch(blocks,
    # fn_index, calls)`` with ``make_batch_call(data, session, root)`` (``batch=True``
    # functions, one run for several queued calls); looked up with getattr.


@dataclass
class Job:
    """One queued call."""

    event_id: str
    session_hash: str
    fn_index: int
    data: list[Any]
    event_data: Any = None
    root: str = ""
    request: Any = None
    simple_format: bool = False
    trigger_id: int | None = None
    for_ui: bool = False  # sent by a page UI (x-gradio-user: app), not an API client
    task: asyncio.Task[None] | None = None
    cancelled: bool = False
    # Streaming inputs (``connection: "stream"``): each ``/stream/{event_id}`` chunk replaces
    # ``data`` and sets ``signal``; ``/stream/{event_id}/close`` sets ``closed`` too.
    signal: asyncio.Event = field(default_factory=asyncio.Event)
    closed: bool = False


@dataclass
class Channel:
    """Messages of one session waiting for (or flowing to) its SSE reader."""

    messages: asyncio.Queue[sse.Message] = field(default_factory=asyncio.Queue)
    pending: list[str] = field(default_factory=list)  # event ids not yet completed on the wire


class JobQueue:
    """Schedules jobs per concurrency group and buffers their messages per session."""

    def __init__(self, blocks: Any, runner: Runner) -> None:
        self.blocks = blocks
        self.runner = runner
        self.channels: OrderedDict[str, Channel] = OrderedDict()
        self.waiting: list[Job] = []
        self.jobs: dict[str, Job] = {}  # waiting or running, by event id
        self.active: dict[str, int] = {}
        self._durations: dict[int, tuple[float, int]] = {}
        self._last: dict[str, list[Any]] = {}  # last yielded values per running event

    # -- concurrency ---------------------------------------------------------
    def _fn(self, fn_index: int) -> Any:
        return self.blocks.fns[fn_index]

    def _group(self, fn_index: int) -> str:
        fn = self._fn(fn_index)
        return str(getattr(fn, "concurrency_id", None) or fn_index)

    def _limit(self, group: str) -> int | None:
        """Smallest limit among the functions sharing ``group`` (None = unlimited)."""
        limits: list[int] = []
        for index, fn in self.blocks.fns.items():
            if str(getattr(fn, "concurrency_id", None) or index) != group:
                continue
            limit = getattr(fn, "concurrency_limit", 1)
            if limit == "default":  # Gradio's sentinel for default_concurrency_limit
                limit = 1
            if limit is not None:
                limits.append(int(limit))
        return min(limits) if limits else None

    def average(self, fn_index: int) -> float | None:
        """Average run time of a function, or None before its first run."""
        total, count = self._durations.get(fn_index, (0.0, 0))
        return total / count if count else None

    def _record(self, fn_index: int, duration: float) -> None:
        total, count = self._durations.get(fn_index, (0.0, 0))
        self._durations[fn_index] = (total + duration, count + 1)

    # -- sessions ------------------------------------------------------------
    def channel(self, session_hash: str) -> Channel | None:
        """The session's channel, if it has one (marks it recently used)."""
        ch = self.channels.get(session_hash)
        if ch is not None:
            self.channels.move_to_end(session_hash)
        return ch

    def _open_channel(self, session_hash: str) -> Channel:
        ch = self.channel(session_hash)
        if ch is None:
            ch = self.channels[session_hash] = Channel()
            if len(self.channels) > MAX_SESSIONS:
                for key in list(self.channels):
                    if len(self.channels) <= MAX_SESSIONS:
                        break
                    if not self.channels[key].pending:
                        del self.channels[key]
        return ch

    def _put(self, session_hash: str, message: sse.Message) -> None:
        ch = self.channels.get(session_hash)
        if ch is not None:
            ch.messages.put_nowait(message)

    # -- submitting ----------------------------------------------------------
    def push(self, job: Job) -> str:
        """Queue ``job``; the estimation message is buffered for the reader."""
        ch = self._open_channel(job.session_hash)
        ch.pending.append(job.event_id)
        self.jobs[job.event_id] = job
        self.waiting.append(job)
        self._put(job.session_hash, sse.estimation(job.event_id, self._rank(job), self._group_size(job),
                                                   self._eta(job)))
        self._dispatch()
        return job.event_id

    def _rank(self, job: Job) -> int:
        group = self._group(job.fn_index)
        same = [j for j in self.waiting if self._group(j.fn_index) == group]
        return same.index(job)

    def _group_size(self, job: Job) -> int:
        """Jobs waiting in ``job``'s concurrency group (Gradio's ``queue_size``)."""
        group = self._group(job.fn_index)
        return sum(1 for j in self.waiting if self._group(j.fn_index) == group)

    def _eta(self, job: Job) -> float | None:
        avg = self.average(job.fn_index)
        return None if avg is None else avg * (self._rank(job) + 1)

    def _dispatch(self) -> None:
        started = False
        for job in list(self.waiting):
            if job not in self.waiting:  # already taken into a batch
                continue
            group = self._group(job.fn_index)
            limit = self._limit(group)
            if limit is not None and self.active.get(group, 0) >= limit:
                continue
            self.active[group] = self.active.get(group, 0) + 1
            batch = self._batch_for(job)
            if batch:
                task = asyncio.ensure_future(self._run_batch(batch))
                for member in batch:
                    self.waiting.remove(member)
                    member.task = task
                task.add_done_callback(functools.partial(self._batch_done, batch, group))
                started = True
                continue
            self.waiting.remove(job)
            job.task = asyncio.ensure_future(self._run(job))
            # A done-callback, not a finally: a task cancelled before its first
            # step never runs its body, but the slot must still be released.
            job.task.add_done_callback(functools.partial(self._task_done, job, group))
            started = True
        if started:  # live position updates for the jobs still waiting
            for job in self.waiting:
                self._put(job.session_hash, sse.estimation(job.event_id, self._rank(job),
                                                           self._group_size(job), self._eta(job)))

    # -- running -------------------------------------------------------------
    async def _run(self, job: Job) -> None:
        try:
            self._put(job.session_hash, sse.process_starts(job.event_id, self.average(job.fn_index)))
            await self._drive(job)
        except asyncio.CancelledError:
            if not job.cancelled:
                raise

    # -- batches (``batch=True``) -----------------------------------------------
    def _batch_for(self, job: Job) -> list[Job]:
        """For a ``batch=True`` function: ``job`` and the calls of the same function waiting
        behind it, up to ``max_batch_size`` (empty for other functions)."""
        fn = self._fn(job.fn_index)
        if not getattr(fn, "batch", False) or getattr(self.runner, "run_batch", None) is None:
            return []
        size = max(1, int(getattr(fn, "max_batch_size", 4) or 1))
        same = [j for j in self.waiting if j.fn_index == job.fn_index and j is not job]
        return [job, *same[: size - 1]]

    async def _run_batch(self, jobs: list[Job]) -> None:
        """One run of the function for every job of the batch; each gets its own result."""
        started = time.monotonic()
        fn_index = jobs[0].fn_index
        for job in jobs:
            self._put(job.session_hash, sse.process_starts(job.event_id, self.average(fn_index)))
        try:
            make_call, run_batch = getattr(self.runner, "make_batch_call"), getattr(self.runner, "run_batch")
            calls = [make_call(j.data, self.blocks.sessions.get(j.session_hash), j.root) for j in jobs]
            results = await run_batch(self.blocks, fn_index, calls)
        except asyncio.CancelledError:
            if not any(j.cancelled for j in jobs):
                raise
            return
        except Exception as exc:  # the batch failed: every caller gets the error
            print_failure(exc)
            for job in jobs:
                payload = self._error(exc, job.for_ui)
                self._put(job.session_hash, sse.process_completed(job.event_id, payload, success=False,
                                                                  title=payload.get("title") or "Error"))
            return
        self._record(fn_index, time.monotonic() - started)
        avg = self.average(fn_index)
        for job, ev in zip(jobs, results):
            body = sse.output_body(list(ev.data), generating=False, duration=ev.duration, average_duration=avg,
                                   changed_state_ids=list(ev.changed_state_ids))
            self._put(job.session_hash, sse.process_completed(job.event_id, body, success=True, avg_time=avg))

    def _batch_done(self, jobs: list[Job], group: str, _task: asyncio.Future[Any]) -> None:
        self.active[group] -= 1
        for job in jobs:
            self.jobs.pop(job.event_id, None)
        self._dispatch()

    def _task_done(self, job: Job, group: str, _task: asyncio.Future[Any]) -> None:
        self._finished(job, group)

    def _finished(self, job: Job, group: str) -> None:
        self.active[group] -= 1
        self.jobs.pop(job.event_id, None)
        self._dispatch()

    def is_streaming(self, fn_index: int) -> bool:
        """Whether a function takes streaming input (its chunks come through ``/stream``)."""
        return getattr(self._fn(fn_index), "connection", "sse") == "stream"

    async def _drive(self, job: Job) -> None:
        """Run one job to its ``process_completed`` message."""
        if self.is_streaming(job.fn_index) and not job.simple_format:
            await self._drive_stream(job)
            return
        eid, started = job.event_id, time.monotonic()
        try:
            session = self.blocks.sessions.get(job.session_hash)
            events = self.runner.run_job(self.blocks, job.fn_index, job.data, session,
                                         event_data=job.event_data, root=job.root, request=job.request,
                                         trigger_id=job.trigger_id)
            try:
                if await self._consume(job, events, started):
                    return
            finally:
                aclose = getattr(events, "aclose", None)
                if aclose is not None:
                    await aclose()
            # A run that ends without Completed still has to finish on the wire.
            body = sse.output_body(self._last.pop(eid, []) or [], generating=False,
                                   duration=time.monotonic() - started, average_duration=None)
            self._put(job.session_hash, sse.process_completed(eid, body, success=True))
        except Exception as exc:  # the app's error becomes the job's result, never the server's
            log.debug("job %s failed", eid, exc_info=True)
            print_failure(exc)
            payload = self._error(exc, job.for_ui)
            title = payload.get("title") or "Error"
            self._put(job.session_hash, sse.process_completed(eid, payload, success=False, title=title))
        finally:
            self._last.pop(eid, None)

    async def _consume(self, job: Job, events: Any, started: float) -> bool:
        """Forward run_job events as messages; True once Completed was sent."""
        gate = ProgressGate(lambda m: self._put(job.session_hash, m))
        try:
            return await self._forward(job, events, started, gate)
        finally:
            gate.discard()

    async def _forward(self, job: Job, events: Any, started: float, gate: ProgressGate) -> bool:
        eid = job.event_id
        previous: list[Any] | None = None
        step_start = started
        async for ev in events:
            kind = type(ev).__name__
            if kind in ("Progress", "ProgressEvent"):
                gate.offer(sse.progress(eid, list(ev.progress_data)))
                continue
            gate.flush()  # progress first, so messages keep the order they happened in
            if kind == "Generating":
                # One copy per message: the function may change the objects it yielded while this
                # message waits to be sent, so both the message and the next diff use the copy.
                data = snapshot(list(ev.data))
                out = data
                if previous is not None and not job.simple_format:
                    out = [diff(previous[i] if i < len(previous) else None, v) for i, v in enumerate(data)]
                previous = data
                self._last[eid] = data
                # Like Gradio, every yield counts as one run of the function for the
                # averages (so average_duration is never null once a step finished).
                now = time.monotonic()
                step, step_start = now - step_start, now
                self._record(job.fn_index, step)
                body = sse.output_body(out, generating=True, duration=step,
                                       average_duration=self.average(job.fn_index))
                self._put(job.session_hash, sse.process_generating(eid, body))
            elif kind == "Log":
                self._put(job.session_hash, sse.log(eid, ev.message, ev.level, ev.duration,
                                                    ev.visible, ev.title))
            elif kind == "Completed":
                self._record(job.fn_index, ev.duration if previous is None else time.monotonic() - step_start)
                avg = self.average(job.fn_index)
                body = sse.output_body(list(ev.data), generating=False, duration=ev.duration,
                                       average_duration=avg,
                                       changed_state_ids=list(ev.changed_state_ids),
                                       render_config=getattr(ev, "render_config", None))
                self._put(job.session_hash, sse.process_completed(eid, body, success=True, avg_time=avg))
                self._last.pop(eid, None)
                return True
        return False

    async def _stream_step(self, job: Job) -> tuple[dict[str, Any], float]:
        """Run the function once on the job's latest chunk: ``(output body, seconds)``."""
        started = time.monotonic()
        session = self.blocks.sessions.get(job.session_hash)
        events = self.runner.run_job(self.blocks, job.fn_index, job.data, session, event_data=job.event_data,
                                     root=job.root, request=job.request, trigger_id=job.trigger_id)
        last: list[Any] = []
        changed: list[int] = []
        try:
            async for ev in events:
                kind = type(ev).__name__
                if kind in ("Generating", "Completed"):
                    last = list(ev.data)
                if kind == "Completed":
                    changed = list(ev.changed_state_ids)
                elif kind == "Log":
                    self._put(job.session_hash, sse.log(job.event_id, ev.message, ev.level, ev.duration,
                                                        ev.visible, ev.title))
        finally:
            aclose = getattr(events, "aclose", None)
            if aclose is not None:
                await aclose()
        took = time.monotonic() - started
        self._record(job.fn_index, took)
        body = sse.output_body(last, generating=True, duration=took, average_duration=self.average(job.fn_index),
                               changed_state_ids=changed)
        return body, took

    async def _drive_stream(self, job: Job) -> None:
        """A streaming-input job, as Gradio runs it: the function runs once per chunk.

        Each answer is a ``process_streaming`` message; then the job waits for the next
        chunk (``/stream/{event_id}``). It completes when the client closes the stream,
        when ``time_limit`` seconds have passed since the first chunk, or when no chunk
        came in time (``time_limit``, or 30 s without one), with the last answer.
        """
        eid, started = job.event_id, time.monotonic()
        limit = getattr(self._fn(job.fn_index), "time_limit", None)
        first: float | None = None
        body: dict[str, Any] = sse.output_body([], generating=False, duration=None, average_duration=None)
        try:
            while True:
                job.signal.clear()
                body, took = await self._stream_step(job)
                first = took if first is None else first
                run_time = time.monotonic() - started
                if job.closed or (limit is not None and run_time >= limit):
                    break
                left = None if not limit else limit - first
                self._put(job.session_hash, sse.process_streaming(eid, body, left))
                try:
                    await asyncio.wait_for(job.signal.wait(), max(float(limit or 30) - first, 0.01))
                except (TimeoutError, asyncio.TimeoutError):
                    break
            self._put(job.session_hash, sse.process_completed(eid, {**body, "is_generating": False}, success=True))
        except Exception as exc:  # the app's error ends the stream; the next event works
            log.debug("stream %s failed", eid, exc_info=True)
            print_failure(exc)
            payload = self._error(exc, job.for_ui)
            self._put(job.session_hash, sse.process_completed(eid, payload, success=False,
                                                              title=payload.get("title") or "Error"))

    def stream_chunk(self, event_id: str, data: list[Any], event_data: Any = None) -> bool:
        """``/stream/{event_id}``: the next chunk of a running streaming job (False if unknown)."""
        job = self.jobs.get(event_id)
        if job is None or not self.is_streaming(job.fn_index):
            return False
        job.data = data
        job.event_data = event_data
        job.signal.set()
        return True

    def stream_close(self, event_id: str) -> bool:
        """``/stream/{event_id}/close``: the client stopped streaming (False if unknown)."""
        job = self.jobs.get(event_id)
        if job is None or not self.is_streaming(job.fn_index):
            return False
        job.closed = True
        job.signal.set()
        return True

    def _error(self, exc: BaseException, for_ui: bool) -> dict[str, Any]:
        """The error payload; API clients get exactly Gradio's keys (gradio_client
        passes them all to ``AppError(**payload)`` and breaks on extras like ``traceback``)."""
        payload = dict(self.runner.error_payload(exc, bool(getattr(self.blocks, "show_error", False))))
        if not for_ui:
            payload = {k: v for k, v in payload.items() if k in GRADIO_ERROR_KEYS}
        return payload

    async def run_direct(self, fn_index: int, data: list[Any], session_hash: str, *,
                         event_data: Any = None, root: str = "", request: Any = None,
                         trigger_id: int | None = None, for_ui: bool = False) -> tuple[bool, dict[str, Any]]:
        """Run outside the queue (``/run``): ``(success, output-or-error-payload)``."""
        started = time.monotonic()
        last: list[Any] = []
        events: Any = None
        try:
            session = self.blocks.sessions.get(session_hash)
            events = self.runner.run_job(self.blocks, fn_index, data, session, event_data=event_data,
                                         root=root, request=request, trigger_id=trigger_id)
            async for ev in events:
                kind = type(ev).__name__
                if kind == "Generating":
                    last = list(ev.data)
                elif kind == "Completed":
                    self._record(fn_index, ev.duration)
                    return True, sse.output_body(list(ev.data), generating=False, duration=ev.duration,
                                                 average_duration=self.average(fn_index),
                                                 changed_state_ids=list(ev.changed_state_ids),
                                                 render_config=getattr(ev, "render_config", None))
            return True, sse.output_body(last, generating=False, duration=time.monotonic() - started,
                                         average_duration=None)
        except Exception as exc:
            print_failure(exc)
            return False, self._error(exc, for_ui)
        finally:
            aclose = getattr(events, "aclose", None)
            if aclose is not None:
                await aclose()

    # -- cancelling ----------------------------------------------------------
    def cancel(self, session_hash: str, fn_index: int | None, event_id: str) -> None:
        """Stop a waiting or running job; its reader then gets ``output: {}``."""
        targets = [self.jobs[event_id]] if event_id in self.jobs else [
            j for j in self.jobs.values() if j.session_hash == session_hash and j.fn_index == fn_index]
        for job in targets:
            self._stop(job)
            ch = self.channels.get(job.session_hash)
            if ch is not None and job.event_id in ch.pending:
                ch.messages.put_nowait(sse.process_completed(job.event_id, {}, success=True))

    def _stop(self, job: Job) -> None:
        job.cancelled = True
        self.jobs.pop(job.event_id, None)
        if job in self.waiting:
            self.waiting.remove(job)
        elif job.task is not None and not job.task.done():
            job.task.cancel()

    def drop_session(self, session_hash: str) -> None:
        """The session's reader vanished: stop its jobs and forget its messages."""
        for job in [j for j in self.jobs.values() if j.session_hash == session_hash]:
            self._stop(job)
        self.channels.pop(session_hash, None)

    def queue_size(self) -> int:
        """Number of jobs waiting for a slot."""
        return len(self.waiting)


class ProgressGate:
    """At most one ``progress`` message per ``PROGRESS_INTERVAL``; the latest state wins.

    A tight ``progress.tqdm`` loop may report thousands of steps; like Gradio
    (which polls every 10 ms) only the newest state is worth sending.
    """

    def __init__(self, send: Callable[[sse.Message], None]) -> None:
        self.send = send
        self.latest: sse.Message | None = None
        self.last = float("-inf")
        self.timer: asyncio.TimerHandle | None = None

    def offer(self, message: sse.Message) -> None:
        """Send now, or keep as the pending latest state."""
        wait = self.last + PROGRESS_INTERVAL - time.monotonic()
        if wait <= 0 and self.timer is None:
            self._emit(message)
            return
        self.latest = message
        if self.timer is None:
            self.timer = asyncio.get_running_loop().call_later(max(wait, 0), self.flush)

    def flush(self) -> None:
        """Send the pending state, if any."""
        self.discard()
        self.latest, message = None, self.latest
        if message is not None:
            self._emit(message)

    def discard(self) -> None:
        """Stop the timer (the pending state, if any, stays in ``latest``)."""
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    def _emit(self, message: sse.Message) -> None:
        self.last = time.monotonic()
        self.send(message)


def new_event_id() -> str:
    """32-hex event id, like Gradio's."""
    return uuid.uuid4().hex
