"""``gr.BrowserState``: a value kept in the browser's localStorage, surviving reloads.

The page stores the value as JSON under ``storage_key`` whenever an event writes it and
reads it back on load (``default_value`` when nothing is stored). Gradio also obfuscates
it with ``secret``, which travels in the page's config and so protects nothing; wasmui
keeps the prop for compatibility and stores plain JSON.
"""

from __future__ import annotations

import secrets
import string
from typing import Any

from wasmui.components.base import Component
from wasmui.components.json_component import to_jsonable


def _token() -> str:
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(16))


class BrowserState(Component):
    """Per-browser storage: the value persists in localStorage across page loads."""

    CONFIG_PROPS = ("default_value", "storage_key", "secret")
    EVENTS = ["change"]
    PYTHON_TYPE = "Any"
    DEFAULT_BUTTONS = None

    def __init__(
        self,
        default_value: Any = None,
        *,
        storage_key: str | None = None,
        secret: str | None = None,
        render: bool = True,
    ) -> None:
        self.default_value = to_jsonable(default_value)
        self.storage_key = storage_key or _token()
        self.secret = secret or _token()
        super().__init__(render=render)

    def preprocess(self, payload: Any) -> Any:
        """The stored value (``default_value`` when the browser has none)."""
        return self.default_value if payload is None else payload

    def postprocess(self, value: Any) -> Any:
        return None if value is None else to_jsonable(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": {}, "description": "any json-serializable value"}

    def example_payload(self) -> Any:
        return "test"

    def example_value(self) -> Any:
        return "test"
