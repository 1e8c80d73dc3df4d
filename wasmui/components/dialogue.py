"""``gr.Dialogue``: a multi-speaker conversation, edited as lines or as plain text.

The value travels as a list of ``{"speaker", "text"}`` lines or as one string.
The view converts between the two through the component's server functions
``format`` and ``unformat`` (Gradio's ``/component_server`` route), so the
app's own ``formatter`` / ``unformatter`` decide the text form.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Literal

from wasmui.components.base import COMMON_PROPS, Component, component_kwargs, server
from wasmui.exceptions import Error

_LINE_SCHEMA: dict[str, Any] = {
    "properties": {"speaker": {"title": "Speaker", "type": "string"},
                   "text": {"title": "Text", "type": "string"}},
    "required": ["speaker", "text"], "title": "DialogueLine", "type": "object",
}

_EXAMPLE = [
    {"speaker": "Speaker 1", "text": "Hello, how are you?"},
    {"speaker": "Speaker 2", "text": "I'm fine, thank you!"},
]

Lines = list[dict[str, str]]


def _lines(payload: Any) -> Lines | str:
    """A payload as checked lines or a string (a readable error otherwise)."""
    if isinstance(payload, str):
        return payload
    if not isinstance(payload, list):
        raise Error(f"Dialogue expects a string or a list of {{'speaker', 'text'}} lines, got {type(payload).__name__}.")
    out: Lines = []
    for line in payload:
        if not isinstance(line, dict) or not isinstance(line.get("speaker"), str) \
                or not isinstance(line.get("text"), str):
            raise Error("Each Dialogue line must be a dictionary with string 'speaker' and 'text' keys.")
        out.append({"speaker": line["speaker"], "text": line["text"]})
    return out


class Dialogue(Component):
    """Lines said by speakers; the function gets the formatted text (``type="text"``) or the lines."""

    EVENTS = ["change", "input", "submit"]
    PYTHON_TYPE = "str | list[dict[str, str]]"
    # Gradio's Dialogue has no ``preserved_by_key``.
    CONFIG_PROPS = tuple(p for p in COMMON_PROPS if p != "preserved_by_key") + (
        "ui_mode", "type", "placeholder", "autofocus", "autoscroll", "max_lines", "speakers", "tags",
        "separator", "color_map", "buttons", "submit_btn", "server_fns",
    )

    def __init__(
        self,
        value: list[dict[str, str]] | Callable[..., Any] | None = None,
        *,
        type: Literal["list", "text"] = "text",
        speakers: list[str] | None = None,
        formatter: Callable[[str, str], str] | None = None,
        unformatter: Callable[[str, str], dict[str, str]] | None = None,
        tags: list[str] | None = None,
        separator: str = "\n",
        color_map: dict[str, str] | None = None,
        label: str | None = "Dialogue",
        info: str | None = "Type colon (:) in the dialogue line to see the available tags",
        placeholder: str | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        autofocus: bool = False,
        autoscroll: bool = True,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | None = None,
        max_lines: int | None = None,
        buttons: list[Any] | None = None,
        submit_btn: str | bool | None = False,
        ui_mode: Literal["dialogue", "text", "both"] = "both",
    ) -> None:
        if separator == " ":
            raise ValueError("Separator cannot be an empty string.")
        if type not in ("list", "text"):
            raise ValueError(f"`type` must be 'list' or 'text', got {type!r}")
        if ui_mode not in ("dialogue", "text", "both"):
            raise ValueError(f"`ui_mode` must be 'dialogue', 'text' or 'both', got {ui_mode!r}")
        self.ui_mode = ui_mode
        self.type = type
        self.placeholder = placeholder
        self.autofocus = autofocus
        self.autoscroll = autoscroll
        self.max_lines = max_lines
        self.speakers = speakers
        self.tags = list(tags or [])
        self.formatter = formatter
        self.unformatter = unformatter
        self.separator = separator
        self.color_map = color_map
        self.buttons = list(buttons or [])
        self.submit_btn = submit_btn
        self.server_fns = ["format", "unformat"]
        super().__init__(**component_kwargs(locals()))
        # Gradio drops the tag hint unless the component is explicitly interactive.
        if not interactive:
            self.info = None

    # -- conversions ---------------------------------------------------------------
    @staticmethod
    def default_formatter(speaker: str, text: str) -> str:
        """``[speaker] text``, Gradio's default text form of a line."""
        return f"[{speaker}] {text}"

    @staticmethod
    def default_unformatter(line: str, default_speaker: str) -> dict[str, str]:
        """Parse ``[speaker] text`` back; a line without brackets goes to ``default_speaker``."""
        line = line.strip()
        if not line:
            return {"speaker": "", "text": ""}
        if line.startswith("[") and "]" in line:
            end = line.find("]")
            return {"speaker": line[1:end], "text": line[end + 1:].strip()}
        return {"speaker": default_speaker, "text": line}

    def _format(self, value: Lines | str) -> str:
        if isinstance(value, str):
            return value
        if len(value) == 1 and value[0]["text"] == "" or not value:
            return ""
        fmt = self.formatter or self.default_formatter
        return self.separator.join(fmt(line["speaker"], line["text"]) for line in value)

    @server
    def format(self, value: Any) -> str:
        """The text form of the view's lines (the view's "Plain Text" switch and copy button)."""
        return self._format(_lines(value))

    @server
    def unformat(self, payload: Any) -> Lines:
        """Lines parsed from the text form ``{"text": ...}`` (empty lines skipped)."""
        text = payload.get("text", "") if isinstance(payload, dict) else ""
        if not isinstance(text, str) or not text.strip():
            return []
        parse = self.unformatter or self.default_unformatter
        default_speaker = self.speakers[0] if self.speakers else "Unknown"
        out: Lines = []
        for raw in text.split(self.separator):
            if not raw.strip():
                continue
            line = parse(raw.strip(), default_speaker)
            if line["speaker"] or line["text"]:
                out.append(line)
        return out

    # -- the contract ----------------------------------------------------------------
    def preprocess(self, payload: Any) -> str | Lines | None:
        if payload is None:
            return None
        value = _lines(payload)
        if self.type == "list":
            return value
        return self._format(value)

    def postprocess(self, value: Any) -> Lines | str | None:
        if value is None:
            return None
        if isinstance(value, str):
            return value
        try:
            return [{"speaker": str(line["speaker"]), "text": str(line["text"])} for line in value]
        except (TypeError, KeyError) as e:
            raise Error("Dialogue expects a string or a list of {'speaker', 'text'} dictionaries.") from e

    def process_example(self, value: Any) -> Any:
        return self.preprocess(self.postprocess(value))

    def api_info(self) -> dict[str, Any]:
        return {"$defs": {"DialogueLine": copy.deepcopy(_LINE_SCHEMA)},
                "anyOf": [{"items": {"$ref": "#/$defs/DialogueLine"}, "type": "array"}, {"type": "string"}],
                "title": "DialogueModel", "additional_description": None}

    def example_payload(self) -> Any:
        return [dict(line) for line in _EXAMPLE]

    def example_value(self) -> Any:
        return [dict(line) for line in _EXAMPLE]
