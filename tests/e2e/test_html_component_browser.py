"""gr.HTML as a custom-component system in real Chromium on Pyodide (one built site, one page).

A star rating built from gr.HTML (props, css_template, js_on_load, a custom event with
data reaching Python, `props.value` firing change), children inside the HTML, a server
function, `upload`, `watch`, `head` scripts in order, and user-supplied values that must
stay inert (a script payload never runs). Screenshots light and dark go to
``WASMUI_SCREENSHOTS`` (default: the test's tmp folder).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from e2e_pages import wait_ready

pytestmark = pytest.mark.e2e

APP = Path(__file__).resolve().parent / "html_app"

# A Python round trip in Pyodide on a loaded machine can take a few seconds.
PY = 30_000

PAYLOADS = [
    '<img src=x onerror="window.__xss = 1">',
    '"><img src=x onerror="window.__xss = 2">',
    "${globalThis.__xss = 3}",
    "<script>window.__xss = 4</script>",
]


@pytest.fixture(scope="module")
def site(built_site: Any, served: Any) -> str:
    return served(built_site(APP)) + "/"


@pytest.fixture(scope="module")
def app(browser: Any, site: str) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.set_default_timeout(30_000)
    page.goto(site)
    wait_ready(page)
    yield page
    context.close()


def block(page: Any, elem_id: str) -> Any:
    return page.locator(f"#{elem_id}")


def test_star_rating_props_css_and_custom_event_reach_python(app: Any) -> None:
    page = app
    stars = block(page, "stars")
    expect(stars.get_by_role("heading", name="Food rating")).to_be_visible()
    expect(stars.locator(".star")).to_have_count(5)
    expect(stars.locator(".star.on")).to_have_count(2)
    # css_template, scoped to the block and filled from the props.
    expect(stars.locator(".star.on").first).to_have_css("color", "rgb(255, 0, 0)")
    expect(stars.locator(".star").first).to_have_css("font-size", "24px")
    assert page.locator("button.star").count() == 5  # the scoped rules reach nothing else
    # A click sets props.value from js_on_load: re-render, and Python sees the value (change).
    stars.get_by_role("button", name="4 stars").click()
    expect(stars.locator(".star.on")).to_have_count(4)
    expect(page.get_by_label("Star changes")).to_have_value("value 4 (int)", timeout=PY)
    # A custom event with data: trigger('rate', {stars}) -> evt.stars in Python.
    stars.get_by_role("button", name="Send rating").click()
    expect(page.get_by_label("Rated")).to_have_value("rated 4", timeout=PY)
    # Python updates template props: gr.HTML(max_stars=7, color=...) keeps the rest.
    page.get_by_role("button", name="More stars").click()
    expect(stars.locator(".star")).to_have_count(7, timeout=PY)
    expect(stars.locator(".star.on")).to_have_count(4)
    expect(stars.locator(".star.on").first).to_have_css("color", "rgb(0, 0, 255)")
    # The listeners js_on_load attached survive re-renders (elements are morphed, not replaced).
    stars.get_by_role("button", name="6 stars").click()
    expect(page.get_by_label("Star changes")).to_have_value("value 6 (int)", timeout=PY)


def test_children_render_inside_the_template_and_submit(app: Any) -> None:
    page = app
    form = block(page, "form")
    expect(form.locator(".title")).to_have_text("Contact form")
    expect(form.locator(".title")).to_have_css("color", "rgb(0, 128, 0)")
    name = form.get_by_label("Name")  # the child Textbox is inside the HTML block
    expect(name).to_be_visible()
    # Template order: heading, children, then the button.
    order = form.evaluate("""(el) => {
        const all = [...el.querySelectorAll('.title, textarea, input, .go')];
        return all.map((n) => n.className === 'title' ? 'title' : n.className === 'go' ? 'go' : 'child');
    }""")
    assert order == ["title", "child", "go"], order
    name.fill("Ada")
    form.get_by_role("button", name="Go").click()
    expect(page.get_by_label("Greeting")).to_have_value("Hello Ada", timeout=PY)


def test_server_function_called_from_js_on_load(app: Any) -> None:
    page = app
    server = block(page, "server")
    server.get_by_role("button", name="Load items").click()
    expect(server.locator(".items li")).to_have_text(["pre-0", "pre-1", "pre-2"], timeout=PY)


def test_upload_from_js_on_load_gives_python_a_path(app: Any) -> None:
    page = app
    up = block(page, "uploader")
    up.locator("input.pick").set_input_files({"name": "note.txt", "mimeType": "text/plain", "buffer": b"hello file"})
    up.get_by_role("button", name="Upload").click()
    # props.value = path re-renders the template with the server path.
    expect(up.locator(".path")).to_contain_text("note.txt", timeout=PY)
    page.get_by_role("button", name="Read upload").click()
    expect(page.get_by_label("Uploaded text")).to_have_value("hello file", timeout=PY)


def test_watch_runs_when_python_changes_the_value(app: Any) -> None:
    page = app
    counter = block(page, "counter")
    expect(counter.locator(".count")).to_have_text("0")
    page.get_by_role("button", name="Increment").click()
    expect(counter.locator(".count")).to_have_text("1", timeout=PY)
    expect(counter.locator("[data-seen]")).to_have_attribute("data-seen", "1")


def test_html_in_a_render_runs_js_on_load_for_each_new_block(app: Any) -> None:
    page = app
    rendered = block(page, "rendered")
    rendered.get_by_role("button", name="Rendered 0").click()
    expect(page.get_by_label("Rendered clicked")).to_have_value("Rendered 0", timeout=PY)
    page.get_by_role("button", name="Add rendered button").click()
    expect(rendered.get_by_role("button", name="Rendered 1")).to_be_visible(timeout=PY)
    rendered.get_by_role("button", name="Rendered 1").click()
    expect(page.get_by_label("Rendered clicked")).to_have_value("Rendered 1", timeout=PY)


def test_head_scripts_load_in_order_before_js_on_load(app: Any) -> None:
    expect(block(app, "head").locator(".order")).to_have_text("plugin=2")
    # head's <style> reaches inside the app's shadow root (and is added once).
    expect(block(app, "head").locator(".from-head")).to_have_css("color", "rgb(1, 2, 3)")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_script_payload_in_a_user_value_never_runs(app: Any, payload: str) -> None:
    page = app
    box = page.get_by_label("Payload")
    box.fill(payload)
    box.press("Enter")
    shown = block(page, "shown")
    # {{value}} is escaped (as in Gradio): the text shows as typed.
    expect(shown.locator(".hb")).to_have_text(payload, timeout=PY)
    # ${value} inserts raw HTML, which the shell sanitises: handlers and scripts are gone.
    assert shown.locator("[onerror], script").count() == 0
    assert page.evaluate("() => window.__xss") is None
    assert not page.errors, page.errors


def test_screenshots_light_and_dark(browser: Any, site: str, tmp_path: Path) -> None:
    out = Path(os.environ.get("WASMUI_SCREENSHOTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 900, "height": 1400})
        page = context.new_page()
        page.goto(f"{site}?__theme={theme}")
        wait_ready(page)
        expect(block(page, "stars").locator(".star")).to_have_count(5)
        expect(block(page, "head").locator(".order")).to_have_text("plugin=2")
        page.screenshot(path=str(out / f"html-{theme}.png"), full_page=True)
        context.close()
