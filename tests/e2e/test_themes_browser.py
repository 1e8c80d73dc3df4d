"""Themes and app options in real Chromium, on one gallery build.

Each built-in theme paints with its own colours from the first paint (the theme is in
the page: no request for theme.css, no flash of the default look), light and dark
(system setting followed live, ``?__theme=``), the whole page follows; ``.set()``
changes the variable; an app's Gradio-style ``css=`` (``:root``/``.dark`` variables),
``css_paths``, ``js``, ``head``/``head_paths``, ``title``, ``favicon_path``,
``fill_width`` work; an embedded ``<wasmui-app>`` follows dark mode without touching
its host page. Screenshots of every built-in theme, light and dark, go to
``$WASMUI_SHOTS`` (default /tmp/wasmui-shots).
"""

from __future__ import annotations

import json
import os
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

import wasmui as gr
from e2e_pages import foreign_requests, wait_ready

SHOTS = Path(os.environ.get("WASMUI_SHOTS", "/tmp/wasmui-shots"))
THEMES = ["Default", "Soft", "Glass", "Monochrome", "Ocean", "Origin", "Citrus", "Base"]

SHOWCASE = '''
"""Theme showcase: the common views, so a theme's colours, radii and fonts show."""
import gradio as gr


def build(theme, **kw):
    with gr.Blocks(theme=theme, **kw) as demo:
        gr.Markdown("# Theme showcase\\nA paragraph with a [link](#) and `code`.")
        with gr.Row():
            with gr.Column():
                name = gr.Textbox(label="Name", info="Your name", placeholder="type here")
                gr.Number(3, label="Count")
                gr.Slider(0, 10, value=4, label="Level", interactive=True)
                gr.Checkbox(True, label="Enabled", interactive=True)
                gr.Radio(["one", "two", "three"], value="two", label="Pick", interactive=True)
                gr.CheckboxGroup(["a", "b", "c"], value=["a"], label="Tags", interactive=True)
                gr.Dropdown(["x", "y"], value="x", label="Choice", interactive=True)
            with gr.Column():
                out = gr.Textbox(label="Greeting")
                with gr.Row():
                    go = gr.Button("Greet", variant="primary", elem_id="primary")
                    gr.Button("Secondary", elem_id="secondary")
                    gr.Button("Stop", variant="stop")
                with gr.Tabs():
                    with gr.Tab("First"):
                        gr.Label({"cat": 0.7, "dog": 0.3}, label="Label")
                    with gr.Tab("Second"):
                        gr.JSON({"a": [1, 2]})
                with gr.Accordion("More", open=True):
                    gr.Textbox("inside", label="Inside accordion")
        go.click(lambda n: f"Hello, {n}!", name, out)
    return demo
'''

OPTIONS_APP = '''
import gradio as gr

CSS = """
:root { --button-primary-background-fill: rgb(1, 2, 3); }
.dark { --button-primary-background-fill: rgb(4, 5, 6); }
#framed { border: 3px solid var(--color-accent); }
"""
# A script, as Gradio's blocks_js_load demo writes it (not one expression): Gradio 6.31 runs
# it once the app is mounted; `.gradio-container` lives in wasmui's shadow root.
JS = """
function markApp() {
    document.querySelector('.gradio-container').dataset.appJs = 'ran';
    document.body.dataset.appJs = 'ran';
}
markApp();
"""

with gr.Blocks(title="Options app", fill_width=True, css=CSS, js=JS,
               head='<meta name="wasmui-test" content="head-ok"><script>window.__headRan = 1;</script>') as demo:
    gr.Markdown("Options", elem_id="framed")
    gr.Button("Go", variant="primary", elem_id="primary")

if __name__ == "__main__":
    demo.launch(css_paths=["extra.css"], head_paths=["head.html"], favicon_path="icon.svg",
                theme=gr.themes.Soft().set(button_secondary_background_fill="#123456",
                                           button_secondary_background_fill_dark="#654321"))
'''


I18N_APP = '''
import gradio as gr

i18n = gr.I18n(en={"name": "Your name", "go": "Greet", "done": "Done"},
               fr={"name": "Votre nom", "go": "Saluer", "done": "Fini"})

with gr.Blocks() as demo:
    box = gr.Textbox(label=i18n("name"))
    out = gr.Textbox(label="Out", elem_id="out")
    gr.Button(i18n("go"), elem_id="go").click(lambda: i18n("done"), None, out)

if __name__ == "__main__":
    demo.launch(i18n=i18n)
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, built_site: Any, served: Any) -> str:
    apps = tmp_path_factory.mktemp("theme-apps")
    for name in THEMES:
        folder = apps / name.lower()
        folder.mkdir()
        (folder / "showcase.py").write_text(SHOWCASE)
        # "soft" by name, as Gradio allows; the others as objects
        theme = '"soft"' if name == "Soft" else f"gr.themes.{name}()"
        (folder / "app.py").write_text(f"import gradio as gr\nfrom showcase import build\n\ndemo = build({theme})\n")
    options = apps / "options"
    options.mkdir()
    (options / "app.py").write_text(OPTIONS_APP)
    (options / "extra.css").write_text("#framed { outline: 2px dashed rgb(7, 8, 9); }\n")
    (options / "head.html").write_text('<meta name="wasmui-test-2" content="head-path-ok">\n')
    (options / "icon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" '
                                      'height="1" fill="red"/></svg>\n')
    (apps / "i18n").mkdir()
    (apps / "i18n" / "app.py").write_text(I18N_APP)
    out = built_site(apps)
    return str(served(out))


def css_value(page: Any, css: str, prop: str = "background") -> str:
    """What Chromium computes for ``prop: css`` (colours and gradients compare as computed)."""
    return page.evaluate("""([css, prop]) => { const p = document.createElement('div'); p.style[prop] = css;
      document.body.append(p); const s = getComputedStyle(p); const v = s.backgroundImage !== 'none' ? s.backgroundImage
      : s.backgroundColor; p.remove(); return v; }""", [css, prop])


def painted(element: Any) -> str:
    return element.evaluate("e => { const s = getComputedStyle(e); return s.backgroundImage !== 'none' ? "
                            "s.backgroundImage : s.backgroundColor; }")


def app_root(page: Any) -> Any:
    return page.locator("wasmui-app .wasmui-theme")


@pytest.mark.parametrize("name", THEMES)
def test_builtin_theme_paints_its_colours_light_and_dark(new_page: Any, site: str, name: str) -> None:
    theme = getattr(gr.themes, name)()
    # reduced motion: no colour transitions to wait for when the scheme changes
    page = new_page(color_scheme="light", viewport={"width": 1100, "height": 900}, reduced_motion="reduce")
    page.goto(f"{site}/apps/{name.lower()}/")
    button = page.locator("wasmui-app #primary")
    button.wait_for()
    # First paint, before Python answers: the theme came with the page.
    assert page.locator("wasmui-app").evaluate("e => e.phase") != "error"
    assert page.locator('wasmui-app script[data-wasmui="theme"]').count() == 1
    for dark in (False, True):
        suffix = "_dark" if dark else ""
        if dark:
            page.emulate_media(color_scheme="dark")  # followed live, as in Gradio
            expect(app_root(page)).to_have_class(re.compile(r"\bdark\b"))
        want_button = css_value(page, theme._get_computed_value("button_primary_background_fill" + suffix))
        want_body = css_value(page, theme._get_computed_value("body_background_fill" + suffix))
        assert painted(button) == want_button, f"{name} primary button ({'dark' if dark else 'light'})"
        # the app is the page: <html> paints the theme's background (no band of another colour)
        assert painted(page.locator("html")) == want_body
        wait_ready(page)
        page.screenshot(path=str(SHOTS / f"theme-{name.lower()}-{'dark' if dark else 'light'}.png"), full_page=True)
    assert not [u for u in page.requests if u.endswith("/theme.css")], "the theme must be in the page"
    assert foreign_requests(page, site) == []


def test_theme_query_parameter_forces_dark(new_page: Any, site: str) -> None:
    page = new_page(color_scheme="light")
    page.goto(f"{site}/apps/default/?__theme=dark")
    page.locator("wasmui-app #primary").wait_for()
    expect(page.locator("html")).to_have_class(re.compile(r"\bdark\b"))
    expect(page.locator("html")).to_have_css("background-color", "rgb(15, 15, 17)")
    page.emulate_media(color_scheme="light")
    expect(page.locator("html")).to_have_css("background-color", "rgb(15, 15, 17)")  # the URL wins over the system


def test_set_css_and_other_app_options(new_page: Any, site: str) -> None:
    page = new_page(color_scheme="light")
    page.goto(f"{site}/apps/options/")
    wait_ready(page)
    # css= sets Gradio variables on :root (and .dark) and they reach the views
    expect(page.locator("wasmui-app #primary")).to_have_css("background-color", "rgb(1, 2, 3)")
    expect(page.locator("wasmui-app #framed")).to_have_css("border-top-color", "rgb(99, 102, 241)")  # Soft's accent
    expect(page.locator("wasmui-app #framed")).to_have_css("outline-color", "rgb(7, 8, 9)")  # css_paths
    # .set() on the theme given to launch()
    assert page.evaluate("""() => getComputedStyle(document.querySelector('wasmui-app').shadowRoot
        .querySelector('.wasmui-theme')).getPropertyValue('--button-secondary-background-fill').trim()""") == "#123456"
    page.emulate_media(color_scheme="dark")
    expect(page.locator("wasmui-app #primary")).to_have_css("background-color", "rgb(4, 5, 6)")
    assert page.evaluate("""() => getComputedStyle(document.querySelector('wasmui-app').shadowRoot
        .querySelector('.wasmui-theme')).getPropertyValue('--button-secondary-background-fill').trim()""") == "#654321"
    # title, favicon, head + head_paths, js, fill_width
    assert page.title() == "Options app"
    assert page.locator('link[rel="icon"]').get_attribute("href") == "app/icon.svg"
    assert page.locator('meta[name="wasmui-test"]').get_attribute("content") == "head-ok"
    assert page.locator('meta[name="wasmui-test-2"]').get_attribute("content") == "head-path-ok"
    page.wait_for_function("() => window.__headRan === 1 && document.body.dataset.appJs === 'ran'")
    assert page.locator("wasmui-app .gradio-container").get_attribute("data-app-js") == "ran"
    expect(page.locator("wasmui-app .app")).to_have_class("app fill-width")


def test_embedded_app_follows_dark_mode_and_leaves_its_page_alone(new_page: Any, site: str, built_site: Any) -> None:
    page = new_page(color_scheme="dark")
    page.goto(f"{site}/apps/default/")  # same origin: the embed page is written by the test
    files = json.dumps({"showcase.py": "/apps/default/app/showcase.py"})
    page.set_content(textwrap.dedent(f"""
        <!doctype html><html><head><base href="{site}/">
        <script type="module" src="{site}/assets/wasmui.js"></script></head>
        <body style="background: rgb(200, 210, 220)"><main style="max-width: 700px">
        <wasmui-app src="{site}/apps/default/app/app.py" root="{site}/__wasmui/embed/" name="embed">
        <script type="application/json" data-wasmui="files">{files}</script></wasmui-app></main></body></html>"""))
    wait_ready(page)
    page.locator("wasmui-app #primary").wait_for()
    expect(app_root(page)).to_have_css("background-color", "rgb(15, 15, 17)")
    expect(page.locator("wasmui-app #primary")).to_have_css("background-color", "rgb(234, 88, 12)")
    expect(page.locator("body")).to_have_css("background-color", "rgb(200, 210, 220)")
    assert "dark" not in (page.locator("html").get_attribute("class") or "")


@pytest.mark.parametrize(("locale", "label", "button", "done"), [("fr-FR", "Votre nom", "Saluer", "Fini"),
                                                                   ("de-DE", "Your name", "Greet", "Done")])
def test_i18n_follows_the_browser_language(new_page: Any, site: str, locale: str, label: str, button: str,
                                           done: str) -> None:
    page = new_page(locale=locale)
    page.goto(f"{site}/apps/i18n/")
    wait_ready(page)
    expect(page.get_by_label(label, exact=True)).to_be_visible()
    page.get_by_role("button", name=button).click()
    expect(page.locator("wasmui-app #out textarea").first).to_have_value(done, timeout=60_000)  # a loaded machine
