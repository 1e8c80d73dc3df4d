"""``gr.State`` (per-session Python value) and ``gr.Timer`` (a ticking trigger)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from wasmui.components.base import Component


class State(Component):
    """An invisible value kept per browser session; never sent to the client."""

    EVENTS = ["change"]
    skip_api = True  # type: ignore[assignment]

    def __init__(
        self,
        value: Any = None,
        render: bool = True,
        *,
        time_to_live: int | float | None = None,
        delete_callback: Callable[[Any], None] | None = None,
    ) -> None:
        self.time_to_live = time_to_live
        self.delete_callback = delete_callback or (lambda _value: None)
        try:
            self._initial = value if callable(value) else copy.deepcopy(value)
        except TypeError as exc:
            raise TypeError(f"The initial value of gr.State must be deep-copyable; {exc}") from exc
        super().__init__(render=render)
        self.value = self._initial

    def initial_value(self) -> Any:
        """A fresh copy of the initial value for a new session."""
        value = self._initial
        return value() if callable(value) else copy.deepcopy(value)

    def get_config(self) -> dict[str, Any]:
        # The value stays on the Python side; only non-default settings are shown.
        return {"time_to_live": self.time_to_live, "name": "state", "_selectable": False}


class Timer(Component):
    """Fires ``tick`` every ``value`` seconds while ``active``."""

    EVENTS = ["change", "tick"]
    skip_api = True  # type: ignore[assignment]

    def __init__(self, value: float = 1, *, active: bool = True, render: bool = True) -> None:
        self.active = active
        super().__init__(value, render=render)

    def postprocess(self, value: Any) -> float | None:
        return None if value is None else float(value)

    def preprocess(self, payload: Any) -> float | None:
        return None if payload is None else float(payload)
