"""``gr.AnnotatedImage``: a base image with coloured boxes and masks on top,
a legend, and ``select`` on an annotation (display only)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, ClassVar, Literal

from wasmui import imaging
from wasmui.components.base import component_kwargs
from wasmui.components.file_base import _FILE_DATA_DOC, FILE_DATA_META_SCHEMA, FILE_DATA_SCHEMA, FileComponent
from wasmui.components.image import SAMPLE_IMAGE
from wasmui.exceptions import Error

BORDER = 3  # px, the outline Gradio draws around a box annotation


def _file(path: str) -> dict[str, Any]:
    return {"path": path, "url": None, "size": None, "orig_name": None, "mime_type": None, "is_stream": False,
            "meta": {"_type": "gradio.FileData"}}


def hex_to_rgb(colour: str) -> list[int]:
    """``#rrggbb`` / ``#rgb`` → ``[r, g, b]``."""
    h = colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    if len(h) != 6:
        raise Error(f"Invalid colour {colour!r} in color_map (expected #rrggbb).")
    return [int(h[i:i + 2], 16) for i in (0, 2, 4)]


def annotation_mask(height: int, width: int, mask: Any, rgb: list[int]) -> Any:
    """An RGBA overlay: a 0-1 confidence mask as alpha, or a box ``(x1, y1, x2, y2)``
    filled at half alpha with a solid border (Gradio's drawing)."""
    import numpy as np

    if imaging.is_ndarray(mask):
        alpha = np.asarray(mask, dtype=np.float64)
        if alpha.shape[:2] != (height, width):
            raise Error(f"A mask of shape {alpha.shape} does not match the image ({height}, {width}).")
        alpha = alpha[:, :, 0] if alpha.ndim == 3 else alpha
    else:
        try:
            x1, y1, x2, y2 = (int(v) for v in mask)
        except (TypeError, ValueError):
            raise Error("Each annotation must be a mask array or a box (x1, y1, x2, y2) with a label.") from None
        alpha = np.zeros((height, width))
        alpha[y1:y2, x1:x2] = 0.5
        alpha[y1:y2, x1:x1 + BORDER] = 1
        alpha[y1:y2, x2 - BORDER:x2] = 1
        alpha[y1:y1 + BORDER, x1:x2] = 1
        alpha[y2 - BORDER:y2, x1:x2] = 1
    out = np.zeros((height, width, 4))
    solid = (alpha > 0).astype(np.float64)
    for i in range(3):
        out[:, :, i] = rgb[i] * solid
    out[:, :, 3] = np.clip(alpha, 0, 1) * 255
    return out.astype(np.uint8)


class AnnotatedImage(FileComponent):
    """A base image and ``(mask or box, label)`` annotations, shown with a legend."""

    CONFIG_PROPS = ("value", "format", "show_legend", "height", "width", "color_map", "label", "show_label",
                    "container", "scale", "min_width", "visible", "elem_id", "elem_classes", "key", "preserved_by_key",
                    "buttons")
    EVENTS: ClassVar[list[str]] = ["change", "select"]
    DEFAULT_BUTTONS: ClassVar[tuple[str, ...] | None] = ("fullscreen",)

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",
        show_legend: bool = True,
        height: int | str | None = None,
        width: int | str | None = None,
        color_map: dict[str, str] | None = None,
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
        buttons: list[Any] | None = None,
    ) -> None:
        self.format = format
        self.show_legend = show_legend
        self.height = height
        self.width = width
        self.color_map = color_map
        self.buttons = buttons
        super().__init__(**component_kwargs(locals()))

    def required_packages(self) -> set[str]:
        # Masks are drawn with numpy and encoded with Pillow.
        return {"numpy", "pillow"}

    def preprocess(self, payload: Any) -> tuple[str, list[tuple[str, str]]] | None:
        """``(base image path, [(mask path, label), ...])``."""
        if payload is None:
            return None
        try:
            return payload["image"]["path"], [(a["image"]["path"], a["label"]) for a in payload["annotations"]]
        except (KeyError, TypeError):
            raise Error("Expected {'image': FileData, 'annotations': [{'image': FileData, 'label': str}]}.") from None

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """``(image, [(mask | (x1, y1, x2, y2), label), ...])`` → base image + one PNG overlay per annotation."""
        if value is None:
            return None
        import numpy as np
        import PIL.Image

        try:
            base, annotations = value
        except (TypeError, ValueError):
            raise Error("AnnotatedImage expects (image, [(mask or box, label), ...]).") from None
        if isinstance(base, Path):
            base = str(base)
        if isinstance(base, str):
            if imaging.is_url(base):
                raise Error("AnnotatedImage needs a local image file, an array or a PIL image (URLs cannot be "
                            "fetched here).")
            base_path = base
            pixels = np.array(imaging.open_image_file(base))
        elif imaging.is_ndarray(base) or imaging.is_pil_image(base):
            base_path = imaging.image_to_file(base, self.format)
            pixels = np.asarray(base)
        else:
            raise Error("AnnotatedImage only accepts filepaths, PIL images or numpy arrays for the base image.")
        height, width = pixels.shape[0], pixels.shape[1]
        colours = self.color_map or {}
        sections = []
        for mask, label in annotations:
            rgb = hex_to_rgb(colours[label]) if label in colours else [255, 0, 0]
            overlay = PIL.Image.fromarray(annotation_mask(height, width, mask, rgb))
            data, ext = imaging.encode_pil(overlay, "png")  # PNG keeps the alpha channel
            sections.append({"image": _file(imaging.save_bytes(data, f"image.{ext}")), "label": label})
        return {"image": _file(base_path), "annotations": sections}

    def python_type(self) -> dict[str, str]:
        return {"type": "Dict(image: filepath, annotations: List[Dict(image: filepath, label: str)])",
                "description": ""}

    def api_info(self) -> dict[str, Any]:
        return {
            "$defs": {
                "Annotation": {"properties": {"image": {"$ref": "#/$defs/FileData"},
                                              "label": {"title": "Label", "type": "string"}},
                               "required": ["image", "label"], "title": "Annotation", "type": "object"},
                "FileData": {"description": _FILE_DATA_DOC, **copy.deepcopy(FILE_DATA_SCHEMA)},
                "FileDataMeta": copy.deepcopy(FILE_DATA_META_SCHEMA),
            },
            "properties": {"image": {"$ref": "#/$defs/FileData"},
                           "annotations": {"items": {"$ref": "#/$defs/Annotation"}, "title": "Annotations",
                                           "type": "array"}},
            "required": ["image", "annotations"],
            "title": "AnnotatedImageData",
            "type": "object",
            "additional_description": None,
        }

    def example_payload(self) -> Any:
        return {"image": {"path": SAMPLE_IMAGE, "meta": {"_type": "gradio.FileData"}, "orig_name": "bus.png",
                          "url": SAMPLE_IMAGE}, "annotations": []}

    def example_value(self) -> Any:
        return (SAMPLE_IMAGE, [([0, 0, 100, 100], "bus")])
