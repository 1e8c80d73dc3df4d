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
