"""Small public helpers: ``gr.update``, ``gr.skip``, ``gr.validate``, alerts,
``gr.Progress``, ``gr.Request`` and event data classes."""

from __future__ import annotations

import inspect
import sys
import warnings
from collections.abc import Iterable, Iterator, Sized
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, TypeVar

from wasmui import files
from wasmui.context import current_job
from wasmui.data_classes import FileData

T = TypeVar("T")


def update(**kwargs: Any) -> dict[str, Any]:
    """Return from an event function to change an output's properties.

    ``gr.update(visible=False)``; ``gr.update(value="x", lines=8)``.
    """
    kwargs["__type__"] = "update"
    return kwargs


def skip() -> dict[str, Any]:
    """Return to leave an output (or every output) unchanged."""
    return {"__type__": "update"}


def validate(is_valid: bool, message: str) -> dict[str, Any]:
    """Result of a ``validator=`` function for one input."""
    return {"__type__": "validate", "is_valid": bool(is_valid), "message": message}


# -- alerts ------------------------------------------------------------------
@dataclass
class LogMessage:
    """An alert (``gr.Info``/``gr.Warning``/``gr.Success``) for the running job's client."""

    level: str
    message: str
    duration: float | None = 10
    visible: bool = True
    title: str = ""


def _alert(level: str, message: str, duration: float | None, visible: bool, title: str) -> None:
    job = current_job.get()
    if job is None:
        # Outside an event (e.g. at build time) Gradio prints or warns.
        if level == "warning":
            warnings.warn(message, stacklevel=3)
        else:
            print(message, file=sys.stderr)
        return
    job.emit(LogMessage(level, message, duration, visible, title))


def Info(message: str = "Info issued.", duration: float | None = 10, visible: bool = True, title: str = "Info") -> None:  # noqa: N802
    """Show an info toast in the app (inside an event function)."""
    _alert("info", message, duration, visible, title)


def Warning(message: str = "Warning issued.", duration: float | None = 10, visible: bool = True, title: str = "Warning") -> None:  # noqa: N802,A001
    """Show a warning toast in the app (inside an event function)."""
    _alert("warning", message, duration, visible, title)


def Success(message: str = "Success.", duration: float | None = 10, visible: bool = True, title: str = "Success") -> None:  # noqa: N802
    """Show a success toast in the app (inside an event function)."""
    _alert("success", message, duration, visible, title)


# -- progress ----------------------------------------------------------------
@dataclass
class ProgressUnit:
    """One level of progress: a fraction, or an index out of a length."""

    index: int | None = None
    length: int | None = None
    unit: str | None = None
    progress: float | None = None
    desc: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The ``progress_data`` entry sent to clients."""
        return {"index": self.index, "length": self.length, "unit": self.unit, "progress": self.progress,
                "desc": self.desc}


@dataclass
class ProgressUpdate:
    """A change of progress for the running job."""

    progress_data: list[dict[str, Any]]


class Progress:
    """Default a parameter to ``gr.Progress()`` to report progress from a function.

    ``progress(0.5, desc="half")`` or ``for x in progress.tqdm(items): ...``.
    """

    def __init__(self, track_tqdm: bool = False) -> None:
        self.track_tqdm = track_tqdm
        self.iterables: list[ProgressUnit] = []

    def _send(self) -> None:
        job = current_job.get()
        if job is not None:
            job.emit(ProgressUpdate([u.as_dict() for u in self.iterables]))

    def __call__(self, progress: float | tuple[int, int | None] | None, desc: str | None = None,
                 total: int | None = None, unit: str = "steps") -> float | tuple[int, int | None] | None:
        """Set the progress to a fraction (or an ``(index, length)`` pair)."""
        if isinstance(progress, tuple):
            index, length = progress
            self.iterables = [ProgressUnit(index=index, length=length, unit=unit, desc=desc)]
        else:
            self.iterables = [ProgressUnit(progress=progress, desc=desc)]
        self._send()
        return progress

    def tqdm(self, iterable: Iterable[T] | None, desc: str | None = None, total: int | None = None,
             unit: str = "steps", **kwargs: Any) -> Iterator[T]:
        """Iterate ``iterable`` while reporting ``index / length`` progress."""
        items: Iterable[Any] = range(total or 0) if iterable is None else iterable
        length = total if total is not None else (len(items) if isinstance(items, Sized) else None)
        unit_state = ProgressUnit(index=0, length=length, unit=unit, desc=desc)
        self.iterables.append(unit_state)
        self._send()
        try:
            for item in items:
                yield item
                unit_state.index = (unit_state.index or 0) + 1
                self._send()
        finally:
            if unit_state in self.iterables:
                self.iterables.remove(unit_state)

    def update(self, n: int = 1) -> None:
        """Advance the innermost ``tqdm`` level by ``n``."""
        if self.iterables:
            last = self.iterables[-1]
            last.index = (last.index or 0) + n
            self._send()


# -- request and event data ----------------------------------------------------
class Request:
    """Information about the HTTP request that triggered an event.

    Declare a parameter typed ``gr.Request`` to receive it.
    """

    def __init__(self, headers: dict[str, str] | None = None, session_hash: str | None = None,
                 query_params: dict[str, str] | None = None, client_host: str | None = None,
                 path: str = "/", username: str | None = None) -> None:
        self.headers = headers or {}
        self.session_hash = session_hash
        self.query_params = query_params or {}
        self.client = SimpleNamespace(host=client_host)  # (``request.client.host``, as in Starlette)
        self.path = path
        self.username = username
        self.request = self

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"gr.Request has no attribute {name!r} in wasmui")


class EventData:
    """Data about the event that triggered a function (``target`` and raw ``_data``)."""

    def __init__(self, target: Any, data: Any) -> None:
        self.target = target
        self._data = data

    def __getattr__(self, name: str) -> Any:
        """The event's own data by name (``evt.key`` for ``trigger('keypress', {key})``), as in Gradio."""
        data = self.__dict__.get("_data")
        if isinstance(data, dict) and name in data:
            return data[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")


class SelectData(EventData):
    """Payload of ``.select``: ``index``, ``value``, ``selected``."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        data = data or {}
        self.index = data.get("index")
        self.value = data.get("value")
        self.row_value = data.get("row_value")
        self.col_value = data.get("col_value")
        self.selected = data.get("selected", True)


class EditData(EventData):
    """Payload of ``.edit``: ``index`` (Dataframe [row, col], Chatbot message), ``value``, ``previous_value``."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        data = data or {}
        self.index = data.get("index")
        self.value = data.get("value")
        self.previous_value = data.get("previous_value")


class KeyUpData(EventData):
    """Payload of ``.key_up``: ``key`` and ``input_value``."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        data = data or {}
        self.key = data.get("key")
        self.input_value = data.get("input_value")


class CopyData(EventData):
    """Payload of ``.copy``: the copied ``value``."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.value = (data or {}).get("value")


class LikeData(EventData):
    """Payload of ``.like``: message ``index``, its ``value`` and ``liked`` (bool or a feedback option)."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        data = data or {}
        self.index = data.get("index")
        self.value = data.get("value")
        self.liked = data.get("liked", True)


class RetryData(EventData):
    """Payload of ``.retry``: ``index`` and ``value`` of the last user message."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        data = data or {}
        self.index = data.get("index")
        self.value = data.get("value")


class UndoData(RetryData):
    """Payload of ``.undo``: ``index`` and ``value`` of the last user message."""


class DeletedFileData(EventData):
    """Payload of ``File.delete``: the removed ``file`` (a ``FileData``)."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        file = (data or {}).get("file") if isinstance(data, dict) else None
        self.file = FileData.from_dict(file) if isinstance(file, dict) and "path" in file else file


class DownloadData(EventData):
    """Payload of ``.download``: the downloaded file."""

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.file = data


def special_param_kind(param: inspect.Parameter) -> str | None:
    """``"progress"``, ``"request"``, ``"event_data"`` or ``"oauth"`` for parameters wasmui fills in itself."""
    if isinstance(param.default, Progress):
        return "progress"
    ann = param.annotation
    # gr.OAuthProfile / gr.OAuthToken (often "| None"): nobody signs in to a browser-only app.
    text = ann if isinstance(ann, str) else getattr(ann, "__name__", None) or str(ann)
    if "OAuthProfile" in text or "OAuthToken" in text:
        return "oauth"
    if isinstance(ann, str):
        name = ann.split(".")[-1].strip("'\"")
        if name == "Request":
            return "request"
        return "event_data" if name.endswith("Data") else None
    if isinstance(ann, type):
        if issubclass(ann, Request):
            return "request"
        if issubclass(ann, EventData):
            return "event_data"
    return None


def set_static_paths(paths: str | list[str] | Any) -> None:
    """Let ``/gradio_api/file=`` serve files under ``paths`` (like Gradio)."""
    files.set_static_paths(paths)
