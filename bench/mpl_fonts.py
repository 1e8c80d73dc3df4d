"""matplotlib's first figure in the browser, with and without the build's font-list fix.

    .venv/bin/python bench/mpl_fonts.py [--pyodide DIR] [--runs 3]

Builds the same matplotlib app twice against the distribution: as wasmui builds it
(the shipped font list re-stamped, ``wasmui/mplfonts.py``) and with that step skipped
(matplotlib then rebuilds its font list on the first figure). In one Chromium, fresh
profile per run, runs alternate between the two sites so machine noise hits both. The
app itself reports, in Python, the time from ``import matplotlib.pyplot`` to the first
figure drawn, and whether matplotlib rebuilt its font list. Prints a Markdown table;
never a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from boot import ARGS, CHROMIUM, CountingServer  # noqa: E402
from dist import default_dist  # noqa: E402

from wasmui import webassets  # noqa: E402
from wasmui.build import build_site  # noqa: E402

APP = '''import logging, time
import gradio as gr
log = []
class Catch(logging.Handler):
    def emit(self, record):
        log.append(record.getMessage())
logging.getLogger("matplotlib.font_manager").setLevel(logging.INFO)
logging.getLogger("matplotlib.font_manager").addHandler(Catch())

def first():
    start = time.perf_counter()
    import matplotlib.pyplot as plt
    imported = time.perf_counter()
    fig, ax = plt.subplots(figsize=(4, 3), dpi=80)
    ax.plot([1, 2, 3], [3, 1, 2]); ax.set_title("first figure")
    fig.canvas.draw()
    done = time.perf_counter()
    rebuilt = any("generated new fontManager" in m for m in log)
    return fig, f"{imported - start:.3f} {done - start:.3f} {rebuilt}"

with gr.Blocks() as demo:
    plot = gr.Plot()
    out = gr.Textbox(label="Out")
    gr.Button("Draw").click(first, None, [plot, out])
demo.launch()
'''


def run(page: Any, url: str) -> tuple[float, float, bool]:
    page.goto(url)
    root = page.locator("wasmui-app")
    root.get_by_role("button", name="Draw").click()
    page.wait_for_function("() => { const t = document.querySelector('wasmui-app').shadowRoot.querySelector('textarea');"
                           " return t && t.value !== ''; }", polling=50, timeout=600_000)
    text = root.get_by_label("Out").input_value()
    imported, total, rebuilt = text.split()
    return float(imported), float(total), rebuilt == "True"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pyodide", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    dist = args.pyodide or default_dist()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "mpl"
        app.mkdir()
        (app / "app.py").write_text(APP)
        sites = {"fixed": build_site(app, Path(tmp) / "fixed", pyodide=str(dist))}
        with mock.patch.object(webassets, "fix_font_list", lambda wheel: False):
            sites["shipped list"] = build_site(app, Path(tmp) / "unfixed", pyodide=str(dist))
        servers = {k: CountingServer(v) for k, v in sites.items()}
        results: dict[str, list[tuple[float, float, bool]]] = {k: [] for k in sites}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(args.runs):
                for name, server in servers.items():
                    context = browser.new_context()
                    results[name].append(run(context.new_page(), server.url + "/"))
                    context.close()
            browser.close()
    print("| site | import pyplot (s, median) | first figure drawn (s, median) | runs | font list rebuilt |")
    print("|---|---|---|---|---|")
    for name, rows in results.items():
        print(f"| {name} | {statistics.median(r[0] for r in rows):.2f} | {statistics.median(r[1] for r in rows):.2f} | "
              f"{len(rows)} ({', '.join(f'{r[1]:.2f}' for r in rows)}) | {sorted({r[2] for r in rows})} |")


if __name__ == "__main__":
    main()
