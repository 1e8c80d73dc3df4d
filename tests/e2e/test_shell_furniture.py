"""App furniture against a real backend: Walkthrough/Step (stepper, events both
ways) and Draggable (reorder by drag and by keyboard)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

APP = "shell_furniture.py"
pytestmark = pytest.mark.e2e


def test_walkthrough_steps_forward_from_python_and_by_click(shell):
    page = shell(APP)
    steps = page.locator(".stepper-button")
    expect(steps).to_have_count(3)
    expect(steps.nth(0)).to_have_attribute("aria-current", "step")
    expect(page.get_by_label("Your name")).to_be_visible()
    expect(page.get_by_label("Greeting", exact=True)).to_have_count(0)  # only the selected step renders
    page.get_by_label("Your name").fill("Ada")
    page.get_by_role("button", name="Next").click()  # Python returns gr.Walkthrough(selected=1)
    expect(page.get_by_label("Greeting", exact=True)).to_have_value("Hello Ada!")
    expect(steps.nth(1)).to_have_attribute("aria-current", "step")
    expect(page.get_by_label("Walk changes")).to_have_value("1")  # a Python update fires change too
    expect(page.locator(".stepper-item").nth(0)).to_have_class(re.compile(r"\bdone\b"))
    expect(page.get_by_label("Your name")).to_have_count(0)
    # the user clicks back to step 1, then to step 2: select and change reach Python
    steps.nth(0).click()
    expect(page.get_by_label("Walk select")).to_have_value("0:Name:True")
    expect(page.get_by_label("Your name")).to_have_value("Ada")  # values survive leaving a step
    steps.nth(1).click()
    expect(page.get_by_label("Step select")).to_have_value("1:Greeting:True")
    expect(page.get_by_label("Walk select")).to_have_value("1:Greeting:True")
    expect(page.get_by_label("Walk changes")).to_have_value("3")


def order(page):
    return page.locator("#drag .draggable-item").evaluate_all(
        "els => els.map(e => e.querySelector('input, textarea').value)")


def test_draggable_reorders_by_drag_and_keyboard(shell):
    page = shell(APP)
    expect(page.locator("#drag .draggable-item")).to_have_count(3)
    assert order(page) == ["a", "b", "c"]
    handles = page.locator("#drag .drag-handle")
    handles.nth(0).drag_to(page.locator("#drag .draggable-item").nth(2))
    expect(page.locator("#drag .draggable-item").first.locator("input, textarea")).to_have_value("b")
    assert order(page) == ["b", "c", "a"]
    page.locator("#drag .drag-handle").nth(2).focus()
    page.keyboard.press("ArrowLeft")  # a row: left moves it earlier
    assert order(page) == ["b", "a", "c"]
    # the moved children keep working: typing still reaches the textbox
    page.get_by_label("Card A").fill("moved")
    expect(page.get_by_label("Card A")).to_have_value("moved")


def test_login_button_explains_and_the_next_event_works(shell):
    page = shell(APP)
    login = page.get_by_role("button", name="Sign in with Hugging Face")
    expect(login).to_be_visible()
    login.click()
    expect(page.locator(".toast").filter(has_text="needs a Gradio server")).to_be_visible()
    expect(page.get_by_role("button", name="Sign in with Hugging Face")).to_be_visible()  # still there, nothing navigated
    page.get_by_role("button", name="Who is signed in?").click()  # gr.OAuthProfile parameter gets None
    expect(page.get_by_label("Who", exact=True)).to_have_value("nobody")
