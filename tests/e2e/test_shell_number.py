"""gr.Number without a value starts from 0 in the page, as in Gradio's frontend."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_empty_number_is_zero_and_counts(shell):
    page = shell("shell_number.py")
    expect(page.get_by_label("Counter")).to_have_value("0")
    page.get_by_label("Text").fill("a")
    expect(page.get_by_label("Counter")).to_have_value("1")
    assert not page.get_by_role("alert").filter(has_text="NoneType").count()
