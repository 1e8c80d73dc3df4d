"""gr.Image and gr.Gallery in real Chromium against a real backend (numpy + Pillow natively):
uploads into a numpy function with the output's pixels checked, pixel-coordinate select,
webcam snapshots from Chromium's fake camera, a denied camera, corrupt and wrong files,
Gallery select / preview / upload, and screenshots in light and dark."""

from __future__ import annotations

import io
import os
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from shell_harness import run_clock_until


np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")

pytestmark = pytest.mark.e2e
APP = "shell_image.py"
SHOTS = Path(os.environ.get("WASMUI_SHOTS", "/tmp/wasmui-shots"))
SEPIA = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]])


def make_png(path: Path, arr) -> Path:
    PIL_Image.fromarray(arr).save(path)
    return path


def source_image(tmp_path: Path) -> tuple[Path, np.ndarray]:
    arr = np.zeros((100, 200, 3), np.uint8)
    arr[:, :100] = (255, 0, 0)
    arr[:, 100:] = (20, 40, 200)
    arr[0, 0] = (255, 255, 255)
    return make_png(tmp_path / "photo.png", arr), arr


def expected_sepia(arr: np.ndarray) -> np.ndarray:
    out = arr.astype(np.float64).dot(SEPIA.T)
    return np.clip(np.rint(out / out.max() * 255), 0, 255).astype(np.uint8)


PIXELS_JS = """([img, points]) => {
  const c = document.createElement('canvas');
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  return {w: c.width, h: c.height, px: points.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3)))};
}"""


def read_pixels(page, label: str, points: list[tuple[int, int]]):
    """Pixels of the image shown in the block labelled ``label`` (read back through a canvas)."""
    img = page.locator(".block-image", has_text=label).get_by_test_id("image-display")
    expect(img).to_be_visible()
    handle = img.element_handle()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=handle)
    return page.evaluate(PIXELS_JS, [handle, points])


def test_upload_runs_a_numpy_function_and_the_output_pixels_are_right(shell, tmp_path):
    page = shell(APP)
    path, arr = source_image(tmp_path)
    page.get_by_label("Source", exact=True).set_input_files(str(path))
    # The input shows the uploaded image, the output the sepia version.
    expect(page.get_by_test_id("image-display").first).to_be_visible()
    got = read_pixels(page, "Sepia", [(0, 0), (50, 50), (150, 50)])
    want = expected_sepia(arr)
    assert (got["w"], got["h"]) == (200, 100)
    assert got["px"] == [want[0, 0].tolist(), want[50, 50].tolist(), want[50, 150].tolist()]


def test_a_click_while_the_file_still_uploads_sends_the_file(shell, tmp_path):
    # In the browser runtime an upload goes to the worker, which may take seconds under load:
    # the click waits for it instead of sending null (the handler would see no image).
    page = shell(APP)
    path, _ = source_image(tmp_path)
    held: list = []
    page.route("**/gradio_api/upload", lambda route: held.append(route))
    with page.expect_request("**/gradio_api/upload"):
        page.get_by_label("Held upload", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Measure").click()
    held[0].continue_()
    expect(page.get_by_label("Held size", exact=True)).to_have_value("200x100")


def test_select_gives_pixel_coordinates(shell, tmp_path):
    page = shell(APP)
    path, _ = source_image(tmp_path)
    page.get_by_label("Source", exact=True).set_input_files(str(path))
    out = page.locator(".block", has_text="Sepia").locator("img")
    expect(out).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=out.element_handle())
    # Where the natural pixel (150, 30) is drawn (object-fit: scale-down, centred).
    x, y = page.evaluate("""img => {
      const r = img.getBoundingClientRect();
      const s = Math.min(r.width / img.naturalWidth, r.height / img.naturalHeight, 1);
      return [r.left + (r.width - img.naturalWidth * s) / 2 + 150.2 * s, r.top + (r.height - img.naturalHeight * s) / 2 + 30.2 * s];
    }""", out.element_handle())
    page.mouse.click(x, y)
    expect(page.get_by_label("Clicked", exact=True)).to_have_value("150,30")


def test_clear_fires_clear_and_shows_the_drop_zone_again(shell, tmp_path):
    page = shell(APP)
    path, _ = source_image(tmp_path)
    page.get_by_label("Source", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Clear image").first.click()
    expect(page.get_by_label("Clears", exact=True)).to_have_value("1")
    expect(page.locator(".block", has_text="Source").get_by_text("Drop Image Here")).to_be_visible()


def test_corrupt_image_gives_a_readable_error_and_the_next_upload_works(shell, tmp_path):
    page = shell(APP)
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n definitely not pixels")
    page.get_by_label("Source", exact=True).set_input_files(str(bad))
    expect(page.get_by_text("Could not read 'broken.png' as an image").first).to_be_visible()
    expect(page.get_by_text("could not be displayed").first).to_be_visible()
    page.get_by_role("button", name="Clear image").first.click()
    path, arr = source_image(tmp_path)
    page.get_by_label("Source", exact=True).set_input_files(str(path))
    got = read_pixels(page, "Sepia", [(150, 50)])
    assert got["px"] == [expected_sepia(arr)[50, 150].tolist()]


def test_a_file_that_is_not_an_image_is_refused_at_the_component(shell, tmp_path):
    page = shell(APP)
    txt = tmp_path / "notes.txt"
    txt.write_text("hello")
    page.get_by_label("Source", exact=True).set_input_files(str(txt))
    expect(page.get_by_role("alert").filter(has_text='"notes.txt" is not an image')).to_be_visible()


def test_webcam_snapshot_reaches_a_pil_function(shell):
    page = shell(APP)
    block = page.locator(".block-image", has_text="Camera")
    block.get_by_role("button", name="Take a photo").click()
    size = page.get_by_label("Camera size", exact=True)
    expect(size).to_have_value(re.compile(r"^\d+x\d+ RGB$"))
    w, h = (int(v) for v in size.input_value().split()[0].split("x"))
    assert w > 0 and h > 0
    # After the snapshot the component shows it (and can be cleared back to the camera).
    expect(block.get_by_test_id("image-display")).to_be_visible()


def test_streaming_webcam_sends_frames_until_the_time_limit(shell):
    # The page's clock is fake: frames (every 0.2 s) and the stream's time limit (30 s) run in
    # page time, which the test lets pass only while frames are answered, so a slow machine
    # waits longer in real time instead of seeing the limit before a second frame.
    page = shell(APP, clock=True)
    block = page.locator(".block-image", has_text="Live")
    start = block.get_by_role("button", name="Start streaming")
    expect(start).to_be_enabled(timeout=60_000)
    page.clock.pause_at(int(time.time() * 1000) + 1000)  # from here, page time moves only with run_for
    start.click()
    frames = page.get_by_label("Frames", exact=True)
    ran = run_clock_until(page, lambda: int(float(frames.input_value() or 0)) >= 2, max_fake_ms=25_000)
    expect(page.get_by_label("Frame size", exact=True)).to_have_value(re.compile(r"^\d+x\d+$"))
    # Before the limit the camera still streams; at time_limit it stops by itself (the frame
    # timer goes with the recording state) and the button offers to start again.
    expect(block.get_by_role("button", name="Stop streaming")).to_be_visible()
    page.clock.run_for(30_000 - ran - 100)
    expect(block.get_by_role("button", name="Stop streaming")).to_be_visible()
    page.clock.run_for(200)
    expect(start).to_be_visible()
    # The stream is closed as the recording's effect is cleaned up, which Preact schedules on a
    # (fake) frame or timer: the page's clock moves on while the test waits for the close.
    def closes() -> list[str]:
        return [u for u in page.seen_urls if re.search(r"/gradio_api/stream/[0-9a-f]+/close$", u)]

    run_clock_until(page, lambda: bool(closes()), step_ms=50, max_fake_ms=2000)
    sent = sum(1 for u in page.seen_urls if "/gradio_api/stream/" in u)
    page.clock.run_for(3000)  # a frame timer still running would send frames now
    assert sum(1 for u in page.seen_urls if "/gradio_api/stream/" in u) == sent, closes()
    # The streamed frames never became the component's value (no captured image shown).
    expect(block.get_by_test_id("image-display")).to_have_count(0)


def test_denied_camera_shows_a_readable_message(shell):
    page = shell(APP, init_script="""
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    """)
    denied = page.get_by_role("alert").filter(has_text="Camera access was denied")
    expect(denied).to_have_count(2)  # both camera components say so
    expect(denied.first).to_be_visible()


def test_gallery_select_preview_and_captions(shell):
    page = shell(APP)
    page.get_by_role("button", name="Make tiles").click()
    gallery = page.locator(".block-gallery", has_text="Tiles gallery")
    expect(gallery.get_by_role("button", name=re.compile(r"^tile \d"))).to_have_count(3)
    expect(gallery.get_by_text("tile 2")).to_be_visible()
    gallery.get_by_role("button", name=re.compile(r"^tile 1")).click()
    expect(page.get_by_label("Chosen", exact=True)).to_have_value("1:tile 1")
    expect(page.get_by_label("Preview opened", exact=True)).to_have_value("1")
    expect(gallery.get_by_test_id("detailed-image")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("Chosen", exact=True)).to_have_value("2:tile 2")
    page.keyboard.press("Escape")
    expect(gallery.get_by_test_id("detailed-image")).to_have_count(0)
    expect(gallery.get_by_role("button", name=re.compile(r"^tile \d"))).to_have_count(3)


def test_gallery_upload(shell, tmp_path):
    page = shell(APP)
    a = make_png(tmp_path / "a.png", np.zeros((8, 8, 3), np.uint8))
    b = make_png(tmp_path / "b.png", np.full((8, 8, 3), 255, np.uint8))
    page.get_by_label("Upload gallery", exact=True).set_input_files([str(a), str(b)])
    expect(page.get_by_label("Upload count", exact=True)).to_have_value("2")
    gallery = page.locator(".block-gallery", has_text="Upload gallery")
    expect(gallery.locator(".gallery-thumb")).to_have_count(2)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots(shell, tmp_path, theme):
    page = shell(APP, theme=theme)
    path, _ = source_image(tmp_path)
    page.get_by_label("Source", exact=True).set_input_files(str(path))
    read_pixels(page, "Sepia", [(0, 0)])
    page.get_by_role("button", name="Make tiles").click()
    expect(page.locator(".gallery-thumb")).to_have_count(3)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"image-gallery-{theme}.png"), full_page=True)
