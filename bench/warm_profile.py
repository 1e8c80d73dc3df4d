"""Where a warm (repeat) visit's worker spends its time: a V8 CPU profile of the app's worker.

    .venv/bin/python bench/warm_profile.py SITE [--runs 3] [--server plain|gzip] [--out DIR]
    .venv/bin/python bench/warm_profile.py --ab A=SITE_A B=SITE_B [--runs 5]   # no profiler: A/B of warm visits

``SITE`` is a built hello site (``wasmui build examples/hello SITE``). Per run: a fresh persistent
profile makes a cold visit (the snapshot is stored), then a warm visit whose worker is paused at
its start (``Target.setAutoAttach`` with ``waitForDebuggerOnStart``), profiled from its first line
(``Profiler.start``, 100 us sampling) until ready. Prints the worker's marks, the profile's time
per bucket (what the function and its script are: glue, wasm, pyodide.mjs, wasmui's worker, GC,
idle) and its top functions by self time; writes each ``.cpuprofile`` (open it in Chrome's
DevTools) to ``--out``. Profiling slows V8 a little: compare buckets, not the TTI. A measurement,
never a test.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cold_profile import classify  # noqa: E402
from network import ARGS, CHROMIUM, MOUNTED, click_for_tti, serve, handler_base  # noqa: E402


class WorkerProfiler:
    """Attaches to the page's workers through a raw CDP session (non-flat: messages to the worker
    go through ``Target.sendMessageToTarget``) and profiles the first one from its start."""

    def __init__(self, page: Any) -> None:
        self.session = page.context.new_cdp_session(page)
        self.next_id = 1000
        self.pending: dict[int, Any] = {}
        self.worker: str | None = None
        self.profile: Any = None
        self.session.on("Target.attachedToTarget", self._attached)
        self.session.on("Target.receivedMessageFromTarget", self._message)
        self.session.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})

    def _send(self, session_id: str, method: str, params: dict[str, Any] | None = None) -> int:
        self.next_id += 1
        message = json.dumps({"id": self.next_id, "method": method, "params": params or {}})
        self.session.send("Target.sendMessageToTarget", {"sessionId": session_id, "message": message})
        return self.next_id

    def _attached(self, event: dict[str, Any]) -> None:
        info = event["targetInfo"]
        session_id = event["sessionId"]
        if info.get("type") == "worker" and self.worker is None and "wasmui" in info.get("title", "") + info.get("url", ""):
            self.worker = session_id
            self._send(session_id, "Profiler.enable")
            self._send(session_id, "Profiler.setSamplingInterval", {"interval": 100})
            self._send(session_id, "Profiler.start")
        self._send(session_id, "Runtime.runIfWaitingForDebugger")

    def _message(self, event: dict[str, Any]) -> None:
        message = json.loads(event["message"])
        if message.get("id") in self.pending:
            self.pending[message["id"]] = message

    def stop(self, page: Any) -> Any:
        if self.worker is None:
            raise RuntimeError("no wasmui worker attached")
        rid = self._send(self.worker, "Profiler.stop")
        self.pending[rid] = None
        deadline = time.time() + 30
        while self.pending[rid] is None and time.time() < deadline:
            page.wait_for_timeout(50)
        return self.pending[rid]["result"]["profile"]


def bucket(node: dict[str, Any]) -> str:
    """A profile node's bucket (its own time): the cold profile's split."""
    return classify(node["callFrame"])


def summarize(profile: dict[str, Any], span: tuple[float, float] | None = None) -> tuple[Counter[str], Counter[str]]:
    """Milliseconds of self time per bucket and per function (within ``span`` of profile µs when given)."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    per_bucket: Counter[str] = Counter()
    per_function: Counter[str] = Counter()
    t = profile["startTime"]
    for sample, delta in zip(profile["samples"], profile["timeDeltas"]):
        t += delta
        if span and not span[0] <= t <= span[1]:
            continue
        node = nodes[sample]
        frame = node["callFrame"]
        per_bucket[bucket(node)] += delta / 1000
        label = f"{frame.get('functionName') or '(anonymous)'} {frame.get('url', '').rsplit('/', 1)[-1]}:{frame.get('lineNumber', 0)}"
        per_function[label] += delta / 1000
    return per_bucket, per_function


def inclusive(profile: dict[str, Any], span: tuple[float, float] | None = None) -> Counter[str]:
    """Milliseconds per function counting every sample it is on the stack of (once per sample)."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    parent = {c: n["id"] for n in profile["nodes"] for c in n.get("children", [])}
    totals: Counter[str] = Counter()
    t = profile["startTime"]
    for sample, delta in zip(profile["samples"], profile["timeDeltas"]):
        t += delta
        if span and not span[0] <= t <= span[1]:
            continue
        seen = set()
        node: int | None = sample
        while node is not None:
            frame = nodes[node]["callFrame"]
            name = frame.get("functionName") or "(anonymous)"
            url = frame.get("url", "")
            label = f"{name} {'wasm' if url.startswith('wasm') else url.rsplit('/', 1)[-1][:12]}"
            if name.startswith("wasm-function"):
                label = "(wasm code)"
            if label not in seen:
                seen.add(label)
                totals[label] += delta / 1000
            node = parent.get(node)
    return totals


def timeline(profile: dict[str, Any], step_ms: float = 50) -> list[str]:
    """Per ``step_ms`` slice of the profile: its biggest buckets (what the worker did when)."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    slices: dict[int, Counter[str]] = {}
    t = profile["startTime"]
    for sample, delta in zip(profile["samples"], profile["timeDeltas"]):
        t += delta
        index = int((t - profile["startTime"]) / 1000 / step_ms)
        slices.setdefault(index, Counter())[bucket(nodes[sample])] += delta / 1000
    return [f"{i * step_ms:5.0f} ms: " + ", ".join(f"{k} {v:.0f}" for k, v in c.most_common(3)) for i, c in sorted(slices.items())]


MARKS_JS = ("() => { const t = document.querySelector('wasmui-app').timings; const o = performance.timeOrigin;"
            " return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v > 1e12 ? v - o : v)])); }")


def ab(sites: dict[str, Path], runs: int, server_kind: str) -> None:
    """Unthrottled warm visits of each site, interleaved, no profiler: median TTI and marks."""
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="wasmui-warmab-"))
    for name, folder in sites.items():
        shutil.copytree(folder, work / "www" / name)
    server, base = serve(work / "www", server_kind, handler_base(work / "www", server_kind))
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in sites}
    with sync_playwright() as pw:
        for i in range(runs):
            for name in sites:
                context = pw.chromium.launch_persistent_context(str(work / f"profile-{name}-{i}"), executable_path=CHROMIUM,
                                                                args=ARGS, headless=True)
                context.add_init_script(MOUNTED)
                for phase in ("cold", "warm1", "warm2"):
                    page = context.new_page()
                    page.goto(f"{base}/{name}/", wait_until="commit")
                    click_for_tti(page, "hello")
                    page.wait_for_function("() => ['saved', 'restored', 'discarded'].includes(document.querySelector('wasmui-app').snapshot)",
                                           polling=20, timeout=300_000)
                    if phase != "cold":
                        row = {"tti": page.evaluate("() => window.__tti"), **page.evaluate(MARKS_JS),
                               "snap": page.evaluate("() => (window.__snap ?? []).map((d) => d.action + ' ' + d.detail).join('; ')")}
                        rows[name].append(row)
                        print(name, phase, json.dumps(row), flush=True)
                    page.close()
                context.close()
    server.shutdown()
    keys = ["tti", "worker", "read-ahead", "entry", "glue-read", "wasm-read", "wasm-compiled", "snapshot-read", "pyodide-js", "glue", "python", "interpreter",
            "stdlib-rest", "seeded", "lazy", "wheel", "ready"]
    print("| site | n | " + " | ".join(keys) + " |")
    import statistics
    for name, group in rows.items():
        cells = [f"{statistics.median([g[k] for g in group if k in g]):.0f}" if any(k in g for g in group) else "-" for k in keys]
        print(f"| {name} | {len(group)} | " + " | ".join(cells) + " |")
    # Each phase's own length (a mark minus the one before it): less noisy than the marks themselves.
    steps = [k for k in keys if k != "tti"] + ["tti"]
    print("| site (step lengths) | " + " | ".join(f"{a}>{b}" for a, b in zip(steps, steps[1:])) + " |")
    for name, group in rows.items():
        cells = []
        for a, b in zip(steps, steps[1:]):
            values = [g[b] - g[a] for g in group if a in g and b in g]
            cells.append(f"{statistics.median(values):.0f}" if values else "-")
        print(f"| {name} | " + " | ".join(cells) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="+", help="a built hello site; with --ab: NAME=FOLDER ...")
    parser.add_argument("--ab", action="store_true", help="no profile: interleaved warm visits of each NAME=FOLDER, medians")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--server", default="plain")
    parser.add_argument("--out", default=tempfile.mkdtemp(prefix="wasmui-profile-"))
    args = parser.parse_args()
    if args.ab:
        ab({n: Path(f) for n, f in (s.split("=", 1) for s in args.site)}, args.runs, args.server)
        return 0
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="wasmui-warmprof-"))
    shutil.copytree(args.site[0], work / "www" / "hello")
    server, base = serve(work / "www", args.server, handler_base(work / "www", args.server))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    total: Counter[str] = Counter()
    with sync_playwright() as pw:
        for i in range(args.runs):
            context = pw.chromium.launch_persistent_context(str(work / f"profile-{i}"), executable_path=CHROMIUM,
                                                            args=ARGS, headless=True)
            context.add_init_script(MOUNTED)
            page = context.new_page()
            page.goto(f"{base}/hello/")
            click_for_tti(page, "hello")
            page.wait_for_function("() => document.querySelector('wasmui-app').snapshot === 'saved'", timeout=300_000)
            page.close()
            page = context.new_page()
            profiler = WorkerProfiler(page)
            page.goto(f"{base}/hello/", wait_until="commit")
            click_for_tti(page, "hello")
            page.wait_for_function("() => document.querySelector('wasmui-app').phase === 'ready'")
            marks = page.evaluate("() => { const t = document.querySelector('wasmui-app').timings; const o = performance.timeOrigin;"
                                  " return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v > 1e12 ? v - o : v)])); }")
            tti = page.evaluate("() => window.__tti")
            snap = page.evaluate("() => document.querySelector('wasmui-app').snapshot")
            profile = profiler.stop(page)
            (out / f"warm-{i}.cpuprofile").write_text(json.dumps(profile))
            buckets, functions = summarize(profile)
            total.update(buckets)
            print(f"run {i}: snapshot {snap}, TTI {tti:.0f} ms, marks {json.dumps(marks)}")
            print("  buckets: " + ", ".join(f"{k} {v:.0f}" for k, v in buckets.most_common(10)))
            print("  top self: " + "; ".join(f"{k} {v:.0f}" for k, v in functions.most_common(15)))
            print("  inclusive: " + "; ".join(f"{k} {v:.0f}" for k, v in inclusive(profile).most_common(45)))
            # Per step between the worker's marks (the profile starts with the worker, ~ its first mark).
            start = profile["startTime"]
            order = sorted((v, k) for k, v in marks.items() if k not in ("download", "manifest", "packages", "app"))
            for (t0, a), (t1, b) in zip(order, order[1:]):
                if t1 - t0 < 15:
                    continue
                span = (start + (t0 - marks["worker"]) * 1000, start + (t1 - marks["worker"]) * 1000)
                per_bucket, _ = summarize(profile, span)
                top = inclusive(profile, span).most_common(14)
                print(f"  {a}>{b} {t1 - t0} ms: " + ", ".join(f"{k} {v:.0f}" for k, v in per_bucket.most_common(5)))
                print("      incl: " + "; ".join(f"{k} {v:.0f}" for k, v in top if not k.startswith("(root)")))
            for line in timeline(profile):
                print("   " + line)
            context.close()
    server.shutdown()
    print(f"profiles in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
