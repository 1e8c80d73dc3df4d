"""``gr.Audio``: upload or record audio; play audio outputs.

Input values are ``(sample_rate, int16 array)`` (``type="numpy"``) or a WAV
path (``type="filepath"``). The page records WAV itself, so the standard
library reads every recording; conversions that need ffmpeg (e.g. encoding mp3)
raise an error naming the format.
"""

from __future__ import annotations

import hashlib
import tempfile
import warnings
from pathlib import Path
from typing import Any, Literal

from wasmui.components.base import component_kwargs
from wasmui.components.file_base import FileComponent
from wasmui.components.media_options import WaveformOptions
from wasmui.components.streaming import AudioStreamEncoder
from wasmui.exceptions import Error
from wasmui.files import is_file_data, set_static_paths
from wasmui.wav import AudioFormatError, audio_to_numpy, numpy_to_wav_file, sniff_audio_suffix

_SAMPLE_URL = "https://github.com/gradio-app/gradio/raw/main/test/test_files/audio_sample.wav"
_VALID_SOURCES = ("upload", "microphone")


def media_file_data(path: str, orig_name: str | None) -> dict[str, Any]:
    """A FileData payload for a media output (the server caches it and fills ``url``)."""
    url = path if path.startswith(("http://", "https://")) else None
    return {"path": path, "url": url, "size": None, "orig_name": orig_name, "mime_type": None,
            "is_stream": False, "meta": {"_type": "gradio.FileData"}}


def handle_file_ref(path: str | Path) -> dict[str, Any]:
    """A file reference in a config prop (``gradio_client.handle_file`` shape).

    Only ``value`` goes through the output cache, so the referenced file itself
    is made servable by ``/file=`` (just that file, which the app named).
    """
    text = str(path)
    if not text.startswith(("http://", "https://")):
        set_static_paths(text)
    return {"path": text, "meta": {"_type": "gradio.FileData"}, "orig_name": Path(text).name}


def json_subtitles(subtitles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Validate ``[{"text", "timestamp": [start, end]}]`` into ``[{"start", "end", "text"}]``."""
    out = []
    for i, sub in enumerate(subtitles):
        if not isinstance(sub, dict):
            raise ValueError(f"Subtitle at index {i} must be a dictionary")
        if "text" not in sub:
            raise ValueError(f"Subtitle at index {i} missing required 'text' field")
        if "timestamp" not in sub:
            raise ValueError(f"Subtitle at index {i} missing required 'timestamp' field")
        stamp = sub["timestamp"]
        if not isinstance(stamp, (list, tuple)) or len(stamp) != 2:
            raise ValueError(f"Subtitle at index {i} 'timestamp' must be a list/tuple of [start, end]")
        out.append({"start": stamp[0], "end": stamp[1], "text": sub["text"]})
    return out


def normalise_sources(sources: Any, valid: tuple[str, ...], default: list[str]) -> list[str]:
    """``sources=`` as a list, checked against ``valid`` with Gradio's messages."""
    if sources is None:
        return list(default)
    if isinstance(sources, str) and sources in valid:
        return [sources]
    if not isinstance(sources, list):
        raise ValueError(f"`sources` must be a list consisting of elements in {list(valid)}")
    for s in sources:
        if s not in valid:
            raise ValueError(f"`sources` must a list consisting of elements in {list(valid)}")
    return list(sources)


def _suffix_of(value: str) -> str:
    tail = value.split("?", 1)[0].split("#", 1)[0]
    return Path(tail).suffix.lower()


class Audio(FileComponent):
    """Audio in (upload / microphone) and out (a player)."""

    CONFIG_PROPS = ("streamable", "value", "sources", "type", "label", "show_label", "container", "scale", "min_width",
                    "interactive", "visible", "streaming", "elem_id", "elem_classes", "key", "preserved_by_key",
                    "format", "autoplay", "editable", "buttons", "waveform_options", "loop", "recording",
                    "subtitles", "playback_position")

    EVENTS = ["stream", "change", "clear", "play", "pause", "stop", "start_recording", "pause_recording",
              "stop_recording", "upload", "input"]
    DEFAULT_BUTTONS = ("download", "share")
    PYTHON_TYPE = "filepath"

    def __init__(
        self,
        value: str | Path | tuple[int, Any] | Any | None = None,
        *,
        sources: list[Literal["upload", "microphone"]] | Literal["upload", "microphone"] | None = None,
        type: Literal["numpy", "filepath"] = "numpy",
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool | str = True,
        streaming: bool = False,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        format: Literal["wav", "mp3"] | None = None,
        autoplay: bool = False,
        editable: bool = True,
        buttons: list[Any] | None = None,
        waveform_options: WaveformOptions | dict[str, Any] | None = None,
        loop: bool = False,
        recording: bool = False,
        subtitles: str | Path | list[dict[str, Any]] | None = None,
        playback_position: float = 0,
    ) -> None:
        self.sources = normalise_sources(sources, _VALID_SOURCES, ["microphone"] if streaming else list(_VALID_SOURCES))
        if type not in ("numpy", "filepath"):
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: numpy filepath")
        self.type = type
        self.streaming = streaming
        if streaming and "microphone" not in self.sources:
            raise ValueError("Audio streaming only available if sources includes 'microphone'.")
        if format is not None and format.lower() not in ("wav", "mp3"):
            raise ValueError(f"Invalid value for parameter `format`: {format}. Please choose from one of: wav mp3")
        self.format = format.lower() if format else None
        self.autoplay = autoplay
        self.loop = loop
        self.buttons = list(buttons) if buttons is not None else list(self.DEFAULT_BUTTONS)
        self.editable = editable
        if waveform_options is None:
            waveform_options = WaveformOptions()
        elif isinstance(waveform_options, dict):
            waveform_options = WaveformOptions(**waveform_options)
        self.waveform_options = waveform_options
        self.recording = recording
        self.playback_position = playback_position
        # Always a prop in Gradio's config (False: wasmui streams nothing yet).
        self.streamable = False
        self.subtitles: Any = None
        if isinstance(subtitles, list):
            self.subtitles = json_subtitles(subtitles)
        elif subtitles is not None:
            self.subtitles = self._subtitle_file(subtitles)
        super().__init__(**component_kwargs(locals()))

    def required_packages(self) -> set[str]:
        # (sample_rate, array) values are numpy arrays; WAV itself is read with the stdlib.
        return {"numpy"} if self.type == "numpy" else set()

    @staticmethod
    def _subtitle_file(path: str | Path) -> Any:
        if Path(path).suffix.lower() == ".json":
            import json

            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if not isinstance(data, list):
                raise ValueError("JSON subtitle file must contain a list of subtitle objects")
            return json_subtitles(data)
        return handle_file_ref(path)

    # -- values ------------------------------------------------------------------
    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        path = str(self.file_in(payload)["path"])
        if self.type == "numpy":
            return audio_to_numpy(path)
        suffix = _suffix_of(path)
        if self.format is None or suffix == f".{self.format}":
            return path
        if self.format == "wav":
            # Decoding another format needs ffmpeg; read_wav names the format.
            rate, data = audio_to_numpy(path)
            return numpy_to_wav_file(rate, data)
        # Encoding another format needs ffmpeg: hand the file over as it is (functions that
        # read audio with pydub or soundfile take it), and say why.
        warnings.warn(f"Audio kept as {suffix.lstrip('.') or 'uploaded'}: converting it to {self.format} needs ffmpeg, "
                      "which the browser does not have.", stacklevel=2)
        return path

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, bytes):
            if self.streaming:
                return value  # a stream chunk: the stream encoder reads it (it may continue a WAV)
            return media_file_data(self._save_bytes(value), None)
        if isinstance(value, tuple):
            if len(value) != 2:
                raise Error("Audio output tuples must be (sample_rate, data).")
            rate, data = value
            path = numpy_to_wav_file(int(rate), data, self.format or "wav")
            return media_file_data(path, Path(path).name)
        if isinstance(value, (str, Path)):
            text = str(value)
            suffix = _suffix_of(text)
            if self.format is not None and suffix != f".{self.format}":
                if text.startswith(("http://", "https://")) or self.format != "wav":
                    # Encoding needs ffmpeg; the file as it is still plays in the browser.
                    warnings.warn(f"Audio kept as {suffix.lstrip('.') or 'it is'}: converting it to {self.format} "
                                  "needs ffmpeg, which the browser does not have.", stacklevel=2)
                    local = not text.startswith(("http://", "https://"))
                    return media_file_data(text, Path(text).name if local else None)
                rate, data = audio_to_numpy(text)
                path = numpy_to_wav_file(rate, data)
                return media_file_data(path, Path(path).name)
            local = not text.startswith(("http://", "https://"))
            return media_file_data(text, Path(text).name if local and Path(text).exists() else None)
        if is_file_data(value):
            return value
        raise Error(f"Cannot process {type(value).__name__} as Audio: return a path, (sample_rate, array) or bytes.")

    def stream_encoder(self) -> AudioStreamEncoder:
        """Turns this output's yielded chunks into WAV segments (``streaming=True``)."""
        return AudioStreamEncoder()

    @staticmethod
    def _save_bytes(data: bytes) -> str:
        folder = Path(tempfile.gettempdir()) / "wasmui-audio" / hashlib.sha256(data).hexdigest()[:32]
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"audio{sniff_audio_suffix(data) or '.wav'}"
        if not target.exists():
            target.write_bytes(data)
        return str(target)

    def process_example(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, (str, Path)):
            return Path(str(value)).name
        return "(audio)"

    def example_payload(self) -> Any:
        return {"path": _SAMPLE_URL, "meta": {"_type": "gradio.FileData"}, "orig_name": "audio_sample.wav",
                "url": _SAMPLE_URL}

    def example_value(self) -> Any:
        return _SAMPLE_URL
