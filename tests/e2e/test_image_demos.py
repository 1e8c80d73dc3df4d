"""Gradio's own image demos, unchanged, in the browser on the full Pyodide distribution.

Each ``demo/<name>/run.py`` is read from a Gradio checkout (``WASMUI_GRADIO_CHECKOUT``,
default: the bare mirror next to the project), built as one gallery site, and its main
interaction driven in Chromium with the fake camera. Nothing from the demos is kept.
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

from wasmui import build

np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")

CHECKOUT = Path(os.environ.get("WASMUI_GRADIO_CHECKOUT", "/work/.mirror/gradio-app+gradio/repo"))
LONG = 120_000  # first event of a page: numpy + Pillow load in the worker


def demo_source(name: str) -> str:
    path = CHECKOUT / "demo" / name / "run.py"
    if path.is_file():
        return path.read_text()
    return subprocess.run(["git", "-C", str(CHECKOUT), "show", f"HEAD:demo/{name}/run.py"],
                          check=True, capture_output=True, text=True).stdout


def out_image(page: Any, nth: int = 1) -> Any:
    return page.locator(".block-image").nth(nth).get_by_test_id("image-display")


def sepia_filter(page: Any, photo: Path) -> None:
    page.locator("input[type=file]").first.set_input_files(str(photo))
    page.get_by_role("button", name="Submit").click()
    expect(out_image(page)).to_be_visible(timeout=LONG)


def image_component_events(page: Any, photo: Path) -> None:
    page.get_by_label("Input Image", exact=True).set_input_files(str(photo))
    out = page.locator(".block-image", has_text="Output Image").get_by_test_id("image-display")
    expect(out).to_be_visible(timeout=LONG)
    for label in ("# Upload Events", "# Change Events", "# Input Events", "# Change Events Output"):
        expect(page.get_by_label(label, exact=True)).to_have_value("1")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=out.element_handle())
    box = out.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_label("# Select Events", exact=True)).to_have_value("1")  # evt.index is [int, int]
    page.locator(".block-image", has_text="Input Image").get_by_role("button", name="Clear image").click()
    expect(page.get_by_label("# Clear Events", exact=True)).to_have_value("1")


def gallery_component_events(page: Any, photo: Path) -> None:
    page.get_by_label("Input Gallery", exact=True).set_input_files([str(photo)])
    expect(page.get_by_label("Num Upload", exact=True)).to_have_value("1", timeout=LONG)
    expect(page.get_by_label("Num Change", exact=True)).to_have_value("1")


def gallery_selections(page: Any, photo: Path) -> None:
    thumbs = page.locator(".block-gallery .gallery-thumb")
    expect(thumbs).to_have_count(9, timeout=LONG)
    thumbs.nth(4).click()
    expect(page.locator("input[type=number]").first).to_have_value("4")


def fake_gan(page: Any, photo: Path) -> None:
    page.get_by_role("button", name="Generate images").click()
    gallery = page.locator(".block-gallery")
    expect(gallery.locator(".gallery-thumb")).to_have_count(3, timeout=LONG)  # remote URLs: not loaded offline
    expect(gallery.get_by_text("label 2")).to_be_visible()


def webcam_snapshot(page: Any, photo: Path) -> None:
    page.get_by_role("button", name="Take a photo").first.click()
    expect(out_image(page, 0)).to_be_visible(timeout=LONG)
    page.get_by_role("button", name="Submit").click()
    expect(out_image(page)).to_be_visible(timeout=LONG)


def stream_frames(page: Any, photo: Path) -> None:
    page.get_by_role("button", name="Start streaming").click()
    expect(out_image(page)).to_be_visible(timeout=LONG)
    page.get_by_role("button", name="Stop streaming").click()


def imageslider(page: Any, photo: Path) -> None:
    page.get_by_label("Blur image", exact=True).first.set_input_files(str(photo))
    page.locator("button.btn", has_text="Blur image").click()
    expect(page.locator(".block-imageslider").first.locator("img.slider-under")).to_be_visible(timeout=LONG)


def image_segmentation(page: Any, photo: Path) -> None:
    page.locator("input[type=file]").first.set_input_files(str(photo))
    page.get_by_role("button", name="Identify Sections").click()
    block = page.locator(".block-annotatedimage")
    expect(block.locator("img.annotated-mask")).to_have_count(3, timeout=LONG)
    block.get_by_role("button", name="apple").click()
    expect(page.get_by_label("Selected Section", exact=True)).to_have_value("apple")


DEMOS: dict[str, Callable[[Any, Path], None]] = {
    "sepia_filter": sepia_filter,
    "image_component_events": image_component_events,
    "gallery_component_events": gallery_component_events,
    "gallery_selections": gallery_selections,
    "fake_gan": fake_gan,
    "webcam": webcam_snapshot,
    "blocks_webcam": webcam_snapshot,
    "stream_frames": stream_frames,
    "imageslider": imageslider,
    "image_segmentation": image_segmentation,
}


@pytest.fixture(scope="module")
def demo_site(pyodide_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (CHECKOUT / "demo").is_dir() and not (CHECKOUT / "HEAD").is_file():
        pytest.skip(f"no Gradio checkout at {CHECKOUT} (set WASMUI_GRADIO_CHECKOUT)")
    apps = tmp_path_factory.mktemp("image-demos")
    for name in DEMOS:
        (apps / name).mkdir()
        (apps / name / "app.py").write_text(demo_source(name))
    return build.build_site(apps, tmp_path_factory.mktemp("image-demo-site"), pyodide=str(pyodide_dist))


@pytest.fixture(scope="module")
def photo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    arr = np.zeros((60, 90, 3), np.uint8)
    arr[:, :45] = (255, 0, 0)
    arr[:, 45:] = (30, 60, 220)
    path = tmp_path_factory.mktemp("photo") / "photo.png"
    PIL_Image.fromarray(arr).save(path)
    return path


@pytest.mark.parametrize("name", list(DEMOS))
def test_gradio_image_demo_runs_in_the_browser(name: str, page: Any, served: Any, demo_site: Path, photo: Path) -> None:
    base = served(demo_site)
    page.goto(f"{base}/apps/{name}/")
    wait_ready(page)
    DEMOS[name](page, photo)
    # fake_gan's images are remote URLs the page itself points at; every other demo stays on its origin.
    if name != "fake_gan":
        assert foreign_requests(page, base) == []
    assert not re.search(r"Traceback", page.locator("wasmui-app").inner_text())
