"""A/B of first (cold) visits: built hello sites side by side, interleaved, medians (issue 12).

    .venv/bin/python bench/cold_ab.py --variant A=/tmp/siteA --variant B=/tmp/siteB [--runs 5] \
        [--server gzip] [--profile 4g] [--bare] [--flags B=--js-flags=...]

Each variant is a folder holding one built site (``wasmui build examples/hello -o DIR`` or a copy
of one; ``--page blocks10`` for ``bench/apps/blocks10`` sites, ``--page LABEL=KIND`` per variant); they are served by one server of ``bench/network.py``'s kinds, under the same
emulated network, and visited cold (a fresh browser profile each) in turn, run after run, so the
machine's noise hits them alike. ``--bare`` adds stock bare Pyodide for the ratio. ``--flags``
gives a variant extra Chromium flags (an experiment on the browser, same site). Prints medians of
TTI and of the worker's marks, and the load average. A measurement, never a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import network  # noqa: E402

MARKS = ("worker", "inflated:pyodide.asm.wasm", "python", "initialised", "stdlib-warm-in", "stdlib-part-in", "stdlib-warm", "inflated:python_stdlib_rest.zip", "stdlib-rest",
         "interpreter", "inflated:wasmui-0.1.0-py3-none-any.whl", "wheel", "app", "ready")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variant", action="append", required=True, help="LABEL=DIR (a built hello site)")
    parser.add_argument("--flags", action="append", default=[], help="LABEL=FLAG[,FLAG]: extra Chromium flags")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--server", default="gzip")
    parser.add_argument("--profile", default="4g")
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--page", action="append", default=[],
                        help="KIND or LABEL=KIND: the page kind whose first click is timed (network.CLICK; default hello)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="wasmui-coldab-"))
    root = work / "www"
    labels: list[str] = []
    for spec in args.variant:
        label, _, folder = spec.partition("=")
        shutil.copytree(folder, root / label)
        labels.append(label)
    kinds = {spec.partition("=")[0]: spec.partition("=")[2] for spec in args.page if "=" in spec}
    default_kind = next((spec for spec in args.page if "=" not in spec), "hello")
    flags = {spec.partition("=")[0]: [f for f in spec.partition("=")[2].split(",") if f] for spec in args.flags}
    for label in flags:
        if label not in labels:  # a browser experiment on another variant's site
            raise SystemExit(f"--flags {label}: no such variant")
    if args.bare:
        stock = root / "pyodide-stock"
        stock.mkdir(parents=True)
        for name in network.STOCK:
            shutil.copyfile(ROOT / "node_modules" / "pyodide" / name, stock / name)
        (root / "bare").mkdir()
        (root / "bare" / "index.html").write_text(network.BARE_HTML)
        (root / "bare" / "bare-worker.js").write_text(network.BARE_WORKER)
        labels.append("bare")
    server = network.CountingServer(root, args.server)
    rows: dict[str, list[dict[str, Any]]] = {label: [] for label in labels}
    with sync_playwright() as pw:
        for run in range(args.runs):
            for label in labels:
                context = pw.chromium.launch_persistent_context(
                    str(work / f"profile-{label}-{run}"), executable_path=network.CHROMIUM,
                    args=network.ARGS + flags.get(label, []), headless=True)
                context.add_init_script(network.MOUNTED)
                page = context.new_page()
                try:
                    row = visit(page, label, f"{server.url}/{label}/", server, args.profile, kinds.get(label, default_kind))
                except Exception as error:  # keep going; say what failed
                    row = {"error": f"{type(error).__name__}: {str(error)[:200]}"}
                row["load"] = os.getloadavg()[0]
                rows[label].append(row)
                print(label, run, {k: (round(v) if isinstance(v, float) else v) for k, v in row.items() if k != "marks"},
                      flush=True)
                page.close()
                context.close()
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)
    print(f"\nmedians of {args.runs} cold visits ({args.profile}, {args.server}); ms since navigation")
    for label in labels:
        ok = [r for r in rows[label] if "error" not in r]
        if not ok:
            print(f"{label}: all failed: {rows[label][0].get('error')}")
            continue
        line = f"{label:>10}: TTI {statistics.median(r['tti_ms'] for r in ok):6.0f}  kB {statistics.median(r['bytes'] for r in ok) / 1e3:6.0f}"
        if all("first_paint_ms" in r for r in ok):
            line += f"  first paint {statistics.median(r['first_paint_ms'] for r in ok):5.0f}"
        line += f"  load {min(r['load'] for r in ok):.1f}-{max(r['load'] for r in ok):.1f}  n={len(ok)}"
        print(line)
        if ok[0].get("marks"):
            marks = {name: statistics.median(r["marks"][name] for r in ok if name in r["marks"])
                     for name in MARKS if any(name in r["marks"] for r in ok)}
            print("            " + ", ".join(f"{name.replace('inflated:', 'in:')[:22]} {at:.0f}" for name, at in marks.items()))
    return 0


def visit(page: Any, label: str, url: str, server: network.CountingServer, profile: str, kind: str = "hello") -> dict[str, Any]:
    """One cold visit: TTI (the first click's answer for a wasmui site, ready for bare Pyodide), bytes, marks."""
    network.emulate(page, profile, server)
    server.take()
    page.goto(url, wait_until="commit")
    if label == "bare":
        page.wait_for_function("() => window.__bare", polling=5, timeout=300_000)
        row: dict[str, Any] = {"tti_ms": float(page.evaluate("() => window.__bare.ready"))}
    else:
        network.click_for_tti(page, kind)
        page.wait_for_function("() => document.querySelector('wasmui-app').phase === 'ready'", timeout=300_000)
        row = {"tti_ms": page.evaluate("() => window.__tti"),
               "first_paint_ms": page.wait_for_function(network.FIRST_PAINT, polling=20, timeout=60_000).json_value(),
               "marks": page.evaluate("() => document.querySelector('wasmui-app').timings")}
    row["bytes"] = server.take()[0]
    return row


if __name__ == "__main__":
    raise SystemExit(main())
