"""``gr.BrowserState``: a JSON value the browser keeps in ``localStorage``."""

from __future__ import annotations

import secrets
import string
from typing import Any

from wasmui.components.base import Component


def _random_key() -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(16))


class BrowserState(Component):
    """State stored in the visitor's browser under ``storage_key``; survives reloads."""

    EVENTS = ["change"]
    CONFIG_PROPS = ("default_value", "storage_key", "secret")

    def __init__(
        self,
        default_value: Any = None,
        *,
        storage_key: str | None = None,
        secret: str | None = None,
        render: bool = True,
    ) -> None:
        self.default_value = default_value
        # Gradio encrypts the stored value with `secret`; the value never leaves the
        # visitor's own browser here, so the shell stores plain JSON (the prop is kept
        # for config parity).
        self.secret = secret or _random_key()
        self.storage_key = storage_key or _random_key()
        super().__init__(render=render)

    def get_config(self) -> dict[str, Any]:
        props = super().get_config()
        props.pop("value", None)
        return props

    def preprocess(self, payload: Any) -> Any:
        return self.default_value if payload is None else payload

    def postprocess(self, value: Any) -> Any:
        return value

    def api_info(self) -> dict[str, Any]:
        return {"type": {}, "description": "any json-serializable value"}

    def example_payload(self) -> Any:
        return "test"

    def example_value(self) -> Any:
        return "test"
