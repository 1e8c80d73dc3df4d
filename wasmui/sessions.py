"""Per-session values of ``stateful`` blocks (``gr.State``), kept only in Python.

A ``Session`` holds one value per stateful block; the ``SessionStore`` of a
``Blocks`` keeps the most recent ``MAX_SESSIONS`` of them (like Gradio's LRU) and
tells each block when a session holding its value is dropped.
"""

from __future__ import annotations

import asyncio
import os
import time
import traceback
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from wasmui.blocks import Blocks

MAX_SESSIONS = 2000
_MISSING = object()


class StatefulBlock(Protocol):
    """What a session needs from a ``stateful`` block (see ``Component``)."""

    _id: int

    def initial_value(self) -> Any: ...

    def session_closed(self, value: Any) -> None: ...


class Session:
    """The values of stateful blocks for one browser session."""

    def __init__(self, session_hash: str) -> None:
        self.hash = session_hash
        self.state: dict[int, Any] = {}
        # Prop updates this session's events made to blocks with server functions
        # (FileExplorer's ``ls`` must list the root_dir/glob the page shows).
        self.props: dict[int, dict[str, Any]] = {}
        # The last payload each component sent or got in this session's events: what a deep
        # link (gr.DeepLinkButton) carries, as Gradio's session state does.
        self.values: dict[int, Any] = {}
        self.last_used = time.monotonic()
        self.set_at: dict[int, float] = {}  # when each value was last set (``time_to_live``)
        self.closed = False  # the page went away (its values then live ``closed_ttl``)
        self.on_set: Any = None  # the store's expiry scheduler

    def get_state(self, block: StatefulBlock) -> Any:
        """The session's value of ``block`` (initialised on first use)."""
        if block._id not in self.state:
            self.state[block._id] = block.initial_value()
        return self.state[block._id]

    def set_state(self, block: StatefulBlock, value: Any) -> bool:
        """Store ``value``; return whether it differs from the previous one."""
        old = self.state.get(block._id, _MISSING)
        self.state[block._id] = value
        self.set_at[block._id] = time.monotonic()
        if self.on_set is not None:
            self.on_set()
        try:
            return bool(old is _MISSING or old != value)
        except Exception:  # e.g. numpy arrays refuse truthiness
            return True


class SessionStore:
    """Sessions by hash, oldest dropped beyond ``MAX_SESSIONS``."""

    def __init__(self, blocks: Blocks) -> None:
        self.blocks = blocks
        self._sessions: OrderedDict[str, Session] = OrderedDict()
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = float("inf")
        # Gradio keeps a closed page's values an hour (1 s in its e2e tests), in case it comes back.
        self.closed_ttl = 1.0 if os.getenv("GRADIO_IS_E2E_TEST") else 3600.0

    def get(self, session_hash: str) -> Session:
        """The session for ``session_hash``, created if new."""
        session = self._sessions.get(session_hash)
        if session is None:
            session = self._sessions[session_hash] = Session(session_hash)
            session.on_set = self._schedule
            while len(self._sessions) > MAX_SESSIONS:
                _, old = self._sessions.popitem(last=False)
                self._closed(old)
        self._sessions.move_to_end(session_hash)
        session.last_used = time.monotonic()
        return session

    def __contains__(self, session_hash: str) -> bool:
        return session_hash in self._sessions

    def delete(self, session_hash: str) -> None:
        """Forget a session (page closed), telling each stateful block."""
        session = self._sessions.pop(session_hash, None)
        if session is not None:
            self._closed(session)

    def close(self, session_hash: str) -> None:
        """The page of this session went away: its values expire ``closed_ttl`` after being set."""
        session = self._sessions.get(session_hash)
        if session is not None:
            session.closed = True
            self._schedule()

    # -- time_to_live ---------------------------------------------------------------------
    def _ttl(self, session: Session, block_id: int) -> float | None:
        block = self.blocks.blocks.get(block_id)
        ttl = getattr(block, "time_to_live", None)
        if session.closed:
            return self.closed_ttl if ttl is None else min(float(ttl), self.closed_ttl)
        return None if ttl is None else float(ttl)

    def _next_expiry(self) -> float:
        soonest = float("inf")
        for session in self._sessions.values():
            for block_id, set_at in session.set_at.items():
                ttl = self._ttl(session, block_id)
                if ttl is not None:
                    soonest = min(soonest, set_at + ttl)
        return soonest

    def _schedule(self) -> None:
        """Wake up when the next value expires (only while some value has a lifetime)."""
        when = self._next_expiry()
        if when == float("inf") or when >= self._timer_at:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a script): expiry is checked on the next use
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer_at = when
        self._timer = loop.call_later(max(0.0, when - time.monotonic()) + 0.01, self._tick)

    def _tick(self) -> None:
        self._timer, self._timer_at = None, float("inf")
        self.expire()
        self._schedule()

    def expire(self, now: float | None = None) -> int:
        """Delete every value older than its ``time_to_live`` (calling its ``delete_callback``),
        as Gradio checks each second; returns how many were deleted."""
        now = time.monotonic() if now is None else now
        deleted = 0
        for session in list(self._sessions.values()):
            for block_id, set_at in list(session.set_at.items()):
                ttl = self._ttl(session, block_id)
                if ttl is None or now - set_at <= ttl:
                    continue
                value = session.state.pop(block_id, None)
                del session.set_at[block_id]
                deleted += 1
                block = self.blocks.blocks.get(block_id)
                if block is not None and block.stateful:
                    try:
                        cast(StatefulBlock, block).session_closed(value)
                    except Exception:
                        traceback.print_exc()
        return deleted

    def _closed(self, session: Session) -> None:
        for block_id, value in session.state.items():
            block = self.blocks.blocks.get(block_id)
            if block is not None and block.stateful:
                try:
                    cast(StatefulBlock, block).session_closed(value)
                except Exception:
                    traceback.print_exc()  # a user's delete_callback failing must not stop the others
