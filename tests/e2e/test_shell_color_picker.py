"""gr.ColorPicker end to end: the text entry and the native swatch reach Python, Python's
value comes back, its events fire, and the keyboard reaches both inputs."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
APP = "shell_color_picker.py"


def test_typed_colour_reaches_python_and_returned_colour_shows(shell):
    page = shell(APP)
    text = page.get_by_role("textbox", name="Brand colour", exact=True)
    expect(text).to_have_value("#ff0000")
    text.fill("#00ff7f")
    expect(page.get_by_label("Echo")).to_have_value("#00ff7f = rgb(0, 255, 127)")
    page.get_by_role("button", name="Invert").click()
    expect(text).to_have_value("#ff0080")
    expect(page.get_by_label("Echo")).to_have_value("#ff0080 = rgb(255, 0, 128)")


def test_swatch_sends_the_native_picker_value(shell):
    page = shell(APP)
    page.get_by_label("Brand colour: open the colour picker").fill("#123456")
    expect(page.get_by_label("Echo")).to_have_value("#123456 = rgb(18, 52, 86)")
    expect(page.get_by_role("textbox", name="Brand colour", exact=True)).to_have_value("#123456")


def test_events_fire_from_the_keyboard(shell):
    page = shell(APP)
    text = page.get_by_role("textbox", name="Brand colour", exact=True)
    text.focus()
    text.fill("#abc")  # short hex is accepted and normalised
    expect(page.get_by_label("Echo")).to_have_value("#aabbcc = rgb(170, 187, 204)")
    text.press("Enter")
    page.get_by_role("button", name="Invert").focus()  # focus leaves the widget
    log = page.get_by_label("Events")
    for name in ("focus", "input", "submit", "blur"):
        expect(log).to_have_value(re.compile(rf"\b{name}\b"))


def test_keyboard_reaches_swatch_and_text_and_locked_is_read_only(shell):
    page = shell(APP)
    swatch = page.get_by_label("Brand colour: open the colour picker")
    swatch.focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("textbox", name="Brand colour", exact=True)).to_be_focused()
    expect(page.get_by_label("Locked colour: open the colour picker")).to_be_disabled()
    expect(page.get_by_role("textbox", name="Locked colour", exact=True)).to_have_js_property("readOnly", True)


def test_invalid_text_is_marked_and_not_sent(shell):
    page = shell(APP)
    text = page.get_by_role("textbox", name="Brand colour", exact=True)
    text.fill("#00ff7f")
    expect(page.get_by_label("Echo")).to_have_value("#00ff7f = rgb(0, 255, 127)")
    text.fill("not a colour")
    expect(text).to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Invert").focus()  # blur reverts the text to the value
    expect(text).to_have_value("#00ff7f")
    expect(page.get_by_label("Echo")).to_have_value("#00ff7f = rgb(0, 255, 127)")
