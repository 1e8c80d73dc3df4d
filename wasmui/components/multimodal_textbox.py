"""``gr.MultimodalTextbox``: text plus attached files; the value is ``{"text", "files"}``."""

from __future__ import annotations

import copy
import mimetypes
from pathlib import Path
from typing import Any, Literal

from wasmui.components.base import COMMON_PROPS, FormComponent, component_kwargs
from wasmui.components.file_base import (
    _FILE_DATA_DOC,
    FILE_DATA_META_SCHEMA,
    FILE_DATA_SCHEMA,
    check_file_size,
    check_file_type,
)
from wasmui.context import max_file_size
from wasmui.exceptions import Error
from wasmui.files import FILE_DATA_TYPE


def _file_data(path: str) -> dict[str, Any]:
    url = path if path.startswith(("http://", "https://")) else None
    return {"path": path, "url": url, "size": None, "orig_name": Path(path).name,
            "mime_type": mimetypes.guess_type(path)[0], "is_stream": False, "meta": {"_type": FILE_DATA_TYPE}}


class MultimodalTextbox(FormComponent):
    """A chat-style input: text with an upload button (and drag/drop, paste) for files."""

    EVENTS = ["change", "input", "select", "submit", "focus", "blur", "stop"]
    PYTHON_TYPE = "dict"
    CONFIG_PROPS = COMMON_PROPS + (
        "sources", "file_types", "file_count", "lines", "max_lines", "placeholder", "autofocus", "autoscroll",
        "text_align", "rtl", "submit_btn", "stop_btn", "max_plain_text_length", "html_attributes",
    )

    def __init__(
        self,
        value: str | dict[str, Any] | Any | None = None,
        *,
        sources: list[Literal["upload", "microphone"]] | Literal["upload", "microphone"] | None = None,
        file_types: list[str] | None = None,
        file_count: Literal["single", "multiple", "directory"] = "single",
        lines: int = 1,
        max_lines: int = 20,
        placeholder: str | None = None,
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
        autofocus: bool = False,
        autoscroll: bool = True,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        text_align: Literal["left", "right"] | None = None,
        rtl: bool = False,
        submit_btn: str | bool | None = True,
        stop_btn: str | bool | None = False,
        max_plain_text_length: int = 1000,
        html_attributes: Any = None,
    ) -> None:
        if file_count not in ("single", "multiple", "directory"):
            raise ValueError("`file_count` must be 'single', 'multiple' or 'directory'.")
        self.sources = [sources] if isinstance(sources, str) else list(sources or ["upload"])
        for s in self.sources:
            if s not in ("upload", "microphone"):
                raise ValueError(f"`sources` must be a list of 'upload' and/or 'microphone', got {s!r}")
        self.file_types = file_types
        self.file_count = file_count
        self.lines = lines
        self.max_lines = max_lines
        self.placeholder = placeholder
        self.autofocus = autofocus
        self.autoscroll = autoscroll
        self.text_align = text_align
        self.rtl = rtl
        self.submit_btn = submit_btn
        self.stop_btn = stop_btn
        self.max_plain_text_length = max_plain_text_length
        self.html_attributes = html_attributes
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> dict[str, Any] | None:
        if payload is None:
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("text", ""), str):
            raise Error("MultimodalTextbox expects {'text': str, 'files': [FileData, ...]}.")
        paths = []
        for f in payload.get("files") or []:
            if not isinstance(f, dict) or not isinstance(f.get("path"), str):
                raise Error("Each file of a MultimodalTextbox value must be a FileData object with a 'path'.")
            check_file_type(f.get("orig_name") or f["path"], self.file_types)
            check_file_size(f, max_file_size.get())
            paths.append(f["path"])
        return {"text": payload.get("text", ""), "files": paths}

    def postprocess(self, value: Any) -> dict[str, Any]:
        if value is None:
            return {"text": "", "files": []}
        if isinstance(value, str):
            return {"text": value, "files": []}
        if not isinstance(value, dict):
            raise Error(f"MultimodalTextbox expects a string or a dictionary with optional keys 'text' and 'files'. "
                        f"Received {type(value).__name__}")
        text = value.get("text", "")
        if not isinstance(text, str):
            raise Error(f"Expected 'text' to be a string, but got {type(text).__name__}")
        raw = value.get("files")
        files: list[Any] = raw if isinstance(raw, list) else []
        return {"text": text, "files": [dict(f) if isinstance(f, dict) else _file_data(str(f)) for f in files]}

    def api_info(self) -> dict[str, Any]:
        return {
            "$defs": {"FileData": {"description": _FILE_DATA_DOC, **copy.deepcopy(FILE_DATA_SCHEMA)},
                      "FileDataMeta": copy.deepcopy(FILE_DATA_META_SCHEMA)},
            "properties": {"text": {"title": "Text", "type": "string"},
                           "files": {"items": {"$ref": "#/$defs/FileData"}, "title": "Files", "type": "array"}},
            "required": ["text"], "title": "MultimodalData", "type": "object", "additional_description": None,
        }

    def example_payload(self) -> Any:
        url = "https://raw.githubusercontent.com/gradio-app/gradio/main/test/test_files/bus.png"
        return {"text": "Describe this image",
                "files": [{"path": url, "meta": {"_type": FILE_DATA_TYPE}, "orig_name": "bus.png", "url": url}]}

    def example_value(self) -> Any:
        return {"text": "Describe this image",
                "files": ["https://raw.githubusercontent.com/gradio-app/gradio/main/test/test_files/bus.png"]}
