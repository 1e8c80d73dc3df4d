"""gr.Plot in real Chromium against the native backend: matplotlib as an image with real
pixels, Plotly drawn by plotly.js, Altair by Vega, Bokeh by BokehJS, each library fetched
only when its figure arrives; empty state, a figure that cannot be drawn, light and dark."""

from __future__ import annotations

import base64
import io
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

APP = "shell_plot.py"
pytestmark = pytest.mark.e2e
for lib in ("matplotlib", "plotly", "altair", "bokeh", "PIL"):
    pytest.importorskip(lib)


def block(page):
    return page.locator(".block-plot")


def chunk_loaded(page, name: str) -> bool:
    return any(f"/assets/{name}" in url for url in page.seen_urls)


def colours_of(png: bytes) -> set[tuple[int, int, int]]:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        return {c for _, c in img.convert("RGB").getcolors(1 << 20) or []}


def test_empty_then_matplotlib_image_with_pixels(shell):
    page = shell(APP)
    plot = block(page)
    expect(plot.locator(".empty.large")).to_be_visible()
    expect(plot.locator(".corner-label")).to_have_text("Figure")
    page.get_by_role("button", name="Matplotlib").click()
    img = plot.locator("[data-testid=matplotlib] img")
    expect(img).to_be_visible(timeout=60_000)  # the backend's first matplotlib import
    expect(img).to_have_attribute("src", re.compile(r"^data:image/webp;base64,"))
    page.wait_for_function("(el) => el.complete && el.naturalWidth === 320", arg=img.element_handle())
    src = img.get_attribute("src") or ""
    from PIL import Image

    with Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))) as pic:
        assert pic.size == (320, 240)
    drawn = colours_of(img.screenshot())
    assert any(abs(r - 228) < 8 and abs(g - 87) < 8 and abs(b - 46) < 8 for r, g, b in drawn)  # the fill colour
    assert len(drawn) > 10  # axes, text and the fill: not a blank image
    expect(page.get_by_label("Changes")).to_have_value("1")
    assert not any(chunk_loaded(page, n) for n in ("plotly", "embed", "bokeh"))  # no library for an image


def test_plotly_draws_with_plotly_js(shell):
    page = shell(APP)
    page.get_by_role("button", name="Plotly").click()
    lib = block(page).locator("[data-testid=plotly][data-drawn=true]")
    expect(lib).to_be_visible(timeout=60_000)
    expect(lib.locator(".main-svg").first).to_be_visible()
    expect(lib.locator("g.point")).to_have_count(3)  # three bars
    expect(lib.locator(".gtitle")).to_have_text("Plotly bars")
    expect(lib.locator(".modebar")).to_be_attached()
    assert chunk_loaded(page, "plotly") and not chunk_loaded(page, "bokeh")


def test_altair_draws_with_vega(shell):
    page = shell(APP)
    page.get_by_role("button", name="Altair").click()
    lib = block(page).locator("[data-testid=altair][data-drawn=true]")
    expect(lib).to_be_visible(timeout=60_000)
    canvas = lib.locator(".vega-embed canvas, .vega-embed svg").first
    expect(canvas).to_be_visible()
    box = canvas.bounding_box()
    assert box and box["width"] > 250
    assert (76, 120, 168) in colours_of(canvas.screenshot())  # the bars' colour
    assert chunk_loaded(page, "embed") and not chunk_loaded(page, "plotly")


def test_bokeh_draws_with_bokehjs_and_switching_kinds_redraws(shell):
    page = shell(APP)
    page.get_by_role("button", name="Bokeh").click()
    lib = block(page).locator("[data-testid=bokeh][data-drawn=true]")
    expect(lib).to_be_visible(timeout=60_000)
    page.wait_for_function("(el) => !!el.querySelector('*') && el.getBoundingClientRect().height > 150", arg=lib.element_handle())
    assert len(colours_of(lib.screenshot())) > 10
    assert chunk_loaded(page, "bokeh")
    page.get_by_role("button", name="Matplotlib").click()
    expect(block(page).locator("[data-testid=matplotlib] img")).to_be_visible(timeout=60_000)
    expect(block(page).locator("[data-testid=bokeh]")).to_have_count(0)
    page.get_by_role("button", name="Clear").click()
    expect(block(page).locator(".empty.large")).to_be_visible()


def test_a_figure_that_cannot_be_drawn_says_so_and_the_next_one_draws(shell):
    page = shell(APP)
    page.get_by_role("button", name="Broken").click()
    expect(block(page).get_by_role("alert")).to_contain_text("Could not draw this plotly plot")
    page.get_by_role("button", name="Plotly").click()
    expect(block(page).locator("[data-testid=plotly][data-drawn=true]")).to_be_visible(timeout=60_000)
    expect(block(page).get_by_role("alert")).to_have_count(0)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots(shell, theme, tmp_path):
    page = shell(APP, theme=theme)
    out = Path(os.environ.get("WASMUI_SCREENSHOTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    block(page).screenshot(path=str(out / f"plot-empty-{theme}.png"))
    for name, ready in [("Matplotlib", "[data-testid=matplotlib] img"), ("Plotly", "[data-testid=plotly][data-drawn=true]"),
                        ("Altair", "[data-testid=altair][data-drawn=true]"), ("Bokeh", "[data-testid=bokeh][data-drawn=true]")]:
        page.get_by_role("button", name=name).click()
        expect(block(page).locator(ready)).to_be_visible(timeout=60_000)
        path = out / f"plot-{name.lower()}-{theme}.png"
        block(page).screenshot(path=str(path))
        assert path.stat().st_size > 2000
