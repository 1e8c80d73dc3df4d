"""bench/network.py's report: visits that failed, and warm visits that were first visits again,
stay out of the medians and are listed (no browser: rows as the benchmark writes them)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

_spec = importlib.util.spec_from_file_location("bench_network", ROOT / "bench" / "network.py")
assert _spec and _spec.loader
network = importlib.util.module_from_spec(_spec)
sys.modules["bench_network"] = network
_spec.loader.exec_module(network)

META = {"when": "now", "machine": "m", "browser": "b", "loadavg_start": 1.0, "loadavg_end": 1.0, "runs": 3}


def _row(page: str, visit: str, run: int, tti: float, **extra: Any) -> dict[str, Any]:
    row = {"profile": "4g", "server": "gzip", "page": page, "visit": visit, "run": run, "loadavg": 1.0,
           "tti_ms": tti, "ready_ms": tti, "first_paint_ms": 100.0, "bytes": 1000, "requests": 3,
           "files": {}, "asked": [], "chained": 0, "wasm_start_ms": 50.0}
    row.update(extra)
    return row


def _rows() -> list[dict[str, Any]]:
    rows = []
    for run in range(3):
        rows += [_row("bare", "cold", run, 4000.0), _row("bare", "warm", run, 2000.0)]
    rows += [_row("hello", "cold", 0, 2000.0, snapshot="saved"), _row("hello", "warm", 0, 500.0, snapshot="restored"),
             {"error": "TimeoutError: Locator.fill: Timeout 30000ms exceeded.\nCall log:", "profile": "4g",
              "server": "gzip", "page": "hello", "visit": "cold", "run": 1, "loadavg": 1.0},
             # its cold visit failed, so this one was a first visit again
             _row("hello", "warm", 1, 3000.0, snapshot="saved"),
             _row("hello", "cold", 2, 2200.0, snapshot="saved"), _row("hello", "warm", 2, 600.0, snapshot="restored")]
    return rows


def test_failed_and_unrestored_visits_are_left_out_of_the_medians() -> None:
    summary = network.summarize(_rows())
    hello = summary["table"]["4g"]["gzip"]["hello"]
    assert hello["cold"]["n"] == 2 and hello["cold"]["tti_ms"] == 2100.0
    assert hello["warm"]["n"] == 2 and hello["warm"]["tti_ms"] == 550.0  # not the 3000 ms "warm" visit
    assert summary["table"]["4g"]["gzip"]["bare"]["warm"]["n"] == 3
    assert summary["ratios"]["4g"]["gzip"]["hello"]["warm_tti"] == 550.0 / 2000.0
    assert [(d["visit"], d["run"]) for d in summary["left_out"]] == [("cold", 1), ("warm", 1)]


def test_the_report_lists_the_visits_left_out() -> None:
    text = network.markdown(network.summarize(_rows()), META)
    listed = text.split("## Visits left out of the medians", 1)[1].splitlines()
    assert "- 4g / gzip / hello / cold, run 1: TimeoutError: Locator.fill: Timeout 30000ms exceeded." in listed
    assert "- 4g / gzip / hello / warm, run 1: not a repeat visit (snapshot: saved)" in listed


def test_a_report_without_failures_has_no_such_list() -> None:
    rows = [r for r in _rows() if r.get("run") != 1 or r["page"] == "bare"]
    assert "Visits left out" not in network.markdown(network.summarize(rows), META)


def test_the_downloads_cdp_cannot_throttle_are_paced_by_the_server(tmp_path: Path) -> None:
    """The xz files a wasmui page does not start itself (its decoder worker's: a worker's worker,
    which CDP does not throttle) are the ones the bench server holds back, at the profile's rate."""
    import io
    import time

    pacing = sys.modules["pacing"]  # imported by bench/network.py
    site = tmp_path / "hello"
    site.mkdir()
    early = '{"fetch":[["./pyodide/pyodide.asm.wasm","xz"],["./pyodide/pyodide-lock.json",null]]}'
    (site / "index.html").write_text(f'<script type="application/json" id="wasmui-early">{early}</script>')
    (tmp_path / "bare").mkdir()
    (tmp_path / "bare" / "index.html").write_text("<p>no wasmui here</p>")
    sites = pacing.page_started(tmp_path)
    assert sites == {"/hello/": {"/hello/pyodide/pyodide.asm.wasm.xz", "/hello/pyodide/pyodide-lock.json"}}
    assert pacing.from_nested_worker("/hello/pyodide/python_stdlib_rest.zip.xz", sites)
    assert pacing.from_nested_worker("/hello/wheels/abc/wasmui-0.1.0-py3-none-any.whl.xz?v=1", sites)
    assert not pacing.from_nested_worker("/hello/pyodide/pyodide.asm.wasm.xz", sites)  # the page's: CDP throttles it
    assert not pacing.from_nested_worker("/hello/pyodide/pyodide.asm.mjs.zst", sites)
    assert not pacing.from_nested_worker("/bare/x.xz", sites)
    link = pacing.Link(1_000_000)
    sink = io.BytesIO()
    started = time.perf_counter()
    pacing.Paced(sink, link, link.paced(started)).write(bytes(200_000))
    alone = time.perf_counter() - started
    assert 0.19 <= alone < 0.3 and sink.getvalue() == bytes(200_000)


def test_a_paced_download_gets_what_the_responses_cdp_throttles_leave() -> None:
    """CDP does not slow its responses for the server's: a paced download beside one of the same
    size waits until that one is through, so the link never carries more than its rate."""
    import io
    import time

    pacing = sys.modules["pacing"]
    link = pacing.Link(1_000_000)
    started = time.perf_counter()
    link.throttled(200_000, started)  # CDP holds it back in the browser; the model counts it
    pacing.Paced(io.BytesIO(), link, link.paced(started)).write(bytes(200_000))
    shared = time.perf_counter() - started
    assert 0.39 <= shared < 0.55
    # A response that starts later (its latency) leaves the link to the paced one until then.
    link = pacing.Link(1_000_000)
    started = time.perf_counter()
    link.throttled(200_000, started + 10)
    pacing.Paced(io.BytesIO(), link, link.paced(started)).write(bytes(100_000))
    assert time.perf_counter() - started < 0.2
