"""Gradio components nobody has built for wasmui yet.

Each name exists so an app imports; creating one raises ``NotImplementedError``
naming the issue that tracks it. ``PENDING`` is what the names test reads, so a
component that lands must be removed from here (the test then checks it is real).
"""

from __future__ import annotations

from typing import Any, NoReturn

#: name -> the issue (and part of it) that tracks the component.
PENDING: dict[str, str] = {}


class PendingComponent:
    """Base of the placeholders: constructing one explains what is missing."""

    def __init__(self, *args: Any, **kwargs: Any) -> NoReturn:
        name = type(self).__name__
        raise NotImplementedError(
            f"gr.{name} is not implemented in wasmui yet ({PENDING[name]}); remove it from the app "
            f"or run this app with real Gradio until it lands.")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        assert cls.__name__ in PENDING, cls.__name__

