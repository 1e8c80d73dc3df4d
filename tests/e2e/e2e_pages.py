"""Helpers for end-to-end test modules (the fixtures are in conftest.py).

* ``wait_ready(page)``             -- wait until the page's ``<wasmui-app>`` has booted (fails with its boot error)
* ``foreign_requests(page, base)`` -- requests that left the site's origin
* ``open_site_app(page, served, site, name, why)`` -- open a gallery site's app, or skip when the build left it out
* ``SPY_GUM``                      -- a script recording each getUserMedia's constraints and opened track (``window.__gum``)
* ``ROOT``, ``EXAMPLES``, ``ASGI_APP``, ``BOOT_TIMEOUT_MS``
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ASGI_APP = Path(__file__).resolve().parent / "asgi_app"
BOOT_TIMEOUT_MS = 120_000

# Watches (does not replace) getUserMedia: the constraints asked for and the track opened.
SPY_GUM = """(() => {
  const md = navigator.mediaDevices, real = md.getUserMedia.bind(md);
  window.__gum = [];
  md.getUserMedia = async (c) => {
    const s = await real(c);
    window.__gum.push({constraints: JSON.stringify(c), track: s.getAudioTracks()[0]?.label ?? null});
    return s;
  };
})()"""


def wait_ready(page: Any, selector: str = "wasmui-app") -> dict[str, Any]:
    """Waits until the app's worker is ready; fails with the boot traceback if it crashed."""
    page.wait_for_function(
        f"() => {{ const el = document.querySelector({selector!r}); return el && (el.phase === 'ready' || el.phase === 'error'); }}",
        timeout=BOOT_TIMEOUT_MS)
    state = page.evaluate(f"""() => {{
        const el = document.querySelector({selector!r});
        const err = el.shadowRoot && el.shadowRoot.querySelector('.wasmui-error');
        return {{phase: el.phase, error: err ? err.textContent : null, timings: el.timings}};
    }}""")
    assert state["phase"] == "ready", state["error"]
    return state


def foreign_requests(page: Any, base: str) -> list[str]:
    """Requests that left the site's origin (data:/blob: URLs are local)."""
    return [u for u in page.requests if not u.startswith((base, "data:", "blob:"))]


def open_site_app(page: Any, served: Any, site: Path, name: str, why: str) -> str:
    """Serves `site`, opens its app `name` and waits until it is ready; skips with `why` when the
    site has no such app (an optional demo the build could not include). Returns the base URL."""
    import pytest

    if not (site / "apps" / name).is_dir():
        pytest.skip(f"{name}: {why}")
    base = served(site)
    page.goto(f"{base}/apps/{name}/")
    wait_ready(page)
    return base
