"""``gr.Gallery``: a grid of images (and videos) with captions, a preview,
selection, and uploads when interactive."""

from __future__ import annotations

import copy
import mimetypes
import urllib.parse
from pathlib import Path
from typing import Any, ClassVar, Literal

from wasmui import imaging
from wasmui.components.base import component_kwargs
from wasmui.components.file_base import (
    _FILE_DATA_DOC, FILE_DATA_META_SCHEMA, FILE_DATA_SCHEMA, FileComponent, check_file_type,
)
from wasmui.components.image import IMAGE_DATA_DESCRIPTION, IMAGE_DATA_SCHEMA, SAMPLE_IMAGE, image_data
from wasmui.exceptions import Error

OBJECT_FITS = ("contain", "cover", "fill", "none", "scale-down")


def _mime(path: str) -> str | None:
    return mimetypes.guess_type(urllib.parse.urlparse(path).path if imaging.is_url(path) else path)[0]


def gallery_item(item: Any, format: str) -> dict[str, Any]:
    """One gallery entry (``media`` or ``(media, caption)``) as GalleryImage/GalleryVideo."""
    caption = None
    if isinstance(item, (tuple, list)):
        if len(item) != 2:
            raise Error("Each gallery item must be an image or an (image, caption) pair.")
        item, caption = item
        caption = None if caption is None else str(caption)
    if isinstance(item, Path):
        item = str(item)
    if isinstance(item, str):
        mime = _mime(item)
        name = Path(urllib.parse.urlparse(item).path).name if imaging.is_url(item) else Path(item).name
        if item.lower().endswith(".svg") and not imaging.is_url(item):
            return {"image": image_data(None, orig_name=name, url=imaging.svg_data_url(item), mime_type=mime),
                    "caption": caption}
        url = item if imaging.is_url(item) else None
        if mime and mime.startswith("video"):
            return {"video": {**image_data(item, orig_name=name, url=url, mime_type=mime)}, "caption": caption}
        return {"image": image_data(item, orig_name=name, url=url, mime_type=mime), "caption": caption}
    if imaging.is_ndarray(item) or imaging.is_pil_image(item):
        return {"image": image_data(imaging.image_to_file(item, format)), "caption": caption}
    raise Error(f"Cannot process type as image: {type(item)}")


def gallery_schema() -> dict[str, Any]:
    """The JSON schema of Gradio's ``GalleryData`` (list of GalleryImage | GalleryVideo)."""
    caption = {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None, "title": "Caption"}
    return {
        "$defs": {
            "FileData": {"description": _FILE_DATA_DOC, **copy.deepcopy(FILE_DATA_SCHEMA)},
            "FileDataMeta": copy.deepcopy(FILE_DATA_META_SCHEMA),
            "GalleryImage": {"properties": {"caption": caption, "image": {"$ref": "#/$defs/ImageData"}},
                             "required": ["image"], "title": "GalleryImage", "type": "object"},
            "GalleryVideo": {"properties": {"caption": copy.deepcopy(caption), "video": {"$ref": "#/$defs/FileData"}},
                             "required": ["video"], "title": "GalleryVideo", "type": "object"},
            "ImageData": {"description": IMAGE_DATA_DESCRIPTION, **copy.deepcopy(IMAGE_DATA_SCHEMA)},
        },
        "additional_description": None,
        "items": {"anyOf": [{"$ref": "#/$defs/GalleryImage"}, {"$ref": "#/$defs/GalleryVideo"}]},
        "title": "GalleryData",
        "type": "array",
    }


class Gallery(FileComponent):
    """Images in (a list of ``(media, caption)``) and out (media or ``(media, caption)``)."""

    CONFIG_PROPS = ("value", "format", "file_types", "label", "show_label", "container", "scale", "min_width",
                    "visible", "elem_id", "elem_classes", "key", "preserved_by_key", "columns", "rows", "height",
                    "allow_preview", "preview", "selected_index", "object_fit", "buttons", "interactive", "type",
                    "fit_columns", "sources")
    EVENTS: ClassVar[list[str]] = ["select", "upload", "change", "delete", "preview_close", "preview_open"]
    DEFAULT_BUTTONS: ClassVar[tuple[str, ...] | None] = ("share", "download", "download_all", "fullscreen")

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",
        file_types: list[str] | None = None,
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        visible: bool | Literal["hidden"] = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[int | str, ...] | None = None,
        preserved_by_key: list[str] | str | None = "value",
        columns: int | None = 2,
        rows: int | None = None,
        height: int | float | str | None = None,
        allow_preview: bool = True,
        preview: bool | None = None,
        selected_index: int | None = None,
        object_fit: Literal["contain", "cover", "fill", "none", "scale-down"] | None = None,
        buttons: list[Any] | None = None,
        interactive: bool | None = None,
        type: Literal["numpy", "pil", "filepath"] = "filepath",
        fit_columns: bool = True,
        sources: list[Literal["upload", "webcam", "clipboard"]] | None = None,
    ) -> None:
        if type not in imaging.IMAGE_TYPES:
            raise ValueError(f"Invalid type: {type}. Must be one of {list(imaging.IMAGE_TYPES)}")
        if object_fit is not None and object_fit not in OBJECT_FITS:
            raise ValueError(f"Invalid object_fit: {object_fit}. Must be one of {list(OBJECT_FITS)}")
        self.format = format
        self.file_types = file_types
        self.columns = columns
        self.rows = rows
        self.height = height
        self.allow_preview = allow_preview
        self.preview = preview
        self.selected_index = selected_index
        self.object_fit = object_fit
        self.buttons = buttons
        self.type = type
        self.fit_columns = fit_columns
        self.sources = list(sources) if sources else ["upload"]
        super().__init__(**component_kwargs(locals()))

    def required_packages(self) -> set[str]:
        # Arrays and PIL images in either direction need Pillow (and numpy for ``type="numpy"``).
        return {"pillow", "numpy"} if self.type == "numpy" else {"pillow"}

    # -- values ------------------------------------------------------------------
    def preprocess(self, payload: Any) -> list[tuple[Any, str | None]] | None:
        """GalleryData → list of ``(path | array | PIL image, caption)``; videos stay paths."""
        if not payload:
            return None
        if not isinstance(payload, list):
            raise Error("Expected a gallery (a list of {'image': FileData, 'caption': ...} items).")
        out: list[tuple[Any, str | None]] = []
        for entry in payload:
            if not isinstance(entry, dict) or not isinstance(entry.get("image") or entry.get("video"), dict):
                raise Error("Each gallery item must be {'image': FileData} or {'video': FileData}.")
            is_video = "video" in entry and isinstance(entry["video"], dict)
            media = entry["video"] if is_video else entry["image"]
            path = media.get("path") or ""
            name = media.get("orig_name") or path
            if self.file_types:
                try:
                    check_file_type(name, self.file_types)
                except Error:
                    raise Error("Invalid file type. Please upload a file that is one of these formats: "
                                f"{self.file_types}") from None
            if is_video or self.type == "filepath":
                out.append((path, entry.get("caption")))
                continue
            im = imaging.open_image_file(path, media.get("orig_name"))
            if self.type == "numpy":
                import numpy as np

                out.append((np.array(im), entry.get("caption")))
            else:
                out.append((im, entry.get("caption")))
        return out

    def postprocess(self, value: Any) -> list[dict[str, Any]]:
        """A list of media or ``(media, caption)`` → GalleryData."""
        if value is None:
            return []
        if isinstance(value, str):
            raise Error("The `value` passed into `gr.Gallery` must be a list of images or videos, or list of "
                        "(media, caption) tuples.")
        return [gallery_item(item, self.format) for item in value]

    def process_example(self, value: Any) -> Any:
        return self.postprocess(value)

    def api_info(self) -> dict[str, Any]:
        return gallery_schema()

    def python_type(self) -> dict[str, str]:
        return {"type": "List[Dict(image: filepath, caption: str | None)]", "description": ""}

    def example_payload(self) -> Any:
        return [{"image": {"path": SAMPLE_IMAGE, "meta": {"_type": "gradio.FileData"}, "orig_name": "bus.png",
                           "url": SAMPLE_IMAGE}}]

    def example_value(self) -> Any:
        return [SAMPLE_IMAGE]
