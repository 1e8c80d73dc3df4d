"""The stdlib-only ASGI server speaking Gradio's wire protocol.

``create_app(blocks, runner)`` returns a plain ASGI callable; it runs under
uvicorn (``wasmui serve --native``), inside Pyodide (requests arrive over a
MessagePort), and in-process in tests (``wasmui.testing``). The package imports
nothing outside itself: ``blocks`` is duck-typed and the job runner (``wasmui.processing``
in an app, a fake in the server's own tests) is passed in.
"""

from __future__ import annotations

from typing import Any

from wasmui.server.app import App, root_url
from wasmui.server.queue import Runner

__all__ = ["App", "create_app", "root_url"]


def create_app(blocks: Any, runner: Runner) -> App:
    """The ASGI app for ``blocks``, running jobs with ``runner`` (see ``Runner``)."""
    return App(blocks, runner=runner)
