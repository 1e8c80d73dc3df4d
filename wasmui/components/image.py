"""``gr.Image``: an uploaded, pasted or webcam image in; an array, PIL image,
path or URL out (shown through the app's file store)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Literal

from wasmui import imaging
from wasmui.components.base import component_kwargs
from wasmui.components.file_base import FileComponent
from wasmui.components.media_options import WatermarkOptions, WebcamOptions
from wasmui.exceptions import Error
from wasmui.files import is_file_data

SAMPLE_IMAGE = "https://raw.githubusercontent.com/gradio-app/gradio/main/test/test_files/bus.png"
SOURCES: tuple[Literal["upload", "webcam", "clipboard"], ...] = ("upload", "webcam", "clipboard")


def _nullable(kind: str, description: str, title: str) -> dict[str, Any]:
    return {"anyOf": [{"type": kind}, {"type": "null"}], "default": None, "description": description, "title": title}


# The JSON schema of Gradio's pydantic ``ImageData`` model.
IMAGE_DATA_SCHEMA: dict[str, Any] = {
    "properties": {
        "is_stream": {"default": False, "description": "Can always be set to False", "title": "Is Stream",
                      "type": "boolean"},
        "meta": {"additionalProperties": True, "default": {"_type": "gradio.FileData"}, "title": "Meta",
                 "type": "object"},
        "mime_type": _nullable("string", "mime type of image", "Mime Type"),
        "orig_name": _nullable("string", "Original filename", "Orig Name"),
        "path": _nullable("string", "Path to a local file", "Path"),
        "size": _nullable("integer", "Size of image in bytes", "Size"),
        "url": _nullable("string", "Publicly available url or base64 encoded image", "Url"),
    },
    "title": "ImageData",
    "type": "object",
}
IMAGE_DATA_DESCRIPTION = "A local filepath or publicly available URL."


def image_data(path: str | None, orig_name: str | None = None, url: str | None = None,
               mime_type: str | None = None) -> dict[str, Any]:
    """An ImageData payload (the server moves ``path`` into the store and fills ``url``)."""
    return {"path": path, "url": url, "size": None, "orig_name": orig_name, "mime_type": mime_type,
            "is_stream": False, "meta": {"_type": "gradio.FileData"}}


def image_payload(value: Any, format: str, watermark: WatermarkOptions | None = None) -> dict[str, Any] | None:
    """``gr.Image.postprocess``: an array / PIL image / path / URL as ImageData."""
    if value is None:
        return None
    if isinstance(value, Path):
        value = str(value)
    if isinstance(value, str) and value.lower().endswith(".svg") and not imaging.is_url(value):
        return image_data(None, orig_name=Path(value).name, url=imaging.svg_data_url(value))
    if isinstance(value, str) and value.startswith("data:"):
        return image_data(None, url=value)
    if watermark is not None and watermark.watermark is not None:
        value = imaging.add_watermark(value, watermark.watermark, watermark.position)
    saved = imaging.image_to_file(value, format)
    if imaging.is_url(saved):
        return image_data(saved)
    if not Path(saved).is_file():
        raise Error(f"Image file not found: {Path(saved).name}")
    return image_data(saved, orig_name=Path(saved).name)


class Image(FileComponent):
    """Images in (``type``: numpy array, PIL image or filepath) and out."""

    CONFIG_PROPS = ("value", "format", "height", "width", "image_mode", "sources", "type", "label", "show_label",
                    "buttons", "container", "scale", "min_width", "interactive", "visible", "streaming", "elem_id",
                    "elem_classes", "key", "preserved_by_key", "webcam_options", "placeholder", "watermark", "alt_text")
    EVENTS: ClassVar[list[str]] = ["clear", "change", "stream", "select", "upload", "input"]
    DEFAULT_BUTTONS: ClassVar[tuple[str, ...] | None] = ("download", "share", "fullscreen")

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: Literal["1", "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F"] | None = "RGB",
        sources: list[Literal["upload", "webcam", "clipboard"]] | Literal["upload", "webcam", "clipboard"] | None = None,
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
        streaming: bool = False,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[int | str, ...] | None = None,
        preserved_by_key: list[str] | str | None = "value",
        webcam_options: WebcamOptions | None = None,
        placeholder: str | None = None,
        watermark: WatermarkOptions | Any = None,
        alt_text: str | None = None,
    ) -> None:
        if type not in imaging.IMAGE_TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: "
                             f"{list(imaging.IMAGE_TYPES)}")
        if sources is None:
            sources = ["webcam"] if streaming else list(SOURCES)
        elif isinstance(sources, str):
            sources = [sources]
        for source in sources:
            if source not in SOURCES:
                raise ValueError(f"`sources` must a list consisting of elements in {list(SOURCES)}")
        if streaming and list(sources) != ["webcam"]:
            raise ValueError("Image streaming only available if sources is ['webcam']. Streaming not supported "
                             "with multiple sources.")
        self.format = format
        self.height = height
        self.width = width
        self.image_mode = image_mode
        self.sources = list(sources)
        self.type = type
        self.buttons = buttons
        self.streaming = streaming
        self.webcam_options = webcam_options if webcam_options is not None else WebcamOptions()
        self.placeholder = placeholder
        self.alt_text = alt_text  # for screen readers; None means decorative
        self.watermark = watermark if isinstance(watermark, WatermarkOptions) else WatermarkOptions()
        if watermark is not None and not isinstance(watermark, WatermarkOptions):
            self.watermark = WatermarkOptions(watermark=watermark)
        super().__init__(**component_kwargs(locals()))

    def get_config(self) -> dict[str, Any]:
        props = super().get_config()
        props["watermark"] = self.watermark.config()
        props["streamable"] = False
        return props

    def required_packages(self) -> set[str]:
        # Decoding uploads and encoding arrays/PIL images needs Pillow; numpy values need numpy.
        return {"pillow", "numpy"} if self.type == "numpy" else {"pillow"}

    # -- values ------------------------------------------------------------------
    def preprocess(self, payload: Any) -> Any:
        """ImageData from the view → numpy array, PIL image or filepath (``type``)."""
        if payload is None:
            return None
        if not isinstance(payload, dict) or not (is_file_data(payload) or "path" in payload or "url" in payload):
            raise Error("Expected an image (a FileData object with a 'path' or 'url').")
        if isinstance(payload.get("path"), str):
            self.file_in(payload)  # the app's max_file_size
        return imaging.load_image(payload.get("path"), orig_name=payload.get("orig_name"), url=payload.get("url"),
                                  image_mode=self.image_mode, type=self.type)

    def postprocess(self, value: Any) -> Any:
        """A numpy array, PIL image, path or URL → ImageData."""
        return image_payload(value, self.format, self.watermark)

    def process_example(self, value: Any) -> Any:
        return self.postprocess(value)

    def api_info(self) -> dict[str, Any]:
        import copy

        return {"additional_description": IMAGE_DATA_DESCRIPTION, **copy.deepcopy(IMAGE_DATA_SCHEMA)}

    def python_type(self) -> dict[str, str]:
        return {"type": "filepath", "description": ""}

    def example_payload(self) -> Any:
        return {"path": SAMPLE_IMAGE, "meta": {"_type": "gradio.FileData"}, "orig_name": "bus.png", "url": SAMPLE_IMAGE}

    def example_value(self) -> Any:
        return SAMPLE_IMAGE
