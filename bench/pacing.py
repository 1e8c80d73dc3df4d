"""The emulated network for the requests CDP does not throttle: a worker's own workers (issue 12).

Chromium applies ``Network.emulateNetworkConditions`` to a page and to the workers it starts,
but not to a worker started by a worker: sent to such a worker's session it answers "Not
supported" (measured under the 4G profile: a 1 MB fetch took 1.8-1.9 s from the page and from
its worker, 45-75 ms from that worker's worker). wasmui's xz decoder is such a worker: the
downloads it makes itself (the ``.xz`` files the page's inline script did not start: the
stdlib's second zip and the wheel on a first visit) would arrive at the local link's speed.
The bench server holds those back itself: answered after the profile's latency, sent at its
throughput (each on its own link: they start once the wasm is nearly in, after the page's
downloads). A measurement aid, never a test.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any, BinaryIO

EARLY = re.compile(r'<script type="application/json" id="wasmui-early">(.*?)</script>', re.S)
CHUNK = 16384


def page_started(root: Path) -> dict[str, set[str]]:
    """Per wasmui site folder under ``root`` (``/hello/``...), the paths its page downloads itself
    (the inline script's ``fetch`` list, with each precompressed sibling's suffix)."""
    sites: dict[str, set[str]] = {}
    for page in root.glob("*/index.html"):
        found = EARLY.search(page.read_text(encoding="utf-8"))
        if not found:
            continue
        prefix = f"/{page.parent.name}/"
        early = json.loads(found.group(1))
        sites[prefix] = {prefix + url.removeprefix("./") + (f".{encoding}" if encoding else "")
                         for url, encoding in early.get("fetch", [])}
    return sites


def from_nested_worker(path: str, sites: dict[str, set[str]]) -> bool:
    """Whether ``path`` is a download wasmui's decoder worker makes itself (an ``.xz`` file of a
    wasmui site its page does not start)."""
    path = path.split("?")[0]
    return path.endswith(".xz") and any(path.startswith(prefix) and path not in started
                                        for prefix, started in sites.items())


class Paced:
    """``raw`` (a response's socket file) sending at most ``rate`` bytes per second."""

    def __init__(self, raw: BinaryIO, rate: float) -> None:
        self.raw = raw
        self.rate = rate
        self.start = time.perf_counter()
        self.sent = 0

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        for at in range(0, len(view), CHUNK):
            chunk = view[at:at + CHUNK]
            self.raw.write(chunk)
            self.sent += len(chunk)
            ahead = self.sent / self.rate - (time.perf_counter() - self.start)
            if ahead > 0:
                time.sleep(ahead)
        return len(view)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)
