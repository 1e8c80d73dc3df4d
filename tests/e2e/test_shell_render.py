"""@gr.render in real Chromium: the page mounts what a render run builds, keyed
blocks keep what the user typed across re-renders, rendered listeners work,
triggers=, queue=False and nested renders."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.e2e
APP = "shell_render.py"


def test_render_with_keys_keeps_typed_values_and_listeners(shell):
    page = shell(APP)
    page.get_by_label("Names").fill("ann bob")
    expect(page.get_by_label("Note bob")).to_be_visible()
    page.get_by_label("Note ann").fill("hello")
    page.get_by_label("Loose ann").fill("gone soon")
    page.get_by_role("button", name="Upper ann").click()
    expect(page.get_by_label("Note ann")).to_have_value("HELLO")

    page.get_by_label("Names").fill("ann bob cid")
    expect(page.get_by_label("Note cid")).to_be_visible()
    expect(page.get_by_label("Note ann")).to_have_value("HELLO")  # key= keeps the typed value
    expect(page.get_by_label("Loose ann")).to_have_value("")  # an unkeyed block is new each run
    # The listener of a keyed block still works after the re-render, and so do new ones.
    page.get_by_label("Note ann").fill("again")
    page.get_by_role("button", name="Upper ann").click()
    expect(page.get_by_label("Note ann")).to_have_value("AGAIN")
    page.get_by_label("Note cid").fill("new")
    page.get_by_role("button", name="Upper cid").click()
    expect(page.get_by_label("Note cid")).to_have_value("NEW")

    page.get_by_label("Names").fill("cid")
    expect(page.get_by_label("Note ann")).to_have_count(0)
    expect(page.get_by_label("Note cid")).to_have_value("NEW")


def test_render_on_a_trigger_without_queue_and_nested(shell):
    page = shell(APP)
    expect(page.get_by_text("item 0")).to_have_count(0)  # triggers=[go.click]: nothing on load
    page.get_by_role("button", name="Make").click()
    expect(page.get_by_text("item 1")).to_be_visible()
    expect(page.get_by_role("button", name="inner q")).to_be_visible()  # the nested render ran on mount
    page.get_by_label("Inner words").fill("x y z")
    expect(page.get_by_role("button", name="inner z")).to_be_visible()
    expect(page.get_by_role("button", name="inner p")).to_have_count(0)
    page.get_by_label("Count").fill("3")
    page.get_by_role("button", name="Make").click()
    expect(page.get_by_text("item 2")).to_be_visible()
