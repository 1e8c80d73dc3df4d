"""demo.unload in real Chromium: when the tab goes (pagehide) the shell closes its session
like a dropped Gradio heartbeat and the app's unload handler runs in the worker; a page
kept in the back-forward cache (persisted pagehide) keeps its session. Read back through a
gr.api endpoint with the official @gradio/client."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from e2e_pages import ROOT, wait_ready

APP = Path(__file__).resolve().parent / "unload_app"
CLIENT_DIST = ROOT / "node_modules" / "@gradio" / "client" / "dist"

SEEN = """async () => {
  const { Client } = await import('./vendor/browser.js');
  const app = window.__client ??= await Client.connect(location.origin + '/');
  return (await app.predict('/events_seen', {})).data[0];
}"""


def _pagehide(page: Any, persisted: bool) -> None:
    page.evaluate("(p) => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: p }))", persisted)


def test_unload_runs_when_the_tab_goes(page: Any, built_site: Any, served: Any) -> None:
    site = built_site(APP)
    vendor = site / "vendor"
    vendor.mkdir(exist_ok=True)
    for js in CLIENT_DIST.glob("*.js"):
        shutil.copyfile(js, vendor / js.name)
    page.goto(served(site) + "/")
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    assert page.evaluate(SEEN) == []

    _pagehide(page, persisted=True)  # into the back-forward cache: the session stays
    page.get_by_label("Name").fill("still here")
    page.get_by_role("button", name="Go").click()
    out = page.get_by_label("Out").element_handle()
    page.wait_for_function("(el) => el.value === 'STILL HERE'", arg=out, timeout=60_000)
    assert page.evaluate(SEEN) == []

    _pagehide(page, persisted=False)  # the tab goes
    page.wait_for_function(f"async () => JSON.stringify(await ({SEEN})()) === '[\"unloaded\"]'", timeout=30_000)
