"""A ``multipart/form-data`` parser over a complete body (stdlib only).

Uploads are read whole before parsing: the browser runtime hands the body over
in one piece anyway, and ``max_file_size`` bounds what a native server accepts.
"""

from __future__ import annotations

import email.message
from dataclasses import dataclass

MAX_PARTS = 1000  # Gradio's limit on files/fields per request


class MultipartError(ValueError):
    """The body is not valid multipart/form-data."""


@dataclass
class Part:
    """One form field; ``filename`` is None for plain fields."""

    name: str
    filename: str | None
    content_type: str | None
    data: bytes


def boundary_of(content_type: str) -> str | None:
    """The boundary parameter of a ``multipart/form-data`` content type, or None."""
    msg = email.message.Message()
    msg["content-type"] = content_type
    if msg.get_content_type() != "multipart/form-data":
        return None
    boundary = msg.get_param("boundary")
    return boundary if isinstance(boundary, str) and boundary else None


def _parse_headers(raw: bytes) -> email.message.Message:
    msg = email.message.Message()
    for line in raw.split(b"\r\n"):
        if not line:
            continue
        name, sep, value = line.partition(b":")
        if not sep:
            raise MultipartError("Malformed part header.")
        msg[name.decode("latin-1").strip()] = value.decode("utf-8", "replace").strip()
    return msg


def _parse_part(chunk: bytes) -> Part:
    head, sep, data = chunk.partition(b"\r\n\r\n")
    if not sep:
        # A part with no headers at all starts directly with the blank line.
        if chunk.startswith(b"\r\n"):
            head, data = b"", chunk[2:]
        else:
            raise MultipartError("Part without header terminator.")
    headers = _parse_headers(head)
    disposition = headers.get("content-disposition")
    if disposition is None:
        raise MultipartError("Part without Content-Disposition.")
    name = headers.get_param("name", header="content-disposition")
    if not isinstance(name, str):
        raise MultipartError("Part without a name.")
    filename = headers.get_filename()
    return Part(name=name, filename=filename, content_type=headers.get("content-type"), data=data)


def parse(body: bytes, content_type: str) -> list[Part]:
    """Split ``body`` into its parts; raises ``MultipartError`` on bad input."""
    boundary = boundary_of(content_type)
    if boundary is None:
        raise MultipartError("Missing boundary in multipart.")
    delimiter = b"--" + boundary.encode("latin-1")
    start = body.find(delimiter)
    if start < 0:
        raise MultipartError("Boundary not found in body.")
    parts: list[Part] = []
    pos = start + len(delimiter)
    while True:
        if body[pos:pos + 2] == b"--":
            return parts  # closing delimiter
        if body[pos:pos + 2] != b"\r\n":
            raise MultipartError("Malformed delimiter line.")
        pos += 2
        end = body.find(b"\r\n" + delimiter, pos)
        if end < 0:
            raise MultipartError("Unterminated part.")
        parts.append(_parse_part(body[pos:end]))
        if len(parts) > MAX_PARTS:
            raise MultipartError(f"Too many files. Maximum number of files is {MAX_PARTS}.")
        pos = end + 2 + len(delimiter)
