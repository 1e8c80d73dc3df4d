"""Where a cold visit's time goes after the interpreter's wasm is in (issue 12): one Chrome trace.

    .venv/bin/python bench/cold_profile.py [--server gzip] [--profile 4g] [--page hello] [--keep trace.json]

One cold visit (``--warm``: one repeat visit) of a wasmui page (built as ``bench/network.py`` builds it, served by the same
servers, the network emulated the same way) recorded with a Chrome trace (V8's sampling CPU
profiler, wasm compile events, the network's resource events). Prints the worker's boot marks,
when each response's last byte arrived, and the worker thread's CPU time between two marks
(default ``wasm in`` .. ``ready``) split by what ran: wasm compiles, decoders, Python, glue.
A measurement, never a test.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import network  # noqa: E402

CATEGORIES = ",".join([
    "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute", "v8.wasm",
    "disabled-by-default-v8.wasm.detailed", "disabled-by-default-v8.cpu_profiler", "blink.user_timing", "loading",
    "disabled-by-default-v8.compile", "toplevel",
])


def classify(frame: dict[str, Any]) -> str:
    """A sampled function's bucket (its own time)."""
    name = frame.get("functionName", "")
    url = frame.get("url", "")
    code = frame.get("codeType", "")
    if name in ("(garbage collector)",):
        return "gc"
    if name in ("(idle)", "(program)", "(root)"):
        return name
    if code == "wasm" or url.startswith("wasm://") or "wasm-function" in name or name.startswith("$"):
        if "xz" in url or "xz" in name.lower():
            return "xz (wasm)"
        return "wasm (Python)"
    if "xz" in url or "xzstream" in url:
        return "xz glue (JS)"
    if "fzstd" in url or "precompressed" in url or "zstd" in name.lower():
        return "decoders/CoreFetch (JS)"
    if "pyodide.asm" in url or url.startswith("blob:"):  # the glue is imported from a blob when inflated or stored
        return "pyodide.asm.mjs glue (JS)"
    if "pyodide.mjs" in url:
        return "pyodide.mjs (JS)"
    if url:
        return f"JS {url.rsplit('/', 1)[-1][:40]}"
    return f"native {name[:40]}"


def profiles(events: list[dict[str, Any]]) -> dict[tuple[int, int, str], dict[str, Any]]:
    """V8 CPU profiles in the trace, by (pid, tid, id): nodes, samples, absolute sample times (us)."""
    out: dict[tuple[int, int, str], dict[str, Any]] = {}
    for e in events:
        if e.get("name") == "Profile":
            key = (e["pid"], e["tid"], e["id"])
            out.setdefault(key, {"nodes": {}, "samples": [], "times": [], "t": e["args"]["data"]["startTime"]})
    for e in events:
        if e.get("name") != "ProfileChunk":
            continue
        key = next((k for k in out if k[0] == e["pid"] and k[2] == e["id"]), None)
        if key is None:
            continue
        prof = out[key]
        data = e["args"]["data"]
        for node in data.get("cpuProfile", {}).get("nodes", []):
            prof["nodes"][node["id"]] = node
        samples = data.get("cpuProfile", {}).get("samples", [])
        for sample, delta in zip(samples, data.get("timeDeltas", [])):
            prof["t"] += delta
            prof["samples"].append(sample)
            prof["times"].append(prof["t"])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default="gzip")
    parser.add_argument("--profile", default="4g")
    parser.add_argument("--page", default="hello")
    parser.add_argument("--since", default="wasm in")
    parser.add_argument("--until", default="ready")
    parser.add_argument("--keep", help="write the raw trace (and the marks) here")
    parser.add_argument("--site", help="a built site of --page to profile (default: build it from this tree)")
    parser.add_argument("--load", help="report on a trace written by --keep instead of making one")
    parser.add_argument("--flags", default="", help="extra Chromium flags (comma separated), e.g. --js-flags=...")
    parser.add_argument("--before", type=int, default=1, help="with --warm: visits before the traced one (2: the third visit)")
    parser.add_argument("--warm", action="store_true",
                        help="trace a repeat visit instead (a first visit stores the snapshot, untraced); default window: worker .. ready")
    args = parser.parse_args()
    if args.warm and args.since == "wasm in":
        args.since = "worker"
    if args.load:
        kept = json.loads(Path(args.load).read_text())
        trace = kept["trace"]
        report(trace["traceEvents"] if isinstance(trace, dict) else trace, kept["marks"], args.since, args.until)
        return 0
    from playwright.sync_api import sync_playwright

    from wasmui.build import build_site

    work = Path(tempfile.mkdtemp(prefix="wasmui-coldprof-"))
    app = ROOT / "examples" / "hello" if args.page == "hello" else ROOT / "bench" / "apps" / args.page
    if args.site:
        shutil.copytree(args.site, work / "www" / args.page)
    else:
        build_site(app, work / "www" / args.page)
    server = network.CountingServer(work / "www", args.server)
    with sync_playwright() as pw:
        extra = [flag for flag in args.flags.split(",") if flag]
        # A persistent profile, as bench/network.py visits (and visitors browse): an incognito
        # context keeps OPFS and the HTTP cache in memory, which reads differently.
        context = pw.chromium.launch_persistent_context(str(work / "profile"), executable_path=network.CHROMIUM,
                                                        args=network.ARGS + extra, headless=True)
        context.add_init_script(network.MOUNTED)
        page = context.new_page()
        network.emulate(page, args.profile, server)
        for _ in range(args.before if args.warm else 0):
            page.goto(f"{server.url}/{args.page}/", wait_until="commit")
            page.wait_for_function("() => ['saved', 'restored', 'discarded'].includes(document.querySelector('wasmui-app').snapshot)",
                                   timeout=300_000)
            page.close()
            page = context.new_page()
            network.emulate(page, args.profile, server)
        # Traced over CDP: a persistent context has no Browser object to trace with.
        cdp = context.new_cdp_session(page)
        collected: list[dict[str, Any]] = []
        complete: list[bool] = []
        cdp.on("Tracing.dataCollected", lambda event: collected.extend(event["value"]))
        cdp.on("Tracing.tracingComplete", lambda event: complete.append(True))
        cdp.send("Tracing.start", {"categories": CATEGORIES, "transferMode": "ReportEvents"})
        page.goto(f"{server.url}/{args.page}/", wait_until="commit")
        network.click_for_tti(page, args.page)
        page.wait_for_function("() => document.querySelector('wasmui-app').phase === 'ready'", timeout=300_000)
        marks = page.evaluate("() => document.querySelector('wasmui-app').timings")
        marks["tti"] = page.evaluate("() => window.__tti")
        cdp.send("Tracing.end")
        while not complete:
            page.wait_for_timeout(100)
        trace = {"traceEvents": collected}
        context.close()
    server.shutdown()
    if args.keep:
        Path(args.keep).write_text(json.dumps({"marks": marks, "trace": trace}))
    report(trace["traceEvents"] if isinstance(trace, dict) else trace, marks, args.since, args.until)
    return 0


def report(events: list[dict[str, Any]], marks: dict[str, float], since: str, until: str) -> None:
    nav = [e for e in events if e.get("name") == "navigationStart"]
    t0 = min(e["ts"] for e in nav) if nav else min(e["ts"] for e in events if e.get("ts"))
    wasm_in = marks.get("inflated:pyodide.asm.wasm")
    if wasm_in is not None:
        marks["wasm in"] = wasm_in
    print("marks (ms since navigation):")
    for name, at in sorted(marks.items(), key=lambda item: item[1] or 0):
        print(f"  {at:8.0f}  {name}")
    # The network: each request's send and finish (from the trace's resource events).
    sent: dict[str, tuple[float, str]] = {}
    print("responses (send -> last byte, ms; encoded kB):")
    for e in events:
        data = (e.get("args") or {}).get("data") or {}
        if e.get("name") == "ResourceSendRequest":
            sent[data["requestId"]] = ((e["ts"] - t0) / 1000, data.get("url", ""))
        elif e.get("name") == "ResourceFinish" and data.get("requestId") in sent:
            start, url = sent[data["requestId"]]
            end = (data.get("finishTime", 0) * 1e6 - t0) / 1000 if data.get("finishTime") else (e["ts"] - t0) / 1000
            print(f"  {start:7.0f} -> {end:7.0f}  {data.get('encodedDataLength', 0) / 1e3:7.0f}  {url.rsplit('/', 1)[-1]}")
    lo, hi = marks[since] * 1000 + t0, marks[until] * 1000 + t0
    # The worker thread: the one whose profile has pyodide's glue.
    profs = profiles(events)
    best = None
    for key, prof in profs.items():
        # The glue's URL names pyodide on a first visit; a repeat visit imports it from a blob.
        hits = sum(1 for node in prof["nodes"].values() if re.search(r"pyodide|/assets/worker-", node["callFrame"].get("url", "")))
        if hits and (best is None or hits > best[0]):
            best = (hits, key)
    if best is None:
        print("no worker CPU profile in the trace")
        return
    prof = profs[best[1]]
    buckets: collections.Counter[str] = collections.Counter()
    functions: collections.Counter[str] = collections.Counter()
    previous = None
    for sample, at in zip(prof["samples"], prof["times"]):
        if previous is not None and lo <= at <= hi:
            frame = prof["nodes"][sample]["callFrame"]
            delta = (at - previous) / 1000
            buckets[classify(frame)] += delta
            functions[f"{frame.get('functionName') or '?'} {frame.get('url', '').rsplit('/', 1)[-1]}"] += delta
        previous = at
    busy = sum(ms for name, ms in buckets.items() if name != "(idle)")
    print(f"worker thread CPU samples {since} ({marks[since]:.0f}) .. {until} ({marks[until]:.0f}): busy {busy:.0f} ms; by bucket:")
    for name, ms in buckets.most_common(20):
        print(f"  {ms:7.0f}  {name}")
    print("top functions (self ms):")
    for name, ms in functions.most_common(25):
        print(f"  {ms:7.0f}  {name[:100]}")
    # Trace events on the worker's thread (wasm compiles, script evaluation) in the window.
    pid, tid = best[1][0], best[1][1]
    durations: collections.Counter[str] = collections.Counter()
    counts: collections.Counter[str] = collections.Counter()
    for e in events:
        if e.get("ph") == "X" and e.get("pid") == pid and lo <= e.get("ts", 0) <= hi and e.get("dur"):
            durations[e["name"]] += e["dur"] / 1000
            counts[e["name"]] += 1
    phases(events, prof, (pid, tid), marks, t0)
    print("trace events (any thread of the worker's process, in the window): total ms, count")
    for name, ms in durations.most_common(25):
        print(f"  {ms:7.0f} {counts[name]:5d}  {name}")


MAIN_THREAD_EVENTS = ("wasm.CompileLazy", "wasm.SyncCompile", "wasm.SyncInstantiate", "wasm.FinishStreamingCompilation",
                      "wasm.StartStreamingCompilation", "MinorGC", "MajorGC", "V8.GC_MC_BACKGROUND_MARKING")


def phases(events: list[dict[str, Any]], prof: dict[str, Any], thread: tuple[int, int], marks: dict[str, float], t0: float) -> None:
    """The worker thread's CPU between consecutive marks: samples by bucket, wasm compile events."""
    edges = sorted(((at, name) for name, at in marks.items() if at is not None))

    def phase(ms: float) -> str:
        current = "(before)"
        for at, name in edges:
            if ms >= at:
                current = name
        return current
    cpu: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    previous = None
    for sample, at in zip(prof["samples"], prof["times"]):
        if previous is not None:
            cpu[phase((at - t0) / 1000)][classify(prof["nodes"][sample]["callFrame"])] += (at - previous) / 1000
        previous = at
    compiles: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for e in events:
        if e.get("ph") == "X" and (e.get("pid"), e.get("tid")) == thread and e.get("name") in MAIN_THREAD_EVENTS:
            name = phase((e["ts"] - t0) / 1000)
            compiles[name][e["name"]] += e.get("dur", 0) / 1000
            counts[name][e["name"]] += 1
    print("worker thread by phase (the phase is named by the mark that starts it): CPU ms by bucket; events")
    for at, name in edges:
        busy = sum(ms for bucket, ms in cpu[name].items() if bucket != "(idle)")
        print(f"  {at:7.0f} {name:38s} busy {busy:5.0f}: " + ", ".join(f"{b} {ms:.0f}" for b, ms in cpu[name].most_common(5)))
        if compiles[name]:
            print("           " + ", ".join(f"{k} {ms:.0f} ms/{counts[name][k]}" for k, ms in compiles[name].most_common()))


if __name__ == "__main__":
    raise SystemExit(main())
