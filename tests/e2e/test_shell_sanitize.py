"""Markdown and HTML from the server are sanitised on every path (initial
config and event outputs): scripts, event-handler attributes, javascript:
links and iframes never run."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.e2e
APP = "shell_sanitize.py"

FLAGS = [
    "__pwned_md_script",
    "__pwned_md_img",
    "__pwned_md_link",
    "__pwned_iframe",
    "__pwned_html_img",
    "__pwned_html_script",
]


def _assert_clean(page):
    # Every image has loaded or failed: a surviving onerror would have run by then.
    page.wait_for_function(
        "() => [...document.getElementById('app').shadowRoot.querySelectorAll('img')].every((i) => i.complete)"
    )
    page.evaluate("() => new Promise((r) => setTimeout(r, 0))")  # and the error event's task after it
    fired = page.evaluate(f"{FLAGS!r}.filter(k => window[k])")
    assert fired == [], f"payload executed: {fired}"
    root = page.locator(".wasmui")
    expect(root.locator("script")).to_have_count(0)
    expect(root.locator("iframe")).to_have_count(0)
    expect(root.locator("[onerror]")).to_have_count(0)
    expect(root.locator("a[href^='javascript']")).to_have_count(0)


def test_initial_markdown_and_html_are_sanitised(shell):
    page = shell(APP)
    expect(page.get_by_role("heading", name="Safe title")).to_be_visible()
    expect(page.locator(".ok")).to_have_text("html ok")
    _assert_clean(page)
    # the sanitised link is still there as text, just inert
    expect(page.get_by_text("click")).to_be_visible()
    page.get_by_text("click").click()
    _assert_clean(page)


def test_event_output_markdown_and_html_are_sanitised(shell):
    page = shell(APP)
    page.get_by_role("button", name="Inject").click()
    expect(page.get_by_text("updated by event")).to_be_visible()
    expect(page.get_by_text("updated html")).to_be_visible()
    _assert_clean(page)
