"""Option dataclasses shared by the media components (``gr.WebcamOptions``,
``gr.WatermarkOptions``), with Gradio's fields and validation."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from wasmui.imaging import POSITIONS, is_ndarray, is_pil_image


@dataclasses.dataclass
class WebcamOptions:
    """Webcam settings for Image/Video/ImageEditor: ``mirror`` the preview and
    capture, and ``constraints`` passed to ``getUserMedia`` (``{"video": {...}}``)."""

    mirror: bool = True
    constraints: dict[str, Any] | None = None


@dataclasses.dataclass
class WatermarkOptions:
    """A watermark image (path, PIL image or numpy array) and where to put it:
    a corner name or an ``(x, y)`` pixel position."""

    watermark: Any = None
    position: tuple[int, int] | str = "bottom-right"

    def __post_init__(self) -> None:
        w = self.watermark
        if w is not None and not isinstance(w, (str, Path)) and not is_pil_image(w) and not is_ndarray(w):
            raise ValueError("Watermark must be a string path, Path, PIL Image, numpy array, or None")
        if isinstance(self.position, str):
            if self.position not in POSITIONS:
                raise ValueError(f"String position must be one of: {set(POSITIONS)}")
        elif isinstance(self.position, (tuple, list)):
            if len(self.position) != 2 or not all(isinstance(v, int) for v in self.position):
                raise ValueError("Position tuple must contain exactly 2 integers (x, y)")
            self.position = (int(self.position[0]), int(self.position[1]))
        else:
            raise ValueError("Position must be a tuple of (x, y) or one of the corner names")

    def config(self) -> dict[str, Any]:
        """JSON for the config: a path is kept, an in-memory image cannot be sent."""
        w = self.watermark
        return {"watermark": str(w) if isinstance(w, (str, Path)) else None,
                "position": list(self.position) if isinstance(self.position, tuple) else self.position}


@dataclasses.dataclass
class WaveformOptions:
    """How ``gr.Audio`` draws its waveform, and the sample rate it records at."""

    waveform_color: str | None = None
    waveform_progress_color: str | None = None
    trim_region_color: str | None = None
    show_recording_waveform: bool = True
    skip_length: int | float = 5
    sample_rate: int = 44100
