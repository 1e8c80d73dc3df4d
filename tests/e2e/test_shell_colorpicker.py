"""gr.ColorPicker: native colour input + hex text entry kept in sync, Gradio's events,
keyboard access, read-only mode, light and dark."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

APP = "shell_colorpicker.py"
pytestmark = pytest.mark.e2e


def parts(page, label):
    block = page.locator(".block-colorpicker").filter(has=page.get_by_text(label, exact=True))
    return block.locator("input[type=color]"), block.locator("input[type=text]")


def test_initial_value_label_and_read_only_picker(shell):
    page = shell(APP)
    swatch, text = parts(page, "Accent")
    expect(swatch).to_have_value("#ff8800")
    expect(text).to_have_value("#ff8800")
    expect(page.get_by_role("textbox", name="Accent", exact=True)).to_have_value("#ff8800")  # <label for> names the entry
    expect(page.get_by_text("The main colour")).to_be_visible()
    expect(swatch).to_have_accessible_name("Accent: open the colour picker")
    fixed_swatch, fixed_text = parts(page, "Fixed")
    expect(fixed_swatch).to_be_disabled()
    expect(fixed_text).to_have_attribute("readonly", "")
    expect(fixed_text).to_have_value("#123456")


def test_typing_a_colour_updates_the_swatch_and_fires_input_and_change(shell):
    page = shell(APP)
    swatch, text = parts(page, "Accent")
    text.fill("#00FF00")
    expect(page.get_by_label("Seen", exact=True)).to_have_value("#00ff00")
    expect(swatch).to_have_value("#00ff00")
    expect(page.get_by_label("Changes")).to_have_value("1")
    expect(page.get_by_label("Inputs")).to_have_value("1")
    text.fill("abc")  # short hex without '#'
    expect(page.get_by_label("Seen", exact=True)).to_have_value("#aabbcc")
    text.fill("rebeccapurple")  # a CSS colour name
    expect(page.get_by_label("Seen", exact=True)).to_have_value("#663399")
    expect(swatch).to_have_value("#663399")


def test_invalid_text_is_marked_and_reverts_on_blur(shell):
    page = shell(APP)
    swatch, text = parts(page, "Accent")
    text.fill("not a colour")
    expect(text).to_have_attribute("aria-invalid", "true")
    expect(swatch).to_have_value("#ff8800")
    text.press("Tab")  # focus leaves the picker
    expect(page.get_by_label("Blurs")).to_have_value("1")
    expect(text).to_have_value("#ff8800")
    expect(text).not_to_have_attribute("aria-invalid", "true")
    assert page.get_by_label("Seen", exact=True).input_value() == ""  # the value never changed
    expect(page.get_by_label("Changes")).to_have_value("0")


def test_native_input_sets_the_value_and_the_text(shell):
    page = shell(APP)
    swatch, text = parts(page, "Accent")
    swatch.fill("#0000ff")
    expect(page.get_by_label("Seen", exact=True)).to_have_value("#0000ff")
    expect(text).to_have_value("#0000ff")
    expect(page.get_by_label("Inputs")).to_have_value("1")


def test_keyboard_enter_submits_and_focus_blur_cover_the_whole_widget(shell):
    page = shell(APP)
    swatch, text = parts(page, "Accent")
    swatch.focus()
    expect(page.get_by_label("Focuses")).to_have_value("1")
    page.keyboard.press("Tab")  # swatch -> text entry: still inside the picker
    expect(text).to_be_focused()
    page.keyboard.type("#112233")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Submits")).to_have_value("1")
    expect(page.get_by_label("Seen", exact=True)).to_have_value("#112233")
    page.keyboard.press("Tab")  # out of the picker
    expect(page.get_by_label("Blurs")).to_have_value("1")
    expect(page.get_by_label("Focuses")).to_have_value("1")


def test_event_output_updates_both_fields_without_input(shell):
    page = shell(APP)
    swatch, text = parts(page, "Accent")
    page.get_by_role("button", name="Set teal").click()
    expect(text).to_have_value("#008080")
    expect(swatch).to_have_value("#008080")
    expect(page.get_by_label("Changes")).to_have_value("1")
    expect(page.get_by_label("Inputs")).to_have_value("0")


def test_untouched_empty_picker_sends_none(shell):
    page = shell(APP)
    _, text = parts(page, "Empty")
    expect(text).to_have_value("")
    expect(text).to_have_attribute("placeholder", "#rrggbb")
    page.get_by_role("button", name="Read empty").click()
    expect(page.get_by_label("Empty seen")).to_have_value("None")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshot(shell, theme, tmp_path):
    page = shell(APP, theme=theme)
    block = page.locator(".block-colorpicker").first
    expect(block).to_be_visible()
    path = tmp_path / f"colorpicker-{theme}.png"
    block.screenshot(path=str(path))
    assert path.stat().st_size > 1000
