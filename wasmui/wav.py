"""WAV audio with the standard library only (no ffmpeg in the browser).

``gr.Audio`` keeps audio as 16-bit PCM WAV: the page records WAV, functions get
``(sample_rate, int16 array)`` and return it. Formats that need a codec (mp3,
ogg, webm …) cannot be decoded or encoded here; those paths raise
``AudioFormatError`` naming the format, never a traceback from deep inside.
numpy is imported only by the functions that take or return arrays.
"""

from __future__ import annotations

import array
import hashlib
import sys
import tempfile
import wave
from pathlib import Path
from typing import Any

from wasmui.exceptions import Error

__all__ = ["AudioFormatError", "WavInfo", "is_wav", "read_wav", "wav_duration", "write_wav", "to_int16_samples",
           "audio_to_numpy", "numpy_to_wav_file", "sniff_audio_suffix"]

# Formats whose coding needs ffmpeg (Gradio uses pydub + ffmpeg for them).
CODEC_FORMATS = {"mp3", "ogg", "oga", "opus", "webm", "weba", "m4a", "aac", "flac", "aif", "aiff", "mka", "wma"}


class AudioFormatError(Error):
    """An audio conversion that needs a codec the browser runtime does not have."""


class WavInfo:
    """The header fields of a PCM WAV file and its raw frames."""

    def __init__(self, sample_rate: int, channels: int, sample_width: int, frames: bytes) -> None:
        self.sample_rate = sample_rate
        self.channels = channels
        self.sample_width = sample_width
        self.frames = frames

    @property
    def n_frames(self) -> int:
        """Samples per channel."""
        return len(self.frames) // (self.channels * self.sample_width)

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return self.n_frames / self.sample_rate if self.sample_rate else 0.0


def is_wav(head: bytes) -> bool:
    """True when ``head`` (the first 12+ bytes of a file) is a RIFF/WAVE header."""
    return len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WAVE"


def sniff_audio_suffix(data: bytes) -> str:
    """The extension (with dot) that fits these bytes: ``.wav``, ``.mp3``, ``.ogg``, ``.webm``, ``.flac`` or ``""``."""
    if is_wav(data):
        return ".wav"
    if data[:3] == b"ID3" or data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return ".mp3"
    if data[:4] == b"OggS":
        return ".ogg"
    if data[:4] == b"\x1a\x45\xdf\xa3":
        return ".webm"
    if data[:4] == b"fLaC":
        return ".flac"
    return ""


def _format_of(path: str | Path) -> str:
    suffix = Path(str(path)).suffix.lower().lstrip(".")
    return suffix or "unknown"


def read_wav(path: str | Path) -> WavInfo:
    """Read a PCM WAV file; other formats raise ``AudioFormatError`` naming them."""
    p = Path(path)
    try:
        with p.open("rb") as f:
            head = f.read(12)
    except OSError as e:
        raise Error(f"Cannot read audio file {p.name}: {e.strerror or e}") from None
    if not is_wav(head):
        fmt = sniff_audio_suffix(head).lstrip(".") or _format_of(p)
        if fmt == "wav":  # named .wav, but not RIFF/WAVE inside
            raise AudioFormatError(f"Cannot read {p.name}: it is not a valid WAV file (no RIFF/WAVE header).")
        raise AudioFormatError(
            f"Cannot decode {fmt} audio ({p.name}) in the browser: only WAV can be read without ffmpeg. "
            "Upload a .wav file or use type='filepath'.")
    try:
        with wave.open(str(p), "rb") as w:
            return WavInfo(w.getframerate(), w.getnchannels(), w.getsampwidth(), w.readframes(w.getnframes()))
    except (wave.Error, EOFError) as e:
        raise AudioFormatError(f"Cannot read {p.name}: not a PCM WAV file the standard library can decode ({e}).") from None


def wav_duration(path: str | Path) -> float:
    """Duration of a WAV file in seconds."""
    return read_wav(path).duration


def write_wav(path: str | Path, sample_rate: int, frames: bytes, channels: int = 1, sample_width: int = 2) -> None:
    """Write raw little-endian PCM frames as a WAV file."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(sample_width)
        w.setframerate(int(sample_rate))
        w.writeframes(frames)


def to_int16_samples(info: WavInfo) -> array.array[int]:
    """Interleaved samples of ``info`` as signed 16-bit integers (any PCM width)."""
    width = info.sample_width
    raw = info.frames
    if width == 2:
        out = array.array("h")
        out.frombytes(raw[: len(raw) - len(raw) % 2])
        if sys.byteorder == "big":
            out.byteswap()
        return out
    if width == 1:  # unsigned 8-bit
        return array.array("h", ((b - 128) << 8 for b in raw))
    step = width
    # 24/32-bit: keep the two most significant bytes (little-endian, signed).
    return array.array("h", (int.from_bytes(raw[i + step - 2:i + step], "little", signed=True)
                             for i in range(0, len(raw) - step + 1, step)))


def audio_to_numpy(path: str | Path) -> tuple[int, Any]:
    """``(sample_rate, int16 array)`` of a WAV file: shape ``(n,)`` mono or ``(n, channels)``."""
    import numpy as np

    info = read_wav(path)
    data = np.array(to_int16_samples(info), dtype=np.int16)
    if info.channels > 1:
        data = data[: len(data) - len(data) % info.channels].reshape(-1, info.channels)
    return info.sample_rate, data


def _as_int16(data: Any) -> Any:
    """Gradio's conversion of any numeric array to int16 (floats are peak-normalised)."""
    import numpy as np

    data = np.asarray(data)
    kind = data.dtype
    if kind == np.int16:
        return data
    if kind.kind == "f":
        data = data.astype(np.float64)
        peak = float(np.abs(data).max()) if data.size else 0.0
        if peak == 0 or not np.isfinite(peak):
            return np.zeros(data.shape, dtype=np.int16)
        return (data / peak * 32767).astype(np.int16)
    if kind == np.int32 or kind == np.int64:
        return (data // 65536).astype(np.int16)
    if kind == np.uint16:
        return (data.astype(np.int32) - 32768).astype(np.int16)
    if kind == np.uint8:
        return (data.astype(np.int32) * 257 - 32768).astype(np.int16)
    if kind == np.int8:
        return (data.astype(np.int16) * 256).astype(np.int16)
    raise Error(f"Audio data cannot be converted automatically from {kind} to 16-bit int format.")


def numpy_to_wav_file(sample_rate: int, data: Any, fmt: str = "wav", cache_dir: str | Path | None = None) -> str:
    """Write ``(sample_rate, array)`` as ``audio.<fmt>`` in a content-addressed temp folder; returns the path.

    Only ``wav`` can be encoded; another ``fmt`` raises ``AudioFormatError``.
    A plain list or ``array.array`` of int16 samples works without numpy.
    """
    fmt = (fmt or "wav").lower()
    if fmt != "wav":
        raise AudioFormatError(
            f"Cannot encode audio as {fmt} in the browser: there is no ffmpeg. Use format='wav' (or None).")
    if isinstance(data, (list, tuple, array.array)):
        channels = 1
        samples = array.array("h", (max(-32768, min(32767, int(s))) for s in data))
    else:
        arr = _as_int16(data)
        if arr.ndim > 2:
            raise Error(f"Audio array must have 1 or 2 dimensions (samples[, channels]); got shape {arr.shape}.")
        channels = 1 if arr.ndim == 1 else int(arr.shape[1])
        samples = array.array("h")
        samples.frombytes(arr.astype("<i2").tobytes())
        if sys.byteorder == "big":
            samples.byteswap()
    frames = samples.tobytes() if sys.byteorder == "little" else _swapped(samples)
    digest = hashlib.sha256(f"{sample_rate}:{channels}:".encode() + frames).hexdigest()[:32]
    folder = Path(cache_dir or Path(tempfile.gettempdir()) / "wasmui-audio") / digest
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "audio.wav"
    if not target.exists():
        write_wav(target, int(sample_rate), frames, channels)
    return str(target)


def _swapped(samples: array.array[int]) -> bytes:
    copy = array.array("h", samples)
    copy.byteswap()
    return copy.tobytes()
