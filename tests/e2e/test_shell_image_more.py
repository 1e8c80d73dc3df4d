"""gr.AnnotatedImage (overlays, legend, select) and gr.ImageSlider (upload into a pair, the
divider as a range input) and gr._simple_templates.SimpleImage (a path in and out, download
button, clear, a non-image refused) in real Chromium against a real backend; screenshots light/dark."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect


np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")

pytestmark = pytest.mark.e2e
APP = "shell_image_more.py"
SHOTS = Path(os.environ.get("WASMUI_SHOTS", "/tmp/wasmui-shots"))


def test_annotated_image_overlays_legend_and_select(shell):
    page = shell(APP)
    page.get_by_role("button", name="Annotate").click()
    block = page.locator(".block-annotatedimage")
    expect(block.locator("img.annotated-mask")).to_have_count(2)
    expect(block.get_by_role("button", name="car")).to_be_visible()
    # The legend colour comes from color_map (car) or Gradio's red default (road).
    expect(block.get_by_role("button", name="car")).to_have_css("border-top-color", "rgb(0, 255, 0)")
    expect(block.get_by_role("button", name="road")).to_have_css("border-top-color", "rgb(255, 0, 0)")
    block.get_by_role("button", name="road").hover()
    expect(block.locator("img.annotated-mask.active")).to_have_attribute("alt", "road")
    block.get_by_role("button", name="road").click()
    expect(page.get_by_label("Picked", exact=True)).to_have_value("1:road")


def test_image_slider_upload_fills_the_pair_and_the_divider_moves(shell, tmp_path):
    page = shell(APP)
    PIL_Image.fromarray(np.full((40, 60, 3), 30, np.uint8)).save(tmp_path / "dark.png")
    page.get_by_label("Compare first image", exact=True).set_input_files(str(tmp_path / "dark.png"))
    block = page.locator(".block-imageslider")
    expect(block.locator("img.slider-over")).to_be_visible()
    expect(block.locator("img.slider-under")).to_be_visible()
    divider = block.get_by_role("slider", name="Slider position")
    expect(divider).to_have_value("30")
    divider.fill("75")
    expect(block.locator(".slider-stage")).to_have_attribute("style", __import__("re").compile(r"--pos:\s*75%"))
    # The second image is the inverted first (the upload handler ran on the pair).
    under = block.locator("img.slider-under").element_handle()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=under)
    px = page.evaluate("""img => { const c = document.createElement('canvas'); c.width = img.naturalWidth;
      c.height = img.naturalHeight; const g = c.getContext('2d'); g.drawImage(img, 0, 0);
      return Array.from(g.getImageData(5, 5, 1, 1).data.slice(0, 3)); }""", under)
    assert all(abs(v - 225) <= 3 for v in px), px  # webp is lossy; 255 - 30 = 225


def test_simple_image_upload_display_download_clear_and_a_wrong_file(shell, tmp_path):
    page = shell(APP)
    PIL_Image.fromarray(np.full((30, 50, 3), (250, 120, 0), np.uint8)).save(tmp_path / "orange.png")
    (tmp_path / "notes.txt").write_text("not an image")
    simple_in = page.locator(".block-simpleimage", has_text="Simple in")
    simple_in.get_by_label("Simple in", exact=True).set_input_files(str(tmp_path / "notes.txt"))
    expect(simple_in.get_by_role("alert")).to_contain_text('"notes.txt" is not an image')
    expect(page.get_by_label("Simple log", exact=True)).to_have_value("")  # nothing reached Python
    simple_in.get_by_label("Simple in", exact=True).set_input_files(str(tmp_path / "orange.png"))
    expect(page.get_by_label("Simple log", exact=True)).to_have_value("upload orange.png")
    expect(simple_in.get_by_role("alert")).to_have_count(0)
    out = page.locator(".block-simpleimage", has_text="Simple out")
    img = out.get_by_test_id("simpleimage-display")
    expect(img).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth === 50", arg=img.element_handle())
    # The static one downloads the same bytes; show_download_button=False has no button; the input clears.
    with page.expect_download() as info:
        out.get_by_role("link", name="Download").or_(out.get_by_role("button", name="Download")).click()
    assert PIL_Image.open(info.value.path()).size == (50, 30)
    quiet = page.locator(".block-simpleimage", has_text="Simple quiet")
    expect(quiet.get_by_test_id("simpleimage-display")).to_be_visible()
    expect(quiet.get_by_role("link", name="Download").or_(quiet.get_by_role("button", name="Download"))).to_have_count(0)
    expect(simple_in.get_by_role("link", name="Download").or_(simple_in.get_by_role("button", name="Download"))).to_have_count(0)
    simple_in.get_by_role("button", name="Clear image").click()
    expect(page.get_by_label("Simple log", exact=True)).to_have_value("clear None")
    expect(simple_in.get_by_label("Simple in", exact=True)).to_have_count(1)  # the drop zone is back
    expect(img).to_be_visible()  # the output keeps its image


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots(shell, tmp_path, theme):
    page = shell(APP, theme=theme)
    page.get_by_role("button", name="Annotate").click()
    expect(page.locator("img.annotated-mask")).to_have_count(2)
    PIL_Image.fromarray(np.tile(np.linspace(0, 255, 60, dtype=np.uint8)[None, :, None], (40, 1, 3))).save(tmp_path / "g.png")
    page.get_by_label("Compare first image", exact=True).set_input_files(str(tmp_path / "g.png"))
    expect(page.locator("img.slider-under")).to_be_visible()
    page.get_by_label("Simple in", exact=True).set_input_files(str(tmp_path / "g.png"))
    expect(page.get_by_test_id("simpleimage-display")).to_have_count(3)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"annotated-slider-{theme}.png"), full_page=True)
