"""Model3D and FileExplorer in real Chromium on Pyodide (the default core, no numpy).

Model3D renders meshes with three.js and Gaussian splats with gsplat (WebGL/WebGL2
through SwiftShader in headless Chromium); the canvas keeps its drawing buffer, so
the test reads its pixels back. FileExplorer lists
the app folder of Pyodide's file system through ``/component_server``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from e2e_pages import wait_ready
from wasmui import media

APP = Path(__file__).resolve().parent / "media_3d_app"

# Pixels of a Model3D canvas that differ from the clear colour (0.95 grey), and the total.
MODEL_PIXELS_JS = """(canvas) => {
    const c = document.createElement('canvas'); c.width = canvas.width; c.height = canvas.height;
    const g = c.getContext('2d'); g.drawImage(canvas, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let model = 0;
    for (let i = 0; i < d.length; i += 4)
        if (Math.abs(d[i] - 242) + Math.abs(d[i + 1] - 242) + Math.abs(d[i + 2] - 242) > 30) model++;
    return {model, total: d.length / 4};
}"""


# Where the red and the blue splats of two_colours.splat are on the canvas (mean x of
# each colour's pixels, as a fraction of the width), and whether the corners show the
# white clear colour behind the canvas; null until the colours are drawn (gsplat sorts in a worker and
# fades in, so the first frames may be empty).
SPLAT_PIXELS_JS = """(canvas) => {
    const c = document.createElement('canvas'); c.width = canvas.width; c.height = canvas.height;
    const g = c.getContext('2d'); g.drawImage(canvas, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const acc = {red: [0, 0], blue: [0, 0], green: [0, 0]};
    for (let i = 0; i < d.length; i += 4) {
        const [r, gr, b] = [d[i], d[i + 1], d[i + 2]];
        const x = (i / 4) % c.width;
        const k = r > 180 && gr < 90 && b < 90 ? 'red' : b > 180 && r < 90 && gr < 90 ? 'blue'
            : gr > 150 && r < 90 && b < 90 ? 'green' : null;
        if (k) { acc[k][0]++; acc[k][1] += x; }
    }
    const at = (k) => acc[k][0] ? acc[k][1] / acc[k][0] / c.width : null;
    // gsplat leaves the background unpainted and shows the clear colour behind the canvas.
    const clear = [[2, 2], [c.width - 3, 2], [2, c.height - 3], [c.width - 3, c.height - 3]].every(([x, y]) =>
        d[(y * c.width + x) * 4 + 3] === 0);
    const white = clear && getComputedStyle(canvas).backgroundColor === 'rgb(255, 255, 255)';
    const px = {red: acc.red[0], blue: acc.blue[0], green: acc.green[0], redX: at('red'), blueX: at('blue'),
                greenX: at('green'), white, total: d.length / 4};
    return (px.red > 400 && px.blue > 400) || px.green > 400 ? px : null;
}"""


@pytest.fixture
def app_page(page: Any, built_site: Any, served: Any) -> Any:
    page.goto(served(built_site(APP)) + "/")
    wait_ready(page)
    return page


def model_pixels(page: Any, label: str) -> dict[str, int]:
    frame = page.locator(f"[data-testid=model3d]:has(canvas[aria-label='3D model {label}'])")
    expect(frame).to_have_attribute("data-status", "ready", timeout=30_000)
    return frame.locator("canvas").evaluate(MODEL_PIXELS_JS)


@pytest.mark.parametrize("fmt,name", [("glb", "Duck.glb"), ("gltf", "Fox.gltf"), ("obj", "face.obj"), ("stl", "sofia.stl")])
def test_model3d_renders_each_format(app_page: Any, fmt: str, name: str) -> None:
    page = app_page
    if fmt != "glb":
        page.get_by_label(fmt, exact=True).check()
    px = model_pixels(page, name)
    # The model covers a real part of the view, and not all of it (the background shows).
    assert 0.02 * px["total"] < px["model"] < 0.9 * px["total"], px
    # three.js came as its own chunk, after the page (the first paint does not carry it).
    assert not page.console_errors, page.console_errors


def test_model3d_upload_reaches_python_and_clear(app_page: Any) -> None:
    page = app_page
    page.locator("input[type=file][aria-label=Upload]").set_input_files(media.get_model3d("face.obj"))
    vertices = sum(1 for line in Path(media.get_model3d("face.obj")).read_text().splitlines() if line.startswith("v "))
    expect(page.get_by_label("Counted")).to_have_value(f".obj vertices={vertices}")
    model_pixels(page, "face.obj")  # the upload is shown too
    # The reset-camera button puts the camera back after a drag.
    canvas = page.locator("canvas[aria-label='3D model face.obj']")
    before = canvas.evaluate("c => c.toDataURL()")
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 80, box["y"] + box["height"] / 2 + 10, steps=5)
    page.mouse.up()
    assert canvas.evaluate("c => c.toDataURL()") != before  # orbiting redrew the model
    page.locator("[data-testid=model3d]:has(canvas[aria-label='3D model face.obj'])").get_by_label("Reset camera").click()
    assert canvas.evaluate("c => c.toDataURL()") == before
    page.locator("[data-testid=model3d]:has(canvas[aria-label='3D model face.obj'])").get_by_label("Clear").click()
    expect(page.get_by_label("Counted")).to_have_value("cleared")
    expect(page.locator("input[type=file][aria-label=Upload]")).to_have_count(1)


def test_model3d_refuses_a_non_model_file(app_page: Any) -> None:
    page = app_page
    page.locator("input[type=file][aria-label=Upload]").set_input_files(media.get_file("sample.txt"))
    expect(page.locator(".media-error")).to_contain_text("sample.txt is not a 3D model file")
    expect(page.get_by_label("Counted")).to_have_value("")  # nothing reached Python
    page.locator("input[type=file][aria-label=Upload]").set_input_files(media.get_model3d("face.obj"))
    expect(page.get_by_label("Counted")).to_have_value(re.compile(r"^\.obj vertices=\d+$"))


def test_file_explorer_lists_and_picks_files(app_page: Any) -> None:
    page = app_page
    page.get_by_role("tab", name="Files").click()
    tree = page.locator("[data-testid=file-tree]").first
    expect(tree.get_by_label("Select a.txt")).to_be_visible()
    expect(tree.get_by_label("Select data.csv")).to_have_count(0)  # glob **/*.txt
    expect(tree.get_by_label("Select notes")).to_be_disabled()  # a folder the glob does not match
    tree.get_by_label("Open notes").click()
    tree.get_by_label("Select notes/b.txt").check()
    expect(page.get_by_label("Picked", exact=True)).to_have_value("notes/b.txt=beta")
    tree.get_by_label("Select a.txt").check()
    expect(page.get_by_label("Picked", exact=True)).to_have_value("a.txt=alpha; notes/b.txt=beta")
    expect(page.get_by_label("Changes")).to_have_value("2")
    tree.get_by_label("Select notes/b.txt").uncheck()
    expect(page.get_by_label("Picked", exact=True)).to_have_value("a.txt=alpha")
    # An update from Python changes what the tree lists (the session's glob reaches `ls`).
    page.get_by_role("button", name="Only csv").click()
    expect(tree.get_by_label("Select data.csv")).to_be_visible()
    expect(tree.get_by_label("Select a.txt")).to_have_count(0)


def test_file_explorer_single_browses_the_app_folder(app_page: Any) -> None:
    page = app_page
    page.get_by_role("tab", name="Files").click()
    tree = page.locator("[data-testid=file-tree]").nth(1)
    expect(tree.get_by_label("Select files", exact=True)).to_be_visible()  # the app folder in Pyodide's FS
    expect(tree.get_by_label("Select app.py")).to_have_count(0)  # ignore_glob *.py
    tree.get_by_label("Open files").click()
    tree.get_by_label("Select files/a.txt").check()
    expect(page.get_by_label("Single picked")).to_have_value(re.compile(r"/files/a\.txt$"))
    value = page.get_by_label("Single picked").input_value()
    tree.get_by_label("Select files/data.csv").check()
    expect(page.get_by_label("Select files/a.txt")).not_to_be_checked()
    expect(page.get_by_label("Single picked")).to_have_value(value.replace("a.txt", "data.csv"))


def splat_frame(page: Any, name: str) -> Any:
    return page.locator(f"[data-testid=model3d]:has(canvas[aria-label='3D model {name}'])")


def drawn_splats(page: Any, name: str) -> dict[str, Any]:
    """Waits until gsplat has drawn the file's splats, then returns where their colours are."""
    frame = splat_frame(page, name)
    expect(frame).to_have_attribute("data-status", "ready", timeout=30_000)
    handle = frame.locator("canvas").element_handle()
    return page.wait_for_function(SPLAT_PIXELS_JS, arg=handle, timeout=30_000).json_value()


def wait_splats(page: Any, canvas: Any, condition: str) -> None:
    """Waits until the drawn splats ``p`` (SPLAT_PIXELS_JS) satisfy ``condition``; says what was drawn if not."""
    try:
        page.wait_for_function(f"(c) => {{ const p = ({SPLAT_PIXELS_JS})(c); return p && ({condition}); }}",
                               arg=canvas.element_handle(), timeout=30_000)
    except PlaywrightTimeout:
        raise AssertionError(f"not {condition}: {canvas.evaluate(SPLAT_PIXELS_JS)}") from None


def test_model3d_draws_gaussian_splats_with_gsplat(app_page: Any) -> None:
    page = app_page
    page.get_by_role("tab", name="Splats").click()
    px = drawn_splats(page, "two_colours.splat")
    expect(splat_frame(page, "two_colours.splat")).to_have_attribute("data-renderer", "gsplat")
    # camera_position=(-90, 90, 5) looks straight at the file's +z: red (x=-1) left, blue (x=+1) right,
    # each a soft blob of many pixels (real splats, not one-pixel points), on the white clear colour.
    assert 0.3 < px["redX"] < 0.48 and 0.52 < px["blueX"] < 0.7, px
    assert px["red"] > 400 and px["blue"] > 400 and px["white"], px
    assert px["red"] + px["blue"] < 0.2 * px["total"], px
    # Orbiting moves the picture; Reset camera brings the asked view back.
    canvas = splat_frame(page, "two_colours.splat").locator("canvas")
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 250, box["y"] + box["height"] / 2, steps=8)
    page.mouse.up()
    # Turning around the vertical axis brings one colour nearer: the gap between them narrows.
    gap = px["blueX"] - px["redX"]
    wait_splats(page, canvas, f"p.blueX - p.redX < {gap} - 0.015")
    splat_frame(page, "two_colours.splat").get_by_label("Reset camera").click()
    wait_splats(page, canvas, f"Math.abs(p.redX - {px['redX']}) < 0.005 && Math.abs(p.blueX - {px['blueX']}) < 0.005")
    assert not page.console_errors, page.console_errors


def test_model3d_splat_bad_file_then_ply_kinds(app_page: Any) -> None:
    page = app_page
    page.get_by_role("tab", name="Splats").click()
    drawn_splats(page, "two_colours.splat")
    # A corrupt .splat: a readable message in the viewer, no exception in the console.
    page.get_by_label("corrupt", exact=True).check()
    expect(splat_frame(page, "corrupt.splat").get_by_role("alert")).to_have_text(
        "Could not show corrupt.splat: 33 bytes is not a whole number of 32-byte splats (is it really a .splat file?)",
        timeout=30_000)
    # The next file renders: a .ply whose header names splat properties goes to gsplat...
    page.get_by_label("splat ply", exact=True).check()
    px = drawn_splats(page, "green.ply")
    assert px["green"] > 400 and 0.4 < px["greenX"] < 0.6, px
    expect(splat_frame(page, "green.ply")).to_have_attribute("data-renderer", "gsplat")
    # ...and a plain triangle .ply to the mesh viewer.
    page.get_by_label("mesh ply", exact=True).check()
    expect(splat_frame(page, "triangle.ply")).to_have_attribute("data-status", "ready", timeout=30_000)
    expect(splat_frame(page, "triangle.ply")).to_have_attribute("data-renderer", "three")
    page.get_by_label("two colours", exact=True).check()
    drawn_splats(page, "two_colours.splat")
    assert not page.console_errors, page.console_errors
