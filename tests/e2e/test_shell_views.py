"""The shell's views against a real backend: rendering, accessibility
names, values flowing both ways, files, layouts, update objects, theme."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.e2e
APP = "shell_views.py"


def test_inputs_are_named_by_their_labels_and_feed_the_event(shell):
    page = shell(APP)
    name = page.get_by_label("Name", exact=True)
    expect(name).to_have_value("World")
    name.fill("Ada")
    page.get_by_label("Times", exact=True).fill("3")
    page.get_by_role("slider", name="Amount").fill("7")
    expect(page.get_by_label("number input for Amount")).to_have_value("7")
    page.get_by_label("Check me").check()
    page.get_by_role("button", name="Greet").click()
    expect(page.get_by_label("Greeting", exact=True)).to_have_value("Hello Ada! x3 amount=7 checked=True")


def test_textbox_variants_and_info(shell):
    page = shell(APP)
    expect(page.get_by_label("Secret")).to_have_attribute("type", "password")
    notes = page.get_by_label("Notes", exact=True)
    expect(notes).to_have_js_property("tagName", "TEXTAREA")
    expect(notes).to_have_attribute("rows", "3")
    expect(page.get_by_text("Who to greet")).to_be_visible()
    expect(page.get_by_placeholder("type a name")).to_be_visible()
    # output-only textbox is read-only, inputs are editable
    expect(page.get_by_label("Greeting", exact=True)).to_have_attribute("readonly", "")
    expect(page.get_by_label("Name", exact=True)).not_to_have_attribute("readonly", "")
    expect(page.get_by_role("button", name="Copy", exact=True)).to_be_visible()


def test_buttons_variants_and_disabled(shell):
    page = shell(APP)
    expect(page.get_by_role("button", name="Greet")).to_have_class(re.compile(r"\bbtn-primary\b"))
    expect(page.get_by_role("button", name="Danger")).to_have_class(re.compile(r"\bbtn-stop\b.*\bbtn-sm\b"))
    expect(page.get_by_role("button", name="Disabled")).to_be_disabled()
    expect(page.get_by_role("button", name="Greet")).to_be_enabled()


def test_markdown_json_label_and_custom_css(shell):
    page = shell(APP)
    expect(page.get_by_role("heading", name="Shell views")).to_be_visible()
    link = page.get_by_role("link", name="link")
    expect(link).to_have_attribute("href", "https://example.com")
    expect(link).to_have_attribute("target", "_blank")
    # app css config applies inside the shadow root
    expect(page.locator("#custom-md")).to_have_css("letter-spacing", "0.5px")
    data = page.locator("[data-testid] .json-view")
    expect(data).to_contain_text("numbers")
    expect(data).to_contain_text('"ok"'.strip('"'))
    # collapsing a node hides its children
    node = data.locator("details").first
    node.locator("summary").first.click()
    expect(node).not_to_have_attribute("open", "")
    expect(page.locator(".label-top")).to_have_text("cat")
    expect(page.get_by_role("meter", name="cat")).to_have_attribute("aria-valuenow", "70")
    expect(page.get_by_role("meter", name="dog")).to_have_attribute("aria-valuenow", "20")


def test_tabs_keyboard_and_accordion(shell):
    page = shell(APP)
    files_tab = page.get_by_role("tab", name="Files")
    expect(files_tab).to_have_attribute("aria-selected", "true")
    expect(page.locator(".hello")).to_have_count(0)
    files_tab.focus()
    page.keyboard.press("ArrowRight")
    html_tab = page.get_by_role("tab", name="Html")
    expect(html_tab).to_have_attribute("aria-selected", "true")
    expect(html_tab).to_be_focused()
    expect(page.locator(".hello")).to_have_text("Hello HTML")
    expect(page.locator(".tpl")).to_have_text("Hi World")  # html_template filled from the value
    expect(page.locator(".tpl")).to_have_css("color", "rgb(1, 128, 2)")  # css_template applied
    page.keyboard.press("End")
    expect(page.get_by_role("tab", name="Updates")).to_have_attribute("aria-selected", "true")
    page.get_by_role("tab", name="Files").click()
    expect(page.get_by_label("Upload files")).to_be_attached()

    acc = page.get_by_role("button", name="Advanced")
    expect(acc).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_label("Inside accordion")).to_have_count(0)
    acc.press("Enter")
    expect(acc).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_label("Inside accordion")).to_have_value("deep")


def test_file_upload_and_download(shell, tmp_path):
    page = shell(APP)
    a = tmp_path / "alpha.txt"
    a.write_text("12345")
    b = tmp_path / "beta.txt"
    b.write_text("abc")
    page.get_by_label("Upload files").set_input_files([str(a), str(b)])
    expect(page.get_by_label("File info")).to_have_value("alpha.txt:5, beta.txt:3")
    expect(page.get_by_role("link", name="alpha.txt")).to_be_visible()
    expect(page.get_by_role("button", name="Remove beta.txt")).to_be_visible()

    page.get_by_role("button", name="Make file").click()
    link = page.get_by_role("link", name=re.compile(r"shell_views_output.*\.txt"))
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    body = page.evaluate("async (u) => (await fetch(u)).text()", href)
    assert body == "generated content"


def test_update_objects_visibility_label_interactive(shell):
    page = shell(APP)
    page.get_by_role("tab", name="Updates").click()
    expect(page.locator("#hideable")).to_be_visible()
    page.get_by_role("button", name="Toggle").click()
    expect(page.locator("#hideable")).to_have_count(0)
    renamed = page.get_by_label("Renamed box")
    expect(renamed).to_have_value("locked")
    expect(renamed).to_have_attribute("readonly", "")
    page.get_by_role("button", name="Toggle").click()
    expect(page.locator("#hideable")).to_be_visible()
    # an event output selects another tab
    page.get_by_role("button", name="Go to files").click()
    expect(page.get_by_role("tab", name="Files")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_label("Upload files")).to_be_attached()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_theme_follows_color_scheme(shell, theme):
    page = shell(APP, theme=theme)
    # Gradio's Default theme (from /theme.css of the app): white, or zinc-950 in dark mode
    # the shell is the page here, so <html> paints the theme's background
    want = "rgb(15, 15, 17)" if theme == "dark" else "rgb(255, 255, 255)"
    expect(page.locator("html")).to_have_css("background-color", want)
    # host-page CSS cannot reach inside the shadow root
    page.add_style_tag(content="button, .btn { background: rgb(1, 2, 3) !important; }")
    expect(page.get_by_role("button", name="Greet")).not_to_have_css("background-color", "rgb(1, 2, 3)")


def test_dark_class_forces_dark(shell):
    page = shell(APP, theme="light", query="&theme=dark")
    expect(page.locator("html")).to_have_css("background-color", "rgb(15, 15, 17)")


def test_number_typing_is_not_reformatted_until_blur(shell):
    page = shell(APP)
    times = page.get_by_label("Times", exact=True)
    times.fill("")
    times.press_sequentially("7.5", delay=50)
    expect(times).to_have_value("7.5")  # precision=0 is not applied under the caret
    times.blur()
    expect(times).to_have_value("8")
    times.fill("")
    times.press_sequentially("-2", delay=50)
    expect(times).to_have_value("-2")  # a lone "-" did not wipe the box


def test_layout_scale_and_initially_invisible(shell):
    page = shell(APP)
    expect(page.get_by_label("Invisible box")).to_have_count(0)
    wide = page.locator(".row > .column").nth(0).bounding_box()
    narrow = page.locator(".row > .column").nth(1).bounding_box()
    assert wide and narrow
    assert abs(wide["y"] - narrow["y"]) < 2, "columns of a Row sit side by side"
    assert 1.8 < wide["width"] / narrow["width"] < 2.2, (wide, narrow)  # scale=2 vs scale=1
    expect(page.get_by_label("Upload files")).to_have_attribute("accept", "text/*,.csv")


def test_narrow_viewport_wraps_row(shell):
    page = shell(APP)
    page.set_viewport_size({"width": 500, "height": 900})
    first = page.locator(".row > .column").nth(0).bounding_box()
    second = page.locator(".row > .column").nth(1).bounding_box()
    assert first and second and second["y"] > first["y"] + first["height"] - 1, "columns wrap below min_width"


def test_container_show_label_elem_classes(shell):
    page = shell(APP)
    bare = page.get_by_label("Bare box")  # show_label=False: still named, through aria-label
    expect(bare).to_be_visible()
    block = page.locator("#bare-box")
    expect(block).to_have_class(re.compile(r"\bfancy\b"))
    expect(block).to_have_class(re.compile(r"\bbare\b"))  # container=False: no panel
    expect(block).to_have_css("outline-color", "rgb(9, 8, 7)")  # app css targets elem_classes
    expect(block.locator("label")).to_have_count(0)


def test_view_css_is_inserted_once_per_view_before_the_app_css(shell):
    page = shell(APP)
    expect(page.get_by_role("slider", name="Amount")).to_be_visible()
    sheets = page.evaluate(
        "[...document.getElementById('app').shadowRoot.querySelectorAll('style')].map((s) => s.textContent)"
    )
    assert len(sheets) == len(set(sheets)), "a view's CSS was inserted twice"
    assert "#custom-md" in sheets[-1], "the app's css must come last so it can override views"
    assert any(".slider-range" in s for s in sheets[:-1])  # a view on the page brings its CSS
    assert not any(".color-swatch" in s for s in sheets), "CSS of a view the app does not use"
