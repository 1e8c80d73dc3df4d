"""Streamed Audio and Video outputs (``streaming=True`` fed by a generator) in Chromium on
Pyodide: the service worker answers ``/gradio_api/stream/.../playlist.m3u8``, its segments
and ``playlist-file``; the page plays WAV segments back to back on the Web Audio clock,
then shows the whole stream (one WAV) in the normal player; mp4 chunks play in turn.

One gallery site: ``stream_out_app`` (tones, continued WAV bytes, an mp3 chunk, mp4
chunks) and Gradio's ``stream_audio_out`` demo unchanged, with pydub (pure Python) from
PyPI as its requirement (downloaded once into the test cache; skipped when offline).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from e2e_pages import foreign_requests, open_site_app
from playwright.sync_api import expect

from wasmui import build

HERE = Path(__file__).resolve().parent
CHECKOUT = Path(os.environ.get("WASMUI_GRADIO_CHECKOUT", "/work/.mirror/gradio-app+gradio/repo"))
PYDUB = "pydub==0.25.1"
LONG = 120_000  # the first event of a page loads numpy in the worker
_ROOT = "document.querySelector('wasmui-app').shadowRoot"

pytest.importorskip("numpy")


def pydub_wheel() -> Path | None:
    cache = Path(os.environ.get("WASMUI_TEST_CACHE", Path.home() / ".cache" / "wasmui-tests")) / "stream-wheels"
    found = sorted(cache.glob("pydub-*.whl"))
    if found:
        return found[0]
    cache.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                           "-d", str(cache), PYDUB], capture_output=True, text=True, timeout=300)
    found = sorted(cache.glob("pydub-*.whl"))
    return found[0] if done.returncode == 0 and found else None


def demo_source(name: str) -> str | None:
    path = CHECKOUT / "demo" / name / "run.py"
    if path.is_file():
        return path.read_text()
    found = subprocess.run(["git", "-C", str(CHECKOUT), "show", f"HEAD:demo/{name}/run.py"],
                           capture_output=True, text=True)
    return found.stdout if found.returncode == 0 else None


@pytest.fixture(scope="module")
def site(pyodide_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    apps = tmp_path_factory.mktemp("stream-out-apps")
    shutil.copytree(HERE / "stream_out_app", apps / "stream_out")
    source, wheel = demo_source("stream_audio_out"), pydub_wheel()
    if source is not None and wheel is not None:
        demo = apps / "stream_audio_out"
        (demo / "wheels").mkdir(parents=True)
        (demo / "app.py").write_text(source)
        (demo / "requirements.txt").write_text(PYDUB + "\n")
        shutil.copy(wheel, demo / "wheels" / wheel.name)
    return build.build_site(apps, tmp_path_factory.mktemp("stream-out-site"), pyodide=str(pyodide_dist))


def open_app(page: Any, served: Any, site: Path, name: str) -> str:
    return open_site_app(page, served, site, name, f"no Gradio checkout at {CHECKOUT} or pydub could not be downloaded")


def finished(page: Any, block: str) -> dict[str, str]:
    """The stream report of ``block`` once its stream was played and the whole stream shows."""
    done = page.locator(f"{block} [data-testid=audio-stream-finished]")
    expect(done).to_have_count(1, timeout=LONG)
    return dict(done.evaluate("e => ({...e.dataset})"))


def duration(page: Any, selector: str) -> float:
    return float(page.evaluate(f"""() => new Promise(ok => {{
        const m = {_ROOT}.querySelector({selector!r});
        if (m.readyState >= 1 && Number.isFinite(m.duration)) ok(m.duration);
        else m.addEventListener('loadedmetadata', () => ok(m.duration), {{once: true}}); }})"""))


def check_gapless(report: dict[str, str], chunks: int, total: float) -> None:
    """Every segment played once, in order; back to back on the audio clock."""
    assert report["receivedSeconds"] == f"{total:.3f}", report
    assert report["endedCount"] == str(chunks) and report["order"] == ",".join(map(str, range(chunks))), report
    span, clock, gaps = float(report["span"]), float(report["clock"]), int(report["gaps"])
    # Segments are scheduled end to end; only a generator slower than playback opens a gap.
    assert span == pytest.approx(total, abs=0.002) or gaps > 0, report
    # The audio clock really ran that long from the first start to the last `ended`.
    assert clock == pytest.approx(span, abs=0.3), report


def test_wav_chunks_play_in_order_then_the_whole_stream_shows(page: Any, served: Any, site: Path) -> None:
    base = open_app(page, served, site, "stream_out")
    page.get_by_role("button", name="Stream tones").click()  # 4 half-second tones
    live = page.locator("#streamed-audio [data-testid=audio-stream]")
    expect(live).to_be_visible(timeout=LONG)
    report = finished(page, "#streamed-audio")
    check_gapless(report, 4, 2.0)
    # The final value: one WAV (bytes and numpy chunks joined) with the normal controls.
    player = page.locator("#streamed-audio audio")
    expect(player).to_have_attribute("src", re.compile(r"/gradio_api/stream/[^/]+/\d+/\d+/playlist-file$"))
    assert player.get_attribute("controls") is not None
    assert duration(page, "#streamed-audio audio") == pytest.approx(2.0, abs=0.01)
    assert foreign_requests(page, base) == []


def test_raw_bytes_continue_the_wav_stream(page: Any, served: Any, site: Path) -> None:
    open_app(page, served, site, "stream_out")
    page.get_by_role("button", name="Stream bytes").click()  # 1.6 s of WAV in 6,001-byte pieces
    report = finished(page, "#streamed-audio")
    check_gapless(report, 5, 1.6)
    assert duration(page, "#streamed-audio audio") == pytest.approx(1.6, abs=0.01)


def test_mp3_chunk_is_a_readable_error_and_the_next_stream_plays(page: Any, served: Any, site: Path) -> None:
    open_app(page, served, site, "stream_out")
    page.get_by_role("button", name="Stream mp3").click()
    toast = page.get_by_role("alert").filter(has_text="Cannot stream mp3 audio")
    expect(toast).to_be_visible(timeout=LONG)
    expect(toast).to_contain_text("needs ffmpeg")
    page.get_by_label("Chunks").fill("2")
    page.get_by_role("button", name="Stream tones").click()
    check_gapless(finished(page, "#streamed-audio"), 2, 1.0)
    assert duration(page, "#streamed-audio audio") == pytest.approx(1.0, abs=0.01)


def test_mp4_chunks_play_one_after_another(page: Any, served: Any, site: Path) -> None:
    open_app(page, served, site, "stream_out")
    page.get_by_role("button", name="Stream video").click()  # a.mp4 then b.mp4, about 2 s each
    stream = page.locator("#streamed-video [data-testid=video-stream]")
    expect(stream).to_have_attribute("data-order", "0,1", timeout=LONG)
    expect(stream).to_have_attribute("data-state", "ended")
    assert float(stream.get_attribute("data-played-seconds") or 0) == pytest.approx(1.968 + 1.973, abs=0.1)
    current = stream.get_by_test_id("video-player")
    # Real URLs through the service worker: the browser streams and seeks them itself.
    expect(current).to_have_attribute("src", re.compile(r"/gradio_api/stream/[^/]+/\d+/\d+/[0-9a-f]+\.mp4$"))
    stream.get_by_role("button", name="Play all").click()
    expect(stream).not_to_have_attribute("data-order", "0,1")  # played again from the first chunk
    expect(stream).to_have_attribute("data-order", "0,1", timeout=30_000)
    expect(stream).to_contain_text("Chunk 2 of 2")


def test_mpeg_ts_chunks_play_through_hls_js(page: Any, served: Any, site: Path) -> None:
    open_app(page, served, site, "stream_out")
    page.get_by_role("button", name="Stream TS").click()  # a.ts then b.ts, about 2 s each
    stream = page.locator("#streamed-ts [data-testid=video-stream]")
    expect(stream).to_have_attribute("data-kind", "ts", timeout=LONG)
    # hls.js reaches the second chunk only after playing the first, then the video ends.
    expect(stream).to_have_attribute("data-order", "0,1", timeout=LONG)
    expect(stream).to_have_attribute("data-state", "ended")
    video = stream.get_by_test_id("video-player")
    page.wait_for_function("v => v.ended && v.currentTime > 3.5", arg=video.element_handle(), timeout=30_000)
    # The whole stream: the two MPEG-TS chunks joined byte-wise.
    link = stream.get_by_role("link", name="Download")
    expect(link).to_have_attribute("href", re.compile(r"/playlist-file$"))
    size = page.evaluate("u => fetch(u).then(r => r.arrayBuffer()).then(b => b.byteLength)", link.get_attribute("href"))
    assert size == sum((HERE / "stream_out_app" / n).stat().st_size for n in ("a.ts", "b.ts"))
    assert any(re.search(r"/gradio_api/stream/.+\.ts$", u) for u in page.requests)  # hls.js fetched the segments


def test_gradio_stream_audio_out_demo(page: Any, served: Any, site: Path) -> None:
    open_app(page, served, site, "stream_audio_out")
    page.get_by_role("button", name="cantina.wav").first.click()  # example: cantina.wav, wav
    expect(page.locator(".block-audio").first.locator("audio")).to_have_count(1, timeout=LONG)
    page.get_by_role("button", name="Stream as Bytes").click()
    finished(page, "#stream_as_bytes_output")
    assert duration(page, "#stream_as_bytes_output audio") == pytest.approx(2.0, abs=0.01)
    # "Stream as File" in wav (pydub writes WAV itself), then in mp3, which needs ffmpeg: the
    # runs are queued in order, so the only error is the mp3 one, and it names the reason.
    page.get_by_role("button", name="Stream as File").click()
    page.get_by_role("button", name="cantina.wav").nth(1).click()  # example: cantina.wav, mp3
    expect(page.get_by_role("radio", name="mp3")).to_be_checked(timeout=30_000)
    page.get_by_role("button", name="Stream as File").click()
    error = page.get_by_role("alert")
    expect(error).to_contain_text("ffmpeg to convert mp3 media", timeout=LONG)
    expect(error).to_have_count(1)
