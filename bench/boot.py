"""Boot, latency and size figures of the browser runtime, measured in ONE run on ONE browser.

    .venv/bin/python bench/boot.py [--cold 3] [--warm 5] [--clicks 200]

* time-to-interactive of examples/hello: navigation start -> the first click's output
  is on screen (the click is made as soon as the button is painted; the shell queues
  it until Python is ready), cold (fresh profile) and warm (same persistent profile);
* the same for bare Pyodide (stock npm files, `loadPyodide` + one print in a module
  worker), so the figure that matters is the ratio, not the milliseconds of this
  shared machine;
* click -> output latency over many clicks (median, p99), timed inside the page;
* bytes served per navigation (cold, warm) and the gzip size of the page JS.

Writes bench/results/boot-<UTC time>.json and .md (and latest.*). Never a pass/fail test.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
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

from wasmui.build import build_site  # noqa: E402
from wasmui.devserver import Server, SiteState, make_handler  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

BARE_HTML = """<!doctype html><meta charset="utf-8"><title>bare pyodide</title>
<script type="module">
const worker = new Worker('./bare-worker.js', {type: 'module'});
worker.onmessage = (e) => { window.__bare = {ready: performance.now(), out: e.data}; };
</script>"""
# Stock npm Pyodide files (wasmui's own pyodide/ has a precompiled stdlib).
BARE_WORKER = """import { loadPyodide } from './pyodide-stock/pyodide.mjs';
let out = '';
const py = await loadPyodide({ indexURL: new URL('./pyodide-stock/', import.meta.url).href, stdout: (s) => { out += s; } });
py.runPython('print(1)');
postMessage(out);
"""

# Clicks Submit `n` times with a new name each time; times click -> output value (ms).
CLICKS = """async (n) => {
  const root = document.querySelector('wasmui-app').shadowRoot;
  const [input, output] = root.querySelectorAll('textarea');
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Submit');
  const channel = new MessageChannel();
  const tick = () => new Promise((resolve) => { channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); });
  const samples = [];
  for (let i = 0; i < n; i++) {
    const name = 'n' + i;
    input.value = name;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await tick();
    const t0 = performance.now();
    button.click();
    while (output.value !== 'Hello, ' + name + '!') await tick();
    samples.push(performance.now() - t0);
  }
  return samples;
}"""


class CountingServer:
    """The devserver's static handler, counting the body bytes it sends."""

    def __init__(self, root: Path) -> None:
        self.bytes = 0
        self.lock = threading.Lock()
        base = make_handler(SiteState(root))
        counter = self

        class Handler(base):  # type: ignore[misc, valid-type]
            def send_header(self, keyword: str, value: str) -> None:
                if keyword.lower() == "content-length" and self.command != "HEAD":
                    with counter.lock:
                        counter.bytes += int(value)
                super().send_header(keyword, value)

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def take(self) -> int:
        with self.lock:
            value, self.bytes = self.bytes, 0
        return value


def tti_hello(page: Any, url: str) -> dict[str, Any]:
    page.goto(url, wait_until="commit")
    root = page.locator("wasmui-app")
    root.get_by_label("Name").fill("bench")
    painted = page.evaluate("() => performance.now()")
    root.get_by_role("button", name="Submit").click()
    page.wait_for_function(
        "() => { const t = document.querySelector('wasmui-app').shadowRoot.querySelectorAll('textarea')[1];"
        " return t && t.value === 'Hello, bench!' && (window.__tti = performance.now()); }",
        polling=5, timeout=180_000)
    timings = page.evaluate("() => document.querySelector('wasmui-app').timings")
    # "restored": this visit booted from the memory snapshot an earlier visit stored. A visit
    # that made one stays until it is stored (a user stays longer than this benchmark).
    page.wait_for_function("() => ['saved', 'restored', 'discarded'].includes(document.querySelector('wasmui-app').snapshot)",
                           polling=20, timeout=60_000)
    snapshot = page.evaluate("() => document.querySelector('wasmui-app').snapshot")
    return {"tti_ms": page.evaluate("() => window.__tti"), "painted_ms": painted, "phases_ms": timings,
            "snapshot": snapshot}


def bare_boot(page: Any, url: str) -> float:
    page.goto(url, wait_until="commit")
    page.wait_for_function("() => window.__bare", polling=5, timeout=180_000)
    result = page.evaluate("() => window.__bare")
    assert result["out"].strip() == "1", result
    return float(result["ready"])


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def js_sizes(site: Path) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for path in sorted((site / "assets").glob("*.js")) + [site / "sw.js"]:
        sizes[path.relative_to(site).as_posix()] = len(gzip.compress(path.read_bytes(), 9))
    return sizes


def run(cold: int, warm: int, clicks: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="wasmui-bench-"))
    site = build_site(ROOT / "examples" / "hello", work / "site")
    (site / "bare.html").write_text(BARE_HTML)
    (site / "bare-worker.js").write_text(BARE_WORKER)
    stock = ROOT / "node_modules" / "pyodide"
    (site / "pyodide-stock").mkdir()
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        shutil.copyfile(stock / name, site / "pyodide-stock" / name)
    server = CountingServer(site)
    results: dict[str, Any] = {"hello": {"cold": [], "warm": []}, "bare": {"cold": [], "warm": []},
                               "bytes": {"hello_cold": [], "hello_warm": [], "bare_cold": [], "bare_warm": []}}
    with sync_playwright() as pw:
        version = None
        for i in range(cold):
            # Interleave the two pages so machine noise hits both alike.
            for kind in ("bare", "hello"):
                context = pw.chromium.launch_persistent_context(
                    str(work / f"profile-{kind}-{i}"), executable_path=CHROMIUM, args=ARGS, headless=True)
                version = version or context.browser.version if context.browser else version
                page = context.new_page()
                server.take()
                if kind == "hello":
                    results["hello"]["cold"].append(tti_hello(page, server.url + "/"))
                else:
                    results["bare"]["cold"].append(bare_boot(page, server.url + "/bare.html"))
                results["bytes"][f"{kind}_cold"].append(server.take())
                for _ in range(warm if i == 0 else 0):
                    page.close()
                    page = context.new_page()
                    if kind == "hello":
                        results["hello"]["warm"].append(tti_hello(page, server.url + "/"))
                    else:
                        results["bare"]["warm"].append(bare_boot(page, server.url + "/bare.html"))
                    results["bytes"][f"{kind}_warm"].append(server.take())
                if kind == "hello" and i == 0:
                    page.evaluate(CLICKS, 20)  # warm-up
                    samples = page.evaluate(CLICKS, clicks)
                    results["clicks"] = {"n": len(samples), "median_ms": statistics.median(samples),
                                         "p99_ms": pct(samples, 0.99), "mean_ms": statistics.fmean(samples),
                                         "max_ms": max(samples)}
                context.close()
        results["browser"] = version
    server.server.shutdown()
    results["js_gzip_bytes"] = js_sizes(site)
    return results


def summarize(raw: dict[str, Any]) -> dict[str, Any]:
    med = statistics.median
    hello_cold = [r["tti_ms"] for r in raw["hello"]["cold"]]
    hello_warm = [r["tti_ms"] for r in raw["hello"]["warm"]]
    bare_cold, bare_warm = raw["bare"]["cold"], raw["bare"]["warm"]
    return {
        "tti_hello_cold_ms": med(hello_cold), "tti_hello_warm_ms": med(hello_warm),
        "bare_pyodide_cold_ms": med(bare_cold), "bare_pyodide_warm_ms": med(bare_warm),
        "ratio_cold": med(hello_cold) / med(bare_cold), "ratio_warm": med(hello_warm) / med(bare_warm),
        "click_median_ms": raw["clicks"]["median_ms"], "click_p99_ms": raw["clicks"]["p99_ms"],
        "clicks": raw["clicks"]["n"],
        "bytes_hello_cold": med(raw["bytes"]["hello_cold"]), "bytes_hello_warm": med(raw["bytes"]["hello_warm"]),
        "bytes_bare_cold": med(raw["bytes"]["bare_cold"]),
        "shell_js_gzip_bytes": raw["js_gzip_bytes"].get("assets/wasmui.js"),
        "all_js_gzip_bytes": sum(raw["js_gzip_bytes"].values()),
    }


def markdown(summary: dict[str, Any], raw: dict[str, Any], meta: dict[str, Any]) -> str:
    s = summary
    phases = raw["hello"]["cold"][0]["phases_ms"]
    lines = [
        f"# wasmui boot benchmark ({meta['when']})", "",
        f"Machine: {meta['machine']}; {meta['browser']}; load average at start {meta['loadavg']}. "
        "Shared machine: read the ratios, not the milliseconds.", "",
        "| figure | cold (fresh profile) | warm (same profile) |", "|---|---|---|",
        f"| hello TTI: navigation -> first click answered | {s['tti_hello_cold_ms']:.0f} ms | {s['tti_hello_warm_ms']:.0f} ms |",
        f"| bare Pyodide: loadPyodide + print(1) in a worker | {s['bare_pyodide_cold_ms']:.0f} ms | {s['bare_pyodide_warm_ms']:.0f} ms |",
        f"| **ratio hello / bare** | **{s['ratio_cold']:.2f}** | **{s['ratio_warm']:.2f}** |",
        f"| bytes served per navigation (hello) | {s['bytes_hello_cold']:,} | {s['bytes_hello_warm']:,} |",
        f"| bytes served per navigation (bare) | {s['bytes_bare_cold']:,} | |", "",
        f"Click -> output (hello, warm page, n={s['clicks']}): median **{s['click_median_ms']:.1f} ms**, "
        f"p99 **{s['click_p99_ms']:.1f} ms**.", "",
        f"Page JS (assets/wasmui.js, element + transport + shell), gzip -9: **{s['shell_js_gzip_bytes']:,} B**; "
        f"all JS incl. lazy chunks, worker and sw.js: {s['all_js_gzip_bytes']:,} B.", "",
        "Phases of the first cold hello boot (ms since navigation): "
        + ", ".join(f"{k} {v:.0f}" for k, v in phases.items()), "",
        f"Warm hello visits restored from a memory snapshot: "
        f"{sum(r.get('snapshot') == 'restored' for r in raw['hello']['warm'])} of {len(raw['hello']['warm'])}.", "",
        f"Runs: cold n={len(raw['hello']['cold'])} per page, warm n={len(raw['hello']['warm'])} per page "
        "(bare and hello interleaved). Raw numbers in the JSON file next to this one.", "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cold", type=int, default=3)
    parser.add_argument("--warm", type=int, default=5)
    parser.add_argument("--clicks", type=int, default=200)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args()
    meta = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "loadavg": os.getloadavg()[0],
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"}
    raw = run(args.cold, args.warm, args.clicks)
    meta["browser"] = f"Chromium {raw.get('browser')}"
    summary = summarize(raw)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = "boot-" + meta["when"].replace(":", "").replace("-", "")
    (out / f"{stem}.json").write_text(json.dumps({"meta": meta, "summary": summary, "raw": raw}, indent=1))
    text = markdown(summary, raw, meta)
    (out / f"{stem}.md").write_text(text)
    # latest.* always points at the newest run (bench/README.md quotes it).
    (out / "latest.json").write_text((out / f"{stem}.json").read_text())
    (out / "latest.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
