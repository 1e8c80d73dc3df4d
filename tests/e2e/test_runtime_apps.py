"""Real Gradio apps (the examples) in the browser: boot, interaction through the
shell, streaming, errors, files through the service worker, the official
@gradio/client, and the same app with the service worker disabled."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path
from typing import Any

from e2e_pages import EXAMPLES, ROOT, foreign_requests, wait_ready

CLIENT_DIST = ROOT / "node_modules" / "@gradio" / "client" / "dist"


def _png(width: int, height: int) -> bytes:
    """A small valid RGB PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 40 % 256, y * 40 % 256, 128))
                    for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _open(page: Any, built_site: Any, served: Any, app: str) -> str:
    base = served(built_site(EXAMPLES / app))
    page.goto(base + "/")
    wait_ready(page)
    return base


def test_hello_boots_and_answers_a_click_offline(page: Any, built_site: Any, served: Any) -> None:
    base = _open(page, built_site, served, "hello")
    page.get_by_label("Name").fill("Ada")
    page.get_by_role("button", name="Submit").click()
    greeting = page.get_by_label("Greeting")
    page.wait_for_function("(el) => el.value === 'Hello, Ada!'", arg=greeting.element_handle())
    assert foreign_requests(page, base) == []
    assert page.evaluate("() => document.querySelector('wasmui-app').shadowRoot.querySelector('.wasmui-boot')") is None


def test_config_is_embedded_so_first_paint_needs_no_python(page: Any, built_site: Any, served: Any) -> None:
    base = served(built_site(EXAMPLES / "hello"))
    page.goto(base + "/")
    # The shell paints from the embedded config while Python is still starting.
    page.get_by_role("button", name="Submit").wait_for()
    phase = page.evaluate("() => document.querySelector('wasmui-app').phase")
    assert phase != "error"
    # The boot bar above it grows by a transform the compositor animates (a width transition
    # laid the page out and painted it every frame while Python started).
    bar = page.evaluate("""() => { const box = document.querySelector('wasmui-app').shadowRoot.querySelector('.wasmui-boot');
        const fill = box.querySelector('.fill'); const style = getComputedStyle(fill);
        return { now: Number(box.getAttribute('aria-valuenow')), transform: style.transform,
                 transition: style.transitionProperty, width: fill.offsetWidth, full: box.offsetWidth }; }""")
    assert bar["transition"] == "transform" and bar["width"] == bar["full"], bar
    assert bar["transform"].startswith(f"matrix({bar['now'] / 100:g}, 0, 0, 1,"), bar
    wait_ready(page)


def test_streaming_shows_intermediate_values(page: Any, built_site: Any, served: Any) -> None:
    _open(page, built_site, served, "streaming")
    page.get_by_label("Text").fill("one two three four")
    out = page.get_by_label("Streamed").element_handle()
    page.evaluate("""(el) => { window.__seen = []; const tick = () => { const v = el.value;
        if (window.__seen[window.__seen.length - 1] !== v) window.__seen.push(v);
        if (v !== 'one two three four') requestAnimationFrame(tick); }; tick(); }""", out)
    page.get_by_role("button", name="Stream").click()
    page.wait_for_function("(el) => el.value === 'one two three four'", arg=out)
    seen = page.evaluate("() => window.__seen")
    assert "one two" in seen and "one two three" in seen, seen


def test_error_toast_then_the_next_click_works(page: Any, built_site: Any, served: Any) -> None:
    _open(page, built_site, served, "chat")
    page.get_by_role("button", name="Send").click()
    page.locator(".toast").filter(has_text="Say something first.").wait_for()
    page.get_by_label("Message").fill("hi there")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("You said: hi there (1 messages so far)").wait_for()
    page.get_by_label("Message").fill("again")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("You said: again (2 messages so far)").wait_for()  # gr.State kept per session


def test_uploaded_media_is_served_through_the_service_worker_with_range(page: Any, built_site: Any, served: Any) -> None:
    _open(page, built_site, served, "files")
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    png = _png(7, 5)
    got = page.evaluate("""async (bytes) => {
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(bytes)], {type: 'image/png'}), 'dot.png');
      const up = await fetch('gradio_api/upload', {method: 'POST', body: form});
      const [path] = await up.json();
      const url = 'gradio_api/file=' + path;
      const part = await fetch(url, {headers: {Range: 'bytes=8-15'}});
      const img = new Image();
      img.src = url;
      await img.decode();
      return {upload: up.status, status: part.status, range: part.headers.get('content-range'),
              bytes: Array.from(new Uint8Array(await part.arrayBuffer())), size: [img.naturalWidth, img.naturalHeight]};
    }""", list(png))
    assert got["upload"] == 200
    assert got["status"] == 206 and got["range"] == f"bytes 8-15/{len(png)}"
    assert bytes(got["bytes"]) == png[8:16]
    assert got["size"] == [7, 5]  # <img src> decoded through the service worker


def test_file_upload_and_download_through_the_shell(page: Any, built_site: Any, served: Any, tmp_path: Path) -> None:
    _open(page, built_site, served, "files")
    source = tmp_path / "notes.txt"
    source.write_text("hello\nworld\n")
    page.locator("input[type=file]").first.set_input_files(str(source))
    page.get_by_role("button", name="Remove notes.txt").wait_for()  # the upload went through
    page.get_by_role("button", name="Process").click()
    page.get_by_text("notes.upper.txt").wait_for()
    link = page.locator("a[href*='notes.upper.txt']").first
    href = link.get_attribute("href")
    text = page.evaluate("async (u) => (await fetch(u)).text()", href)
    assert text == "HELLO\nWORLD\n"


def test_official_gradio_client_predicts_through_the_service_worker(page: Any, built_site: Any, served: Any) -> None:
    site = built_site(EXAMPLES / "hello")
    vendor = site / "vendor"
    vendor.mkdir(exist_ok=True)
    for js in CLIENT_DIST.glob("*.js"):
        shutil.copyfile(js, vendor / js.name)
    base = served(site)
    page.goto(base + "/")
    wait_ready(page)
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    result = page.evaluate("""async () => {
      const { Client } = await import('./vendor/browser.js');
      const app = await Client.connect(location.origin + '/');
      const out = await app.predict('/predict', { name: 'client' });
      return out.data;
    }""")
    assert result == ["Hello, client!"]
    assert foreign_requests(page, base) == []


def test_the_same_app_works_without_a_service_worker(new_page: Any, built_site: Any, served: Any) -> None:
    base = served(built_site(EXAMPLES / "hello"))
    page = new_page(service_workers="block")
    page.goto(base + "/")
    wait_ready(page)
    page.get_by_label("Name").fill("no sw")
    page.get_by_role("button", name="Submit").click()
    greeting = page.get_by_label("Greeting").element_handle()
    page.wait_for_function("(el) => el.value === 'Hello, no sw!'", arg=greeting)
    assert page.evaluate("() => document.querySelector('wasmui-app').serviceWorker") is False
    assert foreign_requests(page, base) == []


def test_a_failing_app_shows_its_python_traceback(page: Any, built_site: Any, served: Any, tmp_path: Path) -> None:
    app = tmp_path / "broken"
    app.mkdir()
    (app / "app.py").write_text("import gradio as gr\n\ndef build():\n    raise ValueError('intentional boot failure')\n\nbuild()\n")
    page.goto(served(built_site(app)) + "/")
    page.wait_for_function("() => document.querySelector('wasmui-app').phase === 'error'")
    shown = page.evaluate("() => document.querySelector('wasmui-app').shadowRoot.querySelector('.wasmui-error').textContent")
    assert "ValueError: intentional boot failure" in shown and "line 4, in build" in shown
    status = page.evaluate("async () => { const el = document.querySelector('wasmui-app'); return (await el.transport.fetch(el.root + '/config')).status; }")
    assert status == 503


def test_a_broken_deploy_reports_the_missing_file(page: Any, served: Any, tmp_path: Path) -> None:
    from wasmui.build import build_site

    site = build_site(EXAMPLES / "hello", tmp_path / "site")
    (site / "pyodide" / "python_stdlib.zip").unlink()
    (site / "pyodide" / "python_stdlib.zip.zst").unlink()  # its compressed sibling would stand in
    page.goto(served(site) + "/")
    page.wait_for_function("() => document.querySelector('wasmui-app').phase === 'error'", timeout=120_000)
    shown = page.evaluate("() => document.querySelector('wasmui-app').shadowRoot.querySelector('.wasmui-error').textContent")
    assert "pyodide/python_stdlib.zip (404)" in shown, shown
