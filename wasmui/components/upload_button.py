"""``gr.UploadButton``: a button that opens the file picker and uploads."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from wasmui.components.file_base import FileComponent, file_data_schema
from wasmui.exceptions import Error
from wasmui.files import NamedString


def button_file_data(path: str | Path, with_size: bool = True) -> dict[str, Any]:
    """FileData for a button's file output (http URLs pass through)."""
    text = str(path)
    if text.startswith(("http://", "https://")):
        return {"path": text, "url": text, "size": None, "orig_name": Path(text.split("?", 1)[0]).name,
                "mime_type": None, "is_stream": False, "meta": {"_type": "gradio.FileData"}}
    p = Path(text)
    if not p.is_file():
        raise Error(f"File not found: {p.name}")
    return {"path": text, "url": None, "size": p.stat().st_size if with_size else None, "orig_name": p.name,
            "mime_type": None, "is_stream": False, "meta": {"_type": "gradio.FileData"}}


class UploadButton(FileComponent):
    """Uploads one or many files; passes paths (``type='filepath'``) or bytes."""

    CONFIG_PROPS = ("label", "value", "variant", "visible", "size", "icon", "scale", "min_width", "interactive",
                    "elem_id", "elem_classes", "key", "preserved_by_key", "type", "file_count", "file_types")

    EVENTS = ["change", "click", "upload"]
    PYTHON_TYPE = "filepath"

    def __init__(
        self,
        label: str = "Upload a File",
        value: str | list[str] | Any | None = None,
        *,
        every: Any = None,
        inputs: Any = None,
        variant: Literal["primary", "secondary", "stop"] = "secondary",
        visible: bool | str = True,
        size: Literal["sm", "md", "lg"] = "lg",
        icon: str | None = None,
        scale: int | None = None,
        min_width: int | None = None,
        interactive: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        type: Literal["filepath", "binary"] = "filepath",
        file_count: Literal["single", "multiple", "directory"] = "single",
        file_types: list[str] | None = None,
    ) -> None:
        if type not in ("filepath", "binary"):
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: ['filepath', 'binary']")
        if file_count not in ("single", "multiple", "directory"):
            raise ValueError("`file_count` must be 'single', 'multiple' or 'directory'.")
        self.type = type
        self.file_count = file_count
        self.file_types = file_types
        self.variant = variant
        self.size = size
        self.icon = icon
        super().__init__(value, label=label, every=every, inputs=inputs, visible=visible, interactive=interactive,
                         elem_id=elem_id, elem_classes=elem_classes, render=render, key=key,
                         preserved_by_key=preserved_by_key, scale=scale, min_width=min_width)

    @property
    def multiple(self) -> bool:
        """Whether the payload is a list of files."""
        return self.file_count in ("multiple", "directory")

    def _one(self, item: Any) -> str | bytes:
        item = self.file_in(item)
        if self.type == "binary":
            return self.read_bytes(item)
        return NamedString(item["path"])

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        if not self.multiple:
            return self._one(payload[0] if isinstance(payload, list) and payload else payload)
        items = payload if isinstance(payload, list) else [payload]
        return [self._one(i) for i in items]

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, (list, tuple)):
            return [button_file_data(v) for v in value]
        return button_file_data(value)

    def process_example(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, list):
            return ", ".join(Path(str(v)).name for v in value)
        return Path(str(value)).name

    def api_info(self) -> dict[str, Any]:
        # Gradio's UploadButton schema puts the FileData doc in "description" (no additional_description).
        schema = file_data_schema(self.multiple)
        doc = schema.pop("additional_description", None)
        if not self.multiple:
            schema["description"] = doc
        return schema

