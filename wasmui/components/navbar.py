"""``gr.Navbar``: settings of a multipage app's navbar (it draws no block of its own).

``visible`` shows or hides the navbar, ``main_page_name`` renames the home page's link
(``False`` drops it), and ``value`` adds links as ``(name, path)`` pairs, where a path
may carry a query string (``"second?option=a"``). Returning new pairs from an event
updates the links.
"""

from __future__ import annotations

from typing import Any, Literal

from wasmui.components.base import Component


class Navbar(Component):
    """Navbar settings for the page it is placed on (one per page)."""

    CONFIG_PROPS = ("value", "visible", "main_page_name", "elem_id", "elem_classes", "key")
    EVENTS = ["change"]
    PYTHON_TYPE = "list[tuple[str, str]] | None"

    def __init__(
        self,
        value: list[tuple[str, str]] | None = None,
        *,
        visible: bool = True,
        main_page_name: str | Literal[False] = "Home",
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[int | str, ...] | None = None,
    ) -> None:
        self.main_page_name = main_page_name
        super().__init__(value, visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def preprocess(self, payload: Any) -> list[tuple[str, str]] | None:
        """The links as ``(name, path)`` tuples."""
        return None if payload is None else [(str(n), str(p)) for n, p in payload]

    def postprocess(self, value: Any) -> list[list[str]] | None:
        """``(name, path)`` pairs as JSON lists."""
        return None if value is None else [[str(n), str(p)] for n, p in value]

    def api_info(self) -> dict[str, Any]:
        return {}

    def example_payload(self) -> Any:
        return None

    def example_value(self) -> Any:
        return None
