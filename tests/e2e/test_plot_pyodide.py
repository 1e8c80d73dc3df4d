"""gr.Plot entirely in the browser: matplotlib (from the full Pyodide distribution) drawn
by Agg in the worker, Plotly and Altair (pure-Python wheels shipped with the app through
requirements.txt) drawn by plotly.js and Vega, one built site, real Chromium, offline.

The distribution has no plotly/altair, so the test setup downloads their pure-Python
wheels into a cache (``WASMUI_TEST_CACHE``, default ``~/.cache/wasmui-tests``) and skips
when PyPI is unreachable. Altair runs on jsonschema 4.17 (its ``RefResolver`` path): newer
jsonschema needs ``rpds-py``, a compiled extension this distribution lacks. MarkupSafe
(for jinja2) publishes only compiled wheels; its sdist's pure-Python fallback is packed
as a wheel here. Bokeh is not tested in Pyodide: it needs PyYAML and tornado, which this
distribution does not have and which have no pure-Python wheels (the shell tests draw
Bokeh against the native backend).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from e2e_pages import foreign_requests, open_site_app
from playwright.sync_api import expect

from wasmui import build

pytestmark = pytest.mark.e2e

WHEELS = ["plotly==7.1.0", "narwhals==2.29.0", "packaging", "altair==6.3.0", "jsonschema==4.17.3", "attrs",
          "pyrsistent", "jinja2", "typing_extensions"]
MARKUPSAFE = "markupsafe==3.0.4"

APP = '''import logging
import time

import gradio as gr

# matplotlib says "generated new fontManager" when it rebuilds its font list (slow in wasm).
font_log = []


class Catch(logging.Handler):
    def emit(self, record):
        font_log.append(record.getMessage())


logging.getLogger("matplotlib.font_manager").setLevel(logging.INFO)
logging.getLogger("matplotlib.font_manager").addHandler(Catch())


def mpl():
    start = time.perf_counter()
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3), dpi=80)
    ax.fill_between([0, 1, 2], [0, 2, 1], color="#e4572e")
    ax.set_title("Filled in Pyodide")
    fig.canvas.draw()
    took = time.perf_counter() - start
    rebuilt = any("generated new fontManager" in m for m in font_log)
    return fig, f"first figure {took:.2f} s; font list rebuilt: {rebuilt}"


def plotly_fig():
    import plotly.graph_objects as go

    return go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2]), layout={"title": {"text": "Plotly in Pyodide"}})


def altair_fig():
    import altair as alt

    data = alt.Data(values=[{"k": "x", "n": 3}, {"k": "y", "n": 1}, {"k": "z", "n": 2}])
    return alt.Chart(data).mark_bar(color="#4c78a8").encode(x="k:N", y="n:Q").properties(width=300)


with gr.Blocks() as demo:
    plot = gr.Plot(label="Figure")
    timing = gr.Textbox(label="Timing")
    gr.Button("Matplotlib").click(mpl, None, [plot, timing])
    gr.Button("Plotly").click(plotly_fig, None, plot)
    gr.Button("Altair").click(altair_fig, None, plot)

demo.launch()
'''

PIXELS_JS = """(img) => {
  const c = document.createElement('canvas');
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data;
  const seen = new Set();
  let fill = 0;
  for (let i = 0; i < d.length; i += 4) {
    seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    if (Math.abs(d[i] - 228) < 8 && Math.abs(d[i + 1] - 87) < 8 && Math.abs(d[i + 2] - 46) < 8) fill++;
  }
  return {w: c.width, h: c.height, colours: seen.size, fill};
}"""


def _cache() -> Path:
    root = Path(os.environ.get("WASMUI_TEST_CACHE", Path.home() / ".cache" / "wasmui-tests"))
    return root / "plot-wheels"


def _pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", *args], check=True,
                   capture_output=True, text=True, timeout=600)


def _pure_markupsafe(cache: Path) -> None:
    """MarkupSafe's pure-Python fallback (no ``_speedups``) as a py3-none-any wheel."""
    name, version = MARKUPSAFE.split("==")
    target = cache / f"markupsafe-{version}-py3-none-any.whl"
    if target.exists():
        return
    _pip("--no-binary=:all:", "-d", str(cache), MARKUPSAFE)
    sdist = next(cache.glob(f"markupsafe-{version}.tar.gz"))
    dist = f"markupsafe-{version}.dist-info"
    files: dict[str, bytes] = {}
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            rel = member.name.split("/", 1)[1] if "/" in member.name else ""
            if rel.startswith("src/markupsafe/") and rel.endswith((".py", ".typed")):
                files[rel[len("src/"):]] = tar.extractfile(member).read()  # type: ignore[union-attr]
            elif rel == "PKG-INFO":
                files[f"{dist}/METADATA"] = tar.extractfile(member).read()  # type: ignore[union-attr]
    files[f"{dist}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: wasmui-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = [f"{p},sha256={base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b'=').decode()},{len(d)}"
              for p, d in files.items()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as whl:
        for path, data in files.items():
            whl.writestr(path, data)
        whl.writestr(f"{dist}/RECORD", "\n".join([*record, f"{dist}/RECORD,,"]) + "\n")


def plot_wheels() -> Path:
    """The pure-Python wheels of plotly and altair (and their dependencies), cached."""
    cache = _cache()
    cache.mkdir(parents=True, exist_ok=True)
    stamp = cache / ("ready-" + hashlib.sha256(" ".join([*WHEELS, MARKUPSAFE]).encode()).hexdigest()[:12])
    if stamp.exists():
        return cache
    try:
        _pip("--only-binary=:all:", "--python-version", "3.12", "--implementation", "py", "--abi", "none",
             "--platform", "any", "-d", str(cache), *WHEELS)
        _pure_markupsafe(cache)
    except (subprocess.SubprocessError, OSError, StopIteration) as e:
        detail = getattr(e, "stderr", "") or str(e)
        pytest.skip(f"cannot download plotly/altair wheels from PyPI for the Pyodide plot test: {detail[-300:]}")
    stamp.touch()
    return cache


CHECKOUT = Path(os.environ.get("WASMUI_GRADIO_CHECKOUT", "/work/.mirror/gradio-app+gradio/repo"))
DEMOS = ("plot_component", "stock_forecast")  # Gradio's own gr.Plot demos, unchanged


def demo_source(name: str) -> str | None:
    path = CHECKOUT / "demo" / name / "run.py"
    if path.is_file():
        return path.read_text()
    found = subprocess.run(["git", "-C", str(CHECKOUT), "show", f"HEAD:demo/{name}/run.py"], capture_output=True, text=True)
    return found.stdout if found.returncode == 0 else None


@pytest.fixture(scope="module")
def site(pyodide_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One gallery site: the plots app (+ its wheels) and Gradio's gr.Plot demos when a checkout is there."""
    wheels = plot_wheels()
    apps = tmp_path_factory.mktemp("plot-apps")
    app = apps / "plots"
    (app / "wheels").mkdir(parents=True)
    (app / "app.py").write_text(APP)
    (app / "requirements.txt").write_text("plotly==7.1.0\naltair==6.3.0\njsonschema==4.17.3\n")
    for wheel in wheels.glob("*.whl"):
        shutil.copy(wheel, app / "wheels" / wheel.name)
    for name in DEMOS:
        source = demo_source(name)
        if source is not None:
            (apps / name).mkdir()
            (apps / name / "app.py").write_text(source)
    return build.build_site(apps, tmp_path_factory.mktemp("plot-site"), pyodide=str(pyodide_dist))


def open_app(page: Any, served: Any, site: Path, name: str) -> str:
    return open_site_app(page, served, site, name, f"no Gradio checkout at {CHECKOUT} (set WASMUI_GRADIO_CHECKOUT)")


def image_pixels(page: Any, img: Any) -> dict[str, Any]:
    expect(img).to_be_visible(timeout=180_000)
    handle = img.element_handle()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=handle)
    return page.evaluate(PIXELS_JS, handle)


def test_matplotlib_figure_is_an_image_with_pixels_and_no_font_rebuild(page: Any, served: Any, site: Path) -> None:
    base = open_app(page, served, site, "plots")
    page.get_by_role("button", name="Matplotlib").click()
    img = page.locator(".block-plot [data-testid=matplotlib] img")
    px = image_pixels(page, img)
    expect(img).to_have_attribute("src", re.compile(r"^data:image/(webp|png);base64,"))
    assert (px["w"], px["h"]) == (320, 240)
    assert px["colours"] > 10 and px["fill"] > 2000, px  # axes, text and the orange fill: not blank
    timing = page.get_by_label("Timing").input_value()
    print(f"\n[plot] Pyodide {timing}")
    assert timing.endswith("font list rebuilt: False"), timing
    assert foreign_requests(page, base) == []


def test_plotly_and_altair_figures_draw_in_pyodide(page: Any, served: Any, site: Path) -> None:
    base = open_app(page, served, site, "plots")
    page.get_by_role("button", name="Plotly").click()
    plotly = page.locator(".block-plot [data-testid=plotly][data-drawn=true]")
    expect(plotly).to_be_visible(timeout=180_000)
    expect(plotly.locator("g.point")).to_have_count(3)
    expect(plotly.locator(".gtitle")).to_have_text("Plotly in Pyodide")
    page.get_by_role("button", name="Altair").click()
    altair = page.locator(".block-plot [data-testid=altair][data-drawn=true]")
    expect(altair).to_be_visible(timeout=180_000)
    chart = altair.locator(".vega-embed canvas, .vega-embed svg").first
    expect(chart).to_be_visible()
    from PIL import Image

    with Image.open(io.BytesIO(chart.screenshot())) as shot:
        filled = sum(n for n, c in shot.convert("RGB").getcolors(1 << 20) or [] if c == (76, 120, 168))
    assert filled > 1000  # the bars
    assert foreign_requests(page, base) == []


def test_gradio_plot_component_demo_shows_its_figure(page: Any, served: Any, site: Path) -> None:
    base = open_app(page, served, site, "plot_component")
    px = image_pixels(page, page.locator(".block-plot [data-testid=matplotlib] img"))
    assert px["w"] > 300 and px["colours"] > 10, px  # pyplot itself as the value: the sine figure
    assert foreign_requests(page, base) == []


def test_gradio_stock_forecast_demo_draws_a_forecast(page: Any, served: Any, site: Path) -> None:
    base = open_app(page, served, site, "stock_forecast")
    page.get_by_label("2030").check()
    page.get_by_label("Google").check()
    page.get_by_label("Gradio").check()
    page.get_by_label("Show Legend").check()
    page.get_by_label("Style").select_option(label="circle")
    page.get_by_role("button", name="Submit").click()
    img = page.locator(".block-plot [data-testid=matplotlib] img")
    px = image_pixels(page, img)
    expect(img).to_have_attribute("src", re.compile(r"^data:image/png;base64,"))  # format="png"
    assert (px["w"], px["h"]) == (640, 480) and px["colours"] > 20, px
    assert foreign_requests(page, base) == []
