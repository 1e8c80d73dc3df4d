"""First and repeat visits under emulated networks, against bare Pyodide and PyScript (issue 12).

    .venv/bin/python bench/network.py [--runs 3] [--profiles local,cable,4g] [--servers plain,gzip]

Pages, served side by side from one folder in ONE run on ONE Chromium build:

* ``hello``: ``examples/hello`` built with ``wasmui build``;
* ``blocks10``: ``bench/apps/blocks10`` (a 10-component Blocks app);
* ``bare``: stock bare Pyodide from npm (``loadPyodide()`` + ``print(1)`` in a module worker);
* ``pyscript``: ``@pyscript/core`` from npm running ``<script type="py">`` on the same local
  stock Pyodide (``interpreter`` config; no CDN).

Servers: ``plain`` is Python's ``http.server`` (what the README suggests; compresses
nothing); ``gzip`` is wasmui's dev server (gzip level 6 for text and wasm, ETags), like a
CDN. Profiles through CDP ``Network.emulateNetworkConditions``: ``local`` (none), ``cable``
(20 ms, 50 Mbit/s), ``4g`` (100 ms, 9 Mbit/s); the downloads of a worker's worker, which CDP
does not throttle, are held back by the server itself, on a model of the link that CDP's
responses of the same visit share (``bench/pacing.py``).

Per visit: **bytes** (response bodies the server sent until TTI) and **requests**; **chained
before the wasm** (requests finished before the interpreter's wasm was asked for) and when
the wasm was asked for; **first paint** (the app's UI on screen: the browser's first
contentful paint, not before the shell's ``wasmui-mounted``; bare Pyodide and PyScript show
nothing before they are ready, so theirs is their ready time); **ready** (Python answers);
**TTI** (navigation -> the first click's answer on screen for the wasmui apps, the click made
once the page has painted, as trusted input through CDP: ``bench/clicks.py``; ready for the
others). Cold = a fresh browser profile; warm = the next visit in the same profile (wasmui: from
its memory snapshot). Pages interleave so machine noise hits all alike. Medians over
``--runs``. Writes ``bench/results/network-<UTC time>.{json,md}`` and ``network-latest.*``. A
measurement, never a test.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import multiprocessing
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # its sibling modules, also when loaded by path (the tests)

from wasmui.build import build_site  # noqa: E402
from wasmui.devserver import Server, SiteState, make_handler  # noqa: E402

import pacing  # noqa: E402
from clicks import CLICK, FIRST_PAINT, MOUNTED, PAINTED, click_for_tti  # noqa: E402,F401 - the other scripts import them from here

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
MBIT = 1_000_000 / 8
PROFILES: dict[str, dict[str, float] | None] = {
    "local": None,
    "cable": {"latency": 20, "throughput": 50 * MBIT},
    "4g": {"latency": 100, "throughput": 9 * MBIT},
}
PAGES = ("bare", "pyscript", "hello", "blocks10")
STOCK = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")

BARE_HTML = """<!doctype html><meta charset="utf-8"><title>bare pyodide</title>
<script type="module">
const worker = new Worker('./bare-worker.js', {type: 'module'});
worker.onmessage = (e) => { window.__bare = {ready: performance.now(), out: e.data}; };
</script>"""
BARE_WORKER = """import { loadPyodide } from '../pyodide-stock/pyodide.mjs';
let out = '';
const py = await loadPyodide({ indexURL: new URL('../pyodide-stock/', import.meta.url).href, stdout: (s) => { out += s; } });
py.runPython('print(1)');
postMessage(out);
"""
PYSCRIPT_HTML = """<!doctype html><meta charset="utf-8"><title>pyscript</title>
<link rel="stylesheet" href="./core/core.css">
<script type="module" src="./core/core.js"></script>
<script type="py" config='{"interpreter": "../pyodide-stock/pyodide.mjs"}'>
from pyscript import window, document
document.body.append("Hello from PyScript")
window.__pyready = window.performance.now()
</script>"""

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None: ...  # noqa: A002 - the base class's name


def handler_base(root: Path, kind: str) -> Any:
    """The request handler class a bench server extends: ``plain`` is Python's ``http.server``, ``gzip`` wasmui's dev server."""
    return make_handler(SiteState(root)) if kind == "gzip" else _Quiet


def serve(root: Path, kind: str, handler: Any) -> tuple[http.server.HTTPServer, str]:
    """Serves ``root`` with ``handler`` (a subclass of :func:`handler_base`) on a free port, in a thread."""
    if kind == "gzip":
        server: http.server.HTTPServer = Server(("127.0.0.1", 0), handler)
    else:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class _Counter:
    """The server itself, in its own process (:class:`CountingServer`): a static server over ``root``
    counting requests and body bytes, pacing what CDP does not throttle."""

    def __init__(self, root: Path, kind: str) -> None:
        self.bytes = self.requests = 0
        self.files: dict[str, int] = {}
        self.asked: list[str] = []  # every request's path and status, in order (what a warm visit still asks)
        self.lock = threading.Lock()
        # The visit's emulated link (`pacing`; None: no emulation), set by `emulate` through the pipe.
        self.link: pacing.Link | None = None
        self.sites = pacing.page_started(root)
        counter = self
        base = handler_base(root, kind)

        class Handler(base):  # type: ignore[misc, valid-type]
            arrived = 0.0
            paced = False

            def do_GET(self) -> None:
                self.arrived = time.perf_counter()
                link = counter.link
                self.paced = link is not None and pacing.from_nested_worker(self.path, counter.sites)
                if link is None or not self.paced:
                    super().do_GET()
                    return
                flow = link.paced(self.arrived)
                time.sleep(link.latency)
                raw = getattr(self, "wfile")  # the base class is chosen at run time: untyped here
                setattr(self, "wfile", pacing.Paced(raw, link, flow))
                try:
                    super().do_GET()
                finally:
                    setattr(self, "wfile", raw)

            def send_header(self, keyword: str, value: str) -> None:
                if keyword.lower() == "content-length" and self.command != "HEAD":
                    with counter.lock:
                        counter.bytes += int(value)
                        path = self.path.split("?")[0]
                        counter.files[path] = counter.files.get(path, 0) + int(value)
                    link = counter.link
                    if link and not self.paced:  # a body CDP throttles: it takes its share of the link
                        link.throttled(int(value), self.arrived)
                super().send_header(keyword, value)

            def send_response(self, code: int, message: str | None = None) -> None:
                with counter.lock:
                    counter.requests += 1
                    counter.asked.append(f"{code} {self.path.split('?')[0]}")
                super().send_response(code, message)

        self.server, self.url = serve(root, kind, Handler)

    def take(self) -> tuple[int, int, dict[str, int], list[str]]:
        with self.lock:
            values = (self.bytes, self.requests, self.files, self.asked)
            self.bytes = self.requests = 0
            self.files = {}
            self.asked = []
        return values


def _serve_counting(root: Path, kind: str, conn: Any) -> None:
    """The server process: serves until told to close; answers ``conditions`` and ``take``."""
    counter = _Counter(root, kind)
    conn.send(counter.url)
    while True:
        command, argument = conn.recv()
        if command == "conditions":  # a new visit: its profile, an idle link
            with counter.lock:
                counter.link = pacing.Link(argument["throughput"], argument["latency"] / 1000) if argument else None
            conn.send(None)
        elif command == "take":
            conn.send(counter.take())
        else:
            counter.server.shutdown()
            conn.send(None)
            return


class CountingServer:
    """A static server over ``root`` counting requests and body bytes: ``plain`` is Python's
    ``http.server`` as is, ``gzip`` wasmui's dev server. It runs in a process of its own, as a
    site's server does: in this one its threads would wait for the interpreter lock while
    Playwright's handlers hold it (measured: a cold visit's responses 40-60 ms late locally)."""

    def __init__(self, root: Path, kind: str) -> None:
        context = multiprocessing.get_context("fork")  # made before Playwright starts its threads
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve_counting, args=(root, kind, child), daemon=True)
        self._process.start()
        self.url: str = self._conn.recv()

    def set_conditions(self, conditions: dict[str, float] | None) -> None:
        """The next visit's network profile (None: local), with an idle emulated link."""
        self._conn.send(("conditions", conditions))
        self._conn.recv()

    def take(self) -> tuple[int, int, dict[str, int], list[str]]:
        """(bytes, requests, {path: bytes}, ["status path", ...]) since the last take."""
        self._conn.send(("take", None))
        return self._conn.recv()  # type: ignore[no-any-return]

    def shutdown(self) -> None:
        if self._process.is_alive():
            self._conn.send(("close", None))
            self._conn.recv()
        self._process.join(5)


def prepare(work: Path) -> Path:
    """The folder served: the two wasmui sites, the bare page, the PyScript page, stock Pyodide."""
    root = work / "www"
    build_site(ROOT / "examples" / "hello", root / "hello")
    build_site(ROOT / "bench" / "apps" / "blocks10", root / "blocks10")
    stock = root / "pyodide-stock"
    stock.mkdir(parents=True)
    for name in STOCK:
        shutil.copyfile(ROOT / "node_modules" / "pyodide" / name, stock / name)
    (root / "bare").mkdir()
    (root / "bare" / "index.html").write_text(BARE_HTML)
    (root / "bare" / "bare-worker.js").write_text(BARE_WORKER)
    (root / "pyscript").mkdir()
    shutil.copytree(ROOT / "node_modules" / "@pyscript" / "core" / "dist", root / "pyscript" / "core",
                    ignore=shutil.ignore_patterns("*.map"))
    (root / "pyscript" / "index.html").write_text(PYSCRIPT_HTML)
    return root


class Visit:
    """One navigation: request timeline (wall clock) for the chain before the wasm."""

    def __init__(self, page: Any) -> None:
        self.t0 = 0.0
        self.started: dict[Any, tuple[float, str]] = {}
        self.finished: dict[Any, float] = {}
        page.context.on("request", lambda r: self.started.setdefault(r, (time.perf_counter(), r.url)))
        page.context.on("requestfinished", lambda r: self.finished.setdefault(r, time.perf_counter()))

    def chain(self) -> tuple[int | None, float | None]:
        """(requests finished before the wasm was asked for, when it was asked for in ms)."""
        wasm = [(t, r) for r, (t, url) in self.started.items() if "pyodide.asm.wasm" in url and t >= self.t0]
        if not wasm:
            return None, None
        at, _ = min(wasm, key=lambda pair: pair[0])
        before = [r for r, end in self.finished.items() if self.t0 <= self.started[r][0] and end <= at]
        return len(before), (at - self.t0) * 1000


def emulate(page: Any, profile: str, server: CountingServer | None = None) -> None:
    """The profile's network for ``page`` and its workers (CDP), and on ``server`` for the
    downloads of workers' workers, which CDP does not throttle (``pacing``)."""
    conditions = PROFILES[profile]
    if server is not None:
        server.set_conditions(conditions)  # a new visit: an idle link
    if conditions is None:
        return
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": conditions["latency"],
        "downloadThroughput": conditions["throughput"], "uploadThroughput": conditions["throughput"]})


def visit(page: Any, kind: str, url: str, server: CountingServer, profile: str, cold: bool) -> dict[str, Any]:
    emulate(page, profile, server)
    record = Visit(page)
    server.take()
    record.t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    result: dict[str, Any] = {}
    if kind == "bare":
        page.wait_for_function("() => window.__bare", polling=5, timeout=300_000)
        ready = float(page.evaluate("() => window.__bare.ready"))
        result.update(first_paint_ms=ready, ready_ms=ready, tti_ms=ready)
    elif kind == "pyscript":
        page.wait_for_function("() => window.__pyready", polling=5, timeout=300_000)
        ready = float(page.evaluate("() => window.__pyready"))
        result.update(first_paint_ms=ready, ready_ms=ready, tti_ms=ready)
    else:
        click_for_tti(page, kind)
        page.wait_for_function("() => document.querySelector('wasmui-app').phase === 'ready'", timeout=300_000)
        result.update(first_paint_ms=page.wait_for_function(FIRST_PAINT, polling=20, timeout=60_000).json_value(),
                      ready_ms=page.evaluate("() => document.querySelector('wasmui-app').timings.ready"),
                      tti_ms=page.evaluate("() => window.__tti"))
    result["bytes"], result["requests"], result["files"], result["asked"] = server.take()
    result["chained"], result["wasm_start_ms"] = record.chain()
    if kind in CLICK:
        # Stay until the memory snapshot is stored (a visitor stays longer than this benchmark).
        page.wait_for_function("() => ['saved', 'restored', 'discarded'].includes(document.querySelector('wasmui-app').snapshot)",
                               polling=20, timeout=300_000)
        result["snapshot"] = page.evaluate("() => document.querySelector('wasmui-app').snapshot")
        result["snapshot_news"] = page.evaluate("() => window.__snap ?? []")
        # The worker's finer boot marks (ms since navigation): where a visit's time goes.
        result["marks"] = page.evaluate("() => document.querySelector('wasmui-app').timings")
    return result


def run(args: argparse.Namespace, out_json: Path) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="wasmui-netbench-"))
    root = prepare(work)
    servers = {kind: CountingServer(root, kind) for kind in args.servers}
    rows: list[dict[str, Any]] = []
    with sync_playwright() as pw:
        for profile in args.profiles:
            for server_kind in args.servers:
                server = servers[server_kind]
                for i in range(args.runs):
                    for kind in args.pages:
                        context = pw.chromium.launch_persistent_context(
                            str(work / f"profile-{profile}-{server_kind}-{kind}-{i}"), executable_path=CHROMIUM,
                            args=ARGS, headless=True)
                        context.add_init_script(MOUNTED)
                        for phase in ("cold", "warm"):
                            page = context.new_page()
                            try:
                                row = visit(page, kind, f"{server.url}/{kind}/", server, profile, phase == "cold")
                            except Exception as error:  # keep the run going; the row says what failed
                                row = {"error": f"{type(error).__name__}: {str(error)[:300]}"}
                            row.update(profile=profile, server=server_kind, page=kind, visit=phase, run=i,
                                       loadavg=os.getloadavg()[0])
                            rows.append(row)
                            print(json.dumps(row), flush=True)
                            page.close()
                        context.close()
                        out_json.write_text(json.dumps({"rows": rows}, indent=1))
    for server in servers.values():
        server.shutdown()
    return rows


def median(rows: list[dict[str, Any]], key: str, **where: str) -> float | None:
    values = [r[key] for r in rows if all(r.get(k) == v for k, v in where.items()) and r.get(key) is not None]
    return statistics.median(values) if values else None


def left_out(row: dict[str, Any]) -> str | None:
    """Why a visit is not counted: it failed, or a wasmui page's warm visit did not restore the
    snapshot (its cold visit failed or stored none: it was a first visit again). None: counted."""
    if "error" in row:
        return str(row["error"]).splitlines()[0]
    if row.get("page") in CLICK and row.get("visit") == "warm" and row.get("snapshot") != "restored":
        return f"not a repeat visit (snapshot: {row.get('snapshot')})"
    return None


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    keys = ("bytes", "requests", "chained", "wasm_start_ms", "first_paint_ms", "ready_ms", "tti_ms")
    reasons = [(r, left_out(r)) for r in rows]
    dropped = [{k: r.get(k) for k in ("profile", "server", "page", "visit", "run")} | {"why": why}
               for r, why in reasons if why]
    rows = [r for r, why in reasons if not why]
    table: dict[str, Any] = {}
    for r in rows:
        cell = table.setdefault(r["profile"], {}).setdefault(r["server"], {}).setdefault(r["page"], {})
        cell.setdefault(r["visit"], None)
    for profile, servers in table.items():
        for server, pages in servers.items():
            for page, visits in pages.items():
                for phase in list(visits):
                    where = dict(profile=profile, server=server, page=page, visit=phase)
                    visits[phase] = {k: median(rows, k, **where) for k in keys}
                    visits[phase]["n"] = sum(all(r.get(k) == v for k, v in where.items()) for r in rows)
    ratios: dict[str, Any] = {}
    for profile, servers in table.items():
        for server, pages in servers.items():
            bare = pages.get("bare", {})
            for page, visits in pages.items():
                if page == "bare" or not bare.get("cold") or not visits.get("cold"):
                    continue

                def ratio(a: float | None, b: float | None) -> float | None:
                    return a / b if a is not None and b else None
                ratios.setdefault(profile, {}).setdefault(server, {})[page] = {
                    "cold_tti": ratio(visits["cold"]["tti_ms"], bare["cold"]["tti_ms"]),
                    "warm_tti": ratio((visits.get("warm") or {}).get("tti_ms"), (bare.get("warm") or {}).get("tti_ms")),
                    "first_paint": ratio(visits["cold"]["first_paint_ms"], bare["cold"]["tti_ms"]),
                    "cold_bytes": ratio(visits["cold"]["bytes"], bare["cold"]["bytes"]),
                }
    return {"table": table, "ratios": ratios, "files": _median_files(rows), "marks": _median_marks(rows),
            "asked": _warm_asked(rows), "left_out": dropped}


def _warm_asked(rows: list[dict[str, Any]], profile: str = "4g") -> dict[str, Any]:
    """{server: {page: ["status path", ...]}}: what the first run's warm visit asked the server."""
    out: dict[str, Any] = {}
    for r in rows:
        if r.get("profile") == profile and r.get("visit") == "warm" and r.get("run") == 0 and "asked" in r:
            out.setdefault(r["server"], {})[r["page"]] = r["asked"]
    return out


def _median_files(rows: list[dict[str, Any]], profile: str = "4g") -> dict[str, Any]:
    """{server: {page: {path (site prefix dropped): median bytes}}} of cold visits."""
    out: dict[str, Any] = {}
    for r in rows:
        if r.get("profile") != profile or r.get("visit") != "cold" or "files" not in r:
            continue
        per_page = out.setdefault(r["server"], {}).setdefault(r["page"], {})
        for path, size in r["files"].items():
            per_page.setdefault(path.split("/", 2)[-1], []).append(size)
    return {server: {page: {path: statistics.median(sizes) for path, sizes in per_file.items()}
                     for page, per_file in pages.items()} for server, pages in out.items()}


def _median_marks(rows: list[dict[str, Any]], profile: str = "4g") -> dict[str, Any]:
    """{server: {page: {visit: {mark: median ms}}}} of the wasmui pages' boot marks (plus TTI)."""
    values: dict[tuple[str, str, str], dict[str, list[float]]] = {}
    for r in rows:
        if r.get("profile") != profile or not r.get("marks"):
            continue
        cell = values.setdefault((r["server"], r["page"], r["visit"]), {})
        marks = dict(r["marks"])
        wasm_in = marks.get("wasm-compiled", marks.get("inflated:pyodide.asm.wasm"))
        if wasm_in is not None:
            marks["wasm in"] = wasm_in
        for name, at in {**marks, "tti": r.get("tti_ms")}.items():
            if at is not None:
                cell.setdefault(name, []).append(float(at))
    out: dict[str, Any] = {}
    for (server, page, phase), cell in sorted(values.items()):
        out.setdefault(server, {}).setdefault(page, {})[phase] = {k: statistics.median(v) for k, v in cell.items()}
    return out


def _fmt(value: Any, unit: str = "") -> str:
    if value is None:
        return "-"
    if unit == "MB":
        return f"{value / 1e6:.2f}"
    if unit == "ratio":
        return f"{value:.2f}"
    return f"{value:.0f}"


def markdown(summary: dict[str, Any], meta: dict[str, Any]) -> str:
    lines = [f"# First and repeat visits under emulated networks ({meta['when']})", "",
             f"Machine: {meta['machine']}; {meta['browser']}; load average {meta['loadavg_start']:.1f} at start, "
             f"{meta['loadavg_end']:.1f} at the end (2 vCPUs shared with other sessions: read the ratios). "
             f"Medians of {meta['runs']} runs per cell; `bench/network.py`."
             + (f" Load average during the visits {meta['loadavg_range'][0]:.0f}-{meta['loadavg_range'][1]:.0f};"
                f" raw rows: {', '.join(meta['sources'])}." if "loadavg_range" in meta else ""), "",
             "## Ratios to stock bare Pyodide (same profile, same server, same run)", "",
             "| profile | server | page | cold TTI | warm TTI | first paint / bare TTI | cold bytes |",
             "|---|---|---|---|---|---|---|"]
    for profile, servers in summary["ratios"].items():
        for server, pages in servers.items():
            for page, r in pages.items():
                lines.append(f"| {profile} | {server} | {page} | {_fmt(r['cold_tti'], 'ratio')} | {_fmt(r['warm_tti'], 'ratio')} "
                             f"| {_fmt(r['first_paint'], 'ratio')} | {_fmt(r['cold_bytes'], 'ratio')} |")
    lines += ["", "## Figures (ms since navigation; MB of response bodies)", "",
              "| profile | server | page | visit | MB | requests | chained before wasm | wasm asked at | first paint | ready | TTI | n |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for profile, servers in summary["table"].items():
        for server, pages in servers.items():
            for page, visits in pages.items():
                for phase, v in visits.items():
                    lines.append(f"| {profile} | {server} | {page} | {phase} | {_fmt(v['bytes'], 'MB')} | {_fmt(v['requests'])} "
                                 f"| {_fmt(v['chained'])} | {_fmt(v['wasm_start_ms'])} | {_fmt(v['first_paint_ms'])} "
                                 f"| {_fmt(v['ready_ms'])} | {_fmt(v['tti_ms'])} | {v['n']} |")
    lines += _bytes_section(summary.get("files", {})) + _marks_section(summary.get("marks", {}))
    lines += _asked_section(summary.get("asked", {}))
    if summary.get("left_out"):
        lines += ["", "## Visits left out of the medians (`n` counts the others)", ""]
        lines += [f"- {d['profile']} / {d['server']} / {d['page']} / {d['visit']}, run {d['run']}: {d['why']}"
                  for d in summary["left_out"]]
    lines.append("")
    return "\n".join(lines)


def _bytes_section(files: dict[str, Any]) -> list[str]:
    """Where a cold visit's bytes go: median bytes per file (largest first), per server and page."""
    lines = ["", "## Where the cold bytes go (median bytes per file, 4G profile)", ""]
    for server, pages in files.items():
        for page, per_file in pages.items():
            top = sorted(per_file.items(), key=lambda item: -item[1])
            shown = ", ".join(f"`{name}` {size / 1e3:.0f} kB" for name, size in top[:6])
            rest = sum(size for _, size in top[6:])
            lines.append(f"- {server} / {page}: {shown}; {len(top) - 6} more files {rest / 1e3:.0f} kB")
    return lines


def _asked_section(asked: dict[str, Any]) -> list[str]:
    """What a repeat visit still asks the server (status and path; 304: revalidated)."""
    if not asked:
        return []
    lines = ["", "## What a warm visit still asks the server (first run, 4G profile; 304: revalidated)", ""]
    for server, pages in asked.items():
        for page, paths in pages.items():
            lines.append(f"- {server} / {page} ({len(paths)}): " + ", ".join(f"`{p}`" for p in paths))
    return lines


def _marks_section(marks: dict[str, Any]) -> list[str]:
    """Where a wasmui visit's time goes: median ms since navigation of the worker's boot marks."""
    lines = ["", "## Where a visit's time goes (median ms since navigation of the worker's marks, 4G profile)", "",
             "`worker`: the worker script runs; `download`: the worker got the boot message; `wasm in`: the interpreter's wasm "
             "is downloaded and inflated (cold) or read from storage and compiled (warm); `snapshot-read`: the stored snapshot is in memory; "
             "`glue`: Pyodide's JS glue is imported; `python`: the wasm is compiled and instantiated; `interpreter`: "
             "Python is initialised (or restored); `wheel`: the wasmui wheel is in the file system; `app`: the app module "
             "starts; `ready`: requests are answered. A warm visit restores from the moment the worker runs (the page's inline "
             "script names the build), so its marks up to `interpreter` may come before `download`.", "",
             "| server | page | visit | worker | download | wasm in | snapshot-read | glue | python | interpreter | wheel | app | ready | TTI |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    names = ("worker", "download", "wasm in", "snapshot-read", "glue", "python", "interpreter", "wheel", "app", "ready", "tti")
    for server, pages in marks.items():
        for page, visits in pages.items():
            for phase, values in visits.items():
                lines.append(f"| {server} | {page} | {phase} | " + " | ".join(_fmt(values.get(n)) for n in names) + " |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profiles", default="local,cable,4g")
    parser.add_argument("--servers", default="plain,gzip")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    parser.add_argument("--summarize", nargs="+", help="only summarize these raw JSON files (rows merged)")
    args = parser.parse_args()
    args.profiles, args.servers, args.pages = (v.split(",") for v in (args.profiles, args.servers, args.pages))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    stem = "network-" + when.replace(":", "").replace("-", "")
    meta = {"when": when, "loadavg_start": os.getloadavg()[0], "runs": args.runs,
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
            "browser": "Debian Chromium"}
    if args.summarize:
        rows = []
        for index, name in enumerate(args.summarize):
            data = json.loads(Path(name).read_text())
            rows += data["rows"]
            if index == 0:
                meta = data.get("meta", meta)
        meta["sources"] = [Path(name).name for name in args.summarize]
        loads = [r["loadavg"] for r in rows if "loadavg" in r]
        if loads:  # the load during the visits, not while summarizing
            meta["loadavg_start"], meta["loadavg_end"] = loads[0], loads[-1]
            meta["loadavg_range"] = [min(loads), max(loads)]
    else:
        rows = run(args, out / f"{stem}.json")
    meta["loadavg_end"] = os.getloadavg()[0]
    summary = summarize(rows)
    (out / f"{stem}.json").write_text(json.dumps({"meta": meta, "summary": summary, "rows": rows}, indent=1))
    text = markdown(summary, meta)
    (out / f"{stem}.md").write_text(text)
    (out / "network-latest.json").write_text((out / f"{stem}.json").read_text())
    (out / "network-latest.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
