"""``gr.mcp``: decorators that describe functions as MCP tools, resources and prompts.

A browser tab cannot be an MCP server, so the decorators keep the function
unchanged (it still works in the UI) and warn once that no MCP server runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasmui.browser_limits import warn_browser_only

_warned = False


def _keep(fn: Callable[..., Any]) -> Callable[..., Any]:
    global _warned
    if not _warned:
        _warned = True
        warn_browser_only("gr.mcp", "an MCP server must accept connections from other programs and the app "
                          "lives in a browser tab", "the decorated functions still work in the UI; run the app "
                          "with real Gradio on a server to offer them over MCP")
    return fn


def tool(name: str | None = None, description: str | None = None, structured_output: bool = False,
         _meta: dict[str, Any] | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a function as an MCP tool (kept as is in the browser)."""
    return _keep


def resource(uri_template: str, description: str | None = None,
             mime_type: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a function as an MCP resource (kept as is in the browser)."""
    return _keep


def prompt(name: str | None = None, description: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a function as an MCP prompt (kept as is in the browser)."""
    return _keep
