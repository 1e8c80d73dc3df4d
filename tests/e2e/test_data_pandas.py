"""gr.Dataframe on the full Pyodide distribution (pandas in the browser), in Chromium.

Skipped when the distribution of the test extra is not installed. pandas Stylers need
jinja2, which that distribution does not have: the build fetches it (and MarkupSafe, built
as plain Python) from PyPI, so this module needs PyPI at build time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from e2e_pages import foreign_requests, wait_ready
from wasmui import build

APP = Path(__file__).resolve().parent / "apps" / "data_pandas_app"


@pytest.fixture(scope="module")
def app(browser: Any, served: Any, pyodide_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    site = build.build_site(APP, tmp_path_factory.mktemp("pandas-site"), pyodide=str(pyodide_dist))
    base = served(site)
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    context.on("request", lambda request: page.requests.append(request.url))
    page.set_default_timeout(60_000)
    page.goto(base + "/")
    wait_ready(page)
    page.base = base
    yield page
    context.close()


def column(page: Any, label: str, col: int) -> Any:
    return page.locator(f'[role=grid][aria-label="{label}"] tr.df-row td[data-col="{col}"]')


def test_a_pandas_dataframe_comes_back_with_numbers_and_dates(app: Any) -> None:
    expect(column(app, "Report", 2)).to_have_text(["5", "17.5", "10"])
    expect(column(app, "Report", 3)).to_have_text(["2024-01-30T00:00:00", "2024-01-31T00:00:00", "2024-02-01T00:00:00"])
    headers = app.locator('[role=grid][aria-label="Report"] thead .df-head-text').all_inner_texts()
    assert headers == ["item", "qty", "double", "due"]
    assert foreign_requests(app, app.base) == []


def test_edit_reaches_python_as_a_pandas_dataframe(app: Any) -> None:
    cell = app.locator('[role=grid][aria-label="Stock"] tr[data-row="0"] td[data-col="1"]')
    cell.dblclick()
    cell.locator("input.df-editor").fill("9")
    cell.locator("input.df-editor").press("Enter")
    expect(app.get_by_label("Summary", exact=True)).to_have_value("DataFrame rows=3 sum=20")
    expect(column(app, "Report", 2)).to_have_text(["22.5", "17.5", "10"])


def test_styler_colours_and_display_values_show_as_in_gradio(app: Any) -> None:
    grid = app.locator('[role=grid][aria-label="Styled"]')
    expect(column(app, "Styled", 1)).to_have_text(["5.0%", "54.0%", "2.0%"])
    background = "el => getComputedStyle(el).backgroundColor"
    cell = lambda r, c: grid.locator(f'tr[data-row="{r}"] td[data-col="{c}"]')  # noqa: E731
    assert cell(0, 0).evaluate(background) == "rgb(144, 238, 144)"  # lightgreen: the max of A
    assert cell(1, 1).evaluate(background) == "rgb(144, 238, 144)"  # the max of B
    assert cell(1, 0).evaluate(background) != "rgb(144, 238, 144)"
    # Text on a light styled background stays dark (readable in the dark theme too).
    assert cell(0, 0).evaluate("el => getComputedStyle(el).color") == "rgb(17, 24, 39)"
    # A Styler returned by a function arrives styled as well.
    app.get_by_role("button", name="Restyle").click()
    out = app.locator('[role=grid][aria-label="Styled output"]')
    expect(out.locator('tr[data-row="1"] td[data-col="0"]')).to_have_css("background-color", "rgb(255, 0, 0)")
    assert any("/simple/jinja2/" in url or "jinja2-" in url for url in app.requests)
