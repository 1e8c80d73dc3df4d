"""Option dataclasses of the media components (``gr.WaveformOptions`` and friends).

Their fields become nested config props exactly as Gradio serialises them
(``dataclasses.asdict``), so the views read the same keys.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any


@dataclasses.dataclass
class WaveformOptions:
    """How ``gr.Audio`` draws its waveform and records."""

    waveform_color: str | None = None
    waveform_progress_color: str | None = None
    trim_region_color: str | None = None
    show_recording_waveform: bool = True
    skip_length: int | float = 5
    sample_rate: int = 44100


@dataclasses.dataclass
class WebcamOptions:
    """Webcam mirroring and ``getUserMedia`` constraints."""

    mirror: bool = True
    constraints: dict[str, Any] | None = None


@dataclasses.dataclass
class WatermarkOptions:
    """An image drawn over media outputs and where it goes."""

    watermark: Any = None
    position: tuple[int, int] | str = "bottom-right"

    def __post_init__(self) -> None:
        # Paths travel in the config as plain strings.
        if isinstance(self.watermark, Path):
            self.watermark = str(self.watermark)
