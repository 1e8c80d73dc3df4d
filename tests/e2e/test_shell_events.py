"""The shell's event engine against a real backend: streaming, errors and
recovery, chaining, change vs input, js=, queue=False, progress, State
change listeners, cancels, toasts."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from shell_harness import joins, wait_for_url


pytestmark = pytest.mark.e2e
APP = "shell_events.py"


def test_streaming_shows_intermediate_values_before_the_final_one(shell):
    page = shell(APP)
    # Record every value the output takes while the generator runs, with whether its block
    # then showed the "generating" state (sampled every frame: nothing depends on when the
    # test itself looks, however slow the machine).
    page.evaluate(
        """() => {
        window.__seen = [];
        const poll = () => {
          const host = document.getElementById('app').shadowRoot;
          const el = [...host.querySelectorAll('label')].find(l => l.textContent === 'Stream out');
          const input = el && host.getElementById(el.htmlFor);
          const block = input && input.closest('[data-testid^="block-"]');
          const now = input ? [input.value, /\\bgenerating\\b/.test(block ? block.className : '')] : null;
          const last = window.__seen[window.__seen.length - 1];
          if (now && (!last || last[0] !== now[0] || last[1] !== now[1])) window.__seen.push(now);
          requestAnimationFrame(poll);
        };
        poll();
      }"""
    )
    page.get_by_role("button", name="Stream", exact=True).click()
    out = page.get_by_label("Stream out")
    expect(out).to_have_value("abcdef")
    seen = page.evaluate("window.__seen")
    values = [v for v, _ in seen if v]
    values = [v for i, v in enumerate(values) if i == 0 or v != values[i - 1]]
    assert values[:3] == ["a", "ab", "abc"], seen
    assert values[-1] == "abcdef"
    # Intermediate values were shown while the block said it was still generating.
    assert ["abc", True] in seen, seen


def test_gr_error_toast_then_next_event_works(shell):
    page = shell(APP)
    page.get_by_role("button", name="Fail", exact=True).click()
    toast = page.get_by_role("alert").filter(has_text="custom failure")
    expect(toast).to_be_visible()
    expect(toast).to_contain_text("Oops")
    page.get_by_role("button", name="Echo").click()
    expect(page.get_by_label("Echo out")).to_have_value("echo:abcdef")
    toast.get_by_role("button", name="Close notification").click()
    expect(toast).to_have_count(0)


def test_hidden_exception_shows_generic_error(shell):
    page = shell(APP)
    page.get_by_role("button", name="Crash").click()
    toast = page.get_by_role("alert").first
    expect(toast).to_contain_text("Error")
    expect(toast).not_to_contain_text("secret internals")
    page.get_by_role("button", name="Echo").click()
    expect(page.get_by_label("Echo out")).to_have_value("echo:abcdef")


def test_success_and_failure_chaining(shell):
    page = shell(APP)
    before = joins(page)
    page.get_by_role("button", name="Chain ok").click()
    expect(page.get_by_label("Chain out")).to_have_value("echo:abcdef")
    expect(page.get_by_label("After success")).to_have_value("success ran")
    # Followers start together when their event ends: a .failure run would have joined by now.
    assert joins(page) - before == 2, page.seen_urls
    expect(page.get_by_label("After failure")).to_have_value("")

    page.get_by_role("button", name="Chain fail").click()
    expect(page.get_by_label("After success")).to_have_value("then ran")  # .then runs after errors too
    expect(page.get_by_label("After failure")).to_have_value("failure ran")


def test_log_messages_become_toasts(shell):
    page = shell(APP)
    page.get_by_role("button", name="Warn").click()
    expect(page.get_by_role("alert").filter(has_text="careful now")).to_contain_text("Warning")
    expect(page.get_by_role("status").filter(has_text="just so you know")).to_contain_text("Info")
    expect(page.get_by_label("Echo out")).to_have_value("warned")


def test_change_and_input_semantics(shell):
    page = shell(APP)
    typed = page.get_by_label("Typed", exact=True)
    # one key at a time (waiting for each round trip): every user edit fires input + change
    for i, ch in enumerate("hey", start=1):
        typed.press(ch)
        expect(page.get_by_label("Input count")).to_have_value(str(i))
        expect(page.get_by_label("Change count")).to_have_value(str(i))
    # a value set by an event output fires change but not input
    before = joins(page)
    typed.press("Enter")
    expect(page.get_by_label("Mirror", exact=True)).to_have_value("HEY")
    expect(page.get_by_label("Mirror changes")).to_have_value("1")
    # input would fire with change (just before it): submit + change are the only runs
    assert joins(page) - before == 2, page.seen_urls
    expect(page.get_by_label("Mirror inputs")).to_have_value("0")


def test_js_function_runs_before_backend(shell):
    page = shell(APP)
    page.get_by_role("button", name="Run JS").click()
    expect(page.get_by_label("JS out")).to_have_value("py:LOWER!")


def test_queue_false_uses_direct_route(shell):
    page = shell(APP)
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    page.get_by_role("button", name="Direct").click()
    expect(page.get_by_label("Direct out")).to_have_value("direct:abcdef")
    assert any(u.split("?", 1)[0].endswith("/gradio_api/run/predict") for u in seen), seen
    assert not any("/queue/join" in u for u in seen), seen


def test_progress_overlay_and_state_change_listener(shell):
    page = shell(APP)
    page.get_by_role("button", name="Progress", exact=True).click()
    overlay = page.locator(".status-full")
    expect(overlay.first).to_be_visible()
    # No backdrop blur: the compositor redrew it for every frame of the spinner.
    assert overlay.first.evaluate("(el) => getComputedStyle(el).backdropFilter") == "none"
    expect(page.get_by_role("progressbar").first).to_be_attached()
    page.get_by_role("button", name="Release progress").click()
    expect(page.get_by_label("Progress out")).to_have_value("progress done")
    expect(overlay).to_have_count(0)

    page.get_by_role("button", name="Bump state").click()
    expect(page.get_by_label("State seen")).to_have_value("state is 1")
    page.get_by_role("button", name="Bump state").click()
    expect(page.get_by_label("State seen")).to_have_value("state is 2")


def test_cancels_stop_a_running_generator(shell):
    page = shell(APP)
    page.get_by_role("button", name="Long task").click()
    out = page.get_by_label("Long out")
    expect(out).to_have_value(re.compile(r"tick [1-9]"))
    page.get_by_role("button", name="Stop").click()
    expect(page.locator(".status")).to_have_count(0)  # the job has ended
    stopped_at = out.input_value()
    # The probe's answer comes on the same stream after anything the task sent before it.
    page.get_by_role("button", name="Long status").click()
    status = page.get_by_label("Long status")
    expect(status).to_have_value(re.compile(r"^yields=\d+ grew=\d+$"))
    assert out.input_value() == stopped_at
    shown = int(stopped_at.split()[1]) + 1  # "tick i" is the (i+1)-th yield
    yields, grew = (int(part.split("=")[1]) for part in status.input_value().split())
    # The generator stopped: a running one yields three times while the probe watches (0.6 s). A
    # step already under way when the cancel arrived (a thread cannot be interrupted, in Gradio
    # neither) may still finish once; what it made before the cancel reached the server may exceed
    # what the page showed (a busy machine).
    assert grew <= 1 and yields >= shown, ("the generator kept running after the cancel", status.input_value())
    # after the cancel the same event can run again
    page.get_by_role("button", name="Long task").click()
    expect(out).not_to_have_value(stopped_at)
    page.get_by_role("button", name="Stop").click()


def test_show_error_sends_message_and_traceback(shell):
    page = shell("shell_errors.py")
    page.get_by_role("button", name="Explode").click()
    toast = page.get_by_role("alert").filter(has_text="bad value '42'")
    expect(toast).to_be_visible()
    if os.environ.get("WASMUI_SHELL_BACKEND", "native") == "native":
        # wasmui adds the traceback for page UIs (real Gradio never sends one)
        details = toast.locator("details")
        expect(details.locator("summary")).to_have_text("Traceback")
        expect(details.locator("pre")).not_to_be_visible()
        details.locator("summary").click()
        expect(details.locator("pre")).to_contain_text("ValueError")
    # show_progress="hidden": no overlay, and the event still works after the error
    page.get_by_role("button", name="Fine").click()
    expect(page.get_by_label("Output")).to_have_value("ok 42")
    expect(page.locator(".status")).to_have_count(0)


def test_none_for_two_outputs_is_an_error_that_keeps_the_outputs(shell):
    # Gradio 6.31: a ValueError naming the count (shown here because of show_error=True);
    # the outputs keep their values instead of being cleared.
    page = shell("shell_errors.py")
    page.get_by_role("button", name="Fine").click()
    expect(page.get_by_label("Output")).to_have_value("ok 42")
    page.get_by_role("button", name="Nothing").click()
    toast = page.get_by_role("alert").filter(has_text="didn't return enough output values (needed: 2, returned: 1)")
    expect(toast).to_be_visible()
    expect(page.get_by_label("Input")).to_have_value("42")
    expect(page.get_by_label("Output")).to_have_value("ok 42")


def test_interface_submit_and_clear(shell):
    page = shell("shell_interface.py")
    expect(page.get_by_role("heading", name="Greeter")).to_be_visible()
    page.get_by_label("name").fill("Bo")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_label("greeting")).to_have_value("Hello, Bo!!")
    page.get_by_role("button", name="Clear").click()
    expect(page.get_by_label("name")).to_have_value("")
    expect(page.get_by_label("greeting")).to_have_value("")


def test_interface_state_is_kept_between_submits_and_cleared(shell):
    # As in Gradio, the State output is the State input: each answer sees the previous one's
    # value (two separate States would start from None every time); Clear resets it.
    page = shell("shell_interface_state.py")
    page.get_by_label("word").fill("hi")
    submit, said = page.get_by_role("button", name="Submit"), page.get_by_label("said")
    submit.click()
    expect(said).to_have_value("hi #1")
    submit.click()
    expect(said).to_have_value("hi #2")
    page.get_by_role("button", name="Clear").click()
    expect(said).to_have_value("")
    page.get_by_label("word").fill("yo")
    submit.click()
    expect(said).to_have_value("yo #1")


def test_unified_interface_answers_into_its_input(shell):
    # inputs and outputs are the same Textbox (Gradio's "unified" Interface): shown once,
    # editable, Submit writes the answer into it; Clear and Flag sit under it.
    page = shell("shell_interface_unified.py")
    box = page.get_by_label("text")
    expect(box).to_have_count(1)
    expect(box).to_be_editable()
    box.fill("stressed")
    page.get_by_role("button", name="Submit").click()
    expect(box).to_have_value("desserts")
    buttons = page.get_by_role("button")
    expect(buttons.filter(has_text=re.compile(r"^(Clear|Submit|Flag)$"))).to_have_count(3)
    page.get_by_role("button", name="Clear").click()
    expect(box).to_have_value("")


def test_trigger_mode_once_ignores_clicks_while_running(shell):
    page = shell(APP)
    btn = page.get_by_role("button", name="Slow once")
    btn.click()
    btn.click()
    btn.click()
    expect(page.get_by_label("Once count")).to_have_value("1")
    # clicks join at once: the two ignored ones would have been requested by now
    assert joins(page) == 1, page.seen_urls
    expect(page.get_by_label("Once count")).to_have_value("1")


def test_trigger_mode_multiple_runs_every_click(shell):
    page = shell(APP)
    btn = page.get_by_role("button", name="Slow multiple")
    btn.click()
    btn.click()
    # both runs read the input when they start (0), so both return 1; what
    # matters is that the second click started a second run (two completions)
    expect(page.get_by_label("Multiple count")).to_have_value("1")
    assert joins(page) == 2, page.seen_urls


def test_always_last_change_runs_with_the_latest_value(shell):
    page = shell(APP)
    box = page.get_by_label("Slow typed", exact=True)
    box.press_sequentially("abcde", delay=60)
    out = page.get_by_label("Slow typed out")
    expect(out).to_have_value(re.compile(r"^abcde\|\d+$"))
    # no run in flight or deferred (a deferred run starts as the previous one ends)
    expect(page.locator(".block").filter(has=out).locator(".status")).to_have_count(0)
    runs = int(out.input_value().split("|")[1])
    assert runs < 5, f"always_last should coalesce changes, ran {runs} times"


def test_show_progress_minimal_has_no_overlay(shell):
    page = shell(APP)
    page.get_by_role("button", name="Minimal progress").click()
    expect(page.locator(".status-minimal")).to_be_visible()
    expect(page.locator(".status-full")).to_have_count(0)
    expect(page.get_by_label("Minimal out")).to_have_value("1")
    expect(page.locator(".status")).to_have_count(0)


def test_heartbeat_is_opened_when_the_app_has_state(shell):
    page = shell(APP)
    expect(page.get_by_role("button", name="Bump state")).to_be_visible()
    wait_for_url(page, lambda u: "/gradio_api/heartbeat/" in u)


def test_validator_messages_appear_under_inputs(shell):
    page = shell("shell_errors.py")
    page.get_by_role("button", name="Register").click()
    age_block = page.locator(".block").filter(has=page.get_by_label("Age"))
    expect(age_block.get_by_role("alert")).to_have_text("Must be an adult")
    expect(page.get_by_label("Age")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Age")).to_have_accessible_description("Must be an adult")
    expect(page.locator(".block").filter(has=page.get_by_label("Who")).get_by_role("alert")).to_have_count(0)
    expect(page.get_by_label("Output")).to_have_value("")
    # As in Gradio: the outputs get no "Error" mark (set, if at all, with the message above),
    # and neither .then() nor .failure() runs.
    out_block = page.locator(".block").filter(has=page.get_by_label("Output"))
    expect(out_block.locator(".status-error")).to_have_count(0)
    page.wait_for_timeout(500)
    expect(page.get_by_label("Chain")).to_have_value("")
    page.get_by_label("Age").fill("30")
    expect(age_block.get_by_role("alert")).to_have_count(0)  # editing clears the message
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_label("Output")).to_have_value("registered Ann (30)")
    expect(page.get_by_label("Chain")).to_have_value("then;")


def test_textbox_submit_button_fires_submit(shell):
    page = shell(APP)
    page.get_by_role("button", name="Send it").click()
    expect(page.get_by_label("Chatty out")).to_have_value("hello")


def test_skip_leaves_an_output_unchanged(shell):
    page = shell(APP)
    page.get_by_role("button", name="Echo").click()
    expect(page.get_by_label("Echo out")).to_have_value("echo:abcdef")
    page.get_by_role("button", name="Skip update").click()
    expect(page.get_by_label("Direct out")).to_have_value("skip ran")
    expect(page.get_by_label("Echo out")).to_have_value("echo:abcdef")


def test_failed_output_is_marked_until_the_next_run(shell):
    page = shell(APP)
    page.get_by_role("button", name="Fail", exact=True).click()
    out_block = page.locator(".block").filter(has=page.get_by_label("Echo out"))
    expect(out_block.locator(".status-error")).to_have_text("Error")
    page.get_by_role("button", name="Echo").click()
    expect(page.get_by_label("Echo out")).to_have_value("echo:abcdef")
    expect(out_block.locator(".status-error")).to_have_count(0)


def test_text_selection_fires_select_with_select_data(shell):
    page = shell(APP)
    page.get_by_label("Source", exact=True).select_text()
    expect(page.get_by_label("Selected text")).to_have_value("abcdef@[0, 6]")
