"""A ``multipart/form-data`` parser over a complete body (stdlib only).

Uploads are read whole before parsing: the browser runtime hands the body over
in one piece anyway, and ``max_file_size`` bounds what a native server accepts.
Header parameters are read here (quoted strings, RFC 2231 ``filename*=``) rather
than with the ``email`` package: a dozen modules every site would ship and import.
"""

from __future__ import annotations

import re
import urllib.parse
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


# `; key=value` or `; key="quoted \\"value\\""` (RFC 7230 quoted-string, RFC 2231 `key*=`).
_PARAM = re.compile(r';\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')


def header_params(value: str) -> tuple[str, dict[str, str]]:
    """``'form-data; name="a"; filename*=UTF-8\'\'x%20y'`` -> ``("form-data", {"name": "a", "filename": "x y"})``:
    the lower-cased value and its parameters (keys lower-cased; an RFC 2231 ``key*`` wins)."""
    main, _, rest = value.partition(";")
    params: dict[str, str] = {}
    extended: dict[str, str] = {}
    for key, raw in _PARAM.findall(";" + rest):
        key = key.lower()
        raw = raw.strip()
        if key.endswith("*") and raw.strip('"').count("'") >= 2:
            charset, _lang, encoded = raw.strip('"').split("'", 2)
            try:
                extended[key[:-1]] = urllib.parse.unquote(encoded, encoding=charset or "utf-8", errors="replace")
            except LookupError:  # a charset Python does not know
                extended[key[:-1]] = urllib.parse.unquote(encoded, errors="replace")
        elif raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
            params[key] = re.sub(r"\\(.)", r"\1", raw[1:-1])
        else:
            params[key] = raw
    return main.strip().lower(), params | extended


def boundary_of(content_type: str) -> str | None:
    """The boundary parameter of a ``multipart/form-data`` content type, or None."""
    kind, params = header_params(content_type)
    if kind != "multipart/form-data":
        return None
    return params.get("boundary") or None


def _parse_headers(raw: bytes) -> dict[str, str]:
    """A part's headers by lower-cased name (the first of a repeated one)."""
    headers: dict[str, str] = {}
    for line in raw.split(b"\r\n"):
        if not line:
            continue
        name, sep, value = line.partition(b":")
        if not sep:
            raise MultipartError("Malformed part header.")
        headers.setdefault(name.decode("latin-1").strip().lower(), value.decode("utf-8", "replace").strip())
    return headers


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
    _kind, params = header_params(disposition)
    name = params.get("name")
    if name is None:
        raise MultipartError("Part without a name.")
    filename = params.get("filename")
    return Part(name=name, filename=filename.strip() if filename is not None else None,
                content_type=headers.get("content-type"), data=data)


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
