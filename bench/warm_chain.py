"""What a visit asks the server, and when: A/B of built sites on emulated 4G (issue 12's warm TTI).

    .venv/bin/python bench/warm_chain.py A=/tmp/site-a B=/tmp/site-b [--runs 5] [--servers plain,gzip]

Each ``NAME=FOLDER`` is a built hello site (``wasmui build examples/hello FOLDER``), served side
by side from one folder (``/NAME/``) by Python's ``http.server`` (``plain``) and wasmui's dev
server (``gzip``: ETags, ``no-cache`` below a sub-folder, like most hosts). Per run, per server,
per site (interleaved so machine noise hits all alike): a fresh profile makes a cold visit, then
two warm visits in the same profile (the first is what ``bench/network.py`` calls warm). Per
visit: TTI (the first click's answer on screen), the worker's marks, and every request that
reached the server with the ms since navigation it arrived at (304: revalidated). One Chromium
at a time; medians over ``--runs``. Writes JSON to ``--out``. A measurement, never a test.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from network import ARGS, CHROMIUM, FIRST_PAINT, MOUNTED, click_for_tti, emulate, handler_base, serve  # noqa: E402


class LoggingServer:
    """A static server over ``root`` logging (arrival time, status, path) of each request."""

    def __init__(self, root: Path, kind: str) -> None:
        self.log: list[tuple[float, int, str]] = []
        self.lock = threading.Lock()
        owner = self
        base = handler_base(root, kind)  # quiet: it logs nothing itself

        class Handler(base):  # type: ignore[misc, valid-type]
            def send_response(self, code: int, message: str | None = None) -> None:
                with owner.lock:
                    owner.log.append((time.perf_counter(), code, self.path.split("?")[0]))
                super().send_response(code, message)

        self.server, self.url = serve(root, kind, Handler)

    def take(self, t0: float) -> list[str]:
        with self.lock:
            log, self.log = self.log, []
        return [f"{(t - t0) * 1000:.0f} {code} {path}" for t, code, path in log if t >= t0]


def visit(page: Any, url: str, server: LoggingServer) -> dict[str, Any]:
    emulate(page, "4g")
    server.take(time.perf_counter())
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    click_for_tti(page, "hello")
    page.wait_for_function("() => ['saved', 'restored', 'discarded'].includes(document.querySelector('wasmui-app').snapshot)",
                           polling=20, timeout=300_000)
    # Whatever the page does once ready (e.g. keeping the site's files for the next visit).
    page.wait_for_timeout(1500)
    row = {"tti_ms": page.evaluate("() => window.__tti"), "fp_ms": page.evaluate(FIRST_PAINT),
           "marks": page.evaluate("() => document.querySelector('wasmui-app').timings"),
           "snapshot": page.evaluate("() => document.querySelector('wasmui-app').snapshot"),
           "caches": page.evaluate("async () => Promise.all((await caches.keys()).map("
                                   "async (n) => [n, (await (await caches.open(n)).keys()).length]))"),
           "resources": page.evaluate("() => performance.getEntriesByType('resource').map((e) => "
                                      "`${e.startTime.toFixed(0)}-${e.responseEnd.toFixed(0)} ${e.transferSize} "
                                      "${e.workerStart ? 'sw ' : ''}${new URL(e.name).pathname}`)")}
    row["asked"] = server.take(t0)
    return row


def run(sites: dict[str, Path], servers: list[str], runs: int, warm_visits: int, out: Path) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="wasmui-chain-"))
    root = work / "www"
    for name, folder in sites.items():
        shutil.copytree(folder, root / name)
    live = {kind: LoggingServer(root, kind) for kind in servers}
    rows: list[dict[str, Any]] = []
    with sync_playwright() as pw:
        for i in range(runs):
            for kind in servers:
                for name in sites:
                    context = pw.chromium.launch_persistent_context(str(work / f"profile-{kind}-{name}-{i}"),
                                                                    executable_path=CHROMIUM, args=ARGS, headless=True)
                    context.add_init_script(MOUNTED)
                    for phase in ["cold"] + [f"warm{n + 1}" for n in range(warm_visits)]:
                        page = context.new_page()
                        try:
                            row = visit(page, f"{live[kind].url}/{name}/", live[kind])
                        except Exception as error:  # keep going; the row says what failed
                            row = {"error": f"{type(error).__name__}: {str(error)[:300]}"}
                        row.update(site=name, server=kind, visit=phase, run=i)
                        rows.append(row)
                        print(json.dumps({k: v for k, v in row.items() if k != "resources"}), flush=True)
                        page.close()
                    context.close()
                    out.write_text(json.dumps({"rows": rows}, indent=1))
    return rows


def summarize(rows: list[dict[str, Any]]) -> str:
    cells: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for r in rows:
        if "error" not in r:
            cells.setdefault((r["server"], r["visit"], r["site"]), []).append(r)
    lines = ["| server | visit | site | n | TTI | first paint | worker | ready | requests to server |", "|---|---|---|---|---|---|---|---|---|"]

    def med(values: list[Any]) -> str:
        values = [v for v in values if v is not None]
        return f"{statistics.median(values):.0f}" if values else "-"
    for (server, phase, site), group in sorted(cells.items()):
        lines.append(f"| {server} | {phase} | {site} | {len(group)} | {med([g['tti_ms'] for g in group])} "
                     f"| {med([g['fp_ms'] for g in group])} | {med([g['marks'].get('worker') for g in group])} "
                     f"| {med([g['marks'].get('ready') for g in group])} | {med([len(g['asked']) for g in group])} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", help="NAME=FOLDER of a built hello site")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm-visits", type=int, default=2)
    parser.add_argument("--servers", default="plain,gzip")
    parser.add_argument("--out", default="/tmp/warm_chain.json")
    args = parser.parse_args()
    sites = {s.split("=", 1)[0]: Path(s.split("=", 1)[1]) for s in args.sites}
    rows = run(sites, args.servers.split(","), args.runs, args.warm_visits, Path(args.out))
    print(summarize(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
