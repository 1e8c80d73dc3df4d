"""A gallery build (`wasmui build examples/`): each app under its own prefix
/apps/<name>/, answered by the service worker for that prefix only."""

from __future__ import annotations

from typing import Any

from e2e_pages import EXAMPLES, foreign_requests, wait_ready


def test_gallery_app_under_a_prefix(page: Any, built_site: Any, served: Any) -> None:
    base = served(built_site(EXAMPLES))
    page.goto(base + "/")
    page.get_by_role("link", name="Layout").click()
    page.wait_for_url(base + "/apps/layout/")
    wait_ready(page)
    page.get_by_role("button", name="Compute").click()
    page.get_by_text('"mean"').or_(page.get_by_text("mean")).first.wait_for()
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    got = page.evaluate("""async () => {
      const config = await (await fetch('/apps/layout/config')).json();
      const outside = await fetch('/config');             // not an app prefix: the static server answers
      const other = await fetch('/apps/hello/config');    // a prefix no live page registered
      return {root: config.root, title: config.title, outside: outside.status, other: other.status};
    }""")
    assert got["root"] == base + "/apps/layout" and got["title"] == "Layout"
    assert got["outside"] == 404 and got["other"] == 404
    assert foreign_requests(page, base) == []


def test_gallery_cards_show_a_first_paint_preview_without_python(new_page: Any, built_site: Any, served: Any,
                                                                 tmp_path: Any) -> None:
    base = served(built_site(EXAMPLES))
    apps = sorted(p.name for p in EXAMPLES.iterdir() if (p / "app.py").is_file())
    for scheme in ("light", "dark"):
        page = new_page(color_scheme=scheme, viewport={"width": 1100, "height": 900})
        page.goto(base + "/")
        cards = page.locator("a.card")
        assert cards.count() == len(apps)
        hello = cards.filter(has_text="Hello world: the smallest Gradio app.")
        assert hello.get_attribute("href") == "apps/hello/"
        # the app's own shell, painted from its embedded config inside the card
        hello.locator("wasmui-app[preview]").get_by_role("button", name="Submit", include_hidden=True).wait_for(
            state="attached")
        page.wait_for_function("() => [...document.querySelectorAll('wasmui-app[preview]')].every("
                               "(el) => el.phase === 'preview' && el.shadowRoot.querySelector('.app'))")
        page.screenshot(path=str(tmp_path / f"gallery-{scheme}.png"), full_page=True)
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        assert (background == "rgb(11, 15, 25)") == (scheme == "dark"), background
        # no interpreter, no worker, no service worker for the previews
        assert not [u for u in page.requests if "/pyodide/" in u or "worker" in u or u.endswith("sw.js")]
        assert foreign_requests(page, base) == []
