"""``gr.JSON``: a collapsible JSON viewer."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path
from typing import Any

from wasmui.components.base import Component, component_kwargs
from wasmui.exceptions import Error


def to_jsonable(value: Any) -> Any:
    """Convert numpy arrays/scalars, dataclasses, dates and sets to JSON values."""
    return json.loads(json.dumps(value, default=_default))


def _default(obj: Any) -> Any:
    if hasattr(obj, "tolist"):  # numpy arrays and scalars, without importing numpy
        return obj.tolist()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, (datetime.date, datetime.datetime, datetime.time)):
        return obj.isoformat()
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    if hasattr(obj, "model_dump"):
        return obj.model_dump()
    return str(obj)


class JSON(Component):
    """Shows a ``dict``/``list`` (or a JSON string) as a tree."""

    CONFIG_PROPS = ("value", "label", "show_label", "container", "scale", "min_width", "visible", "elem_id", "elem_classes", "key", "preserved_by_key", "open", "show_indices", "height", "max_height", "min_height", "buttons")

    EVENTS = ["change"]
    PYTHON_TYPE = "Dict[Any, Any] | List[Any] | None"
    DEFAULT_BUTTONS = ("copy",)

    def __init__(
        self,
        value: str | dict[str, Any] | list[Any] | Any | None = None,
        *,
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        open: bool = False,
        show_indices: bool = False,
        height: int | str | None = None,
        max_height: int | str | None = 500,
        min_height: int | str | None = None,
        buttons: list[Any] | None = None,
    ) -> None:
        self.open = open
        self.show_indices = show_indices
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        self.buttons = buttons
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, str):
            if value.endswith(".json") and len(value) < 4096 and Path(value).is_file():
                value = Path(value).read_text(encoding="utf-8")
            try:
                return json.loads(value)
            except json.JSONDecodeError as exc:
                raise Error(f"Invalid JSON string: {exc}") from exc
        return to_jsonable(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": {}, "description": "any valid json"}

    def example_payload(self) -> Any:
        return {"foo": "bar"}

    def example_value(self) -> Any:
        return {"foo": "bar"}
