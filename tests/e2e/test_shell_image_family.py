"""The image family in one page, light and dark, against a real backend: each component
reaches its drawn state (editor canvas with its background, resize panel, the Duck model
rendered, the file tree listed, the gallery preview open, the fake webcam live), then a
full-page screenshot per theme for a person to look at (``WASMUI_SHOTS``); and Image's
``webcam_options`` (mirror off, size constraints) reach the camera and the snapshot."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytest.importorskip("numpy")
pytest.importorskip("PIL.Image")

pytestmark = pytest.mark.e2e
APP = "shell_image_family.py"
SHOTS = Path(os.environ.get("WASMUI_SHOTS", "/tmp/wasmui-shots"))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_image_family_screenshots(shell, theme):
    page = shell(APP, theme=theme)
    editor = page.locator(".imageeditor-block", has_text="Editor").first
    expect(editor.get_by_test_id("imageeditor-canvas")).to_have_attribute("aria-label", re.compile(r"180 × 120 pixels"))
    editor.locator(".imageeditor-toolbar").get_by_role("button", name="Resize").click()
    expect(editor.locator(".imageeditor-options").get_by_label("Width")).to_have_value("180")
    sketch = page.locator(".imageeditor-block", has_text="Sketch")
    canvas = sketch.get_by_test_id("imageeditor-canvas")
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.3)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.7, steps=8)
    page.mouse.up()
    expect(page.locator("[data-testid=model3d]:has(canvas[aria-label='3D model Duck.glb'])")).to_have_attribute(
        "data-status", "ready", timeout=30_000)
    tree = page.locator("[data-testid=file-tree]")
    expect(tree.get_by_label("Select images", exact=True)).to_be_visible()
    tree.get_by_label("Open images").click()
    expect(tree.get_by_label("Select images/logo.png")).to_be_visible()
    expect(page.locator(".block-gallery").get_by_test_id("detailed-image")).to_be_visible()
    expect(page.get_by_role("button", name="Download the logo")).to_be_visible()
    cam = page.locator(".block-image", has_text="Webcam")
    expect(cam.get_by_role("button", name="Take a photo")).to_be_enabled()
    video = cam.get_by_label("Camera preview")
    video.scroll_into_view_if_needed()
    page.wait_for_function("v => v.readyState >= 2 && v.videoWidth > 0", arg=video.element_handle())
    page.mouse.wheel(0, -5000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"image-family-{theme}.png"), full_page=True)
    assert not page.errors, page.errors


def test_webcam_options_mirror_and_constraints(shell):
    page = shell(APP)
    small = page.locator(".block-image", has_text="Small camera")
    mirrored = page.locator(".block-image", has_text="Webcam").get_by_label("Camera preview")
    expect(mirrored).to_have_class(re.compile(r"\bmirrored\b"))  # Gradio mirrors by default
    video = small.get_by_label("Camera preview")
    expect(video).not_to_have_class(re.compile(r"\bmirrored\b"))
    video.scroll_into_view_if_needed()
    page.wait_for_function("v => v.readyState >= 2 && v.videoWidth === 320 && v.videoHeight === 240", arg=video.element_handle())
    small.get_by_role("button", name="Take a photo").click()
    expect(page.get_by_label("Small camera size", exact=True)).to_have_value("320x240")


def test_editor_zoom_scrolls_and_strokes_land_on_the_right_pixel(shell):
    page = shell(APP)
    editor = page.locator(".imageeditor-block", has_text="Editor").first
    canvas = editor.get_by_test_id("imageeditor-canvas")
    expect(canvas).to_have_attribute("aria-label", re.compile(r"180 × 120 pixels"))
    fit = canvas.bounding_box()["width"]
    expect(editor.get_by_role("button", name="Zoom out")).to_be_disabled()
    editor.get_by_role("button", name="Zoom in").click()
    editor.get_by_role("button", name="Zoom in").click()
    stage = editor.locator(".imageeditor-stage")
    expect(stage).to_have_class(re.compile(r"\bzoomed\b"))
    assert abs(canvas.bounding_box()["width"] - fit * 2.25) < 2
    assert stage.evaluate("s => s.scrollWidth > s.clientWidth")  # panning is the stage's scrolling
    # A brush dot at image pixel (20, 20) of the zoomed view lands on that pixel of the canvas.
    editor.locator(".imageeditor-toolbar").get_by_role("button", name="Brush").click()
    stage.evaluate("s => { s.scrollLeft = 0; s.scrollTop = 0; }")
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + 20 * box["width"] / 180, box["y"] + 20 * box["height"] / 120)
    px = canvas.evaluate("c => Array.from(c.getContext('2d').getImageData(20, 20, 1, 1).data)")
    assert px == [204, 50, 50, 255], px  # Gradio's first palette colour over the yellow half
    editor.get_by_role("button", name="Zoom out").click()
    editor.get_by_role("button", name="Zoom out").click()
    expect(stage).not_to_have_class(re.compile(r"\bzoomed\b"))
