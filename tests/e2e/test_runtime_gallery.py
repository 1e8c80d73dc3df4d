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
