"""File routes: ``/upload``, ``/upload_progress`` and ``/file=<path>`` (with Range)."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from wasmui.server import multipart
from wasmui.server.http import (HTTPError, Request, Response, Scope, Receive, Send, StreamingResponse, http_date,
                                json_response)

CHUNK = 64 * 1024


class UploadTracker:
    """Which ``upload_id``s are in flight or done (for ``/upload_progress``)."""

    def __init__(self) -> None:
        self.status: dict[str, str] = {}  # upload_id -> "running" | "done"
        self.changed = asyncio.Event()

    def mark(self, upload_id: str, state: str) -> None:
        """Record a state change and wake waiting progress streams."""
        self.status[upload_id] = state
        self.changed.set()
        self.changed = asyncio.Event()


def parse_range(header: str, size: int) -> tuple[int, int] | None:
    """``(start, end)`` inclusive for a single ``bytes=`` range, or None for the full file.

    Raises ``HTTPError(416)`` when the range cannot be satisfied.
    """
    header = header.strip()
    if not header.startswith("bytes=") or "," in header:
        return None
    first, sep, last = header[6:].strip().partition("-")
    if not sep:
        return None
    if first.isdigit():
        start = int(first)
        end = int(last) if last.isdigit() else size - 1
    elif last.isdigit():  # suffix range: the last N bytes
        start, end = max(size - int(last), 0), size - 1
    else:
        return None
    end = min(end, size - 1)
    if start > end or start >= size:
        raise HTTPError(416, "Requested Range Not Satisfiable")
    return start, end


class FileResponse:
    """Streams (part of) a file with validators, ``Accept-Ranges`` and HEAD support."""

    def __init__(self, path: Path, media_type: str, disposition: str, byte_range: str | None,
                 if_none_match: str | None = None) -> None:
        self.path = path
        stat = path.stat()
        self.size = stat.st_size
        self.range = parse_range(byte_range, self.size) if byte_range else None
        etag = hashlib.md5(f"{stat.st_mtime}-{stat.st_size}".encode(), usedforsecurity=False).hexdigest()
        filename = path.name.replace('"', "")
        self.headers = {
            "content-type": media_type,
            "content-disposition": f'{disposition}; filename="{filename}"' if filename.isascii()
            else f"{disposition}; filename*=utf-8''{_quote(filename)}",
            "accept-ranges": "bytes",
            "etag": f'"{etag}"',
            "last-modified": http_date(stat.st_mtime),
        }
        # Stored files never change in place (content-addressed), so a matching
        # validator lets the browser reuse its copy.
        self.not_modified = if_none_match is not None and self.headers["etag"] in if_none_match

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.not_modified:
            validators = [(k.encode("latin-1"), self.headers[k].encode("latin-1")) for k in ("etag", "last-modified")]
            await send({"type": "http.response.start", "status": 304, "headers": validators})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        start, end = self.range if self.range else (0, self.size - 1)
        headers: dict[str, str] = dict(self.headers)
        status = 200
        if self.range:
            status = 206
            headers["content-range"] = f"bytes {start}-{end}/{self.size}"
        length = max(end - start + 1, 0)
        headers["content-length"] = str(length)
        await send({"type": "http.response.start", "status": status,
                    "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]})
        if scope.get("method") == "HEAD":
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        with self.path.open("rb") as f:
            f.seek(start)
            remaining = length
            while remaining > 0:
                chunk = f.read(min(CHUNK, remaining))
                if not chunk:
                    break
                remaining -= len(chunk)
                await send({"type": "http.response.body", "body": chunk, "more_body": remaining > 0})
        if length == 0 or remaining > 0:
            await send({"type": "http.response.body", "body": b"", "more_body": False})


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")


class FileRoutes:
    """Handlers bound to one app's file store and size limit."""

    def __init__(self, blocks: Any) -> None:
        self.blocks = blocks
        self.uploads = UploadTracker()

    @property
    def store(self) -> Any:
        return self.blocks.file_store

    async def upload(self, request: Request) -> Response:
        """``POST /upload``: save each ``files`` part, answer the stored paths."""
        content_type = request.headers.get("content-type", "")
        if multipart.boundary_of(content_type) is None:
            raise HTTPError(400, "Invalid content type.")
        upload_id = request.query.get("upload_id")
        if upload_id:
            self.uploads.mark(upload_id, "running")
        max_size: int | None = getattr(self.blocks, "max_file_size", None)
        try:
            # Bound the body so a huge upload is refused before it fills memory.
            limit = None if max_size is None else max_size * multipart.MAX_PARTS + 1024 * 1024
            body = await request.body(limit=limit)
            parts = multipart.parse(body, content_type)
        except multipart.MultipartError as exc:
            raise HTTPError(400, text=str(exc)) from None
        files = [p for p in parts if p.name == "files" and p.filename is not None]
        for part in files:
            if max_size is not None and len(part.data) > max_size:
                raise HTTPError(413, text=f"File size exceeded maximum allowed size of {max_size} bytes.")
        paths = [self.store.save_upload(p.filename, p.data) for p in files]
        if upload_id:
            self.uploads.mark(upload_id, "done")
        return json_response(paths)

    async def upload_progress(self, request: Request) -> Response | StreamingResponse:
        """``GET /upload_progress?upload_id=X``: SSE that ends with ``{"msg": "done"}``."""
        upload_id = request.query.get("upload_id", "")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 3
        while upload_id not in self.uploads.status:
            remaining = deadline - loop.time()
            if remaining <= 0:
                return Response("Upload not found", status=404)
            try:
                await asyncio.wait_for(self.uploads.changed.wait(), remaining)
            except (TimeoutError, asyncio.TimeoutError):
                pass
        return StreamingResponse(self._progress_stream(upload_id))

    async def _progress_stream(self, upload_id: str) -> AsyncIterator[str]:
        while self.uploads.status.get(upload_id) != "done":
            try:
                await asyncio.wait_for(self.uploads.changed.wait(), 15)
            except (TimeoutError, asyncio.TimeoutError):
                yield f"data: {json.dumps({'msg': 'heartbeat'})}\n\n"
        self.uploads.status.pop(upload_id, None)
        yield f"data: {json.dumps({'msg': 'done'})}\n\n"

    async def file(self, request: Request) -> FileResponse:
        """``GET|HEAD /file=<path>``: serve an allowed file, 403 for anything else."""
        target = request.path_params["path"]
        path = self.store.servable(target)
        if path is None:
            raise HTTPError(403, f"File not allowed: {target}.")
        media_type, disposition = self.store.content_headers(path)
        return FileResponse(path, media_type, disposition, request.headers.get("range"),
                            request.headers.get("if-none-match"))

