"""Repeat visits boot from a memory snapshot of the interpreter (taken after `import wasmui`,
before any app code): made on the first visit, restored on the next with the app's state
fresh, thrown away after a rebuild; a missing or corrupt one (or a damaged copy of a core
file stored with it: wrong length, or a wasm that does not compile) falls back to a normal
boot. A repeat visit asks the network for none of the core files."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from e2e_pages import wait_ready

from wasmui import build

APP = '''import random

import gradio as gr

CLICKS = []


def bump() -> str:
    CLICKS.append(1)
    return f"{TITLE} {len(CLICKS)}"


TITLE = "clicks"


def roll() -> str:
    return f"{random.random():.15f}"

with gr.Blocks() as demo:
    out = gr.Textbox(label="Count")
    gr.Button("Bump").click(bump, None, out, api_name="bump")
    rolled = gr.Textbox(label="Roll")
    gr.Button("Roll").click(roll, None, rolled, api_name="roll")

if __name__ == "__main__":
    demo.launch()
'''

# Every `wasmui-snapshot` event of the page, in order.
RECORD = "window.__snap = []; document.addEventListener('wasmui-snapshot', (e) => window.__snap.push(e.detail.action));"

CORRUPT = """async () => {
  const cache = await caches.open('wasmui-snapshots');
  const keys = await cache.keys();
  // Valid gzip of bytes that are not a snapshot: Pyodide itself must refuse them.
  const junk = new Blob([new Uint8Array(64 * 1024).fill(7)]).stream().pipeThrough(new CompressionStream('gzip'));
  const body = await new Response(junk).arrayBuffer();
  for (const key of keys) await cache.put(key, new Response(body));
  return keys.length;
}"""

# The stored snapshot (without its zero pages, web/src/sparse.ts) cut short.
CUT_SNAPSHOT = """async () => {
  const cache = await caches.open('wasmui-snapshots');
  const keys = await cache.keys();
  for (const key of keys) {
    const bytes = new Uint8Array(await (await cache.match(key)).arrayBuffer());
    if (String.fromCharCode(...bytes.subarray(0, 4)) !== 'WSPM') return -1;  // not stored sparse
    await cache.put(key, new Response(bytes.subarray(0, bytes.length - 1000)));
  }
  return keys.length;
}"""

# The inflated wasm stored next to the snapshot, replaced by bytes that are not a wasm module.
CORRUPT_WASM = """async () => {
  const cache = await caches.open('wasmui-core');
  const keys = (await cache.keys()).filter((r) => r.url.endsWith('pyodide.asm.wasm'));
  for (const key of keys) await cache.put(key, new Response(new Uint8Array(1000).fill(3), {headers: {'content-type': 'application/wasm'}}));
  return keys.length;
}"""

# The stored wasm with its length and magic bytes intact but sections that do not compile.
GARBLE_WASM = """async () => {
  const cache = await caches.open('wasmui-core');
  const keys = (await cache.keys()).filter((r) => r.url.endsWith('pyodide.asm.wasm'));
  for (const key of keys) {
    const stored = await cache.match(key);
    const bytes = new Uint8Array(await stored.arrayBuffer());
    bytes.fill(0xff, 8, 4096);
    await cache.put(key, new Response(bytes, {headers: stored.headers}));
  }
  return keys.length;
}"""

# The stored JS glue cut short (its length no longer the stored one).
CUT_GLUE = """async () => {
  const cache = await caches.open('wasmui-core');
  const keys = (await cache.keys()).filter((r) => r.url.endsWith('pyodide.asm.mjs'));
  for (const key of keys) {
    const stored = await cache.match(key);
    const text = (await stored.text()).slice(0, 5000);
    await cache.put(key, new Response(text, {headers: stored.headers}));
  }
  return keys.length;
}"""

# What a repeat visit must not ask the network for (the copies stored with the snapshot answer).
CORE_FILES = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs", "pyodide-lock.json", "python_stdlib_rest.zip")

DROP_SNAPSHOTS = """async () => {
  const cache = await caches.open('wasmui-snapshots');
  for (const key of await cache.keys()) await cache.delete(key);
}"""


def _bump(page: Any, expected: str) -> None:
    page.get_by_role("button", name="Bump").click()
    page.wait_for_function("(want) => document.querySelector('wasmui-app').shadowRoot.querySelector('textarea').value === want",
                           arg=expected)


def _roll(page: Any) -> str:
    """A number drawn by `random` in the app."""
    page.get_by_role("button", name="Roll").click()
    return str(page.wait_for_function(
        "() => document.querySelector('wasmui-app').shadowRoot.querySelectorAll('textarea')[1].value || null").json_value())


def _visit(page: Any, url: str, final: str) -> list[str]:
    """Loads the page, waits for ready and for the snapshot news ``final``; returns the news."""
    page.goto(url)
    wait_ready(page)
    try:
        page.wait_for_function("(want) => window.__snap.includes(want)", arg=final)
    except Exception as error:  # name what the page said instead of a bare timeout
        raise AssertionError(f"no snapshot {final!r}: {page.evaluate('() => window.__snap')} {page.console}") from error
    return list(page.evaluate("() => window.__snap"))


def _cached_keys(page: Any, cache: str = "wasmui-snapshots") -> list[str]:
    return list(page.evaluate("async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)", cache))


def test_snapshot_made_restored_fresh_discarded_on_rebuild_and_corruption(
        tmp_path: Path, new_page: Callable[..., Any], served: Callable[[Path], str]) -> None:
    app = tmp_path / "counter"
    app.mkdir()
    (app / "app.py").write_text(APP)
    site = tmp_path / "site"
    build.build_site(app, site)
    url = served(site) + "/"
    page = new_page()
    page.add_init_script(RECORD)
    console: list[str] = []
    page.console = console
    page.on("console", lambda msg: console.append(msg.text))

    # First visit: a normal boot, then the snapshot is stored.
    assert _visit(page, url, "saved") == ["saved"]
    _bump(page, "clicks 1")
    _bump(page, "clicks 2")
    assert len(_cached_keys(page)) == 1

    # The inflated interpreter, stdlib (both zips: the boot streamed the second one in while the
    # interpreter initialised), glue, lock and wheel are stored with it (a restore neither downloads
    # nor inflates them).
    core = _cached_keys(page, "wasmui-core")
    assert sorted(key.rsplit("~", 1)[1] for key in core) == [
        "pyodide-lock.json", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "python_stdlib_rest.zip",
        "wasmui.whl"], core

    # Second visit: restored, and the app module ran again (its state starts over). Neither the page
    # nor the worker asked the network for a core file or the wheel (the HTML, the page's JS, the
    # worker script, pyodide.mjs and the app's files are all a repeat visit fetches).
    asked: list[str] = []

    def record(request: Any) -> None:
        asked.append(request.url)

    page.context.on("request", record)
    assert _visit(page, url, "restored") == ["restored"]
    _bump(page, "clicks 1")
    page.context.remove_listener("request", record)
    assert page.evaluate("() => document.querySelector('wasmui-app').snapshot") == "restored"
    core_asked = [u for u in asked if any(name in u for name in CORE_FILES) or "/wheels/" in u]
    assert any(u.endswith("/pyodide/pyodide.mjs") for u in asked) and not core_asked, (core_asked, asked)

    # Two restores of one snapshot draw different random numbers (`random` is reseeded).
    first = _roll(page)
    assert _visit(page, url, "restored") == ["restored"]
    assert _roll(page) != first

    # No snapshot (Cache Storage cleared by the browser): a normal boot, and a new one is made.
    page.evaluate(DROP_SNAPSHOTS)
    assert _visit(page, url, "saved") == ["saved"]
    _bump(page, "clicks 1")

    # A damaged copy of the wasm: refused before Pyodide sees it, both thrown away, a normal boot.
    assert page.evaluate(CORRUPT_WASM) == 1
    console.clear()
    assert _visit(page, url, "saved") == ["discarded", "saved"]
    assert any("damaged" in text and "booting normally" in text for text in console), console
    _bump(page, "clicks 1")

    # A wasm copy that passes those checks but does not compile: compiled before Pyodide sees it
    # (Pyodide would wait forever on it), so thrown away and a normal boot.
    assert _visit(page, url, "restored") == ["restored"]
    assert page.evaluate(GARBLE_WASM) == 1
    console.clear()
    assert _visit(page, url, "saved") == ["discarded", "saved"]
    assert any("did not restore" in text and "booting normally" in text for text in console), console
    _bump(page, "clicks 1")

    # A glue copy cut short: refused (its stored length), thrown away, a normal boot.
    assert _visit(page, url, "restored") == ["restored"]
    assert page.evaluate(CUT_GLUE) == 1
    console.clear()
    assert _visit(page, url, "saved") == ["discarded", "saved"]
    assert any("pyodide.asm.mjs is damaged" in text and "booting normally" in text for text in console), console
    _bump(page, "clicks 1")

    # A corrupt snapshot: thrown away, said in the console, a normal boot, a new snapshot.
    assert page.evaluate(CORRUPT) == 1
    console.clear()
    assert _visit(page, url, "saved") == ["discarded", "saved"]
    assert any("did not restore" in text and "booting normally" in text for text in console), console
    _bump(page, "clicks 1")
    assert _visit(page, url, "restored") == ["restored"]

    # A snapshot cut short (stored without its zero pages): refused, a normal boot.
    assert page.evaluate(CUT_SNAPSHOT) == 1
    console.clear()
    assert _visit(page, url, "saved") == ["discarded", "saved"]
    assert any("truncated" in text and "booting normally" in text for text in console), console
    _bump(page, "clicks 1")
    assert _visit(page, url, "restored") == ["restored"]

    # A rebuild (the app changed): the old snapshot is never restored, and it is replaced.
    before = _cached_keys(page)
    (app / "app.py").write_text(APP.replace('TITLE = "clicks"', 'TITLE = "taps"'))
    build.build_site(app, site)
    assert _visit(page, url, "saved") == ["saved"]
    _bump(page, "taps 1")
    after = _cached_keys(page)
    assert len(after) == 1 and after != before
