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


SIZE = """el => { const s = getComputedStyle(el); return { height: el.offsetHeight, line: parseFloat(s.lineHeight),
  frame: el.offsetHeight - el.clientHeight + parseFloat(s.paddingTop) + parseFloat(s.paddingBottom),
  scrolls: el.scrollHeight > el.clientHeight + 1, top: el.scrollTop }; }"""


def _rows(size: dict) -> float:
    return (size["height"] - size["frame"]) / size["line"]


def test_textbox_grows_with_its_text_between_lines_and_max_lines(shell):
    page = shell(APP)
    box = page.get_by_label("Grown", exact=True)
    empty = box.evaluate(SIZE)
    assert abs(_rows(empty) - 2) < 0.1, empty  # lines=2 while empty
    page.get_by_role("button", name="Three lines").click()
    expect(box).to_have_value("one\ntwo\nthree")
    three = box.evaluate(SIZE)
    assert abs(_rows(three) - 3) < 0.1 and not three["scrolls"], three
    page.get_by_role("button", name="Ten lines").click()
    expect(box).to_have_value("\n".join(f"line {i}" for i in range(10)))
    ten = box.evaluate(SIZE)
    assert abs(_rows(ten) - 4) < 0.1 and ten["scrolls"] and ten["top"] > 0, ten  # capped, last line in view
    page.get_by_role("button", name="No lines").click()
    expect(box).to_have_value("")
    assert box.evaluate(SIZE)["height"] == empty["height"]
    # Typed text grows it too.
    box.fill("a\nb\nc")
    assert abs(_rows(box.evaluate(SIZE)) - 3) < 0.1
