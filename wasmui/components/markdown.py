"""``gr.Markdown``: rich text shown by the shell (always sanitised there)."""

from __future__ import annotations

import inspect
from typing import Any

from wasmui.components.base import Component, component_kwargs



class Markdown(Component):
    """Markdown text (with optional LaTeX); the value is a ``str``."""

    CONFIG_PROPS = ("value", "label", "show_label", "scale", "min_width", "rtl", "latex_delimiters", "visible", "elem_id", "elem_classes", "key", "preserved_by_key", "sanitize_html", "line_breaks", "header_links", "height", "max_height", "min_height", "buttons", "container", "padding")

    EVENTS = ["change", "copy"]
    PYTHON_TYPE = "str"
    DEFAULT_SHOW_LABEL = False
    DEFAULT_BUTTONS = None

    def __init__(
        self,
        value: str | Any | None = None,
        *,
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        scale: int | None = None,
        min_width: int | None = None,
        rtl: bool = False,
        latex_delimiters: list[dict[str, str | bool]] | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        sanitize_html: bool = True,
        line_breaks: bool = False,
        header_links: bool = False,
        height: int | str | None = None,
        max_height: int | str | None = None,
        min_height: int | str | None = None,
        buttons: list[str] | None = None,
        container: bool = False,
        padding: bool = False,
    ) -> None:
        self.rtl = rtl
        self.latex_delimiters = latex_delimiters or [{"left": "$$", "right": "$$", "display": True}]
        self.sanitize_html = sanitize_html
        self.line_breaks = line_breaks
        self.header_links = header_links
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        self.buttons = buttons
        self.padding = padding
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: str | None) -> str | None:
        return payload

    def postprocess(self, value: Any) -> str | None:
        if value is None:
            return None
        return inspect.cleandoc(str(value))

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> Any:
        return "# Hello!"

    def example_value(self) -> Any:
        return "# Hello!"
