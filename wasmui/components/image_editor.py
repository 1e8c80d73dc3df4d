"""``gr.ImageEditor`` and its templates ``gr.Sketchpad``, ``gr.Paint`` and ``gr.ImageMask``.

The value is an ``EditorValue``: ``{"background", "layers", "composite"}``, each
image a numpy array, PIL image or filepath (``type``). On the wire it is
Gradio's ``EditorData``: the same keys holding FileData (the page uploads
``background.png``, ``layer_<i>.png`` and ``composite.png`` through the normal
upload route) plus ``id``. Gradio's own page (when the editor has change/input
listeners) instead sends each image as a blob to the ``accept_blobs`` server
function (``/component_server``, multipart: ``id``, ``type``, ``index``, the file)
and then a value holding only that ``id``: the images are read from the blobs
stored under it, once. An ``id`` with nothing stored decodes to empty images, as
in Gradio.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import json
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar, Literal, TypedDict

from wasmui import imaging
from wasmui.components.base import component_kwargs, server
from wasmui.components.file_base import FileComponent, file_data_schema
from wasmui.components.image import SAMPLE_IMAGE, image_payload
from wasmui.components.media_options import WebcamOptions
from wasmui.exceptions import Error

Source = Literal["upload", "webcam", "clipboard"]
SOURCES: tuple[Source, ...] = ("upload", "webcam", "clipboard")
# Gradio's default brush palette.
DEFAULT_COLORS = ["rgb(204, 50, 50)", "rgb(173, 204, 50)", "rgb(50, 204, 112)", "rgb(50, 112, 204)",
                  "rgb(173, 50, 204)"]
# Modes that keep transparency; others get transparent pixels flattened onto white (the canvas
# exports transparent black, which would otherwise turn black).
_ALPHA_MODES = ("RGBA", "LA", "PA")


@dataclasses.dataclass
class _Blobs:
    """The images ``accept_blobs`` received under one id (PNG bytes; a layer not sent is None)."""

    background: bytes | None = None
    layers: list[bytes | None] = dataclasses.field(default_factory=list)
    composite: bytes | None = None


class EditorValue(TypedDict):
    """What a function receives from (and may return to) an ImageEditor."""

    background: Any
    layers: list[Any]
    composite: Any


@dataclasses.dataclass
class Eraser:
    """Eraser options of ``gr.ImageEditor``: ``default_size`` is its radius in pixels, or
    ``"auto"`` (from the image size)."""

    default_size: int | Literal["auto"] = "auto"


@dataclasses.dataclass
class Brush(Eraser):
    """Brush options of ``gr.ImageEditor``: the palette (``colors``, each a CSS colour or a
    ``(colour, opacity)`` pair), the first colour picked, and whether the user may pick
    other colours (``color_mode="defaults"``) or only these (``"fixed"``)."""

    colors: list[str | tuple[str, float]] | str | tuple[str, float] | None = None
    default_color: str | tuple[str, float] | None = None
    color_mode: Literal["fixed", "defaults"] = "defaults"

    def __post_init__(self) -> None:
        if self.colors is None:
            self.colors = list(DEFAULT_COLORS)
        if self.default_color is None:
            self.default_color = self.colors[0] if isinstance(self.colors, list) else self.colors


@dataclasses.dataclass
class LayerOptions:
    """Layer options of ``gr.ImageEditor``: the starting layers (at least one), whether the
    user may add more, and ``disabled`` to hide the layer tool."""

    allow_additional_layers: bool = True
    layers: list[str] | None = None
    disabled: bool = False

    def __post_init__(self) -> None:
        if not self.layers:
            self.layers = ["Layer 1"]


def _lenient_payload(img: Any, format: str) -> dict[str, Any] | None:
    """An image of a constructor value or an example: Gradio keeps a missing file's path (a broken
    thumbnail); wasmui leaves that image empty and warns, so the app still starts."""
    if isinstance(img, (str, Path)) and not imaging.is_url(str(img)) and not Path(img).is_file():
        warnings.warn(f"gr.ImageEditor: image file not found: {img} (left empty).", stacklevel=4)
        return None
    return image_payload(img, format)


def editor_data_schema() -> dict[str, Any]:
    """The JSON schema of Gradio's pydantic ``EditorData`` model."""
    defs = file_data_schema(multiple=True)["$defs"]
    one = {"anyOf": [{"$ref": "#/$defs/FileData"}, {"type": "null"}], "default": None}
    return {
        "$defs": defs,
        "properties": {
            "background": copy.deepcopy(one),
            "layers": {"default": [], "items": {"$ref": "#/$defs/FileData"}, "title": "Layers", "type": "array"},
            "composite": copy.deepcopy(one),
            "id": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None, "title": "Id"},
        },
        "title": "EditorData",
        "type": "object",
        "additional_description": None,
    }


class ImageEditor(FileComponent):
    """An image editor: background image (upload / webcam / clipboard), brush and eraser
    strokes on layers, crop; the value is the background, the layers and their composite."""

    CONFIG_PROPS = ("value", "height", "width", "image_mode", "sources", "type", "label", "show_label", "buttons",
                    "container", "scale", "min_width", "interactive", "visible", "elem_id", "elem_classes", "key",
                    "preserved_by_key", "placeholder", "transforms", "eraser", "brush", "format", "layers",
                    "canvas_size", "fixed_canvas", "webcam_options", "server_fns")
    EVENTS: ClassVar[list[str]] = ["clear", "change", "input", "select", "upload", "apply"]
    DEFAULT_BUTTONS: ClassVar[tuple[str, ...] | None] = None
    PYTHON_TYPE: ClassVar[str] = ("dict(background: filepath | None, layers: list[filepath], "
                                  "composite: filepath | None, id: str | None)")

    def __init__(
        self,
        value: EditorValue | Any = None,
        *,
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: Literal["1", "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F"] = "RGBA",
        sources: Iterable[Source] | Source | None = SOURCES,
        type: Literal["numpy", "pil", "filepath"] = "numpy",
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        buttons: list[Literal["download", "share", "fullscreen"]] | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool | Literal["hidden"] = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[int | str, ...] | None = None,
        preserved_by_key: list[str] | str | None = "value",
        placeholder: str | None = None,
        _selectable: bool = False,
        transforms: Iterable[Literal["crop", "resize"]] | None = ("crop", "resize"),
        eraser: Eraser | None | Literal[False] = None,
        brush: Brush | None | Literal[False] = None,
        format: str = "webp",
        layers: bool | LayerOptions = True,
        canvas_size: tuple[int, int] = (800, 800),
        fixed_canvas: bool = False,
        webcam_options: WebcamOptions | None = None,
    ) -> None:
        if type not in imaging.IMAGE_TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: "
                             f"{list(imaging.IMAGE_TYPES)}")
        if isinstance(sources, str):
            sources = [sources]
        for source in sources or []:
            if source not in SOURCES:
                raise ValueError(f"`sources` must be a list consisting of elements in {list(SOURCES)}")
        self._selectable = _selectable
        self.webcam_options = webcam_options if webcam_options is not None else WebcamOptions()
        self.type = type
        self.height = height
        self.width = width
        self.image_mode = image_mode
        self.sources = list(sources or [])
        self.buttons = buttons
        self.transforms = list(transforms) if transforms is not None else None
        self.eraser: Eraser | Literal[False] = Eraser() if eraser is None else eraser
        self.brush: Brush | Literal[False] = Brush() if brush is None else brush
        self.format = format
        self.layers: LayerOptions = (LayerOptions() if layers is True else LayerOptions(disabled=True)
                                     if layers is False else layers)
        self.canvas_size = (int(canvas_size[0]), int(canvas_size[1]))
        self.fixed_canvas = fixed_canvas
        self.placeholder = placeholder
        self.server_fns = ["accept_blobs"]  # what the page may call through /component_server
        # Images sent by accept_blobs, by the id the page then puts in the value (read once).
        self.blob_storage: dict[str, _Blobs] = {}
        super().__init__(**component_kwargs(locals()))
        self._built = True

    def get_config(self) -> dict[str, Any]:
        props = super().get_config()
        if self.brush:  # (colour, opacity) pairs travel as JSON lists
            props["brush"] = json.loads(json.dumps(dataclasses.asdict(self.brush)))
        return props

    def required_packages(self) -> set[str]:
        # Every image goes through Pillow; numpy values need numpy.
        return {"pillow", "numpy"} if self.type == "numpy" else {"pillow"}

    # -- Gradio's blob protocol ----------------------------------------------------
    @server
    def accept_blobs(self, data: Any) -> None:
        """Store one image the page sent as a blob (``data.data``: ``id``, ``type`` background /
        composite / layer, ``index`` of a layer; ``data.files``: the image) under its ``id``."""
        fields = getattr(data, "data", None)
        files = getattr(data, "files", None)
        if not isinstance(fields, dict) or not files:
            raise Error("accept_blobs expects a multipart form with id, type, index and one image file.")
        kind, blob_id, raw_index = fields.get("type"), fields.get("id"), fields.get("index")
        if not isinstance(blob_id, str) or not blob_id:
            raise Error("accept_blobs: the form has no image id.")
        image = bytes(files[0][1])
        blobs = self.blob_storage.setdefault(blob_id, _Blobs())
        if kind == "layer":
            try:
                index = int(raw_index) if raw_index not in (None, "", "null") else None
            except (TypeError, ValueError):
                index = None
            if index is None or index < 0:
                raise Error(f"accept_blobs: a layer needs an index, got {raw_index!r}.")
            blobs.layers.extend([None] * (index + 1 - len(blobs.layers)))
            blobs.layers[index] = image
        elif kind == "background":
            blobs.background = image
        elif kind == "composite":
            blobs.composite = image
        else:
            raise Error(f"accept_blobs: unknown image type {kind!r} (background, composite or layer).")

    # -- values ------------------------------------------------------------------
    def _image_in(self, item: Any, flatten_on_white: bool, role: str) -> Any:
        """One FileData of the payload, or the bytes of a blob, → the image as ``type`` (None stays None).
        ``role`` (background, layer_<i>, composite) names a blob in errors, as the page names its files."""
        if item is None:
            return None
        if isinstance(item, bytes):
            name = "image." + self.format
            im = imaging.open_image_file(io.BytesIO(item), f"{role}.png")
        else:
            self.file_in(item)
            path = item["path"]
            if imaging.is_url(path):
                raise Error("ImageEditor images must be uploaded files, not URLs.")
            name = item.get("orig_name") or Path(path).name
            im = imaging.open_image_file(path, name)
        stem, suffix = Path(name).stem or "image", Path(name).suffix.lstrip(".").lower() or self.format
        if suffix in ("jpg", "jpeg"):
            suffix = "jpeg"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if flatten_on_white and self.image_mode not in _ALPHA_MODES and (
                    "A" in im.getbands() or "transparency" in im.info):
                import PIL.Image

                rgba = im.convert("RGBA")
                im = PIL.Image.alpha_composite(PIL.Image.new("RGBA", rgba.size, "white"), rgba)
            im = im.convert(self.image_mode)
        return imaging.format_image(im, self.type, stem, suffix)

    def preprocess(self, payload: Any) -> EditorValue | None:
        """EditorData (FileData for background, layers, composite) → ``EditorValue``."""
        if payload is None:
            return None
        if not isinstance(payload, dict):
            raise Error("Expected the image editor's value: a dict with 'background', 'layers' and 'composite'.")
        blob_id = payload.get("id")
        if blob_id is not None:
            # Gradio's page sent the images to accept_blobs first; they are read once.
            blobs = self.blob_storage.pop(str(blob_id), None) or _Blobs()
            payload = {"background": blobs.background, "layers": blobs.layers, "composite": blobs.composite}
        layers = payload.get("layers") or []
        if not isinstance(layers, list):
            raise Error("The image editor's 'layers' must be a list of images.")
        return {
            "background": self._image_in(payload.get("background"), True, "background"),
            "layers": [x for x in (self._image_in(layer, False, f"layer_{i}") for i, layer in enumerate(layers))
                       if x is not None],
            "composite": self._image_in(payload.get("composite"), True, "composite"),
        }

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """An ``EditorValue`` dict, or one image (background and composite) → EditorData."""
        # The constructor's value (still building: no ``_built`` yet) and examples are lenient.
        return self._editor_data(value, image_payload if getattr(self, "_built", False) else _lenient_payload)

    def process_example(self, value: Any) -> Any:
        return self._editor_data(value, _lenient_payload)

    def _editor_data(self, value: Any, one: Callable[[Any, str], dict[str, Any] | None]) -> dict[str, Any] | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            if not (isinstance(value, (str, Path)) or imaging.is_ndarray(value) or imaging.is_pil_image(value)):
                raise Error("The value to `gr.ImageEditor` must be a dictionary of images or a single image.")
            value = {"background": value, "layers": [], "composite": value}
        layers = value.get("layers") or []
        return {
            "background": one(value.get("background"), self.format),
            "layers": [one(layer, self.format) for layer in layers],
            "composite": one(value.get("composite"), self.format),
            "id": None,
        }

    def api_info(self) -> dict[str, Any]:
        return editor_data_schema()

    def example_payload(self) -> Any:
        return {"background": {"path": SAMPLE_IMAGE, "meta": {"_type": "gradio.FileData"}, "orig_name": "bus.png",
                               "url": SAMPLE_IMAGE}, "layers": [], "composite": None}

    def example_value(self) -> Any:
        return {"background": SAMPLE_IMAGE, "layers": [], "composite": None}


def _black_fixed_brush(brush: Brush | None | Literal[False]) -> Brush:
    """Sketchpad's and ImageMask's brush: the one given, else one fixed black."""
    return brush if brush else Brush(colors=["#000000"], color_mode="fixed")


class Sketchpad(ImageEditor):
    """``gr.Sketchpad``: an ImageEditor with no background source and a black brush."""

    def __init__(self, value: Any = None, *, sources: Iterable[Source] = (),
                 transforms: Iterable[Literal["crop"]] = ("crop",), brush: Brush | None = None,
                 height: int | str | None = None, width: int | str | None = None,
                 image_mode: Literal["1", "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F"] = "RGBA",
                 type: Literal["numpy", "pil", "filepath"] = "numpy", label: str | None = None, every: Any = None,
                 inputs: Any = None, show_label: bool | None = None, buttons: list[Any] | None = None,
                 container: bool = True, scale: int | None = None, min_width: int = 160,
                 interactive: bool | None = None, visible: bool | Literal["hidden"] = True,
                 elem_id: str | None = None, elem_classes: list[str] | str | None = None, render: bool = True,
                 key: int | str | tuple[int | str, ...] | None = None,
                 preserved_by_key: list[str] | str | None = "value", placeholder: str | None = None,
                 webcam_options: WebcamOptions | None = None, _selectable: bool = False,
                 eraser: Eraser | None = None, format: str = "webp", canvas_size: tuple[int, int] = (800, 800),
                 fixed_canvas: bool = False, layers: LayerOptions | bool = True) -> None:
        args = {k: v for k, v in locals().items() if k not in ("self", "__class__", "brush")}
        super().__init__(brush=_black_fixed_brush(brush), **args)

    @classmethod
    def get_block_name(cls) -> str:
        return "imageeditor"


class Paint(ImageEditor):
    """``gr.Paint``: an ImageEditor with no background source (a blank canvas, colour brush)."""

    def __init__(self, value: Any = None, *, sources: Iterable[Source] = (),
                 transforms: Iterable[Literal["crop"]] = ("crop",), brush: Brush | None = None,
                 height: int | str | None = None, width: int | str | None = None,
                 image_mode: Literal["1", "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F"] = "RGBA",
                 type: Literal["numpy", "pil", "filepath"] = "numpy", label: str | None = None, every: Any = None,
                 inputs: Any = None, show_label: bool | None = None, buttons: list[Any] | None = None,
                 container: bool = True, scale: int | None = None, min_width: int = 160,
                 interactive: bool | None = None, visible: bool | Literal["hidden"] = True,
                 elem_id: str | None = None, elem_classes: list[str] | str | None = None, render: bool = True,
                 key: int | str | tuple[int | str, ...] | None = None,
                 preserved_by_key: list[str] | str | None = "value", webcam_options: WebcamOptions | None = None,
                 _selectable: bool = False, eraser: Eraser | None = None, format: str = "webp",
                 layers: LayerOptions | bool = True, canvas_size: tuple[int, int] = (800, 800),
                 fixed_canvas: bool = False, placeholder: str | None = None) -> None:
        args = {k: v for k, v in locals().items() if k not in ("self", "__class__")}
        super().__init__(**args)

    @classmethod
    def get_block_name(cls) -> str:
        return "imageeditor"


class ImageMask(ImageEditor):
    """``gr.ImageMask``: draw a mask over a background image (black fixed brush, one layer)."""

    def __init__(self, value: Any = None, *, sources: Iterable[Source] = SOURCES,
                 transforms: Iterable[Literal["crop"]] = ("crop",), brush: Brush | None = None,
                 layers: LayerOptions | bool = False,
                 height: int | str | None = None, width: int | str | None = None,
                 image_mode: Literal["1", "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F"] = "RGBA",
                 type: Literal["numpy", "pil", "filepath"] = "numpy", label: str | None = None, every: Any = None,
                 inputs: Any = None, show_label: bool | None = None, buttons: list[Any] | None = None,
                 container: bool = True, scale: int | None = None, min_width: int = 160,
                 interactive: bool | None = None, visible: bool | Literal["hidden"] = True,
                 elem_id: str | None = None, elem_classes: list[str] | str | None = None, render: bool = True,
                 key: int | str | tuple[int | str, ...] | None = None,
                 preserved_by_key: list[str] | str | None = "value", placeholder: str | None = None,
                 _selectable: bool = False, eraser: Eraser | None = None, format: str = "webp",
                 canvas_size: tuple[int, int] = (800, 800), fixed_canvas: bool = False,
                 webcam_options: WebcamOptions | None = None) -> None:
        args = {k: v for k, v in locals().items() if k not in ("self", "__class__", "brush")}
        super().__init__(brush=_black_fixed_brush(brush), **args)

    @classmethod
    def get_block_name(cls) -> str:
        return "imageeditor"
