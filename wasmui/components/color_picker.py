"""``gr.ColorPicker``: a colour chosen in the view, passed as a hex string."""

from __future__ import annotations

from typing import Any

from wasmui.components.base import COMMON_PROPS, Component, component_kwargs
from wasmui.exceptions import Error


class ColorPicker(Component):
    """A colour input; the function receives and returns a hex ``str`` like ``"#ff0000"``."""

    CONFIG_PROPS = COMMON_PROPS
    EVENTS = ["change", "input", "release", "submit", "focus", "blur"]
    PYTHON_TYPE = "str"

    def __init__(
        self,
        value: str | Any | None = None,
        *,
        label: str | None = None,
        info: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[int | str, ...] | None = None,
        preserved_by_key: list[str] | str | None = "value",
    ) -> None:
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> str | None:
        # Like Gradio, any text passes through (the view sends "#rrggbb"); only
        # structured values are refused, so a bad API call gets a readable error.
        if payload is None:
            return None
        if isinstance(payload, (dict, list)):
            raise Error(f"ColorPicker expects a colour string like '#ff0000', got {type(payload).__name__}.")
        return str(payload)

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else str(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> Any:
        return "#000000"

    def example_value(self) -> Any:
        return "#000000"
