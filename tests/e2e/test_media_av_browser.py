"""Audio, Video, UploadButton and DownloadButton in real Chromium on Pyodide.

Capture uses Chromium's fake devices (``--use-fake-device-for-media-stream``,
see conftest.ARGS): the microphone is a periodic beep, the camera a test card.
Media reach the page through the service worker, so seeking shows 206 answers.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from e2e_pages import SPY_GUM, wait_ready
from wasmui import media

APP = Path(__file__).resolve().parent / "media_av_app"
SHOTS = Path(os.environ.get("WASMUI_SHOTS", "/tmp/wasmui-shots"))


@pytest.fixture
def app_page(page: Any, built_site: Any, served: Any) -> Any:
    base = served(built_site(APP))
    page.responses = []
    page.on("response", lambda r: page.responses.append((r.status, r.url)))
    page.goto(base + "/")
    wait_ready(page)
    page.base = base
    return page


# Bright pixels in the left and right halves of the top fifth of a video frame (corners excluded).
TOP_BAND_JS = """async (v) => {
    if (v.src) await new Promise(r => { v.addEventListener('seeked', r, {once: true}); v.currentTime = 0.5; });
    const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight;
    const g = c.getContext('2d'); g.drawImage(v, 0, 0);
    const band = g.getImageData(0, 0, c.width, Math.floor(c.height / 5)).data;
    let left = 0, right = 0;
    const margin = c.width * 0.1;  // leave out the pattern's bright corner squares
    for (let i = 0; i < band.length; i += 4) {
        const x = (i / 4) % c.width;
        if (band[i + 1] < 200 || x < margin || x > c.width - margin) continue;
        if (x < c.width / 2) left++; else right++;
    }
    return {left, right};
}"""


def media_state(page: Any, selector: str) -> dict[str, Any]:
    return page.locator(selector).evaluate(
        "m => ({duration: m.duration, time: m.currentTime, ended: m.ended, paused: m.paused, src: m.src})")


def test_audio_output_plays_for_its_duration(app_page: Any) -> None:
    page = app_page
    page.get_by_label("Seconds").fill("1.5")
    page.get_by_role("button", name="Make tone").click()
    player = page.locator("[data-testid=block-3] audio, audio[aria-label=Tone]").first
    expect(player).to_have_attribute("src", re.compile(r"tone-1\.5\.wav$"))
    player.evaluate("m => m.readyState >= 1 || new Promise(r => m.addEventListener('loadedmetadata', r, {once: true}))")
    assert media_state(page, "audio[aria-label=Tone]")["duration"] == pytest.approx(1.5, abs=0.02)
    # A real click on the native play button (left end of the controls): a user gesture.
    box = player.bounding_box()
    page.mouse.click(box["x"] + 20, box["y"] + box["height"] / 2)
    expect(page.get_by_label("Plays")).to_have_value("1")  # the play event reached Python
    page.wait_for_function("m => m.ended", arg=player.element_handle())
    assert media_state(page, "audio[aria-label=Tone]")["time"] == pytest.approx(1.5, abs=0.05)
    assert any(status == 206 and "tone-1.5.wav" in url for status, url in page.responses)


def test_microphone_recording_reaches_the_function_as_wav(app_page: Any) -> None:
    page = app_page
    page.get_by_role("button", name="Record").click()
    page.wait_for_function(
        "() => { const e = document.querySelector('wasmui-app').shadowRoot.querySelector('[data-testid=recording-time]');"
        " return e && +e.dataset.seconds >= 1.0 }")
    page.get_by_role("button", name="Stop").click()
    heard = page.get_by_label("Heard")
    expect(heard).to_have_value(re.compile(r"^rate=44100 seconds=\d\.\d\d channels=1$"))
    seconds = float(re.search(r"seconds=([\d.]+)", heard.input_value()).group(1))  # type: ignore[union-attr]
    assert 1.0 <= seconds <= 4.0
    # The recording is now the component's value: a player with the WAV.
    expect(page.locator("audio[aria-label=Mic]")).to_have_attribute("src", re.compile(r"recording-.*\.wav$"))


def test_recorder_offers_a_microphone_picker_and_records_the_chosen_one(page: Any, built_site: Any, served: Any) -> None:
    # Gradio's recorder has an input-device <select> beside Record (js/audio DeviceSelect);
    # here the choice is also the microphone that records. Chromium's fake device lists three.
    page.add_init_script(SPY_GUM)
    page.goto(served(built_site(APP)) + "/")
    wait_ready(page)
    picker = page.get_by_role("combobox", name="Select input device")
    expect(picker).to_be_enabled()
    expect(picker.locator("option")).to_have_text(["Fake Default Audio Input", "Fake Audio Input 1", "Fake Audio Input 2"])
    record = page.get_by_role("button", name="Record")
    box, rec_box = picker.bounding_box(), record.bounding_box()
    assert abs((box["y"] + box["height"] / 2) - (rec_box["y"] + rec_box["height"] / 2)) < 4, "not beside Record"
    picker.select_option(label="Fake Audio Input 2")
    record.click()
    expect(picker).to_be_disabled()  # shown, not changeable, while recording
    page.wait_for_function(
        "() => { const e = document.querySelector('wasmui-app').shadowRoot.querySelector('[data-testid=recording-time]');"
        " return e && +e.dataset.seconds >= 0.5 }")
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_label("Heard")).to_have_value(re.compile(r"^rate=44100 seconds="))
    calls = page.evaluate("window.__gum")
    assert [c["track"] for c in calls] == ["Fake Audio Input 2"], calls
    assert '"exact"' in calls[0]["constraints"], calls


def test_recorder_without_any_microphone(browser: Any, built_site: Any, served: Any) -> None:
    # A second Chromium without the fake devices: this machine has no microphone at all.
    # Gradio's picker then says "No microphone found" (disabled); Record says what to do.
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--use-fake-ui-for-media-stream"]
    bare = browser.browser_type.launch(executable_path=os.environ.get("WASMUI_CHROMIUM", "/usr/bin/chromium"),
                                       args=args, headless=True)
    try:
        page = bare.new_page()
        page.goto(served(built_site(APP)) + "/")
        wait_ready(page)
        if page.evaluate("navigator.mediaDevices.enumerateDevices().then(ds => ds.some(d => d.kind === 'audioinput'))"):
            pytest.skip("this machine has a real microphone")
        picker = page.get_by_role("combobox", name="Select input device")
        expect(picker).to_be_disabled()
        expect(picker).to_have_text("No microphone found")
        page.get_by_role("button", name="Record").click()
        expect(page.get_by_role("alert")).to_contain_text("No microphone was found. Connect one and try again.")
        expect(page.get_by_role("button", name="Record")).to_be_enabled()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.locator(".media-block").filter(has=picker).screenshot(path=str(SHOTS / "audio-recorder-no-microphone.png"))
    finally:
        bare.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_recorder_screenshots(page: Any, built_site: Any, served: Any, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 900, "height": 700})
    page.goto(served(built_site(APP)) + "/")
    wait_ready(page)
    picker = page.get_by_role("combobox", name="Select input device")
    expect(picker.locator("option")).to_have_count(3)
    block = page.locator(".media-block").filter(has=picker)
    SHOTS.mkdir(parents=True, exist_ok=True)
    block.screenshot(path=str(SHOTS / f"audio-recorder-{scheme}.png"))
    page.get_by_role("button", name="Record").click()
    expect(picker).to_be_disabled()
    block.screenshot(path=str(SHOTS / f"audio-recording-{scheme}.png"))
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_label("Heard")).not_to_have_value("")


def test_denied_microphone_gives_a_readable_message(new_page: Any, built_site: Any, served: Any) -> None:
    # The fake-UI flag grants every prompt, so deny by permissions policy: the app in an
    # iframe that is not allowed the microphone gets a real NotAllowedError.
    base = served(built_site(APP))
    page = new_page()
    page.goto(base + "/sw.js")  # any same-origin document to host the iframe
    page.set_content(f'<iframe allow="microphone \'none\'" src="{base}/" style="width:1000px;height:800px"></iframe>')
    frame = page.frame_locator("iframe")
    record = frame.get_by_role("button", name="Record")
    expect(record).to_be_visible(timeout=120_000)
    page.frames[1].wait_for_function("() => document.querySelector('wasmui-app').phase === 'ready'", timeout=120_000)
    # The picker still lists what the browser names (Chromium does, though the frame may not
    # use them); Record explains the refusal and stays ready for another try.
    picker = frame.get_by_role("combobox", name="Select input device")
    expect(picker).to_be_visible()
    record.click()
    expect(frame.get_by_role("alert")).to_contain_text("Access to the microphone was denied")
    expect(record).to_be_enabled()
    expect(picker).to_be_enabled()
    # Nothing is stuck: the rest of the app still answers.
    frame.get_by_role("button", name="Make tone").click()
    expect(frame.locator("audio[aria-label=Tone]")).to_have_attribute("src", re.compile(r"\.wav$"))


def test_video_uploads_plays_and_seeks_with_range_requests(app_page: Any) -> None:
    page = app_page
    page.get_by_role("tab", name="Video").click()
    page.locator("input[type=file][aria-label='Video in']").set_input_files(media.get_video("world.mp4"))
    out = page.locator("video[aria-label='Video out']")
    expect(out).to_have_attribute("src", re.compile(r"world\.mp4$"))
    out.evaluate("v => v.readyState >= 1 || new Promise(r => v.addEventListener('loadedmetadata', r, {once: true}))")
    assert media_state(page, "video[aria-label='Video out']")["duration"] == pytest.approx(10, abs=0.5)
    # Muted playback needs no gesture; then seek into the middle.
    out.evaluate("v => { v.muted = true; return v.play() }")
    page.wait_for_function("v => v.currentTime > 0.3", arg=out.element_handle())
    out.evaluate("v => new Promise(r => { v.addEventListener('seeked', r, {once: true}); v.currentTime = 6; })")
    state = media_state(page, "video[aria-label='Video out']")
    assert state["time"] >= 6
    partial = [url for status, url in page.responses if status == 206 and url.endswith("world.mp4")]
    assert partial, "the video was not fetched with Range requests"


def test_webcam_recording_reaches_the_function(app_page: Any) -> None:
    page = app_page
    page.get_by_role("tab", name="Webcam").click()
    record = page.get_by_role("button", name="Record")
    expect(record).to_be_enabled()  # the fake camera is open
    record.click()
    page.wait_for_function(
        "() => { const e = document.querySelector('wasmui-app').shadowRoot.querySelector('[data-testid=recording-time]');"
        " return e && +e.dataset.seconds >= 1.0 }")
    page.get_by_role("button", name=re.compile("^Stop")).click()
    expect(page.get_by_label("Clip")).to_have_value(re.compile(r"^\.(mp4|webm) True$"), timeout=30_000)
    camera = page.locator("video[aria-label=Camera]")
    expect(camera).to_have_attribute("src", re.compile(r"webcam-.*\.(mp4|webm)$"))
    camera.evaluate("v => v.readyState >= 1 || new Promise(r => v.addEventListener('loadedmetadata', r, {once: true}))")
    # Webcam-only with mirror (the default): the clip is flipped like the preview. Chromium's fake
    # camera prints its clock in the top-left corner; in the clip that text is on the right.
    recorded = camera.evaluate(TOP_BAND_JS)
    raw = page.evaluate("""async () => {
        const v = document.createElement('video'); v.muted = true;
        v.srcObject = await navigator.mediaDevices.getUserMedia({video: true});
        await v.play(); await new Promise(r => setTimeout(r, 300));
        return (""" + TOP_BAND_JS + """)(v); }""")
    assert raw["left"] > 2 * raw["right"], raw
    assert recorded["right"] > 2 * recorded["left"], recorded


def test_initial_video_value_with_subtitles_and_playback_position(app_page: Any) -> None:
    page = app_page
    page.get_by_role("tab", name="Video").click()
    sample = page.locator("video[aria-label='Sample video']")
    expect(sample).to_have_attribute("src", re.compile(r"world\.mp4$"))
    page.wait_for_function("v => v.readyState >= 1 && v.currentTime >= 2", arg=sample.element_handle())
    cues = sample.evaluate("""v => new Promise(r => {
        const t = v.textTracks[0]; t.mode = 'hidden';
        const done = () => r(Array.from(t.cues || []).map(c => c.text));
        t.cues && t.cues.length ? done() : v.querySelector('track').addEventListener('load', done, {once: true});
    })""")
    assert cues == ["First caption", "Second caption"]


def test_upload_button_then_download_button_round_trip(app_page: Any, tmp_path: Path) -> None:
    page = app_page
    page.get_by_role("tab", name="Buttons").click()
    source = tmp_path / "notes.txt"
    source.write_text("round trip ✓\n")
    page.locator(".upload-button-wrap input[type=file]").set_input_files(str(source))
    expect(page.get_by_label("Content")).to_have_value("round trip ✓\n")
    download_button = page.get_by_role("button", name="Download notes.txt")
    expect(download_button).to_be_visible()
    with page.expect_download() as info:
        download_button.click()
    download = info.value
    assert download.suggested_filename == "notes.txt"
    assert Path(download.path()).read_text() == "round trip ✓\n"


def test_wrong_file_type_is_a_readable_error_and_the_next_event_works(app_page: Any) -> None:
    page = app_page
    page.get_by_role("tab", name="Buttons").click()
    page.locator(".upload-button-wrap input[type=file]").set_input_files(media.get_image("logo.png"))
    error = page.get_by_text(re.compile(r"Invalid file type: logo\.png\. Please upload a file that is one of these formats: \['\.txt'\]"))
    expect(error).to_be_visible()
    expect(error).to_have_count(1)  # .success() did not run after the failure
    expect(page.get_by_role("button", name=re.compile("^Download"))).to_be_hidden()
    page.get_by_role("button", name="Echo").click()
    expect(page.get_by_label("Echo")).to_have_value("still works")


def test_without_a_service_worker_media_play_from_blob_urls(new_page: Any, built_site: Any, served: Any) -> None:
    base = served(built_site(APP))
    page = new_page(service_workers="block")
    page.goto(base + "/")
    wait_ready(page)
    page.get_by_label("Seconds").fill("0.8")
    page.get_by_role("button", name="Make tone").click()
    player = page.locator("audio[aria-label=Tone]")
    expect(player).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
    duration = player.evaluate(
        "m => m.readyState >= 1 ? m.duration : new Promise(r => m.addEventListener('loadedmetadata', () => r(m.duration), {once: true}))")
    assert duration == pytest.approx(0.8, abs=0.02)
    page.get_by_role("tab", name="Video").click()
    sample = page.locator("video[aria-label='Sample video']")
    expect(sample).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
    page.wait_for_function("v => v.readyState >= 1 && v.currentTime >= 2", arg=sample.element_handle())


def test_video_conversions_and_watermarks_that_need_ffmpeg_are_readable_errors(app_page: Any, tmp_path: Path) -> None:
    page = app_page
    page.get_by_role("tab", name="Formats").click()
    # format="mp4" given a .webm: Gradio converts with ffmpeg; here the error names both formats.
    clip = tmp_path / "clip.webm"
    clip.write_bytes(Path(media.get_video("world.mp4")).read_bytes())
    upload = page.locator("input[type=file][aria-label='Mp4 only']")
    upload.set_input_files(str(clip))
    expect(page.get_by_text("Cannot convert webm video to mp4 in the browser: there is no ffmpeg. "
                            "Upload a file in that format or set format=None.").first).to_be_visible(timeout=30_000)
    expect(page.get_by_label("Mp4 got")).to_have_value("")
    # The next upload, already mp4, works.
    page.locator(".block-video", has_text="Mp4 only").get_by_role("button", name="Clear").click()
    page.locator("input[type=file][aria-label='Mp4 only']").set_input_files(media.get_video("a.mp4"))
    expect(page.get_by_label("Mp4 got")).to_have_value("a.mp4", timeout=30_000)
    # A watermark is burnt in with ffmpeg in Gradio: here a readable error, and the app goes on.
    page.get_by_role("button", name="Mark video").click()
    expect(page.get_by_text("Cannot add a watermark to a video in the browser: there is no ffmpeg.").first).to_be_visible(
        timeout=30_000)
    expect(page.locator("video[aria-label='Marked']")).to_have_count(0)
    page.get_by_role("tab", name="Buttons").click()
    page.get_by_role("button", name="Echo").click()
    expect(page.get_by_label("Echo")).to_have_value("still works")


def test_webcam_records_in_the_asked_format(app_page: Any) -> None:
    page = app_page
    # This Chromium records mp4 too, and prefers it when no format is asked (see the Webcam tab).
    assert page.evaluate("() => MediaRecorder.isTypeSupported('video/mp4')")
    page.get_by_role("tab", name="Formats").click()
    cam = page.locator(".block-video", has_text="Webm camera")
    record = cam.get_by_role("button", name="Record")
    expect(record).to_be_enabled()
    record.click()
    page.wait_for_function(
        "() => { const e = document.querySelector('wasmui-app').shadowRoot.querySelector('[data-testid=recording-time]');"
        " return e && +e.dataset.seconds >= 0.6 }")
    cam.get_by_role("button", name=re.compile("^Stop")).click()
    expect(page.get_by_label("Webm clip")).to_have_value(".webm", timeout=30_000)
