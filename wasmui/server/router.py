"""A very small path router: ``{name}`` matches one segment, ``{name:path}`` the rest."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from wasmui.server.http import Request

Handler = Callable[[Request], Awaitable[Any]]

_PARAM = re.compile(r"\{(\w+)(?::(path))?\}")


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Turn ``/call/{api_name}`` into an anchored regex with named groups."""
    out, pos = [], 0
    for m in _PARAM.finditer(pattern):
        out.append(re.escape(pattern[pos:m.start()]))
        out.append(f"(?P<{m.group(1)}>.*)" if m.group(2) else f"(?P<{m.group(1)}>[^/]+)")
        pos = m.end()
    out.append(re.escape(pattern[pos:]))
    return re.compile("^" + "".join(out) + "$", re.DOTALL)


@dataclass
class Route:
    """One route: methods, compiled pattern and the handler."""

    methods: frozenset[str]
    pattern: re.Pattern[str]
    handler: Handler


class Router:
    """Ordered list of routes; the first pattern that matches wins."""

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def add(self, methods: str | list[str], patterns: str | list[str], handler: Handler) -> None:
        """Register ``handler`` for each pattern (GET routes also answer HEAD)."""
        ms = {methods} if isinstance(methods, str) else set(methods)
        if "GET" in ms:
            ms.add("HEAD")
        for p in [patterns] if isinstance(patterns, str) else patterns:
            self.routes.append(Route(frozenset(ms), compile_pattern(p), handler))

    def match(self, method: str, path: str) -> tuple[Handler | None, dict[str, str], bool]:
        """``(handler, params, path_matched)``; handler None with path_matched → 405."""
        path_matched = False
        for route in self.routes:
            m = route.pattern.match(path)
            if m is None:
                continue
            path_matched = True
            if method in route.methods:
                return route.handler, m.groupdict(), True
        return None, {}, path_matched
