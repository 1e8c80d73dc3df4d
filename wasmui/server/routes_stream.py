"""Streamed media outputs: ``/stream/{session_hash}/{run}/{component_id}/...`` (GET).

As Gradio 6.31: ``playlist.m3u8`` (an HLS EVENT playlist that ends with
``#EXT-X-ENDLIST`` once the generator finished), ``{segment}.{ext}`` (one segment) and
``playlist-file`` (the whole stream as one file). ``blocks.media_streams`` (duck-typed)
holds the streams; see ``wasmui.media_streams``.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from wasmui.server.http import HTTPError, Request, Response
from wasmui.server.routes_files import FileResponse


class StreamRoutes:
    """Handlers reading one app's media streams."""

    def __init__(self, blocks: Any) -> None:
        self.blocks = blocks

    def _stream(self, request: Request) -> Any:
        p = request.path_params
        streams = getattr(self.blocks, "media_streams", None)
        stream = streams.get(p["session_hash"], p["run"], p["component_id"]) if streams is not None else None
        if stream is None:
            raise HTTPError(404, text="Stream not found")
        return stream

    async def playlist(self, request: Request) -> Response:
        """``GET .../playlist.m3u8``: the segments so far."""
        stream = self._stream(request)
        # Never cached: the playlist grows while the generator runs.
        return Response(stream.playlist(), media_type="application/vnd.apple.mpegurl",
                        headers={"cache-control": "no-store"})

    async def segment(self, request: Request) -> Response:
        """``GET .../{segment_id}.{ext}``: one segment's bytes."""
        stream = self._stream(request)
        segment = stream.segment(request.path_params["segment_id"], request.path_params["ext"])
        if segment is None:
            raise HTTPError(404, text="Segment not found")
        return Response(segment.data, media_type=segment.mime_type)

    async def combined(self, request: Request) -> FileResponse:
        """``GET .../playlist-file``: the whole stream as one file (Range requests work)."""
        stream = self._stream(request)
        try:
            path = Path(stream.combined())
        except Exception as exc:  # the app's readable reason (e.g. mp4 chunks cannot be joined)
            raise HTTPError(501, text=str(getattr(exc, "message", exc))) from None
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return FileResponse(path, media_type, "inline", request.headers.get("range"),
                            request.headers.get("if-none-match"))
