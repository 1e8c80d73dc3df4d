"""Streamed media outputs: the segments a generator yields into ``gr.Audio(streaming=True)``
or ``gr.Video(streaming=True)``, kept per session, run and component.

Gradio 6.31 serves each stream as an HLS playlist,
``/gradio_api/stream/{session_hash}/{run}/{component_id}/playlist.m3u8``, whose entries
are segment files next to it, and ``.../playlist-file`` (the whole stream as one file).
The output's value on the wire is a FileData with ``is_stream: true`` whose ``path`` is
``{session_hash}/{run}/{component_id}/playlist.m3u8``. This module keeps the segments and
writes those texts; components turn yielded values into segments (``StreamEncoder``) and
the server answers the routes. Standard library only.
"""

from __future__ import annotations

import math
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Protocol

from wasmui.exceptions import Error

__all__ = ["MediaStream", "MediaStreams", "Segment", "StreamEncoder", "stream_path"]

# Streams kept in memory at once (oldest dropped first), like an LRU of runs.
MAX_STREAMS = 48


@dataclass
class Segment:
    """One playable piece of a stream, served as ``{id}{extension}``."""

    data: bytes
    duration: float
    extension: str  # ".wav", ".mp4", ".webm", ".ts"
    mime_type: str
    id: str = field(default_factory=lambda: uuid.uuid4().hex)


class StreamEncoder(Protocol):
    """Turns a component's postprocessed outputs into segments, and all of them into one file."""

    #: The ``orig_name`` of the stream's FileData (its suffix is the combined file's format).
    orig_name: str

    def add(self, payload: Any) -> Segment | None:
        """The segment for one yielded (postprocessed) value; None adds nothing."""

    def combine(self, segments: list[Segment]) -> str:
        """A file holding the whole stream (raises ``Error`` when it cannot be joined)."""


def stream_path(session_hash: str, run: int, component_id: int) -> str:
    """The ``path`` of a stream's FileData (the playlist, relative to ``/gradio_api/stream/``)."""
    return f"{session_hash}/{run}/{component_id}/playlist.m3u8"


class MediaStream:
    """The segments of one output of one generator run."""

    def __init__(self, encoder: StreamEncoder) -> None:
        self.encoder = encoder
        self.segments: list[Segment] = []
        self.ended = False
        self._combined: str | None = None

    def add(self, payload: Any) -> None:
        """Encode one yielded value and append its segment."""
        segment = self.encoder.add(payload)
        if segment is not None:
            self.segments.append(segment)

    def end(self) -> None:
        """The generator finished (or failed): the playlist gets ``#EXT-X-ENDLIST``."""
        self.ended = True

    def playlist(self) -> str:
        """The HLS playlist (an EVENT playlist that grows until the stream ends)."""
        longest = max((s.duration for s in self.segments), default=1.0)
        lines = ["#EXTM3U", "#EXT-X-PLAYLIST-TYPE:EVENT", f"#EXT-X-TARGETDURATION:{max(1, math.ceil(longest))}",
                 "#EXT-X-VERSION:4", "#EXT-X-MEDIA-SEQUENCE:0"]
        for s in self.segments:
            lines += [f"#EXTINF:{s.duration:.3f},", f"{s.id}{s.extension}"]
            if s.extension == ".ts":
                # Chunks encoded separately restart their timestamps (as Gradio marks them).
                lines.append("#EXT-X-DISCONTINUITY")
        if self.ended:
            lines.append("#EXT-X-ENDLIST")
        return "\n".join(lines) + "\n"

    def segment(self, segment_id: str, extension: str) -> Segment | None:
        """The segment named ``{segment_id}.{extension}``, if this stream has it."""
        for s in self.segments:
            if s.id == segment_id and s.extension == f".{extension}":
                return s
        return None

    def combined(self) -> str:
        """The whole stream as one file (made once, when first asked)."""
        if not self.segments:
            raise Error("This stream has no segments yet.")
        if self._combined is None or not self.ended:
            self._combined = self.encoder.combine(self.segments)
        return self._combined


class MediaStreams:
    """Every open stream of an app, keyed by ``(session_hash, run, component_id)``."""

    def __init__(self, limit: int = MAX_STREAMS) -> None:
        self.limit = limit
        self._streams: OrderedDict[tuple[str, int, int], MediaStream] = OrderedDict()

    def open(self, session_hash: str, run: int, component_id: int, encoder: StreamEncoder) -> MediaStream:
        """The run's stream for this component (made on the first chunk)."""
        key = (session_hash, run, component_id)
        stream = self._streams.get(key)
        if stream is None:
            stream = self._streams[key] = MediaStream(encoder)
            while len(self._streams) > self.limit:
                self._streams.popitem(last=False)
        self._streams.move_to_end(key)
        return stream

    def get(self, session_hash: str, run: int | str, component_id: int | str) -> MediaStream | None:
        """A stream by its URL parts (strings from a route are accepted)."""
        try:
            key = (session_hash, int(run), int(component_id))
        except (TypeError, ValueError):
            return None
        return self._streams.get(key)

    def end_run(self, session_hash: str, run: int) -> None:
        """Mark every stream of one run ended."""
        for (sess, r, _), stream in self._streams.items():
            if sess == session_hash and r == run:
                stream.end()
