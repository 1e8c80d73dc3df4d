"""Custom ``gr.Button``s inside a component's ``buttons`` list, in real Chromium against a
native backend: shown in the component's toolbar (not in the layout), each click runs
that button's own event."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
APP = "shell_custom_buttons.py"


def block(page: Any, label: str) -> Any:
    if label == "Card":  # gr.HTML draws no label row without its container
        return page.locator(".block-html")
    return page.locator(".block", has=page.get_by_text(label, exact=True)).last


def test_custom_buttons_live_in_their_component_and_fire_their_clicks(shell: Any) -> None:
    page = shell(APP)
    # Out of the layout: each button is drawn once, inside its component.
    for name, owner in (("Refresh", "Sample"), ("Shout", "Snippet"), ("Flip", "Flag"), ("Ping", "Card")):
        expect(page.get_by_role("button", name=name, exact=True)).to_have_count(1)
        expect(block(page, owner).get_by_role("button", name=name, exact=True)).to_be_visible()
    # Code has its own toolbar: the custom button joins the copy button there.
    expect(block(page, "Snippet").locator(".icon-buttons").get_by_role("button", name="Shout")).to_be_visible()

    block(page, "Sample").get_by_role("button", name="Refresh").click()
    expect(page.get_by_label("Sample", exact=True)).to_have_value("refreshed")
    block(page, "Snippet").get_by_role("button", name="Shout").click()
    expect(block(page, "Snippet").locator(".cm-content")).to_have_text("X = 1")
    block(page, "Flag").get_by_role("button", name="Flip").click()
    expect(page.get_by_label("Clicks", exact=True)).to_have_value("flipped to True")
    expect(page.get_by_role("checkbox", name="Flag")).to_be_checked()
    block(page, "Card").get_by_role("button", name="Ping").click()
    expect(page.get_by_label("Clicks", exact=True)).to_have_value("pinged")
