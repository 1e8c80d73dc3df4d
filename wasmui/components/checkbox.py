"""``gr.Checkbox``: a boolean input."""

from __future__ import annotations

from typing import Any

from wasmui.components.base import COMMON_PROPS, FormComponent, component_kwargs
from wasmui.exceptions import Error


class Checkbox(FormComponent):
    """A single checkbox; the function receives ``bool``."""

    CONFIG_PROPS = COMMON_PROPS + ("buttons",)

    EVENTS = ["change", "input", "select"]
    PYTHON_TYPE = "bool"

    def __init__(
        self,
        value: bool | Any = False,
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
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        buttons: list[Any] | None = None,
    ) -> None:
        self.buttons = buttons
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> bool | None:
        if payload is None:
            return None
        if not isinstance(payload, (bool, int)):
            raise Error(f"Checkbox expects true or false, got {payload!r}.")
        return bool(payload)

    def postprocess(self, value: Any) -> bool | None:
        return None if value is None else bool(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": "boolean"}

    def example_payload(self) -> Any:
        return True

    def example_value(self) -> Any:
        return True
