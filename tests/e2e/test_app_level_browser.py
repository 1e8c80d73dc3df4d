"""gr.DeepLinkButton, eager example caching and batch=True in real Chromium on Pyodide.

A click on the button copies a link whose ``deep_link`` carries the values the app's Python
last saw (there is no server to keep them under a hash); opening the link in a new page shows
those values, before Python is ready. An eagerly cached table whose function answers
differently per run is computed once, in order, as the app starts in the browser: the third
example clicked first shows the third call's answer. A ``batch=True`` function with
``max_batch_size=3`` clicked four times fast runs the first click alone and the three that
queued meanwhile as one batch, as Gradio documents."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from e2e_pages import wait_ready
from playwright.sync_api import expect

APP = Path(__file__).resolve().parent / "app_level_app"


def test_deep_link_copies_values_and_a_new_page_restores_them(new_page: Any, built_site: Any, served: Any) -> None:
    base = served(built_site(APP))
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(base + "/")
    wait_ready(page)
    page.get_by_label("Name", exact=True).fill("ab")
    slider = page.get_by_role("spinbutton", name="Times") if page.get_by_role("spinbutton", name="Times").count() \
        else page.get_by_label("Times", exact=True).first
    slider.fill("3")
    slider.press("Enter")
    page.get_by_role("button", name="Repeat").click()
    expect(page.get_by_label("Out", exact=True)).to_have_value("ababab")
    share = page.get_by_role("button", name="Share via Link")
    share.click()
    expect(page.get_by_role("button", name="Link Copied!")).to_be_visible()
    expect(page.get_by_role("button", name="Share via Link")).to_be_visible()  # label back after 1 s
    page.wait_for_function("async () => (await navigator.clipboard.readText()).includes('deep_link=')")
    link = page.evaluate("() => navigator.clipboard.readText()")
    token = parse_qs(urlparse(link).query)["deep_link"][0]
    assert token.startswith("w1.") and urlparse(link).path == "/"

    fresh = new_page()
    held: list[Any] = []
    fresh.route(re.compile(r".*/pyodide/.*"), lambda route: held.append(route))  # no Python yet
    fresh.goto(link)
    expect(fresh.get_by_label("Name", exact=True)).to_have_value("ab")
    expect(fresh.get_by_label("Out", exact=True)).to_have_value("ababab")
    assert fresh.evaluate("() => document.querySelector('wasmui-app').phase") != "ready"
    for route in held:
        route.continue_()
    fresh.unroute(re.compile(r".*/pyodide/.*"))
    fresh.reload()
    wait_ready(fresh)
    expect(fresh.get_by_label("Name", exact=True)).to_have_value("ab")
    fresh.get_by_role("button", name="Repeat").click()  # the restored values are the inputs now
    expect(fresh.get_by_label("Out", exact=True)).to_have_value("ababab")


def test_eager_examples_are_cached_at_boot_in_order(page: Any, built_site: Any, served: Any) -> None:
    base = served(built_site(APP))
    page.goto(base + "/")
    wait_ready(page)
    tagged = page.get_by_label("Tagged", exact=True)
    expect(tagged).to_have_value("apple #1")  # Gradio's preload of example 0
    page.get_by_role("button", name="plum", exact=True).click()
    expect(page.get_by_label("Word", exact=True)).to_have_value("plum")
    expect(tagged).to_have_value("plum #3")  # computed at boot after apple and pear, not at the click
    page.get_by_role("button", name="pear", exact=True).click()
    expect(tagged).to_have_value("pear #2")


def test_batch_function_groups_the_queued_clicks(page: Any, built_site: Any, served: Any) -> None:
    base = served(built_site(APP))
    page.goto(base + "/")
    wait_ready(page)
    double = page.get_by_role("button", name="Double", exact=True)
    for _ in range(4):  # well within the 1.5 s the first batch takes
        double.click()
    expect(page.get_by_label("Doubled", exact=True)).to_have_value("8")
    # the last batch's answer: the first click ran alone, the three queued meanwhile together
    expect(page.get_by_label("Batch sizes", exact=True)).to_have_value("1,3")


def test_events_see_the_page_query(page: Any, built_site: Any, served: Any) -> None:
    """Events carry the page URL's query as Gradio's client sends it (navbar_query_params)."""
    base = served(built_site(APP))
    page.goto(base + "/?option=Canada#/second")
    wait_ready(page)
    expect(page.get_by_label("Option", exact=True)).to_have_value("Canada")


def test_events_see_the_browser_headers(page: Any, built_site: Any, served: Any) -> None:
    """gr.Request.headers has the user-agent and accept-language the browser sends with every
    request (a fetch Request never shows them; Gradio's request_ip_headers demo reads them)."""
    base = served(built_site(APP))
    page.goto(base + "/#/second")
    wait_ready(page)
    page.get_by_role("button", name="Who am I").click()
    agent = page.evaluate("navigator.userAgent")
    expect(page.get_by_label("User agent", exact=True)).to_have_value(agent)
    first = page.evaluate("navigator.languages[0]")
    expect(page.get_by_label("Languages", exact=True)).to_have_value(re.compile("^" + re.escape(first)))
    # Ended runs are counted on the element (the load event and the click): tools wait on it.
    done = int(page.locator("wasmui-app").get_attribute("data-events-done") or 0)
    assert done >= 2, done
