"""``gr.File``: upload and download of one or many files."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any, Literal

from wasmui.components.base import Component, component_kwargs
from wasmui.exceptions import Error

_FILE_DATA_DOC = (
    "The FileData class is a subclass of the GradioModel class that represents a file object within a Gradio "
    "interface. It is used to store file data and metadata when a file is uploaded.\n\nAttributes:\n"
    "    path: The server file path where the file is stored.\n"
    "    url: The normalized server URL pointing to the file.\n"
    "    size: The size of the file in bytes.\n"
    "    orig_name: The original filename before upload.\n"
    "    mime_type: The MIME type of the file.\n"
    "    is_stream: Indicates whether the file is a stream.\n"
    "    meta: Additional metadata used internally (should not be changed)."
)
_NULLABLE = {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None}
# The JSON schema Gradio's pydantic FileData model produces (clients detect files by it).
FILE_DATA_SCHEMA: dict[str, Any] = {
    "properties": {
        "is_stream": {"default": False, "title": "Is Stream", "type": "boolean"},
        "meta": {"$ref": "#/$defs/FileDataMeta"},
        "mime_type": {**_NULLABLE, "title": "Mime Type"},
        "orig_name": {**_NULLABLE, "title": "Orig Name"},
        "path": {"title": "Path", "type": "string"},
        "size": {"anyOf": [{"type": "integer"}, {"type": "null"}], "default": None, "title": "Size"},
        "url": {**_NULLABLE, "title": "Url"},
    },
    "required": ["path"],
    "title": "FileData",
    "type": "object",
}
FILE_DATA_META_SCHEMA: dict[str, Any] = {
    "properties": {"_type": {"const": "gradio.FileData", "title": "Type", "type": "string"}},
    "required": ["_type"],
    "title": "FileDataMeta",
    "type": "object",
}
FILE_TYPE_GROUPS = {"image", "video", "audio", "text", "file"}


def file_data_schema(multiple: bool = False) -> dict[str, Any]:
    """JSON schema of one FileData (or a list of them), as gradio_client expects."""
    import copy

    meta = copy.deepcopy(FILE_DATA_META_SCHEMA)
    if not multiple:
        return {"$defs": {"FileDataMeta": meta}, "additional_description": _FILE_DATA_DOC,
                **copy.deepcopy(FILE_DATA_SCHEMA)}
    single = {"description": _FILE_DATA_DOC, **copy.deepcopy(FILE_DATA_SCHEMA)}
    return {"$defs": {"FileData": single, "FileDataMeta": meta}, "additional_description": None,
            "items": {"$ref": "#/$defs/FileData"}, "title": "ListFiles", "type": "array"}


def make_file_data(path: str | Path, orig_name: str | None = None) -> dict[str, Any]:
    """A FileData payload for a local file or URL (the server moves it to the cache)."""
    text = str(path)
    if text.startswith(("http://", "https://")):
        return {"path": text, "url": text, "size": None, "orig_name": orig_name or Path(text).name,
                "mime_type": None, "is_stream": False, "meta": {"_type": "gradio.FileData"}}
    p = Path(text)
    if not p.is_file():
        raise Error(f"File not found: {p.name}")
    return {"path": text, "url": None, "size": p.stat().st_size, "orig_name": orig_name or p.name,
            # Gradio 6.31 leaves mime_type null for File outputs; clients guess from the name.
            "mime_type": None, "is_stream": False, "meta": {"_type": "gradio.FileData"}}


def check_file_type(name: str, file_types: list[str] | None) -> None:
    """Refuse an upload whose name does not match ``file_types``."""
    if not file_types:
        return
    suffix = Path(name).suffix.lower()
    mime = (mimetypes.guess_type(name)[0] or "").split("/")[0]
    for ft in file_types:
        ft_l = ft.lower()
        if ft_l == "file" or (ft_l in FILE_TYPE_GROUPS and ft_l == mime) or (ft_l.startswith(".") and ft_l == suffix):
            return
    raise Error(f"Invalid file type: {Path(name).name}. Please upload a file that is one of these formats: {file_types}")


class File(Component):
    """Files in: a path (``type='filepath'``) or ``bytes``; files out: paths or URLs."""

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
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            raise Error("Expected a file (a FileData object with a 'path').")
        check_file_type(item.get("orig_name") or item["path"], self.file_types)
        if self.type == "binary":
            return Path(item["path"]).read_bytes()
        return item["path"]

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        if self.file_count == "single":
            return self._one(payload[0] if isinstance(payload, list) and payload else payload)
        items = payload if isinstance(payload, list) else [payload]
        return [self._one(i) for i in items]

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, (list, tuple)):
            return [make_file_data(v) for v in value]
        return make_file_data(value)

    def process_example(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, list):
            return ", ".join(Path(v).name for v in value)
        return Path(value).name

    def api_info(self) -> dict[str, Any]:
        return file_data_schema(self.multiple)

    def python_type(self) -> dict[str, str]:
        return {"type": "filepath", "description": ""}

    def example_payload(self) -> Any:
        url = "https://github.com/gradio-app/gradio/raw/main/test/test_files/sample_file.pdf"
        sample = {"path": url, "meta": {"_type": "gradio.FileData"}, "orig_name": "sample_file.pdf", "url": url}
        return [sample] if self.multiple else sample

    def example_value(self) -> Any:
        url = "https://github.com/gradio-app/gradio/raw/main/test/test_files/sample_file.pdf"
        return [url] if self.multiple else url
