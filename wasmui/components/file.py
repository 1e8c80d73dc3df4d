"""``gr.File``: upload and download of one or many files."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from wasmui.components.base import component_kwargs
from wasmui.components.file_base import FileComponent
from wasmui.files import NamedString


class File(FileComponent):
    """Files in: a path (``type='filepath'``) or ``bytes``; files out: paths or URLs."""

    CONFIG_PROPS = ("value", "file_count", "file_types", "type", "label", "show_label", "container", "scale", "min_width", "height", "interactive", "visible", "elem_id", "elem_classes", "key", "preserved_by_key", "allow_reordering", "buttons")

    EVENTS = ["change", "select", "clear", "upload", "delete", "download"]

    def __init__(
        self,
        value: str | list[str] | Any | None = None,
        *,
        file_count: Literal["single", "multiple", "directory"] = "single",
        file_types: list[str] | None = None,
        type: Literal["filepath", "binary"] = "filepath",
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        height: int | str | float | None = None,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        allow_reordering: bool = False,
        buttons: list[Any] | None = None,
    ) -> None:
        if type not in ("filepath", "binary"):
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: ['filepath', 'binary']")
        if file_count not in ("single", "multiple", "directory"):
            raise ValueError("`file_count` must be 'single', 'multiple' or 'directory'.")
        self.file_count = file_count
        self.file_types = file_types
        self.type = type
        self.height = height
        self.allow_reordering = allow_reordering
        self.buttons = buttons
        super().__init__(**component_kwargs(locals()))

    @property
    def multiple(self) -> bool:
        """Whether the payload is a list of files."""
        return self.file_count in ("multiple", "directory")

    def _one(self, item: Any) -> str | bytes:
        checked = self.file_in(item)
        return self.read_bytes(checked) if self.type == "binary" else NamedString(checked["path"])

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        if self.file_count == "single":
            return self._one(payload[0] if isinstance(payload, list) and payload else payload)
        return [self._one(i) for i in self.files_in(payload)]

    def postprocess(self, value: Any) -> Any:
        # Gradio 6.31 leaves mime_type null for File outputs; clients guess from the name.
        if value is None:
            return None
        if isinstance(value, (list, tuple)):
            return [self.file_out(v) for v in value]
        return self.file_out(value)

    def process_example(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, list):
            return ", ".join(Path(v).name for v in value)
        return Path(value).name


class Files(File):
    """Gradio's ``gr.Files`` template: a ``File`` taking several files by default."""

    def __init__(self, value: Any = None, *, file_count: Literal["single", "multiple", "directory"] = "multiple",
                 **kwargs: Any) -> None:
        super().__init__(value, file_count=file_count, **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "file"
