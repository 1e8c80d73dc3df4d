"""``gr.State``: a per-session Python value that never reaches the browser."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from wasmui.components.base import Component


class State(Component):
    """An invisible value kept per browser session; never sent to the client."""

    CONFIG_PROPS = ("time_to_live",)
    EVENTS = ["change"]
    skip_api = True
    stateful = True

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

    def session_closed(self, value: Any) -> None:
        self.delete_callback(value)
