"""``gr.validators``: ready-made ``validator=`` functions for media lengths."""

from __future__ import annotations

import struct
from typing import Any


def _result(duration: float, kind: str, min_length: float | None, max_length: float | None) -> dict[str, Any]:
    if min_length is not None and duration < min_length:
        return {"__type__": "validate", "is_valid": False,
                "message": f"{kind} is too short. It must be at least {min_length} seconds"}
    if max_length is not None and duration > max_length:
        return {"__type__": "validate", "is_valid": False,
                "message": f"{kind} is too long. It must be at most {max_length} seconds"}
    return {"__type__": "validate", "is_valid": True}


def is_audio_correct_length(audio: tuple[int, Any], min_length: float | None, max_length: float | None) -> dict[str, Any]:
    """Whether ``(sample_rate, samples)`` lasts between ``min_length`` and ``max_length`` seconds."""
    if min_length is None and max_length is None:
        return {"__type__": "validate", "is_valid": True}
    sample_rate, data = audio
    return _result(len(data) / sample_rate, "Audio", min_length, max_length)


def mp4_duration(path: str) -> float:
    """Seconds of an MP4/MOV file, read from its ``moov/mvhd`` box (no ffmpeg needed)."""
    with open(path, "rb") as f:
        data = f.read()
    moov = _find_box(data, 0, len(data), b"moov")
    mvhd = _find_box(data, moov[0], moov[1], b"mvhd") if moov else None
    if mvhd is None:
        raise ValueError(f"{path} is not an MP4/MOV file with a movie header; cannot measure its length.")
    start = mvhd[0]
    if data[start] == 1:  # version 1: 64-bit times
        timescale, duration = struct.unpack(">IQ", data[start + 20: start + 32])
    else:
        timescale, duration = struct.unpack(">II", data[start + 12: start + 20])
    return float(duration) / float(timescale)


def _find_box(data: bytes, start: int, end: int, name: bytes) -> tuple[int, int] | None:
    """(content start, content end) of the first ``name`` box between ``start`` and ``end``."""
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos: pos + 8])
        header = 8
        if size == 1:
            size = struct.unpack(">Q", data[pos + 8: pos + 16])[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header:
            return None
        if kind == name:
            return pos + header, pos + size
        pos += size
    return None


def is_video_correct_length(video: str, min_length: float | None, max_length: float | None) -> dict[str, Any]:
    """Whether the MP4/MOV file at ``video`` lasts between ``min_length`` and ``max_length`` seconds."""
    if min_length is None and max_length is None:
        return {"__type__": "validate", "is_valid": True}
    return _result(mp4_duration(video), "Video", min_length, max_length)
