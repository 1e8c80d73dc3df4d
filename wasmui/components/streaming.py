"""Segments for streamed Audio and Video outputs (``streaming=True`` fed by a generator).

Gradio 6.31 re-encodes every chunk with ffmpeg (audio to AAC, video to MPEG-TS) and
joins them with ffmpeg at the end. The browser has no ffmpeg, so:

* **audio** chunks are WAV: a WAV file, WAV bytes, raw PCM bytes that continue the WAV
  stream of the previous chunk (reading a WAV file in fixed-size pieces, as Gradio's
  ``stream_audio_out`` demo does), or ``(sample_rate, array)``. Each becomes a complete
  WAV segment the page can decode and schedule; the whole stream is one WAV joined
  with the ``wave`` module. Compressed formats (mp3, ogg, ...) raise an error naming them.
* **video** chunks are complete ``.mp4`` files, played one after another by the page.
  Joining mp4 files needs a remuxer (ffmpeg), so the combined file exists only for a
  one-chunk stream; otherwise asking for it raises an error saying so.
"""

from __future__ import annotations

import hashlib
import io
import struct
import tempfile
import wave
from pathlib import Path
from typing import Any

from wasmui.exceptions import Error
from wasmui.files import is_file_data
from wasmui.media_streams import Segment
from wasmui.wav import CODEC_FORMATS, AudioFormatError, is_wav, sniff_audio_suffix

__all__ = ["AudioStreamEncoder", "VideoStreamEncoder", "mp4_duration"]

_WAV_HINT = "Yield WAV files, WAV bytes or (sample_rate, array) chunks."


def _store(data: bytes, name: str) -> str:
    folder = Path(tempfile.gettempdir()) / "wasmui-streams" / hashlib.sha256(data).hexdigest()[:32]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if not target.exists():
        target.write_bytes(data)
    return str(target)


def _chunk_bytes(payload: Any, kind: str) -> tuple[bytes, str | None]:
    """The bytes of a yielded chunk and its file name (None for in-memory bytes)."""
    if isinstance(payload, (bytes, bytearray)):
        return bytes(payload), None
    if is_file_data(payload):
        path = str(payload["path"])
        if path.startswith(("http://", "https://")):
            raise Error(f"Cannot stream {kind} from a URL ({path}) in the browser: yield a local file.")
        try:
            return Path(path).read_bytes(), Path(path).name
        except OSError as e:
            raise Error(f"Cannot read {kind} chunk {Path(path).name}: {e.strerror or e}") from None
    raise Error(f"Cannot stream {type(payload).__name__} as {kind}.")


class _WavHeader:
    """What a RIFF/WAVE header says: PCM layout, where the samples start and how many bytes follow."""

    def __init__(self, data: bytes, name: str) -> None:
        offset, fmt = 12, None
        while offset + 8 <= len(data):
            chunk_id, size = data[offset:offset + 4], struct.unpack("<I", data[offset + 4:offset + 8])[0]
            body = offset + 8
            if chunk_id == b"fmt ":
                fmt = struct.unpack("<HHIIHH", data[body:body + 16])
            elif chunk_id == b"data":
                if fmt is None:
                    break
                code, self.channels, self.rate, _, _, bits = fmt
                if code not in (1, 0xFFFE) or bits not in (8, 16, 24, 32):
                    raise AudioFormatError(f"Cannot stream {name}: only integer PCM WAV can be joined in the "
                                           f"browser (this one is WAV format code {code}, {bits}-bit).")
                self.width = bits // 8
                self.start = body
                self.declared = size
                return
            offset = body + size + (size & 1)
        raise AudioFormatError(f"Cannot stream {name}: its WAV header has no fmt/data chunk.")


def _tagged_codec(data: bytes) -> bool:
    """Bytes that open with a compressed format's signature (never raw samples continuing a WAV)."""
    return data[:3] == b"ID3" or data[:4] in (b"OggS", b"fLaC", b"\x1a\x45\xdf\xa3")


class AudioStreamEncoder:
    """WAV segments from an Audio output's chunks (one encoder per stream)."""

    orig_name = "audio-stream.wav"

    def __init__(self) -> None:
        self.layout: tuple[int, int, int] | None = None  # (rate, channels, width)
        self._carry = b""  # an incomplete frame, finished by the next chunk
        self._left: int | None = None  # samples bytes the WAV header announced and not yet seen
        self._count = 0

    def add(self, payload: Any) -> Segment | None:
        if payload is None:
            return None
        self._count += 1
        data, name = _chunk_bytes(payload, "audio")
        label = name or f"chunk {self._count}"
        if is_wav(data):
            header = _WavHeader(data, label)
            layout = (header.rate, header.channels, header.width)
            if self.layout is not None and layout != self.layout:
                raise AudioFormatError(
                    f"Cannot stream {label}: {layout[0]} Hz, {layout[1]} channel(s), {8 * layout[2]}-bit, but the "
                    f"stream began with {self.layout[0]} Hz, {self.layout[1]} channel(s), {8 * self.layout[2]}-bit. "
                    "Every chunk of a stream needs the same format (resampling needs ffmpeg).")
            self.layout, self._carry = layout, b""
            samples = data[header.start:header.start + header.declared]
            self._left = header.declared - len(samples)
        elif name is not None or self.layout is None or _tagged_codec(data):
            fmt = (sniff_audio_suffix(data) or (Path(name).suffix if name else "")).lstrip(".").lower()
            if fmt in CODEC_FORMATS or (fmt and fmt != "wav"):
                raise AudioFormatError(f"Cannot stream {fmt} audio ({label}) in the browser: decoding and joining "
                                       f"{fmt} needs ffmpeg. {_WAV_HINT}")
            raise AudioFormatError(f"Cannot stream {label}: it is not a WAV file, and no WAV chunk came before it "
                                   f"for its bytes to continue. {_WAV_HINT}")
        else:
            samples = data
            if self._left is not None:
                # Bytes after the announced samples are trailing chunks (LIST ...), not sound.
                samples, self._left = samples[:max(self._left, 0)], self._left - len(samples)
        return self._segment(self._carry + samples)

    def _segment(self, samples: bytes) -> Segment | None:
        assert self.layout is not None
        rate, channels, width = self.layout
        frame = channels * width
        usable = len(samples) - len(samples) % frame
        self._carry = samples[usable:]
        if not usable:
            return None
        return Segment(self._wav(samples[:usable]), usable / frame / rate, ".wav", "audio/wav")

    def _wav(self, samples: bytes) -> bytes:
        assert self.layout is not None
        rate, channels, width = self.layout
        out = io.BytesIO()
        with wave.open(out, "wb") as w:
            w.setnchannels(channels)
            w.setsampwidth(width)
            w.setframerate(rate)
            w.writeframes(samples)
        return out.getvalue()

    def combine(self, segments: list[Segment]) -> str:
        frames = bytearray()
        for s in segments:
            with wave.open(io.BytesIO(s.data), "rb") as w:
                frames += w.readframes(w.getnframes())
        return _store(self._wav(bytes(frames)), self.orig_name)


def _boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """``(type, body_start, box_end)`` of the ISO-BMFF boxes in ``data[start:end]``."""
    out, offset = [], start
    while offset + 8 <= end:
        size, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = offset + 8
        if size == 1 and offset + 16 <= end:
            size, body = struct.unpack(">Q", data[offset + 8:offset + 16])[0], offset + 16
        elif size == 0:
            size = end - offset
        if size < 8:
            break
        out.append((kind, body, min(offset + size, end)))
        offset += size
    return out


def mp4_duration(data: bytes) -> float | None:
    """Seconds an mp4/mov file lasts (its ``moov/mvhd`` box), or None when it has none."""
    for kind, body, end in _boxes(data, 0, len(data)):
        if kind != b"moov":
            continue
        for sub, sbody, _ in _boxes(data, body, end):
            if sub != b"mvhd":
                continue
            if data[sbody] == 1:
                scale, length = struct.unpack(">IQ", data[sbody + 20:sbody + 32])
            else:
                scale, length = struct.unpack(">II", data[sbody + 12:sbody + 20])
            return length / scale if scale else None
    return None


def _pts(pes: bytes) -> int | None:
    """The presentation timestamp (90 kHz ticks) of a PES packet header, if it has one."""
    if len(pes) < 14 or pes[:3] != b"\x00\x00\x01" or not (pes[7] >> 7) & 1:
        return None
    b = pes[9:14]
    return ((b[0] >> 1) & 7) << 30 | b[1] << 22 | (b[2] >> 1) << 15 | b[3] << 7 | b[4] >> 1


def ts_duration(data: bytes) -> float | None:
    """Seconds an MPEG-TS file lasts: its first stream's timestamps, plus one frame."""
    stamps: dict[int, list[int]] = {}
    for offset in range(0, len(data) - 187, 188):
        packet = data[offset:offset + 188]
        if packet[0] != 0x47 or not packet[1] & 0x40:  # sync byte; a PES packet starts here
            continue
        pid, control = (packet[1] & 0x1F) << 8 | packet[2], (packet[3] >> 4) & 3
        if control not in (1, 3):  # no payload
            continue
        start = 4 + (1 + packet[4] if control == 3 else 0)
        pes = packet[start:]
        if len(pes) > 3 and 0xC0 <= pes[3] <= 0xEF:  # an audio or video elementary stream
            pts = _pts(pes)
            if pts is not None:
                stamps.setdefault(pid, []).append(pts)
    times = sorted(set(next(iter(stamps.values())))) if stamps else []
    if len(times) < 2:
        return None
    span = times[-1] - times[0]
    return (span + span / (len(times) - 1)) / 90000


_VIDEO_TYPES = {".mp4": "video/mp4", ".m4v": "video/mp4", ".mov": "video/mp4", ".ts": "video/mp2t"}


class VideoStreamEncoder:
    """mp4 or MPEG-TS segments from a Video output's chunks, played in order by the page
    (MPEG-TS through hls.js, as Gradio's player does)."""

    def __init__(self) -> None:
        self._count = 0
        self.kind: str | None = None  # ".mp4" or ".ts": one kind per stream

    @property
    def orig_name(self) -> str:
        return "video-stream.ts" if self.kind == ".ts" else "video-stream.mp4"

    def add(self, payload: Any) -> Segment | None:
        if payload is None:
            return None
        if isinstance(payload, dict) and isinstance(payload.get("video"), dict):
            payload = payload["video"]
        self._count += 1
        path = str(payload.get("path", "")) if isinstance(payload, dict) else ""
        suffix = Path(path.split("?", 1)[0]).suffix.lower()
        label = Path(path).name or f"chunk {self._count}"
        if suffix not in _VIDEO_TYPES:
            raise Error(f"Cannot stream {suffix.lstrip('.') or 'this'} video ({label}) in the browser: converting it "
                        "to playable segments needs ffmpeg. Yield .mp4 files (each a complete, playable video).")
        kind = ".ts" if suffix == ".ts" else ".mp4"
        if self.kind is not None and kind != self.kind:
            raise Error(f"Cannot stream {label} after {self.kind.lstrip('.')} chunks: every chunk of a stream must be "
                        "mp4, or every chunk MPEG-TS (.ts).")
        self.kind = kind
        data, _ = _chunk_bytes(payload, "video")
        duration = ts_duration(data) if kind == ".ts" else mp4_duration(data)
        if not duration:
            raise Error(f"Cannot stream {label}: it has no readable duration (not a complete {kind.lstrip('.')} file).")
        return Segment(data, duration, kind, _VIDEO_TYPES[kind])

    def combine(self, segments: list[Segment]) -> str:
        if self.kind == ".ts":
            return _store(b"".join(s.data for s in segments), self.orig_name)  # MPEG-TS joins byte-wise
        if len(segments) == 1:
            return _store(segments[0].data, self.orig_name)
        raise Error(f"Cannot join {len(segments)} mp4 chunks into one file in the browser: that needs ffmpeg. "
                    "The page plays the chunks in order.")
