"""Textbox defaults in the shell."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.e2e
APP = "shell_empty.py"


def test_untouched_empty_textbox_sends_an_empty_string(shell):
    page = shell(APP)
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_label("Seen", exact=True)).to_have_value("type=str value=''")


def test_textbox_set_to_none_by_an_event_sends_an_empty_string(shell):
    # Gradio 6.31 (checked in Chromium): Textbox("x"), an event outputs None, the next event
    # reading it gets "" (not None).
    page = shell(APP)
    page.get_by_role("button", name="Blank").click()
    expect(page.get_by_label("Seen", exact=True)).to_have_value("type=str value=''")
    expect(page.get_by_label("Filled", exact=True)).to_have_value("")
