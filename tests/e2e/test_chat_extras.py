"""Chatbot / ChatInterface options in real Chromium against a native backend:
copy-all, rtl, resizable, layout="panel", group_consecutive_messages=False,
line_breaks=False, option_select, autoscroll that stops when the reader scrolls
up, run_examples_on_click=False, additional_outputs, fill_width, autofocus and
concurrency_limit (two sessions inside the function at once)."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
EXTRAS = "shell_chat_extras.py"
IFACE = "shell_chat_iface_extras.py"
# The copy button writes through navigator.clipboard: record what it wrote.
CLIPBOARD = """Object.defineProperty(navigator, 'clipboard', { configurable: true,
  value: { writeText: async (t) => { window.__copied = t; }, readText: async () => window.__copied ?? '' } });"""


def event_log(page, **want):
    """Waits until the Event log holds JSON with the given keys and returns it."""
    log = page.get_by_label("Event log")
    page.wait_for_function(
        """([el, want]) => { try { const got = JSON.parse(el.value);
            return Object.entries(want).every(([k, v]) => JSON.stringify(got[k]) === JSON.stringify(v)); }
          catch { return false; } }""",
        arg=[log.element_handle(), want],
    )
    return json.loads(log.input_value())


def test_display_options_copy_all_and_option_select(shell):
    page = shell(EXTRAS, init_script=CLIPBOARD)
    block = page.locator(".chatbot-block").first
    log = block.locator(".chat-log")
    # rtl, layout="panel", resizable reach the DOM (and resizable really resizes).
    expect(log).to_have_attribute("dir", "rtl")
    expect(log).to_have_class(re.compile(r"\blayout-panel\b.*\bresizable\b|\bresizable\b.*\blayout-panel\b"))
    assert log.evaluate("el => getComputedStyle(el).resize") == "vertical"
    assert log.evaluate("el => getComputedStyle(el).direction") == "rtl"
    # group_consecutive_messages=False: three assistant messages in a row are three rows.
    expect(block.locator(".bot-row")).to_have_count(3)
    expect(block.locator(".user-row")).to_have_count(1)
    # line_breaks=False: a single newline stays inside the paragraph (no <br>).
    first = block.locator(".message.bot").first
    expect(first).to_contain_text("first line")
    expect(first.locator("br")).to_have_count(0)
    # Options of the last message: label shown (value when no label); the click reaches Python.
    expect(block.get_by_role("button", name="Apple")).to_be_visible()
    block.get_by_role("button", name="pear").click()
    assert event_log(page, event="option_select") == {"event": "option_select", "index": 1, "value": "pear"}
    # Copy-all copies the whole conversation and fires .copy with it.
    whole = "salut\n\nfirst line\nsame paragraph\n\nsecond answer\n\nPick one"
    block.get_by_role("button", name="Copy conversation").click()
    got = event_log(page, event="copy")
    assert got["value"] == whole, got
    assert page.evaluate("window.__copied") == whole


def test_autoscroll_follows_then_stops_when_the_reader_scrolls_up(shell):
    page = shell(EXTRAS)
    block = page.locator(".chatbot-block").nth(1)
    log = block.locator(".chat-log")
    rows = log.locator("p")  # one paragraph per streamed message (grouped in one bubble)
    page.get_by_role("button", name="Stream lines").click()
    expect(rows.nth(7)).to_be_attached()
    gap = "el => el.scrollHeight - el.scrollTop - el.clientHeight"
    # Eight rows do not fill the 200 px log by 100 px: the lines keep streaming until they do (an
    # evaluate right after the eighth row failed once in CI).
    page.wait_for_function("el => el.scrollHeight > el.clientHeight + 100", arg=log.element_handle(), timeout=30_000)
    assert log.evaluate(gap) < 40, "did not follow the new messages"
    # The reader scrolls up: the view stays there while messages keep arriving.
    log.evaluate("el => { el.scrollTop = 0; el.dispatchEvent(new Event('scroll')); }")
    down = block.get_by_role("button", name="Scroll to the newest message")
    expect(down).to_be_visible()
    n = rows.count()
    expect(rows.nth(n + 2)).to_be_attached()
    assert log.evaluate("el => el.scrollTop") == 0, "autoscroll pulled the reader back down"
    # The arrow takes them back down, and following resumes.
    down.click()
    expect(down).to_have_count(0)
    n = rows.count()
    expect(rows.nth(n + 2)).to_be_attached()
    assert log.evaluate(gap) < 40


def test_chat_interface_options(shell):
    page = shell(IFACE)
    box = page.locator(".block-textbox").first.get_by_role("textbox")
    # autofocus: the message box has the focus without a click.
    expect(box).to_be_focused()
    # fill_width reaches the page's root.
    expect(page.locator(".app").first).to_have_class(re.compile(r"\bfill-width\b"))
    # run_examples_on_click=False: the example only fills the box.
    page.get_by_role("button", name="example one").click()
    expect(box).to_have_value("example one")
    box.press("Enter")
    expect(page.locator(".message.bot")).to_have_text(["echo example one"])
    # Had the click run the example too, there would be two exchanges.
    expect(page.locator(".message.user")).to_have_text(["example one"])
    # additional_outputs: the function's second value reaches the extra Textbox.
    expect(page.get_by_label("Length")).to_have_value("11")


def test_concurrency_limit_lets_two_sessions_run_at_once(shell):
    token = uuid.uuid4().hex[:8]
    first, second = shell(IFACE), shell(IFACE)
    for page, who in ((first, "a"), (second, "b")):
        box = page.locator(".block-textbox").first.get_by_role("textbox")
        expect(box).to_be_editable()
        box.fill(f"pair {token} {who}")
        box.press("Enter")
    # Each answer says whether the other message was inside the function at the same time
    # (each waits up to 45 s for the other: the second page's message may be slow to come).
    expect(first.locator(".message.bot")).to_have_text([f"pair {token} a: met=True"], timeout=60_000)
    expect(second.locator(".message.bot")).to_have_text([f"pair {token} b: met=True"], timeout=60_000)
