"""Radio, CheckboxGroup, Dropdown (single / multiselect / custom values),
Examples, Timer, choice updates, and the unsupported-component box."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from shell_harness import open_shell, requests_until_sentinel

pytestmark = pytest.mark.e2e
APP = "shell_choices.py"


def test_choice_inputs_send_their_values(shell):
    page = shell(APP)
    colour = page.get_by_role("group", name="Colour")
    colour.get_by_label("blue").check()
    letters = page.get_by_role("group", name="Letters")
    letters.get_by_label("c").check()
    letters.get_by_label("a").uncheck()
    page.get_by_label("Number choice").select_option(label="Three")
    page.get_by_label("Animals").select_option(label="cat")
    page.get_by_role("button", name="Remove dog").click()
    page.get_by_label("Custom").fill("gamma")
    page.get_by_role("button", name="Summarise").click()
    expect(page.get_by_label("Summary")).to_have_value(
        "radio=blue group=['c'] single=3 multi=['cat'] custom=gamma"
    )


def test_multiselect_respects_max_choices(shell):
    page = shell(APP)
    page.get_by_label("Animals").select_option(label="cat")
    expect(page.get_by_role("list", name="Selected").get_by_role("listitem")).to_have_count(2)
    expect(page.get_by_label("Animals")).to_be_disabled()


def test_update_replaces_choices_and_label(shell):
    page = shell(APP)
    page.get_by_role("button", name="Swap choices").click()
    group = page.get_by_role("group", name="Renamed radio")
    expect(group.get_by_role("radio")).to_have_count(3)
    expect(group.get_by_label("y")).to_be_checked()


def test_examples_fill_the_inputs(shell):
    page = shell(APP)
    page.get_by_role("button", name="second example").click()
    expect(page.get_by_label("Example text")).to_have_value("second example")
    expect(page.get_by_label("Example amount")).to_have_value("2")


def test_timer_ticks_until_deactivated(shell):
    page = shell(APP, clock=True)
    ticks = page.get_by_label("Ticks")
    page.clock.run_for(1000)  # a few 0.3 s periods of the page's (fake) clock
    expect(ticks).not_to_have_value("0")
    page.get_by_role("button", name="Stop timer").click()
    expect(page.get_by_label("Timer state")).to_have_value("stopped")  # the Timer update is applied
    stopped = ticks.input_value()
    page.clock.run_for(3000)  # ten more periods: an active timer would tick now
    assert not [u for u in requests_until_sentinel(page) if u.split("?", 1)[0].endswith("/queue/join")]
    expect(ticks).to_have_value(stopped)


def test_unknown_component_type_shows_a_clear_box(browser, app_servers, shell_dist):
    """The real server's config with one component retyped to a type the shell lacks."""
    server = app_servers(APP)
    page = open_shell(browser, server, shell_dist)

    def patch(route):
        cfg = route.fetch().json()
        for c in cfg["components"]:
            if c["props"].get("label") == "Summary":
                c["type"] = "fancyplot"
        route.fulfill(status=200, content_type="application/json", body=json.dumps(cfg))

    try:
        page.route(f"{server.url}/config", patch)
        page.reload()
        page.wait_for_function("window.__wasmuiShell && window.__wasmuiShell.ready")
        expect(page.get_by_role("note")).to_have_text("unsupported component fancyplot (Summary)")
        page.get_by_role("group", name="Colour").get_by_label("green").check()
        expect(page.get_by_role("group", name="Colour").get_by_label("green")).to_be_checked()
    finally:
        page.context.close()
