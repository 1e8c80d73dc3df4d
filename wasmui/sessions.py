"""Per-session values of ``stateful`` blocks (``gr.State``), kept only in Python.

A ``Session`` holds one value per stateful block; the ``SessionStore`` of a
``Blocks`` keeps the most recent ``MAX_SESSIONS`` of them (like Gradio's LRU) and
tells each block when a session holding its value is dropped.
"""

from __future__ import annotations

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
        self.last_used = time.monotonic()

    def get_state(self, block: StatefulBlock) -> Any:
        """The session's value of ``block`` (initialised on first use)."""
        if block._id not in self.state:
            self.state[block._id] = block.initial_value()
        return self.state[block._id]

    def set_state(self, block: StatefulBlock, value: Any) -> bool:
        """Store ``value``; return whether it differs from the previous one."""
        old = self.state.get(block._id, _MISSING)
        self.state[block._id] = value
        try:
            return bool(old is _MISSING or old != value)
        except Exception:  # e.g. numpy arrays refuse truthiness
            return True


class SessionStore:
    """Sessions by hash, oldest dropped beyond ``MAX_SESSIONS``."""

    def __init__(self, blocks: Blocks) -> None:
        self.blocks = blocks
        self._sessions: OrderedDict[str, Session] = OrderedDict()

    def get(self, session_hash: str) -> Session:
        """The session for ``session_hash``, created if new."""
        session = self._sessions.get(session_hash)
        if session is None:
            session = self._sessions[session_hash] = Session(session_hash)
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

    def _closed(self, session: Session) -> None:
        for block_id, value in session.state.items():
            block = self.blocks.blocks.get(block_id)
            if block is not None and block.stateful:
                try:
                    cast(StatefulBlock, block).session_closed(value)
                except Exception:
                    traceback.print_exc()  # a user's delete_callback failing must not stop the others
