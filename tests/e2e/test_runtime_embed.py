"""Embedding on one's own page: inline code in <wasmui-app>, no pre-computed
config (fetched from the worker), default per-element prefixes, two apps."""

from __future__ import annotations

from typing import Any

from e2e_pages import EXAMPLES, foreign_requests, wait_ready

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>embed</title>
<script type="module" src="./assets/wasmui.js"></script></head>
<body>
<h2>Reverse</h2>
<wasmui-app name="rev">
import gradio as gr

def rev(s):
    # raw text is parsed as HTML: code containing tags needs the script form below
    return (s or "")[::-1]

gr.Interface(rev, gr.Textbox(label="Reverse in"), gr.Textbox(label="Reverse out"), api_name="predict").launch()
</wasmui-app>
<h2>Count</h2>
<wasmui-app name="count"><script type="text/x-python">
import gradio as gr
html_sample = "<b>bold</b>"

def count(s):
    return f"{len(s or '')} chars"

gr.Interface(count, gr.Textbox(label="Count in"), gr.Textbox(label="Count out"), api_name="predict").launch()
</script></wasmui-app>
</body></html>
"""


def test_two_inline_apps_on_one_page(page: Any, built_site: Any, served: Any) -> None:
    site = built_site(EXAMPLES / "hello")
    (site / "embed.html").write_text(PAGE)
    base = served(site)
    page.goto(base + "/embed.html")
    wait_ready(page, "wasmui-app[name=rev]")
    wait_ready(page, "wasmui-app[name=count]")
    page.get_by_label("Reverse in").fill("abc")
    page.locator("wasmui-app[name=rev]").get_by_role("button", name="Submit").click()
    page.wait_for_function("(el) => el.value === 'cba'", arg=page.get_by_label("Reverse out").element_handle())
    page.get_by_label("Count in").fill("hello")
    page.locator("wasmui-app[name=count]").get_by_role("button", name="Submit").click()
    page.wait_for_function("(el) => el.value === '5 chars'", arg=page.get_by_label("Count out").element_handle())
    roots = page.evaluate("() => [...document.querySelectorAll('wasmui-app')].map((el) => el.root)")
    assert roots == [base + "/__wasmui/rev", base + "/__wasmui/count"]
    assert foreign_requests(page, base) == []
