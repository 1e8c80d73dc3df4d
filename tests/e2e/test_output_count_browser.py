"""In real Pyodide: None returned for two outputs is Gradio 6.31's error, in the page (an
app in the browser shows errors by default: it has no server secrets) and in the console;
the outputs keep their values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from e2e_pages import wait_ready

APP = Path(__file__).resolve().parent / "output_count_app"


def test_none_for_two_outputs_in_the_browser(page: Any, built_site: Any, served: Any) -> None:
    console: list[str] = []
    page.on("console", lambda msg: console.append(msg.text))
    page.goto(served(built_site(APP)) + "/")
    wait_ready(page)
    page.get_by_role("button", name="Forget").click()
    expect(page.get_by_role("alert").filter(
        has_text="A  function (forget) didn't return enough output values (needed: 2, returned: 1)")).to_be_visible()
    expect(page.get_by_label("Given")).to_have_value("kept")
    expect(page.get_by_label("Echo")).to_have_value("also kept")
    # The traceback reaches the console, as Gradio prints it on its server.
    for _ in range(100):
        if any("didn't return enough output values (needed: 2, returned: 1)" in line for line in console):
            break
        page.wait_for_timeout(100)
    assert any("didn't return enough output values (needed: 2, returned: 1)" in line for line in console), console
    assert any("ValueError" in line for line in console), console
    # The next event works.
    page.get_by_role("button", name="Echo").click()
    expect(page.get_by_label("Echo")).to_have_value("KEPT")
