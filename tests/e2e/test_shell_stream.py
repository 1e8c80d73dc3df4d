"""Streaming inputs in real Chromium (fake camera and microphone) against the native backend:
one ``/queue/join`` opens the stream, frames and WAV chunks follow as ``/stream/{event_id}``
posts and reach Python again and again; the stop button closes the stream
(``/stream/{event_id}/close``) and ``time_limit`` ends it."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from playwright.sync_api import expect

from shell_harness import run_clock_until

pytest.importorskip("numpy")
pytestmark = pytest.mark.e2e
APP = "shell_stream.py"


def posts(page: Any, pattern: str) -> list[str]:
    return [u for u in page.seen_urls if re.search(pattern, u)]


def number(page: Any, label: str) -> int:
    return int(float(page.get_by_label(label, exact=True).input_value() or 0))


def advance_until(page: Any, done: Any) -> None:
    """Lets the page's fake clock run in 100 ms steps (a real moment each, for the network) until ``done()``."""
    run_clock_until(page, done)


def wait_closed(page: Any) -> None:
    """Waits (in real time, generously) until the page sent a ``/stream/{event_id}/close``."""
    run_clock_until(page, lambda: bool(posts(page, r"/gradio_api/stream/[0-9a-f]+/close$")), max_fake_ms=0)


def wait_404(page: Any, url: str) -> None:
    """Polls ``url/close`` until the server says the stream is unknown (it has finished)."""
    page.wait_for_function("u => fetch(u + '/close', {method: 'POST', body: '{}'}).then(r => r.status === 404)",
                           arg=url, polling=200, timeout=60_000)


def test_webcam_frames_stream_into_one_event_until_stopped(shell: Any) -> None:
    # A fake clock: frames are taken only when the test lets time run, so "no more
    # frames after stop" is checked without sleeping.
    page = shell(APP, clock=True)
    block = page.locator(".block-image", has_text="Live")
    expect(block.get_by_role("button", name="Start streaming")).to_be_enabled(timeout=60_000)
    page.clock.pause_at(int(time.time() * 1000) + 1000)  # from here, page time moves only with run_for
    block.get_by_role("button", name="Start streaming").click()
    frames = page.get_by_label("Frames", exact=True)
    advance_until(page, lambda: number(page, "Frames") >= 4)
    expect(page.get_by_label("Frame size", exact=True)).to_have_value(re.compile(r"^\d+x\d+$"))
    # One event for the whole stream: the frames after the first were chunks of it.
    assert len(posts(page, r"/queue/join")) == 1
    chunk_urls = posts(page, r"/gradio_api/stream/[0-9a-f]+$")
    assert len(chunk_urls) >= 3 and len(set(chunk_urls)) == 1
    block.get_by_role("button", name="Stop streaming").click()
    advance_until(page, lambda: bool(posts(page, r"/gradio_api/stream/[0-9a-f]+/close$")))
    sent = len(posts(page, r"/gradio_api/stream/"))
    page.clock.run_for(3000)  # an interval still running would send frames now
    assert len(posts(page, r"/gradio_api/stream/")) == sent
    # The server finishes that stream: its URL then answers 404 (polled; closing twice is harmless).
    wait_404(page, chunk_urls[0])
    before = number(page, "Frames")
    # Streaming again opens a new event.
    block.get_by_role("button", name="Start streaming").click()
    advance_until(page, lambda: number(page, "Frames") > before)
    assert len(posts(page, r"/queue/join")) == 2


def test_time_limit_ends_the_stream(shell: Any) -> None:
    page = shell(APP)
    block = page.locator(".block-image", has_text="Short")
    start = block.get_by_role("button", name="Start streaming")
    expect(start).to_be_enabled(timeout=60_000)
    # The event id comes from the join's reply: on a loaded machine the whole time limit may pass
    # with one frame (sent with the join), so no chunk URL need exist.
    with page.expect_response(lambda r: r.url.split("?", 1)[0].endswith("/queue/join"), timeout=60_000) as join:
        start.click()
    event_id = join.value.json()["event_id"]
    expect(page.get_by_label("Short frames", exact=True)).not_to_have_value("0", timeout=60_000)
    # time_limit=3: the stream ends by itself and the button offers to start again.
    expect(start).to_be_visible(timeout=60_000)
    # The event is over on the server: its stream URL now answers 404.
    wait_404(page, f"{page.url.split('/__shell__/')[0]}/gradio_api/stream/{event_id}")
    # Frames reached Python, and not more than time_limit / stream_every (+ slack) of them.
    # (When the server's limit ends the event first, the page's next frame may open a new one,
    # as in Gradio, until the page's own timer stops the camera.)
    assert 1 <= number(page, "Short frames") <= 2 * (3 / 0.2 + 2)


def test_microphone_chunks_reach_python_as_numpy(shell: Any) -> None:
    page = shell(APP)
    block = page.locator(".block-audio", has_text="Mic")
    started = time.monotonic()
    block.get_by_role("button", name="Record").click()
    heard = page.get_by_label("Heard", exact=True)
    expect(heard).to_have_value(re.compile(r"^rate=\d+ samples=\d+$"), timeout=60_000)
    expect(page.get_by_label("Chunks", exact=True)).to_have_value(re.compile(r"^([3-9]|\d\d+)$"), timeout=60_000)
    rate = int(heard.input_value().split()[0].split("=")[1])
    block.get_by_role("button", name="Stop").click()
    recorded = time.monotonic() - started  # at least as long as the microphone was on
    wait_closed(page)
    chunks, total = number(page, "Chunks"), number(page, "Samples")
    # Every chunk holds only new samples (stream_every=0.3 s or more each when the page is slow):
    # together no more than the time recorded, at the rate Python saw.
    assert rate >= 8000 and chunks >= 3
    assert 0.2 * chunks < total / rate < recorded + 0.5, (chunks, total, rate, recorded)
    assert len(posts(page, r"/queue/join")) == 1
    # No recording became the component's value.
    expect(block.locator("audio")).to_have_count(0)
