"""gr.Sidebar in the shell: open by default at its edge, the app makes room for it, the
toggle closes and opens it (expand/collapse events reach Python), an event output opens it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
APP = "shell_sidebar.py"


def test_sidebar_toggles_fires_events_and_follows_updates(shell):
    page = shell(APP)
    aside = page.get_by_role("complementary", name="Menu")
    expect(aside).to_have_class(re.compile(r"\bopen\b"))
    box = page.get_by_label("Search in sidebar")
    expect(box).to_be_visible()
    # Open on a wide screen: the sidebar is 280 px at the left edge and the app starts after it.
    assert aside.bounding_box()["x"] == 0 and round(aside.bounding_box()["width"]) == 280
    assert page.get_by_label("Sidebar log").bounding_box()["x"] >= 280 + 28  # clear of the toggle button
    box.fill("dogs")
    box.press("Enter")
    expect(page.get_by_label("Echo")).to_have_value("DOGS")

    toggle = page.get_by_role("button", name="Close sidebar")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    toggle.click()
    expect(page.get_by_label("Sidebar log")).to_have_value("collapse;")
    expect(box).to_be_hidden()
    expect(page.get_by_role("button", name="Open sidebar", exact=True)).to_have_attribute("aria-expanded", "false")
    assert 28 < page.get_by_label("Sidebar log").bounding_box()["x"] < 280  # room for the toggle only

    page.get_by_role("button", name="Open sidebar", exact=True).click()
    expect(page.get_by_label("Sidebar log")).to_have_value("collapse;expand;")
    expect(box).to_be_visible()
    expect(box).to_have_value("dogs")  # values inside survive closing

    page.get_by_role("button", name="Close sidebar").click()
    expect(box).to_be_hidden()
    page.get_by_role("button", name="Open sidebar again").click()
    expect(box).to_be_visible()
