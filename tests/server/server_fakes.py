"""A minimal Blocks + job runner honouring the core contract, for server unit tests.

Real apps (``import wasmui as gr``) are used by the protocol tests; these fakes
let the queue/SSE/diff machinery be tested without any component logic.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from wasmui.files import FileStore
from wasmui.processing import Completed, Generating, Log, ProgressEvent
from wasmui.server import create_app


# The real job events of the core, so the fakes cannot drift from the contract.
Progress = ProgressEvent


class AppError(Exception):
    """Stands in for gr.Error."""


@dataclass
class FakeFn:
    id: int
    fn: Callable[..., Any]
    api_name: str
    n_outputs: int = 1
    concurrency_limit: int | None | str = 1
    concurrency_id: str = ""
    inputs: list[Any] = field(default_factory=list)
    queue: bool = True

    def __post_init__(self) -> None:
        self.concurrency_id = self.concurrency_id or str(self.id)


class Sessions:
    def __init__(self) -> None:
        self.data: dict[str, dict[str, Any]] = {}

    def get(self, session_hash: str) -> dict[str, Any]:
        return self.data.setdefault(session_hash, {})


class FakeBlocks:
    def __init__(self, *fns: FakeFn, show_error: bool = False, max_file_size: int | None = None) -> None:
        self.fns = {f.id: f for f in fns}
        self.show_error = show_error
        self.max_file_size = max_file_size
        self.sessions = Sessions()
        self.file_store = FileStore()
        self.app = create_app(self, runner=FakeRunner())

    def get_config(self, root: str = "") -> dict[str, Any]:
        return {"version": "6.31.0", "root": root, "api_prefix": "/gradio_api", "protocol": "sse_v3",
                "dependencies": [{"id": i, "api_name": f.api_name} for i, f in self.fns.items()]}

    def get_api_info(self, all_endpoints: bool = False) -> dict[str, Any]:
        return {"named_endpoints": {"/" + f.api_name: {"parameters": [
            {"parameter_name": "x", "parameter_has_default": True, "parameter_default": "dflt"}]}
            for f in self.fns.values()}, "unnamed_endpoints": {}}


class FakeRunner:
    """run_job: call fn(*data, session); generators yield Generating per item."""

    async def run_job(self, blocks: FakeBlocks, fn_index: int, data: list[Any], session: Any, *,
                      event_data: Any = None, root: str = "", request: Any = None,
                      trigger_id: int | None = None) -> AsyncIterator[Any]:
        fn = blocks.fns[fn_index]
        start = time.monotonic()
        result = fn.fn(*data)
        if inspect.isasyncgen(result):
            last = None
            async for item in result:
                if isinstance(item, (Log, Progress)):
                    yield item
                    continue
                last = [item] if fn.n_outputs == 1 else list(item)
                yield Generating(last)
            yield Completed(last or [], [], time.monotonic() - start)
            return
        if inspect.isawaitable(result):
            result = await result
        out = [result] if fn.n_outputs == 1 else list(result)
        yield Completed(out, [], time.monotonic() - start)

    def error_payload(self, exc: BaseException, show_error: bool) -> dict[str, Any]:
        if isinstance(exc, AppError):
            return {"error": str(exc), "duration": 10, "visible": True, "title": "Error"}
        # Like the core: show_error adds a traceback for the page UI.
        return {"error": str(exc), "visible": True, "traceback": "Traceback..."} if show_error else {"error": None}


async def sleep_then(value: Any, seconds: float) -> Any:
    await asyncio.sleep(seconds)
    return value
