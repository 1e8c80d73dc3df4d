"""``gr.SimpleImage`` (Gradio's ``gradio._simple_templates.SimpleImage``): the
minimal image component custom-component templates start from.

Its value is a file path both ways (no numpy/Pillow involved): an upload comes
in as the stored file's path, and a path or URL goes out as FileData. The view
is an upload box when interactive and the image with a download button when not.
"""

from __future__ import annotations

from typing import Any, Literal

from wasmui.components.base import component_kwargs
from wasmui.components.file_base import FileComponent
from wasmui.components.image import SAMPLE_IMAGE


class SimpleImage(FileComponent):
    """An image as a file path in and out (``show_download_button`` on the display)."""

    CONFIG_PROPS = ("value", "label", "show_label", "show_download_button", "container", "scale", "min_width",
                    "interactive", "visible", "elem_id", "elem_classes", "key", "preserved_by_key")
    EVENTS = ["clear", "change", "upload"]

    def __init__(
        self,
        value: str | None = None,
        *,
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        show_download_button: bool = True,
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
    ) -> None:
        self.show_download_button = show_download_button
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> str | None:
        """FileData → the stored file's path."""
        return self.path_in(payload)

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """A path, ``Path`` or URL → FileData."""
        return self.path_out(value)

    def process_example(self, value: Any) -> Any:
        return self.postprocess(value)

    def example_payload(self) -> Any:
        return {"path": SAMPLE_IMAGE, "meta": {"_type": "gradio.FileData"}, "orig_name": "bus.png", "url": SAMPLE_IMAGE}

    def example_value(self) -> Any:
        return SAMPLE_IMAGE
