"""``gr.Label``: a classification result with confidence bars."""

from __future__ import annotations

import copy
import json
import operator
from pathlib import Path
from typing import Any

from wasmui.components.base import Component, component_kwargs

LABEL_SCHEMA: dict[str, Any] = {
    "$defs": {
        "LabelConfidence": {
            "properties": {
                "label": {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "null"}],
                          "default": None, "title": "Label"},
                "confidence": {"anyOf": [{"type": "number"}, {"type": "null"}], "default": None,
                               "title": "Confidence"},
            },
            "title": "LabelConfidence",
            "type": "object",
        }
    },
    "properties": {
        "label": {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "null"}],
                  "default": None, "title": "Label"},
        "confidences": {"anyOf": [{"items": {"$ref": "#/$defs/LabelConfidence"}, "type": "array"}, {"type": "null"}],
                        "default": None, "title": "Confidences"},
    },
    "title": "LabelData",
    "type": "object",
    "additional_description": None,
}


class Label(Component):
    """Shows the top class and, for a ``dict`` of confidences, the top N bars."""

    CONFIG_PROPS = ("value", "num_top_classes", "label", "show_label", "container", "scale", "min_width", "visible", "elem_id", "elem_classes", "key", "preserved_by_key", "color", "show_heading", "buttons")

    EVENTS = ["change", "select"]
    PYTHON_TYPE = "Dict(label: str | int | float | None, confidences: List[Dict(label: str | int | float | None, confidence: float | None)] | None)"

    def __init__(
        self,
        value: dict[str, float] | str | float | Any | None = None,
        *,
        num_top_classes: int | None = None,
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
        color: str | None = None,
        show_heading: bool = True,
        buttons: list[Any] | None = None,
    ) -> None:
        self.num_top_classes = num_top_classes
        self.color = color
        self.show_heading = show_heading
        self.buttons = buttons
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> dict[str, float] | str | int | float | None:
        if not payload:
            return None
        if payload.get("confidences") is None:
            label: str | int | float | None = payload.get("label")
            return label
        return {d["label"]: d["confidence"] for d in payload["confidences"]}

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None or value == {}:
            return {}
        if isinstance(value, str) and value.endswith(".json") and Path(value).is_file():
            loaded: dict[str, Any] = json.loads(Path(value).read_text(encoding="utf-8"))
            return loaded
        if isinstance(value, (str, float, int)):
            return {"label": str(value), "confidences": None}
        if isinstance(value, dict):
            if "confidences" in value and isinstance(value["confidences"], list):
                value = {c["label"]: c["confidence"] for c in value["confidences"]}
            ranked = sorted(value.items(), key=operator.itemgetter(1), reverse=True)
            if self.num_top_classes is not None:
                ranked = ranked[: self.num_top_classes]
            return {"label": ranked[0][0] if ranked else None,
                    "confidences": [{"label": k, "confidence": float(v)} for k, v in ranked]}
        raise ValueError(
            "The `Label` output expects a str/int/float label or a dict of labels to confidences, "
            f"got {type(value).__name__}."
        )

    def api_info(self) -> dict[str, Any]:
        return copy.deepcopy(LABEL_SCHEMA)

    def example_payload(self) -> Any:
        return {"label": "Cat", "confidences": [{"label": "cat", "confidence": 0.9}, {"label": "dog", "confidence": 0.1}]}

    def example_value(self) -> Any:
        return {"cat": 0.9, "dog": 0.1}
