"""The base of every component whose payload is a file (``FileData``).

``File`` uses it now; Image, Audio, Video, Gallery, Model3D, UploadButton and
DownloadButton build on it. What it owns:

* **in**: a FileData payload is checked (shape, ``file_types``, size against the
  app's ``max_file_size``) and turned into a path or bytes (``file_in``);
* **out**: a path, URL or in-memory bytes become a FileData payload (``file_out``);
  the server then copies the file into the app's file store and gives it a
  ``/gradio_api/file=`` URL (``wasmui.outputs.serve_files``), so a component
  never builds URLs itself;
* **uploads** live in the app's file store; before ``preprocess`` runs, the core
  refuses any input path the store did not receive (``processing.check_input_files``).
"""

from __future__ import annotations

import copy
import hashlib
import mimetypes
import tempfile
from pathlib import Path
from typing import Any, ClassVar

from wasmui.components.base import Component
from wasmui.context import max_file_size
from wasmui.exceptions import Error
from wasmui.files import FILE_DATA_TYPE, sanitize_filename

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
    "properties": {"_type": {"const": FILE_DATA_TYPE, "title": "Type", "type": "string"}},
    "required": ["_type"],
    "title": "FileDataMeta",
    "type": "object",
}
FILE_TYPE_GROUPS = {"image", "video", "audio", "text", "file"}
# A public sample Gradio's API docs use for file inputs (never fetched by wasmui).
SAMPLE_FILE_URL = "https://github.com/gradio-app/gradio/raw/main/test/test_files/sample_file.pdf"


def file_data_schema(multiple: bool = False) -> dict[str, Any]:
    """JSON schema of one FileData (or a list of them), as gradio_client expects."""
    meta = copy.deepcopy(FILE_DATA_META_SCHEMA)
    if not multiple:
        return {"$defs": {"FileDataMeta": meta}, "additional_description": _FILE_DATA_DOC,
                **copy.deepcopy(FILE_DATA_SCHEMA)}
    single = {"description": _FILE_DATA_DOC, **copy.deepcopy(FILE_DATA_SCHEMA)}
    return {"$defs": {"FileData": single, "FileDataMeta": meta}, "additional_description": None,
            "items": {"$ref": "#/$defs/FileData"}, "title": "ListFiles", "type": "array"}


def make_file_data(path: str | Path, orig_name: str | None = None, mime_type: str | None = None) -> dict[str, Any]:
    """A FileData payload for a local file or URL (the server moves it to the cache)."""
    text = str(path)
    if text.startswith(("http://", "https://")):
        return {"path": text, "url": text, "size": None, "orig_name": orig_name or Path(text).name,
                "mime_type": mime_type, "is_stream": False, "meta": {"_type": FILE_DATA_TYPE}}
    p = Path(text)
    if not p.is_file():
        raise Error(f"File not found: {p.name}")
    return {"path": text, "url": None, "size": p.stat().st_size, "orig_name": orig_name or p.name,
            "mime_type": mime_type, "is_stream": False, "meta": {"_type": FILE_DATA_TYPE}}


def check_file_type(name: str, file_types: list[str] | None) -> None:
    """Refuse an upload whose name does not match ``file_types`` (``.ext`` or a group like ``image``)."""
    if not file_types:
        return
    suffix = Path(name).suffix.lower()
    mime = (mimetypes.guess_type(name)[0] or "").split("/")[0]
    for ft in file_types:
        ft_l = ft.lower()
        if ft_l == "file" or (ft_l in FILE_TYPE_GROUPS and ft_l == mime) or (ft_l.startswith(".") and ft_l == suffix):
            return
    raise Error(f"Invalid file type: {Path(name).name}. Please upload a file that is one of these formats: {file_types}")


def check_file_size(item: dict[str, Any], limit: int | None) -> None:
    """Refuse a file larger than the app's ``max_file_size``."""
    if limit is None:
        return
    size = item.get("size")
    if not isinstance(size, int):
        path = Path(str(item.get("path", "")))
        size = path.stat().st_size if path.is_file() else None
    if size is not None and size > limit:
        name = item.get("orig_name") or Path(str(item.get("path", ""))).name
        raise Error(f"File {name} is {size} bytes, larger than the app's limit of {limit} bytes.")


def save_bytes(data: bytes, name: str) -> str:
    """Write in-memory output (e.g. an encoded image) to a temp file the file store may read."""
    folder = Path(tempfile.gettempdir()) / "wasmui-outputs" / hashlib.sha256(data).hexdigest()[:32]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / sanitize_filename(name)
    if not target.exists():
        target.write_bytes(data)
    return str(target)


class FileComponent(Component):
    """A component whose payload is one FileData (or a list of them when ``multiple``)."""

    #: ``file_types`` entries (``.ext`` or a group like ``"image"``); None accepts anything.
    file_types: list[str] | None = None
    #: The ``python_type`` of ``/info`` (Gradio names file inputs ``filepath``).
    PYTHON_TYPE: ClassVar[str] = "filepath"

    @property
    def multiple(self) -> bool:
        """Whether the payload is a list of files (a subclass with ``file_count`` decides)."""
        return False

    # -- in ----------------------------------------------------------------------
    def file_in(self, item: Any) -> dict[str, Any]:
        """Check one FileData payload (shape, ``file_types``, size) and return it."""
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            raise Error("Expected a file (a FileData object with a 'path').")
        check_file_type(item.get("orig_name") or item["path"], self.file_types)
        check_file_size(item, max_file_size.get())
        return item

    def files_in(self, payload: Any) -> list[dict[str, Any]]:
        """Every FileData of a payload (a single one or a list), each checked."""
        if payload is None:
            return []
        items = payload if isinstance(payload, list) else [payload]
        return [self.file_in(i) for i in items]

    @staticmethod
    def read_bytes(item: dict[str, Any]) -> bytes:
        """The content of a checked FileData."""
        return Path(item["path"]).read_bytes()

    # -- out ---------------------------------------------------------------------
    def file_out(self, value: Any, orig_name: str | None = None, mime_type: str | None = None) -> dict[str, Any]:
        """A path, URL, FileData dict or ``bytes`` → a FileData payload."""
        if isinstance(value, dict) and isinstance(value.get("path"), str):
            return {**make_file_data(value["path"], value.get("orig_name"), value.get("mime_type")),
                    **({"url": value["url"]} if value.get("url") else {})}
        if isinstance(value, (bytes, bytearray)):
            return make_file_data(save_bytes(bytes(value), orig_name or "file"), orig_name, mime_type)
        return make_file_data(value, orig_name, mime_type)

    def path_out(self, value: Any) -> dict[str, Any] | None:
        """One file given as a path, ``Path``, URL or FileData → FileData named after the file."""
        if value is None:
            return None
        if isinstance(value, dict):
            return self.file_out(value)
        return self.file_out(str(value), orig_name=Path(str(value)).name)

    def path_in(self, payload: Any) -> str | None:
        """One uploaded FileData → the stored file's path."""
        return None if payload is None else str(self.file_in(payload)["path"])

    # -- description -------------------------------------------------------------
    def api_info(self) -> dict[str, Any]:
        return file_data_schema(self.multiple)

    def example_payload(self) -> Any:
        sample = {"path": SAMPLE_FILE_URL, "meta": {"_type": FILE_DATA_TYPE}, "orig_name": "sample_file.pdf",
                  "url": SAMPLE_FILE_URL}
        return [sample] if self.multiple else sample

    def example_value(self) -> Any:
        return [SAMPLE_FILE_URL] if self.multiple else SAMPLE_FILE_URL
