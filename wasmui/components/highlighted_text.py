"""``gr.HighlightedText``: text whose spans carry a category or a confidence."""

from __future__ import annotations

from typing import Any

from wasmui.components.base import Component, component_kwargs
from wasmui.exceptions import Error

Token = tuple[str, "str | float | None"]

_API_INFO: dict[str, Any] = {
    "$defs": {
        "HighlightedToken": {
            "properties": {
                "token": {"title": "Token", "type": "string"},
                "class_or_confidence": {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}],
                                        "default": None, "title": "Class Or Confidence"},
            },
            "required": ["token"],
            "title": "HighlightedToken",
            "type": "object",
        }
    },
    "items": {"$ref": "#/$defs/HighlightedToken"},
    "title": "HighlightedTextData",
    "type": "array",
    "additional_description": None,
}


def from_entities(value: dict[str, Any]) -> list[Token]:
    """``{"text", "entities": [{"entity"|"entity_group", "start", "end"}]}`` → (span, label) pairs."""
    try:
        text, entities = value["text"], value["entities"]
    except KeyError as exc:
        raise Error("HighlightedText expects a dict with keys 'text' and 'entities'.") from exc
    if not entities:
        return [(text, None)]
    out: list[Token] = []
    index = 0
    for ent in sorted(entities, key=lambda e: e["start"]):
        out.append((text[index:ent["start"]], None))
        out.append((text[ent["start"]:ent["end"]], ent.get("entity") or ent.get("entity_group")))
        index = ent["end"]
    out.append((text[index:], None))
    return out


def combine(tokens: list[Token], separator: str) -> list[Token]:
    """Merge neighbouring spans of the same label (empty spans are dropped)."""
    out: list[Token] = []
    for text, label in tokens:
        if not text:
            continue
        if out and out[-1][1] == label:
            out[-1] = (out[-1][0] + separator + text, label)
        else:
            out.append((text, label))
    return out


class HighlightedText(Component):
    """Shows labelled spans of text, with an optional legend of the labels."""

    CONFIG_PROPS = ("value", "color_map", "show_legend", "show_inline_category", "combine_adjacent", "adjacent_separator",
                    "show_whitespaces", "label", "show_label", "container", "scale", "min_width", "visible", "elem_id",
                    "elem_classes", "key", "preserved_by_key", "interactive", "rtl", "buttons")
    EVENTS = ["change", "select"]
    PYTHON_TYPE = "List[Dict(token: str, class_or_confidence: str | float | None)]"

    def __init__(
        self,
        value: list[tuple[str, str | float | None]] | dict[str, Any] | Any | None = None,
        *,
        color_map: dict[str, str] | None = None,
        show_legend: bool = False,
        show_inline_category: bool = True,
        combine_adjacent: bool = False,
        adjacent_separator: str = "",
        show_whitespaces: bool = True,
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
        interactive: bool | None = None,
        rtl: bool = False,
        buttons: list[Any] | None = None,
    ) -> None:
        self.color_map = color_map
        self.show_legend = show_legend
        self.show_inline_category = show_inline_category
        self.combine_adjacent = combine_adjacent
        self.adjacent_separator = adjacent_separator
        self.show_whitespaces = show_whitespaces
        self.rtl = rtl
        self.buttons = buttons
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> list[dict[str, Any]] | None:
        """The tokens as ``[{"token", "class_or_confidence"}]`` (as Gradio passes them)."""
        if payload is None:
            return None
        if not isinstance(payload, list) or not all(isinstance(t, dict) and isinstance(t.get("token"), str) for t in payload):
            raise Error("HighlightedText expects a list of {token, class_or_confidence} objects.")
        return [{"token": t["token"], "class_or_confidence": t.get("class_or_confidence")} for t in payload]

    def postprocess(self, value: Any) -> list[dict[str, Any]] | None:
        if value is None:
            return None
        if isinstance(value, dict):
            tokens = from_entities(value)
        else:
            try:
                tokens = [(str(text), label) for text, label in value]
            except (TypeError, ValueError) as exc:
                raise Error("HighlightedText expects (text, label) pairs or a {text, entities} dict.") from exc
        if self.combine_adjacent:
            tokens = combine(tokens, self.adjacent_separator)
        return [{"token": text if self.show_whitespaces else text.strip(), "class_or_confidence": label}
                for text, label in tokens]

    def api_info(self) -> dict[str, Any]:
        import copy

        return copy.deepcopy(_API_INFO)

    def example_payload(self) -> Any:
        return [{"token": "The", "class_or_confidence": None}, {"token": "quick", "class_or_confidence": "adj"}]

    def example_value(self) -> Any:
        return [("The", None), ("quick", "adj"), ("brown", "adj"), ("fox", "noun")]
