"""The emulated network for the requests CDP does not throttle: a worker's own workers (issue 12).

Chromium applies ``Network.emulateNetworkConditions`` to a page and to the workers it starts,
but not to a worker started by a worker: sent to such a worker's session it answers "Not
supported" (measured under the 4G profile: a 1 MB fetch took 1.8-1.9 s from the page and from
its worker, 45-75 ms from that worker's worker). wasmui's xz decoder is such a worker: the
downloads it makes itself (the ``.xz`` files the page's inline script did not start: the
stdlib's second zip and the wheel on a first visit) would arrive at the local link's speed.
The bench server holds those back itself: answered after the profile's latency, then sent with
what one emulated link (:class:`Link`) has left after the responses CDP throttles. The page's and
its worker's downloads share CDP's link (measured: 1 MB alone 1.0 s, two at once 1.8 s each),
and CDP does not slow them for the server's: a paced download on a link of its own, or sharing
with them, would have had bandwidth no visitor has.
A measurement aid, never a test.
"""

from __future__ import annotations

import json
import re
import threading
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


class Flow:
    """One response on the emulated link: bytes handed to it and not yet delivered."""

    def __init__(self, start: float, pending: float = 0.0, paced: bool = False) -> None:
        self.start = start
        self.pending = pending
        self.paced = paced  # kept while idle between its chunks


class Link:
    """One emulated link of ``rate`` bytes per second for every response of a visit. A response
    CDP throttles is a :meth:`throttled` flow the server only accounts for (the browser holds its
    bytes back; they share CDP's rate in equal parts); a paced response gets what they leave and
    waits here until its bytes are through."""

    STEP = 0.002

    def __init__(self, rate: float, latency: float = 0.0) -> None:
        self.rate = rate
        self.latency = latency  # seconds before a response's first byte
        self.flows: list[Flow] = []
        self.lock = threading.Lock()
        self.clock = time.perf_counter()

    def throttled(self, nbytes: int, asked: float) -> None:
        """A response of ``nbytes`` to a request that arrived at ``asked``, which CDP delivers after the latency."""
        with self.lock:
            self._advance(time.perf_counter())
            self.flows.append(Flow(asked + self.latency, float(nbytes)))

    def paced(self, asked: float) -> Flow:
        """A response the server sends itself after the latency: feed it with :meth:`deliver`."""
        flow = Flow(asked + self.latency, paced=True)
        with self.lock:
            self._advance(time.perf_counter())
            self.flows.append(flow)
        return flow

    def deliver(self, flow: Flow, nbytes: int) -> None:
        """Blocks until ``nbytes`` more of ``flow`` went through the link."""
        with self.lock:
            self._advance(time.perf_counter())
            flow.pending += nbytes
        while True:
            with self.lock:
                self._advance(time.perf_counter())
                if flow.pending <= 0:
                    return
            time.sleep(self.STEP)

    def _advance(self, now: float) -> None:
        """Moves the model to ``now`` in steps. CDP's responses take each step's bytes first (equal
        parts; a flow needing less leaves the rest to the others), the paced ones what they leave:
        CDP never slows its own responses for them, so the link carries no more than its rate."""
        while self.clock < now:
            step = min(self.STEP, now - self.clock)
            budget = self.rate * step
            for paced in (False, True):
                active = [f for f in self.flows if f.paced is paced and f.start <= self.clock and f.pending > 0]
                while active and budget > 1e-9:
                    share = budget / len(active)
                    for flow in active:
                        taken = min(share, flow.pending)
                        flow.pending -= taken
                        budget -= taken
                    active = [f for f in active if f.pending > 0]
            self.clock += step
        self.flows = [f for f in self.flows if f.paced or f.pending > 0 or f.start > self.clock]


class Paced:
    """``raw`` (a response's socket file) sending as fast as ``flow`` gets through ``link``."""

    def __init__(self, raw: BinaryIO, link: Link, flow: Flow) -> None:
        self.raw = raw
        self.link = link
        self.flow = flow

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        for at in range(0, len(view), CHUNK):
            chunk = view[at:at + CHUNK]
            self.link.deliver(self.flow, len(chunk))
            self.raw.write(chunk)
        return len(view)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)
