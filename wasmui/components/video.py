"""``gr.Video``: upload or record (webcam) a video; play video outputs.

Values are file paths. The browser plays what it can (mp4/h264, webm, ogg);
anything Gradio would do with ffmpeg (format conversion, watermarks) raises an
error naming what is missing instead of failing deep inside.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import Any, Literal

from wasmui.components.audio import handle_file_ref, json_subtitles, media_file_data, normalise_sources
from wasmui.components.base import component_kwargs
from wasmui.components.file_base import FileComponent
from wasmui.components.media_options import WatermarkOptions, WebcamOptions
from wasmui.components.streaming import VideoStreamEncoder
from wasmui.exceptions import Error
from wasmui.files import is_file_data

_SAMPLE_URL = "https://github.com/gradio-app/gradio/raw/main/gradio/media_assets/videos/world.mp4"
_VALID_SOURCES = ("upload", "webcam")


def _vtt_time(seconds: float) -> str:
    hours, rest = divmod(float(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def subtitles_to_vtt(subtitles: list[dict[str, Any]]) -> str:
    """``[{"text", "timestamp": [start, end]}]`` → WebVTT text (checked like Gradio)."""
    cues = json_subtitles(subtitles)
    lines = ["WEBVTT", ""]
    for cue in cues:
        lines += [f"{_vtt_time(cue['start'])} --> {_vtt_time(cue['end'])}", str(cue["text"]), ""]
    return "\n".join(lines) + "\n"


def srt_to_vtt(text: str) -> str:
    """SubRip → WebVTT (browsers only read VTT in ``<track>``)."""
    out = ["WEBVTT", ""]
    for block in text.replace("\r\n", "\n").strip().split("\n\n"):
        lines = block.split("\n")
        if len(lines) < 2:
            continue
        timing = lines[1] if "-->" in lines[1] else lines[0]
        body = lines[2:] if "-->" in lines[1] else lines[1:]
        out += [timing.replace(",", "."), *body, ""]
    return "\n".join(out) + "\n"


def _write_temp(text: str, suffix: str) -> str:
    data = text.encode("utf-8")
    folder = Path(tempfile.gettempdir()) / "wasmui-subtitles" / hashlib.sha256(data).hexdigest()[:32]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"subtitles{suffix}"
    if not target.exists():
        target.write_bytes(data)
    return str(target)


def format_subtitles(subtitles: str | Path | list[dict[str, Any]]) -> dict[str, Any]:
    """A ``subtitles`` argument as a VTT file reference."""
    if isinstance(subtitles, list):
        return handle_file_ref(_write_temp(subtitles_to_vtt(subtitles), ".vtt"))
    path = Path(subtitles)
    suffix = path.suffix.lower()
    if suffix not in (".srt", ".vtt", ".json"):
        raise ValueError(f"Invalid value for parameter `subtitle`: {subtitles}. Please choose a file with one of "
                         "these extensions: ('.srt', '.vtt', '.json')")
    if suffix == ".json":
        import json

        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise ValueError("JSON subtitle file must contain a list of subtitle objects")
        return handle_file_ref(_write_temp(subtitles_to_vtt(data), ".vtt"))
    if suffix == ".srt":
        return handle_file_ref(_write_temp(srt_to_vtt(path.read_text(encoding="utf-8")), ".vtt"))
    return handle_file_ref(path)


class Video(FileComponent):
    """Video in (upload / webcam recording) and out (a player)."""

    CONFIG_PROPS = ("value", "format", "sources", "height", "width", "label", "show_label", "container", "scale",
                    "min_width", "interactive", "visible", "elem_id", "elem_classes", "key", "preserved_by_key",
                    "webcam_options", "include_audio", "autoplay", "buttons", "loop", "streaming", "watermark",
                    "subtitles", "playback_position")

    EVENTS = ["change", "clear", "start_recording", "stop_recording", "stop", "play", "pause", "end", "upload",
              "input"]
    DEFAULT_BUTTONS = ("download",)
    PYTHON_TYPE = "filepath"

    def __init__(
        self,
        value: str | Path | tuple[str | Path, str | Path | None] | Any | None = None,
        *,
        format: str | None = None,
        sources: list[Literal["upload", "webcam"]] | Literal["upload", "webcam"] | None = None,
        height: int | str | None = None,
        width: int | str | None = None,
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        webcam_options: WebcamOptions | None = None,
        include_audio: bool | None = None,
        autoplay: bool = False,
        buttons: list[Any] | None = None,
        loop: bool = False,
        streaming: bool = False,
        watermark: WatermarkOptions | str | Path | None = None,
        subtitles: str | Path | list[dict[str, Any]] | None = None,
        playback_position: float = 0,
    ) -> None:
        self.sources = normalise_sources(sources, _VALID_SOURCES, list(_VALID_SOURCES))
        self.format = format
        self.height = height
        self.width = width
        self.autoplay = autoplay
        self.loop = loop
        self.webcam_options = webcam_options if webcam_options is not None else WebcamOptions()
        if isinstance(watermark, WatermarkOptions):
            self.watermark = watermark
        else:
            self.watermark = WatermarkOptions(watermark=watermark)
        self.include_audio = include_audio if include_audio is not None else "upload" in self.sources
        self.buttons = list(buttons) if buttons is not None else list(self.DEFAULT_BUTTONS)
        self.streaming = streaming
        self.playback_position = playback_position
        self.subtitles = format_subtitles(subtitles) if subtitles is not None else None
        super().__init__(**component_kwargs(locals()))

    def get_config(self) -> dict[str, Any]:
        props = super().get_config()
        props["watermark"] = self.watermark.config()
        return props

    # -- values ------------------------------------------------------------------
    def _needs_ffmpeg(self, path: str, what: str) -> None:
        suffix = Path(path.split("?", 1)[0]).suffix.lower().lstrip(".")
        if self.format is not None and suffix != self.format.lower():
            raise Error(f"Cannot convert {suffix or 'this'} video to {self.format} in the browser: there is no "
                        f"ffmpeg. {what}")
        if self.watermark.watermark:
            raise Error("Cannot add a watermark to a video in the browser: there is no ffmpeg.")

    def preprocess(self, payload: Any) -> str | None:
        if payload is None:
            return None
        path = str(self.file_in(payload)["path"])
        suffix = Path(path).suffix.lower().lstrip(".")
        if self.format is not None and suffix != self.format.lower():
            raise Error(f"Cannot convert {suffix or 'this'} video to {self.format} in the browser: there is no "
                        "ffmpeg. Upload a file in that format or set format=None.")
        return path

    def postprocess(self, value: Any) -> Any:
        if value is None or value in ([None, None], (None, None)):
            return None
        if is_file_data(value):
            return value
        if isinstance(value, (tuple, list)):
            # (video, subtitles): Gradio 6 shows subtitles through the prop, not the value.
            value = value[0]
        if not isinstance(value, (str, Path)):
            raise Error(f"Cannot process {type(value).__name__} as Video: return a file path.")
        text = str(value)
        self._needs_ffmpeg(text, "Return a file that is already in that format.")
        if text.startswith(("http://", "https://")):
            return media_file_data(text, None)
        return media_file_data(text, Path(text).name)

    def stream_encoder(self) -> VideoStreamEncoder:
        """Turns this output's yielded mp4 chunks into segments (``streaming=True``)."""
        return VideoStreamEncoder()

    def process_example(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, (tuple, list)):
            value = value[0]
        return Path(str(value)).name

    def example_payload(self) -> Any:
        return {"path": _SAMPLE_URL, "meta": {"_type": "gradio.FileData"}, "orig_name": "world.mp4", "url": _SAMPLE_URL}

    def example_value(self) -> Any:
        return _SAMPLE_URL
