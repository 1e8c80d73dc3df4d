"""A streamed chat answer in native Gradio 6.31 and in wasmui, side by side in ONE run.

    .venv/bin/python bench/chat.py [--tokens 1000,2000] [--runs 3] [--gradio-python /work/gradio-venv/bin/python]

The same app (bench/apps/chat_stream: a ChatInterface whose generator yields N tokens with
no sleeps) is served natively by real Gradio (its own server and frontend) and built with
wasmui (Python in Pyodide in the page). One Chromium opens both, alternating, and for each
answer measures inside the page, from the Enter key press:

* time to first token (the first token on screen) and total time (the last token on screen),
  hence tokens rendered per second;
* the main thread's long tasks (PerformanceObserver "longtask": count, longest, total) and
  frame gaps (requestAnimationFrame intervals over 50 ms; dropped 60 Hz frames) while
  the answer streams;
* bytes received by the page over the network while streaming (CDP) and to load the page.

Writes bench/results/chat-<UTC time>.{json,md} and chat-latest.*; prints the ratios
wasmui / Gradio. A measurement, never a test threshold: on this shared 2-vCPU machine read
the ratios, not the milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from boot import ARGS, CHROMIUM, CountingServer  # noqa: E402
from wasmui.build import build_site  # noqa: E402

APP = ROOT / "bench" / "apps" / "chat_stream"
PLACEHOLDER = "Type a message..."

# Installed before Enter; resolves window.__answer when the last token is on screen.
MEASURE = """([n, botSelector]) => {
  // wasmui renders in the shadow root of <wasmui-app>; Gradio in the document.
  const root = document.querySelector('wasmui-app')?.shadowRoot ?? document;
  const all = (sel) => root.querySelectorAll(sel);
  const firstTok = 'tok0', lastTok = `tok${n - 1} `;
  const res = { t0: null, first: null, last: null, frames: 0, gaps: [], longtasks: [] };
  window.__answer = null;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) res.longtasks.push({ start: e.startTime, duration: e.duration });
  });
  obs.observe({ type: 'longtask' });
  window.addEventListener('keydown', (e) => { if (e.key === 'Enter' && res.t0 === null) res.t0 = performance.now(); }, { capture: true });
  let prev = null;
  const bots = () => all(botSelector);
  const before = bots().length;
  const frame = (now) => {
    if (res.t0 !== null) {
      if (prev !== null && res.first !== null) { res.frames++; const gap = now - prev; if (gap > 50) res.gaps.push(gap); }
      prev = now;
      const list = bots();
      const text = list.length > before ? (list[list.length - 1].textContent || '') : '';
      if (res.first === null && text.includes(firstTok)) res.first = performance.now();
      if (text.includes(lastTok.trim()) && text.trimEnd().endsWith(lastTok.trim())) {
        res.last = performance.now();
        obs.disconnect();
        const during = res.longtasks.filter((t) => t.start + t.duration >= res.first && t.start <= res.last);
        window.__answer = {
          ttft_ms: res.first - res.t0, total_ms: res.last - res.t0,
          tokens_per_s: n / ((res.last - res.t0) / 1000),
          longtasks: during.length, longest_task_ms: Math.max(0, ...during.map((t) => t.duration)),
          longtask_total_ms: during.reduce((a, t) => a + t.duration, 0),
          frames: res.frames, gaps_over_50ms: res.gaps.length, longest_gap_ms: Math.max(0, ...res.gaps),
          dropped_frames: res.gaps.reduce((a, g) => a + Math.max(0, Math.round(g / 16.7) - 1), 0),
        };
        return;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_gradio(python: str, workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "GRADIO_ANALYTICS_ENABLED": "False",
           "GRADIO_SSR_MODE": "false", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([python, str(APP / "app.py")], cwd=workdir, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/config", timeout=2).read()
            return proc, url
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"Gradio exited with {proc.returncode}") from None
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("Gradio did not start in 180 s")


class NetBytes:
    """Body bytes the page received over the network (CDP Network.dataReceived)."""

    def __init__(self, page: Any) -> None:
        self.total = 0
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.dataReceived", self._on)
        cdp.on("Network.loadingFinished", self._done)
        self._seen: dict[str, int] = {}

    def _on(self, ev: dict[str, Any]) -> None:
        self._seen[ev["requestId"]] = self._seen.get(ev["requestId"], 0) + int(ev.get("encodedDataLength") or 0)
        self.total += int(ev.get("encodedDataLength") or 0)

    def _done(self, ev: dict[str, Any]) -> None:
        # encodedDataLength of the finished request includes headers; count what dataReceived missed.
        extra = int(ev.get("encodedDataLength") or 0) - self._seen.pop(ev["requestId"], 0)
        if extra > 0:
            self.total += extra

    def take(self) -> int:
        value, self.total = self.total, 0
        return value


def open_app(page: Any, kind: str, url: str) -> None:
    page.goto(url + "/", wait_until="commit")
    if kind == "wasmui":
        page.wait_for_function("() => document.querySelector('wasmui-app')?.phase === 'ready'", timeout=300_000)
    page.get_by_placeholder(PLACEHOLDER).wait_for(timeout=300_000)


def answer(page: Any, kind: str, n: int) -> dict[str, Any]:
    bot = ".message.bot" if kind == "wasmui" else '[data-testid="bot"]'
    page.evaluate(MEASURE, [n, bot])
    # Gradio drops the placeholder after the first message: find the box by its role in each page.
    box = page.locator('textarea[data-testid="textbox"]' if kind == "gradio" else ".block-textbox textarea").first
    box.fill(str(n), timeout=120_000)
    box.press("Enter")
    page.wait_for_function("() => window.__answer", polling=100, timeout=600_000)
    return dict(page.evaluate("() => window.__answer"))


def run(tokens: list[int], runs: int, gradio_python: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="wasmui-chat-bench-"))
    site = build_site(APP, work / "site")
    server = CountingServer(site)
    gradio, gradio_url = start_gradio(gradio_python, work)
    urls = {"gradio": gradio_url, "wasmui": server.url}
    raw: dict[str, Any] = {k: {str(n): [] for n in tokens} for k in urls}
    raw["page_bytes"] = {k: [] for k in urls}
    raw["first_answer_s"] = {k: [] for k in urls}
    raw["snapshot_s"] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            raw["browser"] = browser.version
            for r in range(runs):
                # Alternate which goes first, so machine noise hits both alike.
                for kind in (("gradio", "wasmui") if r % 2 == 0 else ("wasmui", "gradio")):
                    context = browser.new_context(viewport={"width": 1200, "height": 900})
                    page = context.new_page()
                    net = NetBytes(page)
                    server.take()
                    t_open = time.monotonic()
                    open_app(page, kind, urls[kind])
                    # The first answer of a page also pays for the end of the boot (wasmui stores its
                    # memory snapshot then): it is a warm-up, reported on its own, not measured as streaming.
                    answer(page, kind, 5)
                    raw["first_answer_s"][kind].append(time.monotonic() - t_open)
                    if kind == "wasmui":
                        # On a first visit wasmui makes its memory snapshot once the ports are quiet
                        # (requests wait for it, about a second): measure streaming after that.
                        t_snap = time.monotonic()
                        page.wait_for_function("() => document.querySelector('wasmui-app')?.snapshot !== null",
                                               polling=100, timeout=120_000)
                        raw["snapshot_s"].append(time.monotonic() - t_snap)
                    # wasmui's worker fetches Pyodide outside the page's CDP view: count at the server.
                    raw["page_bytes"][kind].append(server.take() if kind == "wasmui" else net.take())
                    net.take()
                    for n in tokens:
                        result = answer(page, kind, n)
                        result["bytes"] = net.take()
                        raw[kind][str(n)].append(result)
                        print(f"run {r} {kind:6} {n:5} tokens: first {result['ttft_ms']:.0f} ms, "
                              f"total {result['total_ms']:.0f} ms, longest task {result['longest_task_ms']:.0f} ms",
                              flush=True)
                    context.close()
            browser.close()
    finally:
        gradio.terminate()
        gradio.wait(10)
        server.server.shutdown()
    return raw


FIGURES = [("ttft_ms", "time to first token", "ms"), ("total_ms", "total time", "ms"),
           ("tokens_per_s", "tokens rendered per second", "/s"), ("longest_task_ms", "longest main-thread task", "ms"),
           ("longtask_total_ms", "long tasks, total", "ms"), ("longtasks", "long tasks (count)", ""),
           ("dropped_frames", "dropped frames (60 Hz)", ""), ("longest_gap_ms", "longest frame gap", "ms"),
           ("bytes", "bytes received while streaming", "B")]


def summarize(raw: dict[str, Any], tokens: list[int]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for n in tokens:
        row: dict[str, Any] = {}
        for key, _, _ in FIGURES:
            g = statistics.median(r[key] for r in raw["gradio"][str(n)])
            w = statistics.median(r[key] for r in raw["wasmui"][str(n)])
            row[key] = {"gradio": g, "wasmui": w, "ratio": (w / g) if g else None}
        out[str(n)] = row
    out["page_bytes"] = {k: statistics.median(v) for k, v in raw["page_bytes"].items()}
    out["first_answer_s"] = {k: statistics.median(v) for k, v in raw["first_answer_s"].items()}
    out["snapshot_s"] = statistics.median(raw["snapshot_s"]) if raw.get("snapshot_s") else None
    return out


def markdown(summary: dict[str, Any], tokens: list[int], meta: dict[str, Any], runs: int) -> str:
    lines = [f"# Streamed chat answer: wasmui vs native Gradio ({meta['when']})", "",
             f"Machine: {meta['machine']}; Chromium {meta['browser']}; gradio {meta['gradio']}; load average at "
             f"start {meta['loadavg']:.1f}. Medians of {runs} runs, the two apps alternating in one browser. "
             "Shared machine: read the ratios, not the milliseconds.", ""]
    for n in tokens:
        lines += [f"## {n} tokens", "", "| figure | native Gradio | wasmui | wasmui / Gradio |", "|---|---|---|---|"]
        for key, label, unit in FIGURES:
            cell = summary[str(n)][key]
            ratio = "–" if cell["ratio"] is None else f"{cell['ratio']:.2f}"
            lines.append(f"| {label} | {cell['gradio']:,.0f} {unit} | {cell['wasmui']:,.0f} {unit} | {ratio} |")
        lines.append("")
    pb = summary["page_bytes"]
    fa = summary["first_answer_s"]
    lines += [f"Bytes to load the page and answer once (median): Gradio {pb['gradio']:,.0f} B (what the page received), "
              f"wasmui {pb['wasmui']:,.0f} B (what the static server sent: the shell, Pyodide and the wheel). wasmui's "
              "Python answers inside the page, so streaming moves no network bytes.", "",
              f"Navigation -> a 5-token warm-up answer on screen (median): Gradio {fa['gradio']:.1f} s, wasmui "
              f"{fa['wasmui']:.1f} s. The streaming figures above come after that warm-up and, for wasmui, after "
              "its memory snapshot was stored (made once per build and browser, on the first visit, once the page "
              "is quiet; a request sent meanwhile waits for it)"
              + (f": {summary['snapshot_s']:.1f} s after the warm-up answer (median)." if summary.get("snapshot_s")
                 is not None else "."), ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokens", default="1000,2000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--gradio-python", default="/work/gradio-venv/bin/python")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args()
    tokens = [int(t) for t in args.tokens.split(",")]
    gradio_version = subprocess.run([args.gradio_python, "-c", "import gradio; print(gradio.__version__)"],
                                    capture_output=True, text=True, check=True).stdout.strip()
    meta: dict[str, Any] = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "loadavg": os.getloadavg()[0],
                            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs", "gradio": gradio_version}
    raw = run(tokens, args.runs, args.gradio_python)
    meta["browser"] = raw.pop("browser", "?")
    summary = summarize(raw, tokens)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = "chat-" + meta["when"].replace(":", "").replace("-", "")
    payload = json.dumps({"meta": meta, "summary": summary, "raw": raw}, indent=1)
    text = markdown(summary, tokens, meta, args.runs)
    for name, body in ((f"{stem}.json", payload), (f"{stem}.md", text), ("chat-latest.json", payload),
                       ("chat-latest.md", text)):
        (out / name).write_text(body)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
