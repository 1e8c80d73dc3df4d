"""``gr.ImageSlider``: two images compared with a draggable divider; in and out
as a pair (each a numpy array, PIL image or filepath, as ``gr.Image``)."""

from __future__ import annotations

import copy
from typing import Any, ClassVar, Literal

from wasmui import imaging
from wasmui.components.base import component_kwargs
from wasmui.components.file_base import FileComponent
from wasmui.components.image import IMAGE_DATA_DESCRIPTION, IMAGE_DATA_SCHEMA, SAMPLE_IMAGE, image_payload
from wasmui.exceptions import Error


class ImageSlider(FileComponent):
    """A before/after pair of images."""

    CONFIG_PROPS = ("value", "format", "height", "width", "image_mode", "type", "label", "show_label", "buttons",
                    "container", "scale", "min_width", "interactive", "visible", "elem_id", "elem_classes", "key",
                    "preserved_by_key", "slider_position", "max_height")
    EVENTS: ClassVar[list[str]] = ["clear", "change", "stream", "select", "upload", "input"]
    DEFAULT_BUTTONS: ClassVar[tuple[str, ...] | None] = ("download", "fullscreen")

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: Literal["1", "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F"] | None = "RGB",
        type: Literal["numpy", "pil", "filepath"] = "numpy",
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        buttons: list[Any] | None = None,
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
        slider_position: float = 50,
        max_height: int = 500,
    ) -> None:
        if type not in imaging.IMAGE_TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: "
                             f"{list(imaging.IMAGE_TYPES)}")
        self.format = format
        self.height = height
        self.width = width
        self.image_mode = image_mode
        self.type = type
        self.buttons = buttons
        self.slider_position = slider_position
        self.max_height = max_height
        super().__init__(**component_kwargs(locals()))

    def get_config(self) -> dict[str, Any]:
        props = super().get_config()
        props["streamable"] = False
        return props

    def required_packages(self) -> set[str]:
        return {"pillow", "numpy"} if self.type == "numpy" else {"pillow"}

    def _one(self, item: Any) -> Any:
        if item is None:
            return None
        if not isinstance(item, dict):
            raise Error("Expected an image (a FileData object with a 'path' or 'url').")
        if isinstance(item.get("path"), str):
            self.file_in(item)  # size limit
        return imaging.load_image(item.get("path"), orig_name=item.get("orig_name"), url=item.get("url"),
                                  image_mode=self.image_mode, type=self.type)

    def preprocess(self, payload: Any) -> tuple[Any, Any] | None:
        """A pair of ImageData → a pair of arrays / PIL images / paths."""
        if payload is None:
            return None
        if not isinstance(payload, (list, tuple)) or len(payload) != 2:
            raise Error("ImageSlider expects a pair of images.")
        return self._one(payload[0]), self._one(payload[1])

    def postprocess(self, value: Any) -> list[Any] | None:
        """A pair of images (either may be None) → a pair of ImageData."""
        if value is None:
            return None
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            raise Error("ImageSlider expects a pair of images (image_1, image_2).")
        return [image_payload(value[0], self.format), image_payload(value[1], self.format)]

    def python_type(self) -> dict[str, str]:
        return {"type": "Tuple[filepath | None, filepath | None]", "description": ""}

    def api_info(self) -> dict[str, Any]:
        one = {"anyOf": [{"$ref": "#/$defs/ImageData"}, {"type": "null"}]}
        return {
            "$defs": {"ImageData": {"description": IMAGE_DATA_DESCRIPTION, **copy.deepcopy(IMAGE_DATA_SCHEMA)}},
            "anyOf": [{"maxItems": 2, "minItems": 2, "prefixItems": [one, copy.deepcopy(one)], "type": "array"},
                      {"type": "null"}],
            "title": "SliderData",
            "additional_description": None,
        }

    def example_payload(self) -> Any:
        one = {"path": SAMPLE_IMAGE, "meta": {"_type": "gradio.FileData"}, "orig_name": "bus.png", "url": SAMPLE_IMAGE}
        return [one, dict(one)]

    def example_value(self) -> Any:
        return (SAMPLE_IMAGE, SAMPLE_IMAGE)
