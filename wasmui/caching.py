"""``gr.cache`` and ``gr.Cache``: memoising user functions, in memory, per app.

Keys are content hashes of the arguments (``repr`` of plain values, the bytes of
numpy arrays and PIL images, pickles otherwise), so equal inputs hit the cache
even when they are different objects. ``per_session`` namespaces entries by the
session running the event. Least-recently-used entries go first.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import pickle
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from wasmui.context import current_job


def parse_memory(limit: str | int | None) -> int | None:
    """``"512mb"`` / ``"2gb"`` / bytes → bytes (``None`` = no limit)."""
    if limit is None or isinstance(limit, int):
        return limit
    text = limit.strip().lower().replace(" ", "")
    for unit, factor in (("tb", 1024**4), ("gb", 1024**3), ("mb", 1024**2), ("kb", 1024), ("b", 1)):
        if text.endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def content_hash(value: Any) -> str:
    """A stable digest of ``value``'s content (arrays and images by their bytes)."""
    digest = hashlib.sha256()
    _feed(digest, value)
    return digest.hexdigest()


def _feed(digest: Any, value: Any) -> None:
    if isinstance(value, (list, tuple)):
        digest.update(f"{type(value).__name__}[{len(value)}]".encode())
        for item in value:
            _feed(digest, item)
    elif isinstance(value, dict):
        digest.update(f"dict[{len(value)}]".encode())
        for key in sorted(value, key=repr):
            _feed(digest, key)
            _feed(digest, value[key])
    elif hasattr(value, "tobytes") and hasattr(value, "shape"):  # numpy arrays
        digest.update(f"array{value.shape}{value.dtype}".encode())
        digest.update(value.tobytes())
    elif hasattr(value, "tobytes") and hasattr(value, "mode") and hasattr(value, "size"):  # PIL images
        digest.update(f"image{value.mode}{value.size}".encode())
        digest.update(value.tobytes())
    elif isinstance(value, (str, bytes, int, float, bool, type(None))):
        digest.update(repr(value).encode())
    else:
        try:
            digest.update(pickle.dumps(value))
        except Exception:
            digest.update(repr(value).encode())


def _size_of(value: Any) -> int:
    nbytes = getattr(value, "nbytes", None)
    return int(nbytes) if isinstance(nbytes, int) else sys.getsizeof(value)


class _Store:
    """An LRU mapping bounded by entry count and (approximate) memory."""

    def __init__(self, max_size: int, max_memory: int | None) -> None:
        self.max_size = max_size
        self.max_memory = max_memory
        self.entries: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self.memory = 0
        self.lock = threading.Lock()

    def get(self, key: Any, default: Any = None) -> Any:
        with self.lock:
            if key not in self.entries:
                return default
            self.entries.move_to_end(key)
            return self.entries[key][0]

    def put(self, key: Any, value: Any) -> None:
        size = _size_of(value)
        with self.lock:
            if key in self.entries:
                self.memory -= self.entries.pop(key)[1]
            self.entries[key] = (value, size)
            self.memory += size
            while self.entries and ((self.max_size and len(self.entries) > self.max_size)
                                    or (self.max_memory is not None and self.memory > self.max_memory)):
                _, (_, old) = self.entries.popitem(last=False)
                self.memory -= old

    def clear(self, prefix: str | None = None) -> None:
        with self.lock:
            for key in [k for k in self.entries if prefix is None or (isinstance(k, tuple) and k[0] == prefix)]:
                self.memory -= self.entries.pop(key)[1]


def _session_ns(per_session: bool) -> str:
    if not per_session:
        return ""
    job = current_job.get()
    return (job.session_hash or "") if job is not None else ""


class Cache:
    """A cache a function controls itself: add ``c=gr.Cache()`` as a default parameter."""

    def __init__(self, *, max_size: int = 128, max_memory: str | int | None = None, per_session: bool = False) -> None:
        self.per_session = per_session
        self._store = _Store(max_size, parse_memory(max_memory))

    def _key(self, key: Any) -> tuple[str, str]:
        return (_session_ns(self.per_session), content_hash(key))

    def get(self, key: Any) -> dict[str, Any] | None:
        """The data stored under ``key`` (a dict of the ``set`` keywords), or ``None``."""
        value = self._store.get(self._key(key))
        return dict(value) if value is not None else None

    def set(self, key: Any, **data: Any) -> None:
        """Store ``data`` under ``key``."""
        self._store.put(self._key(key), data)

    def keys(self) -> list[str]:
        """The content hashes of the keys visible to the current session."""
        ns = _session_ns(self.per_session)
        return [k[1] for k in list(self._store.entries) if k[0] == ns]

    def clear(self) -> None:
        """Drop every entry (of the current session when ``per_session``)."""
        self._store.clear(_session_ns(self.per_session) if self.per_session else None)


def cache(fn: Callable[..., Any] | None = None, *, key: Callable[..., Any] | None = None, max_size: int = 128,
          max_memory: str | int | None = None, per_session: bool = False) -> Any:
    """Memoise ``fn`` on its inputs' content; generators replay every value they yielded."""
    if fn is None:
        return lambda f: cache(f, key=key, max_size=max_size, max_memory=max_memory, per_session=per_session)
    store = _Store(max_size, parse_memory(max_memory))
    signature = _signature(fn)

    def make_key(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, str]:
        if key is not None:
            bound = _bind(signature, args, kwargs)
            return (_session_ns(per_session), content_hash(key(bound)))
        return (_session_ns(per_session), content_hash((args, kwargs)))

    missing = object()
    if inspect.isasyncgenfunction(fn):
        @functools.wraps(fn)
        async def agen(*args: Any, **kwargs: Any) -> Any:
            k = make_key(args, kwargs)
            hit = store.get(k, missing)
            if hit is not missing:
                for item in hit:
                    yield item
                return
            items = []
            async for item in fn(*args, **kwargs):
                items.append(item)
                yield item
            store.put(k, items)
        return agen
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def gen(*args: Any, **kwargs: Any) -> Any:
            k = make_key(args, kwargs)
            hit = store.get(k, missing)
            if hit is not missing:
                yield from hit
                return
            items = []
            for item in fn(*args, **kwargs):
                items.append(item)
                yield item
            store.put(k, items)
        return gen
    if inspect.iscoroutinefunction(fn):
        @functools.wraps(fn)
        async def coro(*args: Any, **kwargs: Any) -> Any:
            k = make_key(args, kwargs)
            hit = store.get(k, missing)
            if hit is missing:
                hit = await fn(*args, **kwargs)
                store.put(k, hit)
            return hit
        return coro

    @functools.wraps(fn)
    def plain(*args: Any, **kwargs: Any) -> Any:
        k = make_key(args, kwargs)
        hit = store.get(k, missing)
        if hit is missing:
            hit = fn(*args, **kwargs)
            store.put(k, hit)
        return hit
    return plain


def _signature(fn: Callable[..., Any]) -> inspect.Signature | None:
    try:
        return inspect.signature(fn)
    except (TypeError, ValueError):
        return None


def _bind(signature: inspect.Signature | None, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """The call's arguments by parameter name (what a ``key=`` function receives)."""
    if signature is None:
        return {**{f"arg{i}": a for i, a in enumerate(args)}, **kwargs}
    bound = signature.bind_partial(*args, **kwargs)
    return dict(bound.arguments)
