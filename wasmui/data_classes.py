"""``gradio.data_classes``: ``FileData`` and its dict shape.

Gradio's ``FileData`` is a pydantic model; here it is a ``dict`` carrying the
FileData marker, so every place that accepts a FileData payload accepts it, and
attribute access (``fd.path``) and ``model_dump()`` work as in Gradio.
"""

from __future__ import annotations

from typing import Any, TypedDict

from wasmui.files import FILE_DATA_TYPE


class FileDataDict(TypedDict, total=False):
    """The JSON shape of a file on the wire."""

    path: str
    url: str | None
    size: int | None
    orig_name: str | None
    mime_type: str | None
    is_stream: bool
    meta: dict[str, Any]


class FileData(dict[str, Any]):
    """A file: ``gr.FileData(path=..., orig_name=...)``."""

    def __init__(self, *, path: str, url: str | None = None, size: int | None = None, orig_name: str | None = None,
                 mime_type: str | None = None, is_stream: bool = False, meta: dict[str, Any] | None = None) -> None:
        super().__init__(path=str(path), url=url, size=size, orig_name=orig_name, mime_type=mime_type,
                         is_stream=is_stream, meta={**(meta or {}), "_type": FILE_DATA_TYPE})

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def model_dump(self) -> dict[str, Any]:
        """A plain dict (pydantic's spelling)."""
        return dict(self)

    @property
    def is_none(self) -> bool:
        """True when neither a path nor a URL is set."""
        return not self.get("path") and not self.get("url")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FileData:
        """Build from a FileData dict (extra keys ignored)."""
        keys = ("path", "url", "size", "orig_name", "mime_type", "is_stream", "meta")
        return cls(**{k: data[k] for k in keys if k in data})
