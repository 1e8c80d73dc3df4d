"""gr.LinePlot / gr.BarPlot / gr.ScatterPlot drawn with Vega-Lite in Chromium, on the full
Pyodide distribution (pandas in the browser). One built site and one page for the module.

Marks are counted in Vega's SVG output (``g.mark-line path`` one per series, ``g.mark-rect
path`` one per bar, ``g.mark-symbol path`` one per point).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from e2e_pages import foreign_requests, wait_ready

APP = Path(__file__).resolve().parent / "apps" / "native_plots_app"
SHOTS = Path(os.environ.get("WASMUI_SHOTS", "/tmp/wasmui-shots"))


@pytest.fixture(scope="module")
def app(browser: Any, built_site: Any, served: Any, pyodide_dist: Path) -> Iterator[Any]:
    base = served(built_site(APP, pyodide=pyodide_dist))
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.requests = []
    page.errors = []
    context.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.set_default_timeout(60_000)
    page.goto(base + "/")
    wait_ready(page)
    page.base = base
    yield page
    context.close()


def plot(page: Any, label: str) -> Any:
    """The block of the plot whose label row reads ``label``."""
    return page.locator(".block-nativeplot").filter(has=page.locator(".block-title .label", has_text=label)).first


def marks(block: Any, kind: str) -> Any:
    return block.locator(f"svg g.mark-{kind}.role-mark path")


def test_line_plot_draws_one_line_per_series_in_its_colours(app: Any) -> None:
    line = plot(app, "Line")
    expect(marks(line, "line")).to_have_count(2)
    strokes = sorted(marks(line, "line").evaluate_all("els => els.map(e => e.getAttribute('stroke'))"))
    assert strokes == ["#16a34a", "#dc2626"]
    expect(line.locator("svg text", has_text="Trend")).to_have_count(1)
    expect(line.locator(".plot-caption")).to_have_text("Steps over time")
    assert line.locator("svg g.role-legend").count() == 1
    assert foreign_requests(app, app.base) == []


def test_bar_plot_aggregates_per_category_and_sorts(app: Any) -> None:
    bars = plot(app, "Bars")
    expect(marks(bars, "rect")).to_have_count(3)  # six rows, three shops
    # Vega labels each mark for screen readers: the sums per shop, tallest first (sort="-y")
    described = marks(bars, "rect").evaluate_all(
        "els => els.map(e => [e.getBoundingClientRect().x, e.getAttribute('aria-label')]).sort((p, q) => p[0] - q[0])")
    assert [d for _, d in described] == [f"shop: {s}; amount: {n}" for s, n in [("north", 11), ("south", 7), ("east", 3)]]
    labels = bars.locator("svg g.role-axis-label text").all_text_contents()
    assert labels[:3] == ["north", "south", "east"]


def test_brush_on_a_line_plot_sends_the_range_and_double_click_resets(app: Any) -> None:
    line = plot(app, "Line")
    area = line.locator("svg path.background").first.bounding_box()
    assert area is not None
    y = area["y"] + area["height"] / 2
    x0, x1 = area["x"] + area["width"] * 0.25, area["x"] + area["width"] * 0.6
    app.mouse.move(x0, y)
    app.mouse.down()
    app.mouse.move((x0 + x1) / 2, y, steps=4)
    app.mouse.move(x1, y, steps=4)
    app.mouse.up()
    box = app.get_by_label("Brush", exact=True)
    expect(box).to_have_value(re.compile(r"^[\d.]+ to [\d.]+ selected=True$"))
    lo, hi = (float(v) for v in re.findall(r"[\d.]+(?= )", box.input_value())[:2])
    # x runs over 0..19: a quarter to 60% of the width is about 4.75..11.4
    assert 3 < lo < 7 and 9 < hi < 13, (lo, hi)
    app.mouse.dblclick(area["x"] + area["width"] * 0.8, y)  # on the plot (its hover layer takes the events)
    expect(box).to_have_value("reset")


def test_updates_re_render_the_plot(app: Any) -> None:
    scatter = plot(app, "Scatter")
    expect(marks(scatter, "symbol")).to_have_count(5)
    count = app.get_by_label("Points", exact=True)
    count.fill("12")
    count.press("Enter")
    expect(marks(scatter, "symbol")).to_have_count(12)
    count.fill("3")
    count.press("Enter")
    expect(marks(scatter, "symbol")).to_have_count(3)
    app.get_by_role("button", name="Retitle").click()
    expect(scatter.locator("svg text", has_text="Retitled")).to_have_count(1)
    expect(scatter.locator("svg g.role-axis-label text", has_text="10")).not_to_have_count(0)  # y_lim=[0, 10]
    assert 250 <= scatter.locator("svg").first.bounding_box()["height"] <= 270  # height=260


def test_script_payloads_in_titles_labels_and_tooltips_stay_text(app: Any) -> None:
    hostile = app.locator(".block-nativeplot").filter(has_text="<script>window.__xss=2</script>").first
    expect(marks(hostile, "symbol")).to_have_count(3)
    expect(hostile.locator("svg text", has_text='<img src=x onerror="window.__xss=1">')).to_have_count(1)
    expect(hostile.locator("svg text", has_text="<script>window.__xss=2</script>")).to_have_count(1)
    expect(hostile.locator(".plot-caption")).to_have_text('<img src=x onerror="window.__xss=1">')
    tip = hostile.locator(".plot-tip")
    for i in range(3):
        marks(hostile, "symbol").nth(i).hover(force=True)
        expect(tip).to_be_visible()
        if "window.__xss" in tip.inner_text():
            break
    assert "window.__xss" in tip.inner_text()
    assert tip.locator("img, script, b").count() == 0
    assert hostile.locator("img, script").count() == 0
    assert app.evaluate("() => window.__xss") is None
    assert app.errors == []


def test_custom_toolbar_button_fires_its_click_and_fullscreen_fills_the_screen(app: Any) -> None:
    bars = plot(app, "Bars")
    # The gr.Button lives in the plot's toolbar only, not in the layout.
    expect(app.get_by_role("button", name="Zoom out", exact=True)).to_have_count(1)
    bars.hover()
    bars.get_by_role("button", name="Zoom out", exact=True).click()
    expect(app.get_by_label("Toolbar", exact=True)).to_have_value("zoomed out")
    chart = bars.locator(".plot-chart")
    normal = chart.evaluate("el => el.getBoundingClientRect().height")
    bars.get_by_role("button", name="Fullscreen").click()
    app.wait_for_function("(el) => el.getBoundingClientRect().height > 600", arg=chart.element_handle())
    viewport = app.evaluate("() => window.innerHeight")
    tall = chart.evaluate("el => el.getBoundingClientRect().height")
    assert normal < 500 and viewport - 160 <= tall <= viewport, (normal, tall, viewport)
    SHOTS.mkdir(parents=True, exist_ok=True)
    app.screenshot(path=str(SHOTS / "native-plots-fullscreen.png"))
    bars.get_by_role("button", name="Exit fullscreen").click()
    app.wait_for_function("(el) => el.getBoundingClientRect().height < 500", arg=chart.element_handle())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(app: Any, scheme: str) -> None:
    app.emulate_media(color_scheme=scheme)
    line = plot(app, "Line")
    # the chart is redrawn with the scheme's colours: its title takes the theme's text colour
    expect(line).to_have_css("color-scheme", scheme)
    want = line.evaluate("el => getComputedStyle(el).color")
    expect(line.locator("svg g.role-title text").first).to_have_css("fill", want)
    light_text = line.evaluate("el => { const c = getComputedStyle(el).color.match(/\\d+/g).map(Number); return c[0] + c[1] + c[2]; }")
    assert (light_text > 382) == (scheme == "dark")  # light text on dark, dark text on light
    SHOTS.mkdir(parents=True, exist_ok=True)
    app.locator("wasmui-app").screenshot(path=str(SHOTS / f"native-plots-{scheme}.png"))
    app.emulate_media(color_scheme="light")
