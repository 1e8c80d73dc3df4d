"""gr.ImageEditor, gr.Sketchpad and gr.ImageMask in real Chromium with Python (numpy + Pillow
from the full Pyodide distribution) in the worker: strokes drawn with the mouse reach the
user's function as an EditorValue whose numpy composite holds the stroke's pixels; layers,
crop, undo, clear and a corrupt upload. One built site for the module."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from e2e_pages import foreign_requests, wait_ready
from playwright.sync_api import expect

from wasmui import build

np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")

APP = Path(__file__).resolve().parents[1] / "apps" / "image_editor_app"
CLIENT_DIST = Path(__file__).resolve().parents[2] / "node_modules" / "@gradio" / "client" / "dist"
CHECKOUT = Path(os.environ.get("WASMUI_GRADIO_CHECKOUT", "/work/.mirror/gradio-app+gradio/repo"))
DEMOS = ("image_editor", "image_editor_sketchpad", "image_editor_layers", "image_editor_webcam")
RED = [204, 50, 50, 255]  # the first colour of Gradio's default palette
WHITE = [255, 255, 255, 255]


@pytest.fixture(scope="module")
def site(pyodide_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One gallery site: the test app and Gradio's own editor demos (``/apps/<name>/``)."""
    apps = tmp_path_factory.mktemp("editor-apps")
    shutil.copytree(APP, apps / "editor")
    if (CHECKOUT / "demo").is_dir() or (CHECKOUT / "HEAD").is_file():
        for name in DEMOS:
            (apps / name).mkdir()
            (apps / name / "app.py").write_text(demo_source(name))
        # image_editor_layers names a cheetah.jpg that Gradio's repository does not hold: make one.
        PIL_Image.new("RGB", (64, 48), (200, 150, 40)).save(apps / "image_editor_layers" / "cheetah.jpg")
    return build.build_site(apps, tmp_path_factory.mktemp("editor-site"), pyodide=str(pyodide_dist))


def demo_source(name: str) -> str:
    path = CHECKOUT / "demo" / name / "run.py"
    if path.is_file():
        return path.read_text()
    return subprocess.run(["git", "-C", str(CHECKOUT), "show", f"HEAD:demo/{name}/run.py"],
                          check=True, capture_output=True, text=True).stdout


def block(page: Any, label: str) -> Any:
    return page.locator(".imageeditor-block").filter(has=page.locator(".corner-label", has_text=label))


def drag(page: Any, canvas: Any, start: tuple[float, float], end: tuple[float, float]) -> None:
    """A mouse drag between two points given as fractions of the canvas box."""
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] * start[0], box["y"] + box["height"] * start[1])
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * end[0], box["y"] + box["height"] * end[1], steps=10)
    page.mouse.up()


def wait_sent(editor: Any, count: int) -> None:
    """Waits until the editor has sent ``count`` values (each edit uploads its images first)."""
    expect(editor.locator(f".imageeditor[data-sent='{count}'][aria-busy='false']")).to_have_count(1, timeout=60_000)


def value_where(page: Any, label: str, test: str) -> dict[str, Any]:
    """Waits until the JSON in textbox ``label`` satisfies the JS predicate ``test`` (on ``v``); returns it."""
    box = page.get_by_label(label, exact=True)
    page.wait_for_function(
        f"el => {{ try {{ const v = JSON.parse(el.value); return {test}; }} catch (e) {{ return false; }} }}",
        arg=box.element_handle(), timeout=120_000)
    return json.loads(box.input_value())


def png(path: Path, w: int, h: int, rgb: tuple[int, int, int]) -> Path:
    PIL_Image.new("RGB", (w, h), rgb).save(path)
    return path


def test_editor_strokes_layers_crop_undo_clear_and_a_corrupt_file(page: Any, served: Any, site: Path, tmp_path: Path) -> None:
    base = served(site)
    page.goto(base + "/apps/editor/")
    wait_ready(page)
    editor = block(page, "Editor")

    # A corrupt file: a readable message at the component, and the editor keeps working.
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not an image at all")
    editor.get_by_label("Editor", exact=True).set_input_files(str(bad))
    expect(editor.get_by_role("alert")).to_contain_text("could not be read as an image")

    # A red stroke across the middle of the blank 200x100 canvas.
    editor.get_by_role("button", name="Brush").click()
    canvas = editor.get_by_test_id("imageeditor-canvas")
    drag(page, canvas, (0.2, 0.5), (0.8, 0.5))
    v = value_where(page, "Editor value", "v.center && v.center[0] === 204")
    assert v == {"background": [100, 200, 4], "composite": [100, 200, 4], "dtype": "uint8", "layers": 1,
                 "center": RED, "corner": WHITE, "layer_alpha": [255]}

    editor.get_by_role("button", name="Add layer").click()
    v = value_where(page, "Editor value", "v.layers === 2")
    assert v["layer_alpha"] == [255, 0] and v["center"] == RED
    editor.get_by_role("button", name="Apply").click()  # shown because the app listens to `apply`
    expect(page.get_by_label("Editor events", exact=True)).to_have_value(" apply:2")

    # Crop to the box (20, 10)-(120, 90): 100x80 pixels, the stroke still through its middle row.
    editor.locator(".imageeditor-toolbar").get_by_role("button", name="Crop").click()
    drag(page, canvas, (0.1, 0.1), (0.6, 0.9))
    editor.locator(".imageeditor-options").get_by_role("button", name="Crop", exact=True).click()
    v = value_where(page, "Editor value", "v.composite && v.composite[1] < 200")
    assert abs(v["composite"][0] - 80) <= 1 and abs(v["composite"][1] - 100) <= 1, v
    assert v["background"] == v["composite"] and v["center"] == RED

    editor.get_by_role("button", name="Undo").click()
    value_where(page, "Editor value", "v.composite && v.composite[1] === 200")
    editor.get_by_role("button", name="Clear").click()
    v = value_where(page, "Editor value", "v.composite === null")
    assert v == {"background": None, "composite": None, "dtype": None, "layers": 0}
    expect(page.get_by_label("Editor events", exact=True)).to_have_value(" apply:2 clear")

    # The next upload works: the image becomes the background, the canvas takes its size.
    editor.get_by_role("button", name="Background image").click()
    editor.get_by_label("Editor", exact=True).set_input_files(str(png(tmp_path / "blue.png", 60, 40, (20, 40, 200))))
    v = value_where(page, "Editor value", "v.composite && v.composite[1] === 60")
    assert v["composite"] == [40, 60, 4] and v["center"] == [20, 40, 200, 255] and v["layers"] == 1
    expect(editor.get_by_role("alert")).to_have_count(0)

    # Resize (Gradio's default transforms are crop and resize): the width typed, the height follows.
    editor.locator(".imageeditor-toolbar").get_by_role("button", name="Resize").click()
    options = editor.locator(".imageeditor-options")
    expect(options.get_by_label("Height")).to_have_value("40")
    options.get_by_label("Width").fill("150")
    options.get_by_label("Width").press("Tab")
    expect(options.get_by_label("Height")).to_have_value("100")
    options.get_by_role("button", name="Resize", exact=True).click()
    v = value_where(page, "Editor value", "v.composite && v.composite[1] === 150")
    assert v["composite"] == [100, 150, 4] and v["background"] == [100, 150, 4] and v["center"] == [20, 40, 200, 255]
    expect(editor.get_by_test_id("imageeditor-canvas")).to_have_attribute("aria-label", re.compile(r"150 × 100 pixels"))
    assert foreign_requests(page, base) == []


def test_sketchpad_numpy_and_mask_layer(page: Any, served: Any, site: Path, tmp_path: Path) -> None:
    base = served(site)
    page.goto(base + "/apps/editor/")
    wait_ready(page)

    # Sketchpad: a white canvas, the black brush selected, no background source.
    sketch = block(page, "Sketch")
    expect(sketch.get_by_role("button", name="Background image")).to_have_count(0)
    drag(page, sketch.get_by_test_id("imageeditor-canvas"), (0.1, 0.1), (0.9, 0.9))
    wait_sent(sketch, 1)
    page.get_by_role("button", name="Read sketch").click()
    v = value_where(page, "Sketch value", "v.composite !== undefined")
    assert v["composite"] == [120, 120, 4] and v["center"] == [0, 0, 0, 255] and v["corner"] == WHITE
    assert v["layer_alpha"] == [255]

    # ImageMask: upload a background, then the brush paints the mask layer over it.
    mask = block(page, "Mask")
    expect(mask.locator(".imageeditor-layers")).to_have_count(0)  # gr.ImageMask has no layer tool
    mask.get_by_label("Mask", exact=True).set_input_files(str(png(tmp_path / "green.png", 80, 60, (10, 160, 30))))
    canvas = mask.get_by_test_id("imageeditor-canvas")
    expect(canvas).to_be_visible()
    wait_sent(mask, 1)
    drag(page, canvas, (0.3, 0.5), (0.7, 0.5))
    wait_sent(mask, 2)
    page.get_by_role("button", name="Read mask").click()
    v = value_where(page, "Mask value", "v.layers === 1 && v.layer_alpha[0] === 255")
    assert v["background"] == [60, 80, 4] and v["center"] == [0, 0, 0, 255] and v["corner"] == [10, 160, 30, 255]


# Gradio's page with change/input listeners on an ImageEditor: each image as a PNG blob to the
# `accept_blobs` server function (the official client's component_server with {binary: true}),
# then the value as only their id. Images are drawn here: a blue 40x30 background, a layer
# with a red 10x10 square in the middle, and their composite.
BLOB_PROTOCOL_JS = """async (blobId) => {
    const { Client } = await import('/vendor/browser.js');
    const app = await Client.connect(location.origin + '/apps/editor/');
    const editor = app.config.components.find((c) => c.type === 'imageeditor' && c.props.label === 'Editor');
    const png = async (fill, square) => {
        const c = new OffscreenCanvas(40, 30); const g = c.getContext('2d');
        if (fill) { g.fillStyle = fill; g.fillRect(0, 0, 40, 30); }
        if (square) { g.fillStyle = square; g.fillRect(15, 10, 10, 10); }
        return await c.convertToBlob({ type: 'image/png' });
    };
    const images = [['background', null, await png('rgb(20,40,200)', null)],
                    ['layer', 0, await png(null, 'rgb(255,0,0)')],
                    ['composite', null, await png('rgb(20,40,200)', 'rgb(255,0,0)')]];
    const answers = await Promise.all(images.map(([type, index, blob]) => app.component_server(editor.id, 'accept_blobs',
        { binary: true, data: { file: new File([blob], type + '.png'), id: blobId, type, index } })));
    const out = await app.predict('/summary', [{ background: null, layers: [], composite: null, id: blobId }]);
    return { answers, summary: out.data[0] };
}"""


def test_gradio_blob_protocol_through_the_official_client(page: Any, served: Any, site: Path) -> None:
    if not CLIENT_DIST.is_dir():
        pytest.skip("npm @gradio/client is not installed (run `npm ci`)")
    vendor = site / "vendor"
    vendor.mkdir(exist_ok=True)
    for js in CLIENT_DIST.glob("*.js"):
        shutil.copyfile(js, vendor / js.name)
    base = served(site)
    page.goto(base + "/apps/editor/")
    wait_ready(page)
    got = page.evaluate(BLOB_PROTOCOL_JS, "blob-1")
    assert got["answers"] == [None, None, None]  # accept_blobs answers null, as in Gradio
    assert json.loads(got["summary"]) == {"background": [30, 40, 4], "composite": [30, 40, 4], "dtype": "uint8",
                                          "layers": 1, "center": [255, 0, 0, 255], "corner": [20, 40, 200, 255],
                                          "layer_alpha": [255]}
    # The blobs are read once; a second value with the same id holds no images (as in Gradio).
    again = page.evaluate("""async () => {
        const { Client } = await import('/vendor/browser.js');
        const app = await Client.connect(location.origin + '/apps/editor/');
        return (await app.predict('/summary', [{ id: 'blob-1' }])).data[0];
    }""")
    assert json.loads(again) == {"background": None, "composite": None, "dtype": None, "layers": 0}
    assert foreign_requests(page, base) == []


def demo_page(page: Any, served: Any, site: Path, name: str) -> str:
    if not (site / "apps" / name).is_dir():
        pytest.skip(f"no Gradio checkout at {CHECKOUT} (set WASMUI_GRADIO_CHECKOUT)")
    base = served(site)
    page.goto(f"{base}/apps/{name}/")
    wait_ready(page)
    return base


def test_gradio_demo_image_editor(page: Any, served: Any, site: Path, tmp_path: Path) -> None:
    """Gradio's image_editor demo: upload, draw; its counters and the composite preview follow."""
    base = demo_page(page, served, site, "image_editor")
    editor = page.locator(".imageeditor-block")
    editor.locator("input[type=file]").set_input_files(str(png(tmp_path / "bg.png", 90, 60, (30, 60, 220))))
    expect(page.get_by_label("Number of upload events", exact=True)).to_have_value("1", timeout=120_000)
    drag(page, editor.get_by_test_id("imageeditor-canvas"), (0.2, 0.5), (0.8, 0.5))
    wait_sent(editor, 2)
    expect(page.get_by_label("Number of change events", exact=True)).to_have_value("2")
    expect(page.get_by_label("Number of input events", exact=True)).to_have_value("2")
    preview = page.locator(".block-image").get_by_test_id("image-display")
    expect(preview).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth === 90", arg=preview.element_handle())
    assert foreign_requests(page, base) == []
    assert not re.search(r"Traceback", page.locator("wasmui-app").inner_text())


def test_gradio_demo_image_editor_sketchpad(page: Any, served: Any, site: Path) -> None:
    """A live Interface over gr.Sketchpad: a stroke gives the share of drawn pixels of the mask layer."""
    demo_page(page, served, site, "image_editor_sketchpad")
    drag(page, page.get_by_test_id("imageeditor-canvas"), (0.1, 0.5), (0.9, 0.5))
    label = page.locator(".label-top")
    expect(label).to_contain_text(re.compile(r"\d+(\.\d+)?%"), timeout=120_000)
    assert "0.0%" not in label.inner_text()


def test_gradio_demo_image_editor_layers(page: Any, served: Any, site: Path) -> None:
    """image_editor_layers: a value set from Python loads into the editor; Get Layers counts them."""
    demo_page(page, served, site, "image_editor_layers")
    page.get_by_role("button", name="Set Background").click()
    # The change listener sees the value Python set (no layers); the editor then holds its canvas.
    expect(page.get_by_label("Layer Updates", exact=True)).to_have_value("0", timeout=120_000)
    page.get_by_role("button", name="Get Layers").click()
    expect(page.get_by_label("Num Layers", exact=True)).to_have_value("1", timeout=60_000)
    expect(page.locator(".imageeditor-block").nth(0).get_by_test_id("imageeditor-canvas")).to_have_attribute("width", "64")


def test_gradio_demo_image_editor_webcam(page: Any, served: Any, site: Path) -> None:
    """image_editor_webcam: a photo from Chromium's fake camera becomes the background of the
    fixed 1024x1024 canvas; the change listener previews the composite."""
    demo_page(page, served, site, "image_editor_webcam")
    editor = page.locator(".imageeditor-block")
    editor.get_by_role("button", name="Webcam").click()
    editor.get_by_role("button", name="Take a photo").click()
    canvas = editor.get_by_test_id("imageeditor-canvas")
    expect(canvas).to_be_visible(timeout=30_000)
    expect(canvas).to_have_attribute("width", "1024")
    preview = page.locator(".block-image").get_by_test_id("image-display")
    expect(preview).to_be_visible(timeout=120_000)
    page.wait_for_function("img => img.complete && img.naturalWidth === 1024", arg=preview.element_handle())
