"""Multipage apps (demo.route) in real Chromium: one page at a time, navigation by
the navbar and by URL (#/path), each page's load events, values kept across pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.e2e
APP = "shell_pages.py"


def test_two_pages_navigate_by_navbar_and_url(shell):
    page = shell(APP)
    nav = page.get_by_role("navigation", name="Pages")
    # gr.Navbar on the home page renames Home and adds a link; About is not in the navbar.
    expect(nav.get_by_role("link")).to_have_text(["Start", "Counter Page", "Docs"])
    expect(page.get_by_label("Count")).to_have_count(0)
    page.get_by_label("Name").fill("Ann")
    page.get_by_role("button", name="Greet").click()
    expect(page.get_by_label("Greeting")).to_have_value("Hello Ann!")

    nav.get_by_role("link", name="Counter Page").click()
    expect(page).to_have_url(re.compile(r"#/counter-page$"))
    expect(page.get_by_label("Count")).to_have_value("41")  # this page's load event ran
    expect(page.get_by_label("Name")).to_have_count(0)
    page.get_by_role("button", name="Increase").click()
    expect(page.get_by_label("Count")).to_have_value("42")
    expect(nav.get_by_role("link", name="Counter Page")).to_have_attribute("aria-current", "page")

    expect(nav.get_by_role("link")).to_have_text(["Home", "Counter Page"])  # no gr.Navbar on this page
    nav.get_by_role("link", name="Home").click()
    expect(page.get_by_label("Greeting")).to_have_value("Hello Ann!")  # the home page kept its values
    page.get_by_role("button", name="More links").click()  # an event updates gr.Navbar's links
    expect(nav.get_by_role("link")).to_have_text(["Start", "Counter Page", "Docs", "Query"])
    expect(nav.get_by_role("link", name="Query")).to_have_attribute("href", "?x=1#/counter-page")
    nav.get_by_role("link", name="Docs").click()
    expect(page.get_by_text("About this app")).to_be_visible()

    url = page.url.split("#")[0]
    page.goto(url + "#/about-us")  # a deep link to a page outside the navbar
    expect(page.get_by_text("About this app")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_count(0)
