"""``gr.ParamViewer``: documentation of a function's parameters (type, default, description)."""

from __future__ import annotations

from typing import Any, Literal

from wasmui.components.base import Component, component_kwargs
from wasmui.exceptions import Error


class ParamViewer(Component):
    """Shows ``{name: {"type", "description", "default"}}`` as an expandable parameter list."""

    CONFIG_PROPS = ("value", "language", "linkify", "key", "preserved_by_key", "header", "anchor_links", "max_height")
    EVENTS = ["change", "upload"]
    PYTHON_TYPE = "Dict[str, Dict(type: str, description: str, default: str)]"
    DEFAULT_BUTTONS = None

    def __init__(
        self,
        value: dict[str, Any] | None = None,
        *,
        language: Literal["python", "typescript"] = "python",
        linkify: list[str] | None = None,
        every: Any = None,
        inputs: Any = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        header: str | None = "Parameters",
        anchor_links: bool | str = False,
        max_height: int | str | None = None,
    ) -> None:
        self.language = language
        self.linkify = linkify
        self.header = header
        self.anchor_links = anchor_links
        self.max_height = max_height
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, dict):
            raise Error("ParamViewer expects a dict of {name: {type, description, default}}.")
        out: dict[str, Any] = {}
        for name, param in value.items():
            if not isinstance(param, dict):
                raise Error(f"ParamViewer: parameter {name!r} must be a dict with type/description/default.")
            out[str(name)] = {k: (v if v is None or isinstance(v, (str, int, float, bool)) else str(v)) for k, v in param.items()}
        return out

    def api_info(self) -> dict[str, Any]:
        return {"type": {}, "description": "any valid json"}

    def example_payload(self) -> Any:
        return {"array": {"type": "numpy", "description": "any valid json", "default": "None"}}

    def example_value(self) -> Any:
        return {"array": {"type": "numpy", "description": "any valid json", "default": "None"}}
