"""gr.Dialogue in real Chromium against a real backend: lines edited, added and removed with
speaker menus, the tag menu on `:`, the Plain Text switch through the component's own
format/unformat (Gradio's /component_server), submit, and a read-only coloured transcript."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
APP = "shell_dialogue.py"
SHOTS = Path(os.environ.get("WASMUI_SCREENSHOTS", "/tmp/wasmui-shots"))


def block(page, label):
    return page.locator(".block-dialogue").filter(has=page.get_by_text(label, exact=True))


def test_lines_edit_add_remove_and_submit_the_list(shell):
    page = shell(APP)
    script = block(page, "Script")
    expect(script.get_by_label("Line 1 (Speaker 1)")).to_have_value("Hello, how are you?")
    script.get_by_role("button", name="Add a line after line 2").click()
    third = script.get_by_label("Line 3 (Speaker 1)")
    expect(third).to_be_focused()
    script.get_by_label("Speaker of line 3").select_option("Speaker 2")
    script.get_by_label("Line 3 (Speaker 2)").fill("Great")
    script.get_by_role("button", name="Remove line 2").click()
    script.get_by_role("button", name="Send").click()
    got = page.get_by_label("Submitted")
    expect(got).not_to_have_value("")
    assert json.loads(got.input_value()) == [
        {"speaker": "Speaker 1", "text": "Hello, how are you?"}, {"speaker": "Speaker 2", "text": "Great"}]
    assert int(page.get_by_label("Changes").input_value()) >= 3


def test_colon_opens_the_tag_menu_and_enter_inserts_the_tag(shell):
    page = shell(APP)
    script = block(page, "Script")
    line = script.get_by_label("Line 2 (Speaker 2)")
    line.fill("")
    line.press_sequentially("Well :si")
    menu = script.get_by_role("listbox", name="Tags")
    expect(menu.get_by_role("option")).to_have_text(["(sighs)"])
    line.press("Enter")
    expect(line).to_have_value("Well (sighs) ")
    expect(menu).to_have_count(0)
    line.press_sequentially(":")
    expect(menu.get_by_role("option")).to_have_count(3)
    line.press("ArrowDown")
    expect(menu.get_by_role("option", name="(sighs)")).to_have_attribute("aria-selected", "true")
    menu.get_by_role("option", name="(clears throat)").click()
    expect(line).to_have_value("Well (sighs) (clears throat) ")


def test_plain_text_switch_uses_the_apps_formatter_both_ways(shell):
    page = shell(APP)
    td = block(page, "Text form")
    td.get_by_label("Line 1 (Ann)").fill("good morning")
    td.get_by_role("button", name="Add a line after line 1").click()
    td.get_by_label("Speaker of line 2").select_option("Bob")
    td.get_by_label("Line 2 (Bob)").fill("morning")
    td.get_by_role("switch").check()
    area = td.get_by_role("textbox", name="Text form")
    expect(area).to_have_value("ANN: good morning\nBOB: morning")
    area.fill("ANN: one\nBOB: two\nBOB: three")
    td.get_by_role("button", name="Submit").click()
    # submit parses the text back with the app's unformatter, then preprocess formats it again
    expect(page.get_by_label("As text")).to_have_value("ANN: one\nBOB: two\nBOB: three")
    td.get_by_role("switch").uncheck()
    expect(td.get_by_label("Line 3 (Bob)")).to_have_value("three")
    expect(td.get_by_label("Line 1 (Ann)")).to_have_value("one")


def test_read_only_transcript_colours_speakers_and_shows_text_as_text(shell):
    page = shell(APP)
    page.get_by_role("button", name="Transcribe").click()
    out = block(page, "Transcript")
    rows = out.locator(".dialogue-line")
    expect(rows).to_have_count(3)
    expect(out.get_by_role("switch")).to_have_count(0)  # ui_mode="dialogue"
    expect(out.get_by_role("button", name="Add a line after line 1")).to_have_count(0)
    first = rows.nth(0).locator("textarea")
    expect(first).to_have_value("hi <b>there</b>")  # text, never HTML
    assert out.locator("b").count() == 0
    ann = rows.nth(0).evaluate("el => getComputedStyle(el.querySelector('textarea')).backgroundColor")
    bob = rows.nth(1).evaluate("el => getComputedStyle(el.querySelector('textarea')).backgroundColor")
    assert ann != bob and "254, 202, 202" in ann, (ann, bob)
    # Hovering one speaker leaves only that speaker's lines tinted.
    rows.nth(1).locator(".dialogue-speaker").hover()
    expect(rows.nth(0)).not_to_have_attribute("style", "--speaker-bg: rgba(254, 202, 202, 0.7);")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.mouse.move(0, 0)
    page.screenshot(path=str(SHOTS / "dialogue-light.png"), full_page=True)
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(SHOTS / "dialogue-dark.png"), full_page=True)
