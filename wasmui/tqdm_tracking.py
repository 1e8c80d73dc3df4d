"""``gr.Progress(track_tqdm=True)``: mirror every ``tqdm`` bar into the job's progress.

tqdm is optional: when it is not importable, tracking is a no-op. The patch is
installed for the duration of one job and removed afterwards.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from wasmui.helpers import Progress

_lock = threading.Lock()
_depth = 0
_originals: dict[str, Any] = {}


def _report(bar: Any, count: float) -> None:
    tracker = _active_tracker()
    if tracker is not None:
        total = int(bar.total) if bar.total is not None else None
        tracker((int(count), total), desc=bar.desc or None, unit=bar.unit or "steps")


def _patch(cls: Any) -> None:
    original_update, original_iter = cls.update, cls.__iter__

    def update(self: Any, n: float | None = 1) -> Any:
        result = original_update(self, n)
        _report(self, self.n)
        return result

    def __iter__(self: Any) -> Iterator[Any]:  # noqa: N807
        # tqdm's own iterator bumps a local counter, not `update`; count here.
        count = self.n
        for item in original_iter(self):
            yield item
            count += 1
            _report(self, count)

    _originals["update"], _originals["__iter__"] = original_update, original_iter
    cls.update, cls.__iter__ = update, __iter__


_trackers: list[Progress] = []


def _active_tracker() -> Progress | None:
    return _trackers[-1] if _trackers else None


@contextlib.contextmanager
def track_tqdm(progress: Progress) -> Iterator[None]:
    """While active, ``tqdm`` bars report to ``progress``."""
    global _depth
    try:
        from tqdm import std
    except ImportError:
        yield
        return
    with _lock:
        if _depth == 0:
            _patch(std.tqdm)
        _depth += 1
        _trackers.append(progress)
    try:
        yield
    finally:
        with _lock:
            _trackers.remove(progress)
            _depth -= 1
            if _depth == 0 and "update" in _originals:
                std.tqdm.update = _originals.pop("update")
                std.tqdm.__iter__ = _originals.pop("__iter__")
