"""Gradio's audio, video and streaming demos, unchanged, in the browser on the full Pyodide
distribution: Python in the worker, the app's routes (``/queue/join``, ``/stream/{event_id}``,
uploads, media with Range requests) answered by the service worker, Chromium's fake camera
and microphone.

Each ``demo/<name>/run.py`` is read from a Gradio checkout (``WASMUI_GRADIO_CHECKOUT``,
default: the bare mirror next to the project) and all are built as one gallery site.
Skipped without the checkout or the distribution.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from e2e_pages import foreign_requests, wait_ready
from playwright.sync_api import expect

from wasmui import build, media

CHECKOUT = Path(os.environ.get("WASMUI_GRADIO_CHECKOUT", "/work/.mirror/gradio-app+gradio/repo"))

pytest.importorskip("numpy")
LONG = 120_000  # first event of a page: numpy loads in the worker


def demo_source(name: str) -> str:
    """``demo/<name>/run.py`` of the Gradio checkout (a work tree or a bare repository)."""
    path = CHECKOUT / "demo" / name / "run.py"
    if path.is_file():
        return path.read_text()
    return subprocess.run(["git", "-C", str(CHECKOUT), "show", f"HEAD:demo/{name}/run.py"],
                          check=True, capture_output=True, text=True).stdout


_ROOT = "document.querySelector('wasmui-app').shadowRoot"


# The page talks to its worker over a MessagePort (media over the service worker): a spy on
# that port's request messages lets the test see /queue/join and /stream/{event_id} calls.
PORT_SPY = """(() => {
  const post = MessagePort.prototype.postMessage;
  window.__portRequests = [];
  MessagePort.prototype.postMessage = function (m, t) {
    if (m && m.type === 'request') window.__portRequests.push(m.url);
    return post.call(this, m, t);
  };
})()"""


def posts(page: Any, pattern: str) -> list[str]:
    """App URLs the page requested (over the worker's port or the network) matching ``pattern``."""
    seen = page.evaluate("() => window.__portRequests || []") + page.requests
    return [u for u in seen if re.search(pattern, u)]


def media_duration(page: Any, selector: str) -> float:
    """The duration of the (current) media element matching ``selector``, once known."""
    return float(page.evaluate(f"""() => new Promise(ok => {{
        const m = {_ROOT}.querySelector({selector!r});
        if (m.readyState >= 1 && Number.isFinite(m.duration)) ok(m.duration);
        else m.addEventListener('loadedmetadata', () => ok(m.duration), {{once: true}}); }})"""))


def number(page: Any, label: str) -> float:
    return float(page.get_by_label(label, exact=True).input_value() or 0)


def recorded_for(page: Any, seconds: float, block: Any) -> None:
    """Waits until the recorder in ``block`` shows at least ``seconds`` recorded."""
    expect(block.get_by_test_id("recording-time")).to_be_visible(timeout=30_000)
    block.get_by_test_id("recording-time").element_handle().wait_for_element_state("stable")
    page.wait_for_function("([e, s]) => +e.dataset.seconds >= s",
                           arg=[block.get_by_test_id("recording-time").element_handle(), seconds], timeout=30_000)


# -- the demos ----------------------------------------------------------------------
def stream_audio(page: Any) -> None:
    # inp.stream(add_to_stream, [inp, state], [out, state]): microphone chunks into numpy,
    # concatenated in Python, the growing clip shown in the output Audio.
    mic, out = page.locator(".block-audio").nth(0), page.locator(".block-audio").nth(1)
    mic.get_by_role("button", name="Record").click()
    expect(out.locator("audio")).to_have_count(1, timeout=LONG)
    # The only <audio> is the output's (streamed chunks never become the input's value).
    page.wait_for_function(f"() => {_ROOT}.querySelectorAll('audio').length === 1 && "
                           f"{_ROOT}.querySelector('audio').duration >= 1.2", timeout=LONG)
    app = page.locator("wasmui-app")
    assert app.get_attribute("data-events-done") in (None, "0")  # the stream's event is still open
    mic.get_by_role("button", name="Stop").click()
    # Stop closes the stream; Python then runs once more on the last chunk and the event completes
    # with that answer, as in Gradio. Clear runs concurrently with it (another function, as in
    # Gradio's queue): clicked before the stream's event ended, its None could land first and the
    # stream's last answer show the clip again. So everything below waits for that event to end.
    expect(app).to_have_attribute("data-events-done", "1", timeout=30_000)
    expect(out).not_to_have_class(re.compile(r"\bgenerating\b"))
    chunk_urls = posts(page, r"/gradio_api/stream/[0-9a-f]+$")
    # One event for the whole recording; its chunks went to one stream URL, through the service worker.
    assert len(posts(page, r"/queue/join")) == 1
    # The first chunk rides on the join; the later ones go to one stream URL.
    assert len(chunk_urls) >= 2 and len(set(chunk_urls)) == 1, chunk_urls
    assert posts(page, r"/gradio_api/stream/[0-9a-f]+/close$")
    # Python concatenated the chunks (stream_every 0.5 s): the clip is about that many half seconds.
    total = media_duration(page, "audio")
    assert 0.3 * (len(chunk_urls) + 1) <= total <= 0.7 * (len(chunk_urls) + 1) + 0.5, (total, len(chunk_urls))
    page.get_by_role("button", name="Clear").click()
    expect(app).to_have_attribute("data-events-done", "2", timeout=30_000)
    expect(out.locator("audio")).to_have_count(0)


def stream_frames(page: Any) -> None:
    # A live Interface whose Image(streaming=True) sends webcam frames; flipud in numpy.
    block = page.locator(".block-image").nth(0)
    block.get_by_role("button", name="Start streaming").click()
    out = page.locator(".block-image").nth(1).get_by_test_id("image-display")
    expect(out).to_be_visible(timeout=LONG)
    first = out.get_attribute("src")
    expect(out).not_to_have_attribute("src", first or "", timeout=30_000)  # later frames replace it
    for _ in range(200):
        if len(posts(page, r"/gradio_api/stream/[0-9a-f]+$")) >= 3:
            break
        page.wait_for_timeout(50)
    # The frames after the first went as chunks of that one event, to one stream URL.
    chunk_urls = posts(page, r"/gradio_api/stream/[0-9a-f]+$")
    assert len(chunk_urls) >= 3 and len(set(chunk_urls[:3])) == 1
    assert len(posts(page, r"/queue/join")) >= 1
    # An Interface's stream lasts at most time_limit=30 s; on a slow machine it may be over already.
    stop = block.get_by_role("button", name="Stop streaming")
    if stop.count():
        stop.click()
        for _ in range(100):
            if posts(page, r"/gradio_api/stream/[0-9a-f]+/close$"):
                break
            page.wait_for_timeout(50)
        assert posts(page, r"/gradio_api/stream/[0-9a-f]+/close$")
    expect(block.get_by_role("button", name="Start streaming")).to_be_visible(timeout=40_000)


def webcam(page: Any) -> None:
    # snap(image, video) -> [image, video]: a photo and a MediaRecorder clip of the fake camera.
    page.get_by_role("button", name="Take a photo").click()
    video_in = page.locator(".block-video").nth(0)
    expect(video_in.get_by_role("button", name="Record")).to_be_enabled(timeout=30_000)
    video_in.get_by_role("button", name="Record").click()
    recorded_for(page, 1.2, video_in)
    video_in.get_by_test_id("recording-time").click()  # the Stop button
    expect(video_in.get_by_test_id("video-player")).to_be_visible(timeout=LONG)
    page.get_by_role("button", name="Submit").click()
    out = page.locator(".block-video").nth(1).get_by_test_id("video-player")
    expect(out).to_be_visible(timeout=LONG)
    expect(page.locator(".block-image").nth(1).get_by_test_id("image-display")).to_be_visible()
    assert media_duration(page, ".block-video [data-testid=video-player]") > 0.5


def audio_component_events(page: Any) -> None:
    upload = page.locator("input[type=file][aria-label='Input Audio']")
    upload.set_input_files(media.get_audio("cantina.wav"))  # 2 s
    out = page.locator(".block-audio", has_text="Output Audio")
    expect(out.locator("audio")).to_have_count(1, timeout=LONG)
    for label in ("# Input Upload Events", "# Input Change Events", "# Input Input Events"):
        expect(page.get_by_label(label, exact=True)).to_have_value("1", timeout=30_000)
    # The output plays to its end: play, then stop.
    out.locator("audio").evaluate("m => { m.muted = true; return m.play(); }")
    expect(page.get_by_label("# Output Play Events", exact=True)).to_have_value("1", timeout=30_000)
    expect(page.get_by_label("# Output Stop Events", exact=True)).to_have_value("1", timeout=30_000)
    # Trimming the (editable) input: a region over the waveform, moved with the keyboard, then Trim.
    inp = page.locator(".block-audio", has_text="Input Audio")
    inp.get_by_role("button", name="Trim audio to selection").click()
    end = inp.get_by_role("button", name="Drag to adjust end time")
    expect(end).to_have_attribute("data-seconds", "1.00")  # a quarter to a half of the 2 s clip
    for _ in range(5):
        end.press("ArrowRight")
    expect(end).to_have_attribute("data-seconds", "1.50")
    inp.get_by_role("button", name="Trim", exact=True).click()
    expect(page.get_by_label("# Input Change Events", exact=True)).to_have_value("2", timeout=30_000)
    assert media_duration(page, "audio") == pytest.approx(1.0, abs=0.02)  # 0.5 s .. 1.5 s
    inp.get_by_role("button", name="Reset audio").click()
    expect(page.get_by_label("# Input Change Events", exact=True)).to_have_value("3", timeout=30_000)
    assert media_duration(page, "audio") == pytest.approx(2.0, abs=0.02)
    # Recording: start, pause, stop each reach Python.
    inp.get_by_role("button", name="Clear").click()
    inp.get_by_role("tab", name="Record audio").click()
    inp.get_by_role("button", name="Record").click()
    expect(page.get_by_label("# Input Start Recording Events", exact=True)).to_have_value("1", timeout=30_000)
    recorded_for(page, 0.5, inp)
    inp.get_by_role("button", name="Pause").click()
    expect(page.get_by_label("# Input Pause Recording Events", exact=True)).to_have_value("1", timeout=30_000)
    inp.get_by_role("button", name="Resume").click()
    inp.get_by_role("button", name="Stop").click()
    expect(page.get_by_label("# Input Stop Recording Events", exact=True)).to_have_value("1", timeout=30_000)
    expect(inp.locator("audio")).to_have_count(1)


def reverse_audio(page: Any) -> None:
    # An Interface with a microphone-only input: as in Gradio, no upload anywhere (the output
    # Audio is shown, not edited); a recording of the fake microphone, flipped in numpy.
    expect(page.get_by_role("button", name="Submit")).to_be_visible()
    assert page.locator("input[type=file]").count() == 0
    mic, out = page.locator(".block-audio").nth(0), page.locator(".block-audio").nth(1)
    mic.get_by_role("button", name="Record").click()
    recorded_for(page, 1.0, mic)
    mic.get_by_role("button", name="Stop").click()
    expect(mic.locator("audio")).to_have_count(1, timeout=30_000)
    recorded = media_duration(page, ".block-audio audio")
    page.get_by_role("button", name="Submit").click()
    expect(out.locator("audio")).to_have_count(1, timeout=LONG)
    flipped = float(out.locator("audio").evaluate(
        "m => m.readyState >= 1 ? m.duration : new Promise(ok => m.addEventListener('loadedmetadata', () => ok(m.duration), {once: true}))"))
    assert recorded >= 0.9 and flipped == pytest.approx(recorded, abs=0.05)
    assert out.locator("input[type=file], .drop-zone").count() == 0


def video_component(page: Any) -> None:
    # cache_examples=True: the example's answer was computed by the build and shows at once.
    page.locator(".dataset-pick").first.click()
    players = page.get_by_test_id("video-player")
    expect(players).to_have_count(2, timeout=LONG)
    assert media_duration(page, "[data-testid=video-player]") > 1
    page.get_by_role("button", name="Submit").click()
    expect(players.nth(1)).to_have_attribute("src", re.compile(r"world.*\.mp4$|/file="), timeout=LONG)


def video_component_events(page: Any) -> None:
    page.locator("input[type=file][aria-label='Input Video']").set_input_files(media.get_video("world.mp4"))
    for label in ("# Upload Events", "# Change Events", "# Input Events"):
        expect(page.get_by_label(label, exact=True)).to_have_value("1", timeout=LONG)
    out = page.locator(".block-video", has_text="Output Video").get_by_test_id("video-player")
    expect(out).to_be_visible()
    inp = page.locator(".block-video", has_text="Input Video").get_by_test_id("video-player")
    inp.evaluate("m => { m.muted = true; return m.play(); }")
    expect(page.get_by_label("# Play Events", exact=True)).to_have_value("1", timeout=30_000)
    inp.evaluate("m => m.pause()")
    expect(page.get_by_label("# Pause Events", exact=True)).to_have_value("1", timeout=30_000)


def playback_position(page: Any) -> None:
    # def f(a: gr.Audio): return a.playback_position -- the page sends the component's props.
    page.get_by_role("button", name="Get Audio Playback Position").click()
    box = page.get_by_label("Current Audio Position (seconds)")
    expect(box).not_to_have_value("0", timeout=LONG)
    first = float(box.input_value())
    assert 1.5 <= first <= 2.5
    audio = page.locator("#audio audio")
    audio.evaluate("m => { m.muted = true; return m.play(); }")
    page.wait_for_function("m => m.currentTime > 3", arg=audio.element_handle(), timeout=30_000)
    audio.evaluate("m => m.pause()")
    page.get_by_role("button", name="Get Audio Playback Position").click()
    expect(box).not_to_have_value(str(first).rstrip("0").rstrip("."), timeout=30_000)
    assert float(box.input_value()) > 3
    page.get_by_role("button", name="Set Audio Playback Position to 10 seconds").click()
    page.wait_for_function("m => Math.abs(m.currentTime - 10) < 0.2", arg=audio.element_handle(), timeout=30_000)
    page.get_by_role("tab", name="Video").click()
    page.get_by_role("button", name="Get Video Playback Position").click()
    vbox = page.get_by_label("Current Video Position (seconds)")
    expect(vbox).not_to_have_value("0", timeout=30_000)
    assert 4.5 <= float(vbox.input_value()) <= 5.5


DEMOS: dict[str, Callable[[Any], None]] = {
    "stream_audio": stream_audio,
    "stream_frames": stream_frames,
    "webcam": webcam,
    "audio_component_events": audio_component_events,
    "reverse_audio": reverse_audio,
    "video_component": video_component,
    "video_component_events": video_component_events,
    "playback_position": playback_position,
}


@pytest.fixture(scope="module")
def av_site(pyodide_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (CHECKOUT / "demo").is_dir() and not (CHECKOUT / "HEAD").is_file():
        pytest.skip(f"no Gradio checkout at {CHECKOUT} (set WASMUI_GRADIO_CHECKOUT)")
    apps = tmp_path_factory.mktemp("av-demos")
    for name in DEMOS:
        (apps / name).mkdir()
        (apps / name / "app.py").write_text(demo_source(name))
    return build.build_site(apps, tmp_path_factory.mktemp("av-demo-site"), pyodide=str(pyodide_dist))


@pytest.mark.parametrize("name", list(DEMOS))
def test_gradio_av_demo_runs_in_the_browser(name: str, page: Any, served: Any, av_site: Path) -> None:
    base = served(av_site)
    page.add_init_script(PORT_SPY)
    page.goto(f"{base}/apps/{name}/")
    wait_ready(page)
    DEMOS[name](page)
    assert foreign_requests(page, base) == []
    assert not re.search(r"Traceback", page.locator("wasmui-app").inner_text())
