"""CORS as Gradio does it: echo the origin, but a server on a localhost name
only trusts localhost origins (CSRF hardening from the Gradio 5 audit)."""

from __future__ import annotations

import urllib.parse

from wasmui.server.http import Response

LOCALHOST_NAMES = frozenset({"localhost", "127.0.0.1", "0.0.0.0"})
ALL_METHODS = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"


def hostname(value: str) -> str:
    """Host name of an origin (``http://a:1``) or Host header (``a:1``), lower-cased."""
    if "://" not in value:
        value = "//" + value
    try:
        return (urllib.parse.urlsplit(value).hostname or "").lower()
    except ValueError:
        return ""


def origin_allowed(origin: str, host: str) -> bool:
    """May ``origin`` read responses of the server reached as ``host``?"""
    return hostname(host) not in LOCALHOST_NAMES or hostname(origin) in LOCALHOST_NAMES


def preflight(origin: str, host: str, requested_headers: str | None) -> Response:
    """Answer an ``OPTIONS`` preflight."""
    headers = {"access-control-allow-methods": ALL_METHODS, "access-control-max-age": "600",
               "access-control-allow-credentials": "true"}
    if origin_allowed(origin, host):
        headers["access-control-allow-origin"] = origin
        headers["vary"] = "Origin"
    if requested_headers is not None:
        headers["access-control-allow-headers"] = requested_headers
    return Response("OK", headers=headers)


def response_headers(origin: str, host: str) -> list[tuple[bytes, bytes]]:
    """Headers added to every response of a request carrying ``Origin``."""
    out = [(b"access-control-allow-credentials", b"true")]
    if origin_allowed(origin, host):
        out += [(b"access-control-allow-origin", origin.encode("latin-1")), (b"vary", b"Origin")]
    return out
