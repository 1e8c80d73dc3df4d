"""``gr.Timer``: a trigger that ticks every ``value`` seconds."""

from __future__ import annotations

from typing import Any

from wasmui.components.base import Component


class Timer(Component):
    """Fires ``tick`` every ``value`` seconds while ``active``."""

    CONFIG_PROPS = ("value", "active")
    EVENTS = ["change", "tick"]
    PYTHON_TYPE = "float"

    def __init__(self, value: float = 1, *, active: bool = True, render: bool = True) -> None:
        self.active = active
        super().__init__(value, render=render)

    def postprocess(self, value: Any) -> float | None:
        return None if value is None else float(value)

    def preprocess(self, payload: Any) -> float | None:
        return None if payload is None else float(payload)

    def api_info(self) -> dict[str, Any]:
        return {"type": "number"}

    def example_payload(self) -> Any:
        return 1

    def example_value(self) -> Any:
        return 1
