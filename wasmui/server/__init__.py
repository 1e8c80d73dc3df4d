"""The stdlib-only ASGI server speaking Gradio's wire protocol.

``create_app(blocks)`` returns a plain ASGI callable; it runs under uvicorn
(``wasmui serve --native``), inside Pyodide (requests arrive over a
MessagePort), and in-process in tests (``wasmui.testing``).
"""

from __future__ import annotations

from typing import Any

from wasmui.server.app import App, root_url
from wasmui.server.queue import Runner

__all__ = ["App", "create_app", "root_url"]


def create_app(blocks: Any, runner: Runner | None = None) -> App:
    """The ASGI app for ``blocks``; ``runner`` replaces ``wasmui.processing`` in tests."""
    return App(blocks, runner=runner)
