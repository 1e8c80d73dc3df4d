"""``gr.Model3D``: upload or show a 3D model (.obj, .glb, .gltf, .stl, .ply, .splat).

Values are file paths; the view renders them with three.js (a lazy chunk).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from wasmui.components.base import component_kwargs
from wasmui.components.file_base import FileComponent

_SAMPLE_URL = "https://raw.githubusercontent.com/gradio-app/gradio/main/gradio/media_assets/models3d/Fox.gltf"
MODEL_TYPES = [".obj", ".glb", ".gltf", ".stl", ".ply", ".splat"]
_DISPLAY_MODES = ("solid", "point_cloud", "wireframe")


class Model3D(FileComponent):
    """A 3D model in (a file path) and out (a path or URL)."""

    CONFIG_PROPS = ("value", "display_mode", "clear_color", "camera_position", "zoom_speed", "pan_speed", "height",
                    "label", "show_label", "container", "scale", "min_width", "interactive", "visible", "elem_id",
                    "elem_classes", "key", "preserved_by_key", "buttons")
    EVENTS = ["change", "upload", "edit", "clear"]

    def __init__(
        self,
        value: str | Any | None = None,
        *,
        display_mode: Literal["solid", "point_cloud", "wireframe"] | None = None,
        clear_color: tuple[float, float, float, float] | None = None,
        camera_position: tuple[int | float | None, int | float | None, int | float | None] = (None, None, None),
        zoom_speed: float = 1,
        pan_speed: float = 1,
        height: int | str | None = None,
        label: str | None = None,
        show_label: bool | None = None,
        every: Any = None,
        inputs: Any = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[int | str, ...] | None = None,
        preserved_by_key: list[str] | str | None = "value",
        buttons: list[Any] | None = None,
    ) -> None:
        if display_mode is not None and display_mode not in _DISPLAY_MODES:
            raise ValueError(f"`display_mode` must be one of {list(_DISPLAY_MODES)}, got {display_mode!r}.")
        self.display_mode = display_mode
        # Gradio sends a transparent black background when none is given.
        self.clear_color = list(clear_color) if clear_color else [0, 0, 0, 0]
        self.camera_position = list(camera_position)
        self.zoom_speed = zoom_speed
        self.pan_speed = pan_speed
        self.height = height
        self.buttons = buttons
        self.file_types = MODEL_TYPES
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> str | None:
        return self.path_in(payload)

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        return self.path_out(value)

    def process_example(self, value: Any) -> str:
        return Path(str(value)).name if value else ""

    def example_payload(self) -> Any:
        return {"path": _SAMPLE_URL, "meta": {"_type": "gradio.FileData"}, "orig_name": "Fox.gltf", "url": _SAMPLE_URL}

    def example_value(self) -> Any:
        return _SAMPLE_URL
