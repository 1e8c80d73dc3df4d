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

from wasmui import build, media

np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")

CHECKOUT = Path(os.environ.get("WASMUI_GRADIO_CHECKOUT", "/work/.mirror/gradio-app+gradio/repo"))
LONG = 120_000  # first event of a page: numpy + Pillow load in the worker


def copy_demo(name: str, target: Path) -> None:
    """The demo's folder (its run.py as app.py, and the files it reads, e.g. FileExplorer's dirs)."""
    folder = CHECKOUT / "demo" / name
    if folder.is_dir():
        files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    else:
        listing = subprocess.run(["git", "-C", str(CHECKOUT), "ls-tree", "-r", "--name-only", f"HEAD:demo/{name}"],
                                 check=True, capture_output=True, text=True).stdout.split()
        files = {}
        for rel in listing:
            got = subprocess.run(["git", "-C", str(CHECKOUT), "show", f"HEAD:demo/{name}/{rel}"], capture_output=True)
            if got.returncode == 0:  # large media may be absent from a partial mirror: not needed here
                files[rel] = got.stdout
    for rel, data in files.items():
        if rel in ("requirements.txt", "README.md") or rel.endswith((".ipynb", ".gif")):
            continue
        out = target / ("app.py" if rel == "run.py" else rel)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)


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


def model3d_component_events(page: Any, photo: Path) -> None:
    page.locator("input[type=file]").first.set_input_files(media.get_model3d("face.obj"))
    expect(page.get_by_label("# Upload Events", exact=True)).to_have_value("1", timeout=LONG)
    expect(page.get_by_label("# Change Events", exact=True)).to_have_value("1")
    # The upload is drawn in both viewers (the handler echoes it to the output).
    frames = page.locator("[data-testid=model3d]:has(canvas[aria-label='3D model face.obj'])")
    expect(frames).to_have_count(2)
    for i in range(2):
        expect(frames.nth(i)).to_have_attribute("data-status", "ready", timeout=30_000)
    frames.first.get_by_label("Clear").click()
    expect(page.get_by_label("# Clear Events", exact=True)).to_have_value("1")
    expect(page.locator("input[type=file]").first).to_be_attached()


def upload_and_download(page: Any, photo: Path) -> None:
    page.locator("input[type=file]").first.set_input_files(str(photo))
    download = page.get_by_role("button", name="Download photo.png")
    expect(download).to_be_visible(timeout=LONG)
    expect(page.get_by_role("button", name="Upload a file")).to_be_hidden()
    with page.expect_download() as info:
        download.click()
    assert Path(info.value.path()).read_bytes() == photo.read_bytes()
    expect(page.get_by_role("button", name="Upload a file")).to_be_visible()  # "only once"
    expect(download).to_be_hidden()


def file_explorer_component_events(page: Any, photo: Path) -> None:
    tree = page.locator("[data-testid=file-tree]")
    expect(tree.get_by_label("Select bar.txt")).to_be_visible(timeout=LONG)
    tree.get_by_label("Select foo.txt").check()
    expect(page.locator("#total-changes input")).to_have_value("1")
    page.get_by_role("button", name="Run").click()
    expect(page.get_by_label("Selected Directory", exact=True)).to_have_value(re.compile(r"/dir1/foo\.txt$"))
    # An update from Python (ignore_glob) changes what the tree lists.
    page.get_by_label("Ignore text files in glob", exact=True).check()
    expect(tree.get_by_label("Select foo.txt")).to_have_count(0)


def image_editor_canvas_size(page: Any, photo: Path) -> None:
    # lambda x: x["composite"].shape to [height, width]: three values for two outputs, the extra
    # one ignored as Gradio 6.31 does. Its canvas takes the image's size unless fixed (checked
    # against real Gradio: 64x64 image -> 64/64 default, 500/500 fixed).
    width, height = page.get_by_label("Width"), page.get_by_label("Height")
    page.locator("#default input[type=file]").first.set_input_files(str(photo))
    page.get_by_role("button", name="Get Default").click()
    expect(width).to_have_value("90", timeout=LONG)  # the 90x60 photo
    expect(height).to_have_value("60")
    page.locator("#fixed input[type=file]").first.set_input_files(str(photo))
    page.get_by_role("button", name="Get Fixed").click()
    expect(width).to_have_value("500", timeout=LONG)
    expect(height).to_have_value("500")
    assert page.locator(".toast-error").count() == 0


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
    "image_editor_canvas_size": image_editor_canvas_size,
    "image_segmentation": image_segmentation,
    "model3d_component_events": model3d_component_events,
    "upload_and_download": upload_and_download,
    "file_explorer_component_events": file_explorer_component_events,
}


@pytest.fixture(scope="module")
def demo_site(pyodide_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (CHECKOUT / "demo").is_dir() and not (CHECKOUT / "HEAD").is_file():
        pytest.skip(f"no Gradio checkout at {CHECKOUT} (set WASMUI_GRADIO_CHECKOUT)")
    apps = tmp_path_factory.mktemp("image-demos")
    for name in DEMOS:
        copy_demo(name, apps / name)
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
