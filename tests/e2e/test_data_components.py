"""gr.Dataframe (and the other data components) in real Chromium on Pyodide.

One built site, one booted page for the whole module: each test works on its own
component or rows, so they can share the page without depending on each other's order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from e2e_pages import foreign_requests, wait_ready

APP = Path(__file__).resolve().parent / "apps" / "data_app"


@pytest.fixture(scope="module")
def app(browser: Any, built_site: Any, served: Any) -> Iterator[Any]:
    base = served(built_site(APP))
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], base_url=base)
    page = context.new_page()
    page.requests = []
    context.on("request", lambda request: page.requests.append(request.url))
    page.set_default_timeout(30_000)
    page.goto(base + "/")
    wait_ready(page)
    page.base = base
    yield page
    context.close()


def grid(page: Any, label: str) -> Any:
    return page.locator(f'[role=grid][aria-label="{label}"]')


def column_text(page: Any, label: str, col: int) -> list[str]:
    return grid(page, label).locator(f'tr.df-row td[data-col="{col}"]').all_inner_texts()


def json_of(page: Any, label: str) -> Any:
    box = page.get_by_label(label, exact=True)
    expect(box).not_to_have_value("")
    return json.loads(box.input_value())


def test_headers_cells_and_row_numbers_render(app: Any) -> None:
    table = grid(app, "Fruits")
    expect(table.locator("thead th")).to_have_count(4)  # row-number column + 3
    expect(table.locator("tr.df-row")).to_have_count(3)
    assert column_text(app, "Fruits", 1) == ["cherry", "apple", "banana"]
    assert table.locator("tr.df-row td.df-rownum").all_inner_texts() == ["1", "2", "3"]
    assert foreign_requests(app, app.base) == []


def test_clicking_a_header_sorts_ascending_then_descending_then_back(app: Any) -> None:
    table = grid(app, "Fruits")
    header = table.locator("thead th").nth(1)  # column "n"
    header.locator("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    assert column_text(app, "Fruits", 0) == ["1", "2", "3"]
    header.locator("button").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    assert column_text(app, "Fruits", 0) == ["3", "2", "1"]
    header.locator("button").click()
    expect(header).to_have_attribute("aria-sort", "none")
    assert column_text(app, "Fruits", 1) == ["cherry", "apple", "banana"]


def test_select_sends_row_column_and_value(app: Any) -> None:
    grid(app, "Fruits").locator('tr[data-row="2"] td[data-col="1"]').click()
    expect(app.get_by_label("Selected", exact=True)).to_have_value(
        json.dumps({"index": [2, 1], "value": "banana", "row_value": [2, "banana", True]}))


def test_editing_a_cell_fires_edit_and_change_with_the_new_value(app: Any) -> None:
    cell = grid(app, "Fruits").locator('tr[data-row="0"] td[data-col="1"]')
    cell.dblclick()
    editor = cell.locator("input.df-editor")
    editor.fill("kiwi")
    editor.press("Enter")
    expect(cell).to_have_text("kiwi")
    expect(app.get_by_label("Edited", exact=True)).to_have_value(
        json.dumps({"index": [0, 1], "value": "kiwi", "previous_value": "cherry"}))
    changed = json_of(app, "Changed")
    assert changed[0] == [3, "kiwi", True]  # type="array": the function gets a list of rows
    # A number column casts typed text to a number; typing on a selected cell starts an edit.
    num = grid(app, "Fruits").locator('tr[data-row="1"] td[data-col="0"]')
    num.click()
    app.keyboard.type("42")
    app.keyboard.press("Enter")
    expect(app.get_by_label("Changed", exact=True)).to_have_value(
        json.dumps([[3, "kiwi", True], [42, "apple", False], [2, "banana", True]]))


def test_bool_cells_toggle_and_rows_can_be_added(app: Any) -> None:
    table = grid(app, "Fruits")
    table.locator('tr[data-row="1"] td[data-col="2"] input[type=checkbox]').check()
    box = app.get_by_label("Changed", exact=True)
    expect(box).to_have_value(re.compile(r'\[42, "apple", true\]'))
    app.get_by_role("button", name="+ Add row").first.click()
    expect(table.locator("tr.df-row")).to_have_count(4)
    expect(box).to_have_value(re.compile(r'\[null, "", null\]\]'))


def test_search_filters_rows(app: Any) -> None:
    table = grid(app, "Fruits")
    search = app.get_by_label("Search the table").first
    search.fill("ban")
    expect(table.locator("tr.df-row")).to_have_count(1)
    assert column_text(app, "Fruits", 1) == ["banana"]
    search.fill("")
    expect(table.locator("tr.df-row")).to_have_count(4)


def test_ten_thousand_rows_render_only_a_window(app: Any) -> None:
    table = grid(app, "Big")
    expect(table.locator('tr[data-row="0"]')).to_be_visible()
    rendered = table.locator("tr.df-row").count()
    assert 5 < rendered < 80, rendered
    # The scroll height still stands for all 10,000 rows.
    height = table.evaluate("el => el.scrollHeight")
    assert height > 10_000 * 20, height
    table.evaluate("el => { el.scrollTop = el.scrollHeight; }")
    expect(table.locator('tr[data-row="9999"]')).to_be_visible()
    assert table.locator("tr.df-row").count() < 80
    assert table.locator('tr[data-row="0"]').count() == 0
    table.evaluate("el => { el.scrollTop = el.scrollHeight / 2; }")
    expect(table.locator('tr[data-row="5000"]')).to_be_attached()
    # Sorting 10k rows descending puts the last row first.
    table.locator("thead th").nth(0).locator("button").click()
    table.locator("thead th").nth(0).locator("button").click()
    table.evaluate("el => { el.scrollTop = 0; }")
    expect(table.locator("tr.df-row").first).to_have_attribute("data-row", "9999")


def test_copy_button_copies_tab_separated_rows(app: Any) -> None:
    fruits = app.locator(".block-dataframe").filter(has=grid(app, "Fruits"))
    fruits.get_by_role("button", name="Copy table").click()
    text = app.evaluate("() => navigator.clipboard.readText()")
    assert text.split("\n")[0] == "n\tfruit\tripe"
    assert "kiwi" in text


def _no_xss(page: Any) -> None:
    fired = page.evaluate("() => Object.keys(window).filter((k) => k.startsWith('__xss'))")
    assert fired == []
    rich = grid(page, "Rich")
    assert rich.locator("script, iframe").count() == 0
    hrefs = rich.locator("a").evaluate_all("els => els.map((a) => a.getAttribute('href') || '')")
    assert not any(h.lower().startswith("javascript") for h in hrefs), hrefs


def test_markdown_and_html_cells_are_rendered_but_never_run_scripts(app: Any) -> None:
    rich = grid(app, "Rich")
    expect(rich.locator(".df-markdown strong")).to_have_text("bold")
    expect(rich.locator(".df-html b.ok")).to_have_text("bold")
    # latex_delimiters (Gradio's default $$…$$): typeset by KaTeX, its underscores not taken as Markdown emphasis.
    maths = rich.locator(".df-markdown .katex")
    expect(maths).to_have_count(1)
    expect(maths.locator("annotation")).to_have_text("\\pi r_1^2 + s_2")
    _no_xss(app)
    app.get_by_role("button", name="Fill").click()
    expect(rich.locator(".df-html i.after")).to_have_text("after")
    expect(rich.locator(".df-markdown em")).to_have_text("after")
    _no_xss(app)


def code_block(page: Any, label: str) -> Any:
    return page.locator(".code-block").filter(has=page.get_by_text(label, exact=True))


def test_code_editor_highlights_and_editing_fires_change(app: Any) -> None:
    block = code_block(app, "Source")
    content = block.locator(".cm-content")
    expect(content).to_contain_text("return a + b")
    # The Python grammar loaded: keywords are styled spans, not plain text.
    expect(block.locator(".cm-line span").first).to_be_visible()
    assert block.locator(".cm-lineNumbers .cm-gutterElement").count() >= 2
    block.locator(".cm-line").last.click()
    app.keyboard.press("End")
    app.keyboard.type("  # sum")
    expect(app.get_by_label("Code seen", exact=True)).to_have_value("def add(a, b):\n    return a + b  # sum")
    app.get_by_label("Code seen", exact=True).click()  # moves focus out: blur
    expect(app.get_by_label("Code events", exact=True)).to_have_value("focus;blur;")


def test_readonly_code_shows_output_and_refuses_typing(app: Any) -> None:
    block = code_block(app, "Readonly JSON")
    app.get_by_role("button", name="Show JSON").click()
    content = block.locator(".cm-content")
    expect(content).to_have_text('{"a": [1, 2, true]}')
    expect(content).to_have_attribute("contenteditable", "false")
    assert app.locator(".block-code").count() == 3


def test_datetime_round_trip_through_python(app: Any) -> None:
    when = app.get_by_label("When", exact=True)
    expect(when).to_have_value("2024-02-28 23:30:00")
    when.fill("2024-02-28 10:00:00")
    when.press("Enter")
    # timestamp in UTC → Python adds a day → shown again in UTC (leap year: Feb 29).
    expect(app.get_by_label("A day later", exact=True)).to_have_value("2024-02-29 10:00:00")
    expect(app.get_by_label("Submitted", exact=True)).to_have_value("1709114400.0")
    when.fill("28/02/2024")
    expect(when).to_have_attribute("aria-invalid", "true")
    when.press("Enter")
    expect(app.get_by_label("A day later", exact=True)).to_have_value("2024-02-29 10:00:00")  # not sent


def test_datetime_native_picker_sets_the_value(app: Any) -> None:
    block = app.locator(".block-datetime").filter(has=app.get_by_label("Day", exact=True))
    block.locator("input.datetime-native").fill("2025-12-24")
    expect(app.get_by_label("Day", exact=True)).to_have_value("2025-12-24")
    expect(app.get_by_label("Day seen", exact=True)).to_have_value("2025-12-24T00:00:00")


def test_highlighted_text_labels_colours_legend_and_select(app: Any) -> None:
    block = app.locator(".block-highlightedtext").filter(has=app.get_by_text("Entities", exact=True))
    tokens = block.locator(".ht-token")
    expect(tokens.first.locator(".ht-label")).to_have_text("PER")
    assert tokens.first.evaluate("el => getComputedStyle(el).getPropertyValue('--ht-color').trim()") == "#3b82f6"
    assert block.locator(".ht-legend-item").all_inner_texts()[:2] == ["PER", "LOC"]
    # Label text stays readable: white on the blue PER badge, dark on the yellow LOC one.
    colour = "el => getComputedStyle(el.querySelector('.ht-label')).color"
    assert tokens.first.evaluate(colour) == "rgb(255, 255, 255)"
    assert block.locator(".ht-token").filter(has_text="London").evaluate(colour) == "rgb(17, 24, 39)"
    block.get_by_text("London", exact=True).click()
    expect(app.get_by_label("Tag selected", exact=True)).to_have_value(json.dumps({"index": 4, "value": ["London", "LOC"]}))
    # Labels and text are text: the hostile labels show literally and never run.
    expect(block.get_by_text("<b>!</b>")).to_be_visible()
    expect(block.locator(".ht-label").filter(has_text="<script>window.__xss_script=1</script>")).to_have_count(1)
    assert block.locator("b, img, script, svg, iframe").count() == 0
    assert app.evaluate("() => Object.keys(window).filter((k) => k.startsWith('__xss'))") == []


def test_highlighted_text_combines_adjacent_output(app: Any) -> None:
    block = app.locator(".block-highlightedtext").filter(has=app.get_by_text("Diff", exact=True))
    app.get_by_role("button", name="Diff", exact=True).click()
    expect(block.locator(".ht-token")).to_have_count(2)
    expect(block.locator(".ht-token").first.locator(".ht-text")).to_have_text("bc")


def test_interactive_highlighted_text_relabels_removes_and_labels_a_selection(app: Any) -> None:
    block = app.locator(".block-highlightedtext").filter(has=app.get_by_text("Editable tags", exact=True))
    seen = app.get_by_label("Tags seen", exact=True)
    # Click a label to edit it (as in Gradio: an input in place of the badge; Enter saves).
    block.locator(".ht-token").filter(has_text="Ada").click()
    editor = block.get_by_label("Label", exact=True)
    editor.fill("person")
    editor.press("Enter")
    expect(seen).to_have_value(json.dumps([{"token": "Ada", "class_or_confidence": "person"},
                                           {"token": " met Charles in London", "class_or_confidence": None}]))
    expect(block.locator(".ht-token .ht-label")).to_have_text(["person"])
    # Selecting text inside an unlabelled span makes it a new labelled span, its label editor open.
    app.evaluate("""() => {
        const host = document.querySelector('wasmui-app');
        const root = host.shadowRoot || document;
        const span = [...root.querySelectorAll('.ht-plain')].find((s) => s.textContent.includes('Charles in'));
        const text = span.firstChild, at = text.data.indexOf('Charles');
        const range = document.createRange();
        range.setStart(text, at); range.setEnd(text, at + 'Charles'.length);
        const sel = (root.getSelection ? root.getSelection() : null) || window.getSelection();
        sel.removeAllRanges(); sel.addRange(range);
        span.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
    }""")
    editor = block.get_by_label("Label", exact=True)
    expect(editor).to_be_focused()
    editor.fill("PER")
    editor.press("Enter")
    expect(seen).to_have_value(json.dumps([
        {"token": "Ada", "class_or_confidence": "person"}, {"token": " met ", "class_or_confidence": None},
        {"token": "Charles", "class_or_confidence": "PER"}, {"token": " in London", "class_or_confidence": None}]))
    # The known label keeps its colour from color_map.
    charles = block.locator(".ht-token").filter(has_text="Charles")
    assert charles.evaluate("el => getComputedStyle(el).getPropertyValue('--ht-color').trim()") == "#3b82f6"
    # Removing a label merges the text back with its unlabelled neighbours.
    charles.hover()
    charles.get_by_role("button", name="Remove label").click()
    expect(seen).to_have_value(json.dumps([{"token": "Ada", "class_or_confidence": "person"},
                                           {"token": " met Charles in London", "class_or_confidence": None}]))
    expect(block.locator(".ht-token")).to_have_count(1)


def test_image_cells_show_images_and_refuse_script_urls(app: Any) -> None:
    table = grid(app, "Pictures")
    image = table.locator('tr[data-row="0"] td[data-col="0"] img.df-image')
    expect(image).to_have_count(1)
    image.scroll_into_view_if_needed()  # lazily loaded, as the table's rows are
    app.wait_for_function("(img) => img.complete && img.naturalWidth === 2", arg=image.element_handle())
    assert image.get_attribute("src").startswith("data:image/png;base64,")
    expect(table.locator('tr[data-row="1"] td[data-col="0"] img')).to_have_count(0)
    assert app.evaluate("() => window.__xss_imgcell") is None


def test_styling_metadata_shows_display_values_and_readable_text_on_data_bars(app: Any) -> None:
    cells = grid(app, "Data bars").locator('tr[data-row="0"] td')
    expect(cells).to_have_text(["* bar", "70 %"])
    assert "linear-gradient" in cells.nth(1).evaluate("el => getComputedStyle(el).backgroundImage")
    # Dark text on the light bar in either theme (Gradio keeps the theme's, white in dark mode).
    assert cells.nth(1).evaluate("el => getComputedStyle(el).color") == "rgb(17, 24, 39)"


def test_json_keys_and_values_with_script_payloads_stay_text(app: Any) -> None:
    block = app.locator(".block-json").filter(has=app.get_by_text("Hostile JSON", exact=True))
    expect(block.get_by_text('<img src=x onerror="window.__xss_img=1">', exact=False).first).to_be_visible()
    # (the block's own icons are SVGs; nothing from the payloads became an element)
    assert block.locator("img, script, iframe, [onerror], [onload], a[href^='javascript']").count() == 0
    assert app.evaluate("() => Object.keys(window).filter((k) => k.startsWith('__xss'))") == []


def test_paramviewer_rows_and_sanitised_description(app: Any) -> None:
    block = app.locator(".block-paramviewer")
    expect(block.locator("summary")).to_have_count(2)
    expect(block.locator("summary").first).to_contain_text("number: int | float")
    block.locator("summary").first.click()
    expect(block.locator(".pv-desc strong")).to_have_text("number")
    assert block.locator(".pv-desc img[onerror]").count() == 0
    assert app.evaluate("() => window.__xss_pv") is None


def test_browser_state_survives_a_reload(app: Any) -> None:
    page = app.context.new_page()
    page.goto(app.base + "/")
    wait_ready(page)
    page.get_by_role("button", name="Show visits").click()
    expect(page.get_by_label("Visits", exact=True)).not_to_have_value("")
    start = int(page.get_by_label("Visits", exact=True).input_value())
    page.get_by_role("button", name="Visit", exact=True).click()
    expect(page.get_by_label("Visits", exact=True)).to_have_value(str(start + 1))
    page.get_by_role("button", name="Visit", exact=True).click()
    expect(page.get_by_label("Visits", exact=True)).to_have_value(str(start + 2))
    # Written by the view's effect after the render that shows the new value.
    page.wait_for_function("(n) => localStorage.getItem('data-app-visits') === n", arg=str(start + 2))
    page.reload()
    wait_ready(page)
    page.get_by_role("button", name="Show visits").click()
    expect(page.get_by_label("Visits", exact=True)).to_have_value(str(start + 2))
    page.close()


def test_cell_menu_adds_and_deletes_rows_and_columns(app: Any) -> None:
    table = grid(app, "Fruits")
    before = table.locator("tr.df-row").count()
    table.locator('tr[data-row="0"] td[data-col="1"]').click(button="right")
    app.get_by_role("menuitem", name="Add row above").click()
    expect(table.locator("tr.df-row")).to_have_count(before + 1)
    assert column_text(app, "Fruits", 1)[0] == ""
    # Keyboard: the context-menu key on the selected cell, then arrows and Enter.
    table.locator('tr[data-row="0"] td[data-col="1"]').click()
    app.keyboard.press("Shift+F10")
    expect(app.get_by_role("menuitem", name="Add row above")).to_be_focused()
    app.keyboard.press("ArrowDown")
    app.keyboard.press("ArrowDown")
    expect(app.get_by_role("menuitem", name="Delete row")).to_be_focused()
    app.keyboard.press("Enter")
    expect(table.locator("tr.df-row")).to_have_count(before)
    table.locator('tr[data-row="0"] td[data-col="1"]').click(button="right")
    app.get_by_role("menuitem", name="Add column right").click()
    expect(table.locator("thead .df-head-text")).to_have_text(["n", "fruit", "4", "ripe"])
    expect(app.get_by_label("Changed", exact=True)).to_have_value(re.compile(r'^\[\[3, "kiwi", "", true\]'))
    table.locator('tr[data-row="0"] td[data-col="2"]').click(button="right")
    app.get_by_role("menuitem", name="Delete column").click()
    expect(table.locator("thead .df-head-text")).to_have_text(["n", "fruit", "ripe"])


def test_row_and_column_limits_bound_adding_and_deleting(app: Any) -> None:
    table = grid(app, "Limited")
    block = app.locator(".block", has=table).last
    rows = table.locator("tr.df-row")
    expect(rows).to_have_count(2)
    block.locator(".df-add-row").click()
    expect(rows).to_have_count(3)
    expect(block.locator(".df-add-row")).to_have_count(0)  # row_limits max 3 reached
    cell = table.locator('tr[data-row="0"] td[data-col="1"]')
    cell.click(button="right")
    expect(app.get_by_role("menuitem", name="Delete row")).to_be_visible()
    # column_limits (2, 2): no column may be added or deleted; max rows: none added.
    for name in ("Add row above", "Add column right", "Delete column"):
        expect(app.get_by_role("menuitem", name=name)).to_have_count(0)
    app.get_by_role("menuitem", name="Delete row").click()
    expect(rows).to_have_count(2)
    cell.click(button="right")
    app.get_by_role("menuitem", name="Delete row").click()
    expect(rows).to_have_count(1)
    cell.click(button="right")
    expect(app.get_by_role("menuitem", name="Add row below")).to_be_visible()
    expect(app.get_by_role("menuitem", name="Delete row")).to_have_count(0)  # row_limits min 1
    app.keyboard.press("Escape")


def test_filters_static_and_pinned_columns(app: Any) -> None:
    table = grid(app, "Cities")
    block = app.locator(".block-dataframe").filter(has=table)
    # Column filters: pop > 50 (rows 6..11), then note contains "1" (rows 10 and 11).
    block.get_by_label("Filter column").select_option(label="pop")
    block.get_by_label("Filter operator").select_option(label=">")
    block.get_by_label("Filter value").fill("50")
    block.get_by_role("button", name="Add filter").click()
    expect(table.locator("tr.df-row")).to_have_count(6)
    block.get_by_label("Filter column").select_option(label="note")
    block.get_by_label("Filter operator").select_option(label="Contains")
    block.get_by_label("Filter value").fill("1")
    block.get_by_role("button", name="Add filter").click()
    expect(table.locator("tr.df-row td[data-col='1']")).to_have_text(["100", "110"])
    block.get_by_role("button", name="Remove filter").first.click()
    block.get_by_role("button", name="Remove filter").first.click()
    expect(table.locator("tr.df-row")).to_have_count(12)
    # A static column does not open an editor; max_chars truncates with the full text as a title.
    city = table.locator('tr[data-row="3"] td[data-col="0"]')
    city.dblclick()
    assert city.locator("input.df-editor").count() == 0
    note = table.locator('tr[data-row="3"] td[data-col="3"] span[title]')
    expect(note).to_have_attribute("title", "note 3")
    expect(note).to_have_text("note …")
    # The pinned first column stays at the left edge while the table scrolls sideways.
    table.evaluate("el => { el.scrollLeft = 400; }")
    app.wait_for_function("(el) => el.scrollLeft > 0", arg=table.element_handle())
    left = table.evaluate("el => el.getBoundingClientRect().left")
    pinned = city.evaluate("el => el.getBoundingClientRect().left")
    assert abs(pinned - left) < 3, (pinned, left)
    assert city.evaluate("el => getComputedStyle(el).position") == "sticky"


def test_code_autocomplete_offers_python_names(app: Any) -> None:
    block = code_block(app, "Completing")
    block.locator(".cm-content").click()
    app.keyboard.type("pri")
    option = block.locator(".cm-tooltip-autocomplete li").filter(has_text="print")
    expect(option.first).to_be_visible()
    # (Enter right after the list opens is ignored by CodeMirror's interaction delay: click.)
    option.first.click()
    expect(block.locator(".cm-content")).to_contain_text("print")
