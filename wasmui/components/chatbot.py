"""``gr.Chatbot`` and its message types (``gr.ChatMessage``, ``MessageDict``, ...).

The wire value is Gradio 6's normalised messages format: a list of
``{"role", "metadata", "content": [part, ...], "options"}`` where each part is
``{"type": "text", "text"}``, ``{"type": "file", "file": FileData, "alt_text"}``
or ``{"type": "component", "component", "value", "constructor_args", "props"}``.
Users may give plain dicts with a string / file / component ``content``, or
``ChatMessage`` dataclasses; ``postprocess`` normalises all of them.
"""

from __future__ import annotations

import copy
import inspect
import mimetypes
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypedDict

from wasmui.components.base import Component, component_kwargs
from wasmui.components.file_base import _FILE_DATA_DOC, FILE_DATA_META_SCHEMA, FILE_DATA_SCHEMA
from wasmui.exceptions import Error
from wasmui.files import FILE_DATA_TYPE, is_file_data

class MetadataDict(TypedDict, total=False):
    """Metadata that turns a message into a (possibly nested) collapsible thought."""

    title: str
    id: int | str
    parent_id: int | str
    log: str
    duration: float
    status: Literal["pending", "done"]


class OptionDict(TypedDict, total=False):
    """A clickable suggestion shown under the last assistant message."""

    value: str
    label: str


class MessageDict(TypedDict, total=False):
    """A message in the openai-style dict format."""

    content: Any
    role: Literal["user", "assistant", "system"]
    metadata: MetadataDict
    options: list[OptionDict]


class ExampleMessage(TypedDict, total=False):
    """An example shown in an empty chatbot: ``text``, ``files``, ``icon``, ``display_text``."""

    icon: Any
    display_text: str
    text: str
    files: Sequence[Any]


@dataclass
class ChatMessage:
    """One message; ``content`` is text, a file dict, a component or a list of them."""

    content: Any
    role: Literal["user", "assistant", "system"] = "assistant"
    metadata: MetadataDict = field(default_factory=lambda: MetadataDict())
    options: list[OptionDict] = field(default_factory=list)


@dataclass
class Message:
    """A message as the Chatbot sends it (``content`` a list of parts); Gradio's wire model."""

    role: str
    content: list[Any]
    metadata: MetadataDict | None = None
    options: list[OptionDict] | None = None


# -- the wire schema (Gradio's pydantic models, as clients read them from /info) -------
_META_DOC = (
    "A typed dictionary to represent metadata for a message in the Chatbot component. An\n"
    "instance of this dictionary is used for the `metadata` field in a ChatMessage when\n"
    "the chat message should be displayed as a thought.\nParameters:\n"
    "    title: The title of the \"thought\" message. Required if the message is to be displayed as a thought.\n"
    "    id: The ID of the message. Only used for nested thoughts. Nested thoughts can be nested by setting the "
    "parent_id to the id of the parent thought.\n"
    "    parent_id: The ID of the parent message. Only used for nested thoughts.\n"
    "    log: A string message to display next to the thought title in a subdued font.\n"
    "    duration: The duration of the message in seconds. Appears next to the thought title in a subdued font "
    "inside a parentheses.\n"
    "    status: if set to `\"pending\"`, a spinner appears next to the thought title and the accordion is "
    "initialized open.  If `status` is `\"done\"`, the thought accordion is initialized closed. If `status` is "
    "not provided, the thought accordion is initialized open and no spinner is displayed."
)
_OPTION_DOC = (
    "A typed dictionary to represent an option in a ChatMessage. A list of these\n"
    "dictionaries is used for the `options` field in a ChatMessage.\nParameters:\n"
    "    value: The value to return when the option is selected.\n"
    "    label: The text to display in the option, if different from the value."
)
_NULLABLE_STR = {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None}
_ID = {"anyOf": [{"type": "integer"}, {"type": "string"}]}


def _const(value: str) -> dict[str, Any]:
    return {"const": value, "default": value, "title": "Type", "type": "string"}


def chatbot_schema() -> dict[str, Any]:
    """JSON schema of the Chatbot payload, identical to Gradio 6.31's."""
    defs: dict[str, Any] = {
        "ComponentMessage": {
            "properties": {
                "component": {"title": "Component", "type": "string"},
                "value": {"title": "Value"},
                "constructor_args": {"additionalProperties": True, "title": "Constructor Args", "type": "object"},
                "props": {"additionalProperties": True, "title": "Props", "type": "object"},
                "type": _const("component"),
            },
            "required": ["component", "value", "constructor_args", "props"],
            "title": "ComponentMessage", "type": "object",
        },
        "FileData": {"description": _FILE_DATA_DOC, **copy.deepcopy(FILE_DATA_SCHEMA)},
        "FileDataMeta": copy.deepcopy(FILE_DATA_META_SCHEMA),
        "FileMessage": {
            "properties": {
                "file": {"$ref": "#/$defs/FileData"},
                "alt_text": {**_NULLABLE_STR, "title": "Alt Text"},
                "type": _const("file"),
            },
            "required": ["file"], "title": "FileMessage", "type": "object",
        },
        "Message": {
            "properties": {
                "role": {"title": "Role", "type": "string"},
                "metadata": {"anyOf": [{"$ref": "#/$defs/MetadataDict"}, {"type": "null"}], "default": None},
                "content": {
                    "items": {"anyOf": [{"$ref": "#/$defs/TextMessage"}, {"$ref": "#/$defs/FileMessage"},
                                        {"$ref": "#/$defs/ComponentMessage"}]},
                    "title": "Content", "type": "array",
                },
                "options": {"anyOf": [{"items": {"$ref": "#/$defs/OptionDict"}, "type": "array"}, {"type": "null"}],
                            "default": None, "title": "Options"},
            },
            "required": ["role", "content"], "title": "Message", "type": "object",
        },
        "MetadataDict": {
            "description": _META_DOC,
            "properties": {
                "title": {"title": "Title", "type": "string"},
                "id": {**_ID, "title": "Id"},
                "parent_id": {**_ID, "title": "Parent Id"},
                "log": {"title": "Log", "type": "string"},
                "duration": {"title": "Duration", "type": "number"},
                "status": {"enum": ["pending", "done"], "title": "Status", "type": "string"},
            },
            "title": "MetadataDict", "type": "object",
        },
        "OptionDict": {
            "description": _OPTION_DOC,
            "properties": {"value": {"title": "Value", "type": "string"}, "label": {"title": "Label", "type": "string"}},
            "required": ["value"], "title": "OptionDict", "type": "object",
        },
        "TextMessage": {
            "properties": {"text": {"title": "Text", "type": "string"}, "type": _const("text")},
            "required": ["text"], "title": "TextMessage", "type": "object",
        },
    }
    return {"$defs": defs, "items": {"$ref": "#/$defs/Message"}, "title": "ChatbotDataMessages", "type": "array",
            "additional_description": None}


# -- normalising message content -------------------------------------------------------
def _file_data(path: str, mime_type: str | None = None, orig_name: str | None = None) -> dict[str, Any]:
    return {"path": path, "url": None, "size": None, "orig_name": orig_name, "mime_type": mime_type,
            "is_stream": False, "meta": {"_type": FILE_DATA_TYPE}}


def _mime(path: str) -> str | None:
    return mimetypes.guess_type(path)[0]


def _file_part(file: dict[str, Any], alt_text: Any = None) -> dict[str, Any]:
    full = _file_data(str(file.get("path", "")))
    full.update({k: v for k, v in file.items() if k in full})
    full["meta"] = {"_type": FILE_DATA_TYPE}
    return {"file": full, "alt_text": alt_text, "type": "file"}


def _component_part(comp: Component) -> dict[str, Any]:
    """A component inside a message: its config, re-created so the caller's instance is untouched."""
    args = {k: v for k, v in getattr(comp, "_constructor_args", {}).items() if k != "render"}
    fresh = type(comp)(**{**args, "render": False})
    props = fresh.get_config()
    value = props.get("value")
    name = type(comp).__name__.lower()
    if name == "file" and value is not None and not isinstance(value, list):
        value = [value]
    args.pop("value", None)
    return {"component": name, "value": value, "constructor_args": _jsonable(args), "props": _jsonable(props),
            "type": "component"}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def normalise_part(part: Any) -> dict[str, Any]:
    """One content part in the wire format (text, file or component)."""
    if isinstance(part, str):
        return {"text": inspect.cleandoc(part), "type": "text"}
    if isinstance(part, Component):
        return _component_part(part)
    if isinstance(part, Path):
        return _file_part(_file_data(str(part), _mime(str(part))))
    if isinstance(part, tuple) and part:
        # Gradio's older (path, alt_text) tuple form.
        return _file_part(_file_data(str(part[0]), _mime(str(part[0]))), part[1] if len(part) > 1 else None)
    if isinstance(part, dict):
        kind = part.get("type")
        if kind == "text" and "text" in part:
            return {"text": str(part["text"]), "type": "text"}
        if kind == "component":
            return {"component": part["component"], "value": part.get("value"),
                    "constructor_args": part.get("constructor_args", {}), "props": part.get("props", {}),
                    "type": "component"}
        if "file" in part and isinstance(part["file"], dict):
            return _file_part(part["file"], part.get("alt_text"))
        if "path" in part:
            path = str(part["path"])
            if is_file_data(part):
                return _file_part(part, part.get("alt_text"))
            return _file_part(_file_data(path, _mime(path)), part.get("alt_text"))
    if isinstance(part, (int, float)) and not isinstance(part, bool):
        return {"text": str(part), "type": "text"}
    raise Error(f"Invalid message for Chatbot component: {part!r}")


def _message_fields(message: Any) -> tuple[str, Any, Any, Any]:
    if isinstance(message, (ChatMessage, Message)):
        return message.role, message.content, message.metadata, message.options
    if isinstance(message, dict) and "role" in message and "content" in message:
        return message["role"], message["content"], message.get("metadata"), message.get("options")
    raise Error(
        "Data incompatible with messages format. Each message should be a dictionary with 'role' and "
        "'content' keys or a ChatMessage object."
    )


def normalise_message(message: Any) -> dict[str, Any] | None:
    """A message in the wire format, or None when it has no content."""
    role, content, metadata, options = _message_fields(message)
    parts = content if isinstance(content, list) else [content]
    normalised = [normalise_part(p) for p in parts if p is not None]
    if not normalised:
        return None
    return {"role": role, "metadata": dict(metadata) if metadata is not None else None, "content": normalised,
            "options": list(options) if options is not None else None}


def split_reasoning(text: str, tags: list[tuple[str, str]]) -> list[tuple[str, bool, str]]:
    """``(text, is_reasoning, status)`` segments; an unclosed tag is a pending thought."""
    pattern = "|".join(f"({re.escape(o)})(.*?)(?:{re.escape(c)}|$)" for o, c in tags)
    out: list[tuple[str, bool, str]] = []
    last = 0
    for m in re.finditer(pattern, text, re.DOTALL):
        before = text[last:m.start()].strip()
        if before:
            out.append((before, False, "done"))
        inner = next((m.group(i + 1) for i in range(1, len(m.groups()), 2) if m.group(i + 1) is not None), None)
        if inner and inner.strip():
            closed = any(m.group(0).endswith(c) for _, c in tags)
            out.append((inner.strip(), True, "done" if closed else "pending"))
        last = m.end()
    rest = text[last:].strip()
    if rest:
        out.append((rest, False, "done"))
    return out


class Chatbot(Component):
    """A conversation view; the value is a list of messages in the openai format."""

    EVENTS = ["change", "select", "like", "retry", "undo", "example_select", "option_select", "clear", "copy",
              "edit"]
    PYTHON_TYPE = "list[dict]"
    DEFAULT_BUTTONS = ("share", "copy", "copy_all")
    CONFIG_PROPS = (
        "value", "label", "show_label", "container", "scale", "min_width", "visible", "elem_id", "elem_classes",
        "autoscroll", "key", "preserved_by_key", "height", "resizable", "max_height", "min_height", "editable",
        "latex_delimiters", "rtl", "buttons", "watermark", "avatar_images", "sanitize_html", "render_markdown",
        "feedback_options", "feedback_value", "line_breaks", "layout", "placeholder", "examples",
        "allow_file_downloads", "group_consecutive_messages", "allow_tags", "reasoning_tags", "like_user_message",
    )
    # Props holding FileData that the app must serve (avatars, example icons/files).
    FILE_PROPS = ("avatar_images", "examples")

    def __init__(
        self,
        value: Any = None,
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
        autoscroll: bool = True,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        height: int | str | None = 400,
        resizable: bool = False,
        max_height: int | str | None = None,
        min_height: int | str | None = None,
        editable: Literal["user", "all"] | None = None,
        latex_delimiters: list[dict[str, str | bool]] | None = None,
        rtl: bool = False,
        buttons: list[Any] | None = None,
        watermark: str | None = None,
        avatar_images: tuple[str | Path | None, str | Path | None] | None = None,
        sanitize_html: bool = True,
        render_markdown: bool = True,
        feedback_options: list[str] | tuple[str, ...] | None = ("Like", "Dislike"),
        feedback_value: Sequence[str | None] | None = None,
        line_breaks: bool = True,
        layout: Literal["panel", "bubble"] | None = None,
        placeholder: str | None = None,
        examples: list[ExampleMessage] | None = None,
        allow_file_downloads: bool = True,
        group_consecutive_messages: bool = True,
        allow_tags: list[str] | bool = True,
        reasoning_tags: list[tuple[str, str]] | None = None,
        like_user_message: bool = False,
    ) -> None:
        if editable not in (None, "user", "all"):
            raise ValueError("`editable` must be None, 'user' or 'all'.")
        if layout not in (None, "panel", "bubble"):
            raise ValueError("`layout` must be None, 'panel' or 'bubble'.")
        self.autoscroll = autoscroll
        self.height = height
        self.resizable = resizable
        self.max_height = max_height
        self.min_height = min_height
        self.editable = editable
        self.latex_delimiters = latex_delimiters if latex_delimiters is not None else [
            {"left": "$$", "right": "$$", "display": True}]
        self.rtl = rtl
        self.buttons = list(buttons) if buttons is not None else list(self.DEFAULT_BUTTONS)
        self.watermark = watermark
        self.sanitize_html = sanitize_html
        self.render_markdown = render_markdown
        self.feedback_options = list(feedback_options) if feedback_options is not None else None
        self.feedback_value = list(feedback_value) if feedback_value is not None else None
        self.line_breaks = line_breaks
        self.layout = layout
        self.allow_file_downloads = allow_file_downloads
        self.group_consecutive_messages = group_consecutive_messages
        self.allow_tags = allow_tags if allow_tags else False
        self.reasoning_tags = [tuple(t) for t in reasoning_tags] if reasoning_tags else None
        self.like_user_message = like_user_message
        # Set by the events that need the matching buttons (retry/undo/like listeners).
        self._retryable = False
        self._undoable = False
        self.likeable = False
        super().__init__(**component_kwargs(locals()))
        self.avatar_images: list[dict[str, Any] | None] = [None, None]
        if avatar_images is not None:
            self.avatar_images = [_static_file(a) for a in avatar_images]
        self.placeholder = placeholder
        self.examples = setup_examples(examples)

    def get_config(self) -> dict[str, Any]:
        props = super().get_config()
        props["_retryable"] = self._retryable
        props["_undoable"] = self._undoable
        props["likeable"] = self.likeable
        return props

    # -- values --------------------------------------------------------------------
    def preprocess(self, payload: Any) -> list[dict[str, Any]]:
        if payload is None:
            return []
        if not isinstance(payload, list):
            raise Error("Data incompatible with the messages format")
        out = []
        for message in payload:
            if not isinstance(message, dict) or "role" not in message or not isinstance(message.get("content"), list):
                raise Error("Data incompatible with the messages format")
            out.append({"role": message["role"], "metadata": message.get("metadata"),
                        "content": [normalise_part(p) for p in message["content"]],
                        "options": message.get("options")})
        return out

    def postprocess(self, value: Any) -> list[dict[str, Any]]:
        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            raise Error("Data incompatible with messages format. The Chatbot value must be a list of messages.")
        out: list[dict[str, Any]] = []
        for message in value:
            normal = normalise_message(message)
            if normal is None:
                continue
            out.extend(self._split_reasoning(normal) if self.reasoning_tags else [normal])
        return out

    def _split_reasoning(self, message: dict[str, Any]) -> list[dict[str, Any]]:
        tags = [(str(o), str(c)) for o, c in self.reasoning_tags or []]
        out: list[dict[str, Any]] = []
        others = [p for p in message["content"] if p["type"] != "text"]
        for part in message["content"]:
            if part["type"] != "text":
                continue
            for text, thinking, status in split_reasoning(part["text"], tags):
                meta = {"title": "Reasoning", "status": status} if thinking else message["metadata"]
                out.append({"role": message["role"], "metadata": meta, "content": [{"text": text, "type": "text"}],
                            "options": None if thinking else message["options"]})
        if others:
            out.append({**message, "content": others})
        return out

    def api_info(self) -> dict[str, Any]:
        return chatbot_schema()

    def example_payload(self) -> Any:
        return [
            {"role": "user", "metadata": None, "content": [{"text": "Hello!", "type": "text"}], "options": None},
            {"role": "assistant", "metadata": None, "content": [{"text": "How can I help you?", "type": "text"}],
             "options": None},
        ]

    def example_value(self) -> Any:
        return self.example_payload()


def _static_file(path: str | Path | None) -> dict[str, Any] | None:
    """A FileData for an avatar/icon path or URL (served by the app like Gradio's static files)."""
    if path is None:
        return None
    text = str(path)
    if text.startswith(("http://", "https://")):
        return {**_file_data(text), "url": text}
    # A missing file is not an error here (Gradio neither): the app serves no URL for it.
    return _file_data(text)


def setup_examples(examples: list[ExampleMessage] | None) -> list[dict[str, Any]] | None:
    """Examples with their icon and file paths turned into FileData (served by the app)."""
    if examples is None:
        return None
    out: list[dict[str, Any]] = []
    for example in examples:
        ex: dict[str, Any] = dict(example)
        if isinstance(ex.get("icon"), str):
            ex["icon"] = _static_file(ex["icon"])
        files = ex.get("files")
        if files is not None and not isinstance(files, list):
            raise Error("The 'files' key of an example must be a list of file paths or URLs.")
        if files:
            served = []
            for f in files:
                if isinstance(f, str):
                    fd = _static_file(f) or {}
                    fd["orig_name"] = Path(f).name
                    fd["mime_type"] = _mime(f)
                    served.append(fd)
                else:
                    served.append(f)
            ex["files"] = served
        out.append(ex)
    return out
