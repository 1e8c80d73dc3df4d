"""wasmui build / serve on CPython: site layout, embedded config, static server behaviour."""

from __future__ import annotations

import http.client
import json
import re
import time
from pathlib import Path

import pytest

from wasmui import build
from wasmui.devserver import RELOAD_SCRIPT, cache_control, start_static_server

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

needs_web = pytest.mark.skipif(not (build.WEB / "wasmui-manifest.json").exists(), reason="make web first")


def _embedded(page: str, kind: str) -> object:
    match = re.search(rf'<script type="application/json" data-wasmui="{kind}">(.*?)</script>', page, re.S)
    assert match, kind
    return json.loads(match.group(1))


def test_find_apps_single_file_folder_and_gallery(tmp_path: Path) -> None:
    specs, gallery = build.find_apps(EXAMPLES / "hello" / "app.py")
    assert not gallery and specs[0].name == "hello" and specs[0].entry == "app.py"
    specs, gallery = build.find_apps(EXAMPLES)
    assert gallery and {"hello", "streaming", "layout", "chat", "files"} <= {s.name for s in specs}
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "app.py").write_text("print(1)\n")
    (tmp_path / "a" / "requirements.txt").write_text("# comment\nsix==1.17.0  # pinned\n\n")
    (tmp_path / "a" / "__pycache__").mkdir()
    (tmp_path / "a" / "__pycache__" / "x.pyc").write_bytes(b"")
    (tmp_path / "a" / "data").mkdir()
    (tmp_path / "a" / "data" / "x.csv").write_text("1,2\n")
    spec = build.find_apps(tmp_path / "a")[0][0]
    assert spec.requirements == ["six==1.17.0"]
    assert sorted(build.app_files(spec)) == ["app.py", "data/x.csv", "requirements.txt"]
    with pytest.raises(FileNotFoundError):
        build.find_apps(tmp_path / "a" / "data")


def test_embedded_json_cannot_close_the_script() -> None:
    html = build._json_script("config", {"x": "</script><script>alert(1)</script>"})
    assert html.count("</script>") == 1
    assert json.loads(html[html.index(">") + 1:html.rindex("<")]) == {"x": "</script><script>alert(1)</script>"}


@needs_web
def test_single_app_site_is_self_contained(tmp_path: Path) -> None:
    out = build.build_site(EXAMPLES / "hello", tmp_path / "site")
    page = (out / "index.html").read_text()
    config = _embedded(page, "config")
    assert isinstance(config, dict) and config["title"] == "Hello"
    assert any(c["type"] == "textbox" for c in config["components"])
    for needed in ("sw.js", "assets/wasmui.js", "pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip",
                   "pyodide/pyodide.mjs", "pyodide/pyodide-lock.json", "wasmui-manifest.json", "app/app.py"):
        assert (out / needed).is_file(), needed
    manifest = json.loads((out / "wasmui-manifest.json").read_text())
    wheel = out / manifest["wheel"]
    assert wheel.is_file() and wheel.name.startswith("wasmui-")
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    # The boot wheel holds .pyc without their sources (wasmui.trim).
    assert "wasmui/_pyodide.pyc" in names and not any("/_web/" in n for n in names)
    # No other origin anywhere in the page or the runtime.
    for path in [out / "index.html", out / "sw.js", *(out / "assets").glob("*.js")]:
        text = path.read_text()
        assert "cdn.jsdelivr" not in text and "https://cdn" not in text, path
    assert "__WASMUI_BUILD_HASH__" not in (out / "sw.js").read_text()
    # Pages that embed wasmui keep the stable entry: it re-exports the hashed one the page loads.
    entry = re.search(r'src="\./assets/(wasmui-[\w-]{8}\.js)"', page)
    assert entry and f'export * from "./{entry.group(1)}";' in (out / "assets" / "wasmui.js").read_text()
    # The page names its own hash (the service worker compares a kept copy with the network's).
    stamp = re.search(r'<meta name="wasmui-page" content="([0-9a-f]{16})">', page)
    assert stamp and stamp.group(1) != build.PAGE_PLACEHOLDER
    unstamped = page.replace(stamp.group(1), build.PAGE_PLACEHOLDER)
    assert build.stamp_page(unstamped) == page
    assert build.stamp_page(unstamped.replace("<title>Hello", "<title>Hello!")) != page.replace("<title>Hello", "<title>Hello!")


@needs_web
def test_gallery_links_each_app_under_its_prefix(tmp_path: Path) -> None:
    out = build.build_site(EXAMPLES, tmp_path / "site")
    index = (out / "index.html").read_text()
    for name in ("hello", "streaming", "layout", "chat", "files"):
        assert f'href="apps/{name}/"' in index
        page = (out / "apps" / name / "index.html").read_text()
        # The hashed page entry (the service worker keeps it) with its imports preloaded.
        entry = re.search(r'<script type="module" src="\.\./\.\./assets/(wasmui-[\w-]{8}\.js)"></script>', page)
        assert entry and (out / "assets" / entry.group(1)).is_file(), page[:2000]
        assert re.search(r'<link rel="modulepreload" href="\.\./\.\./assets/preact-[\w-]{8}\.js">', page)
        assert 'root="./"' in page
        assert (out / "apps" / name / "app" / "app.py").is_file()


@needs_web
def test_an_app_that_cannot_load_natively_still_builds(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("import js  # only exists in the browser\n")
    out = build.build_site(tmp_path, tmp_path / "site")
    assert 'data-wasmui="config"' not in (out / "index.html").read_text()  # the page asks Python instead


def test_cache_control_rules() -> None:
    assert "immutable" in cache_control("/wheels/0123456789abcdef/wasmui-0.1.0-py3-none-any.whl")
    assert "immutable" in cache_control("/assets/worker-k4W71EWo.js")
    assert cache_control("/assets/wasmui.js") == "no-cache"  # stable name: revalidate
    assert cache_control("/index.html") == "no-cache"
    assert "max-age" in cache_control("/pyodide/pyodide.asm.wasm")


def test_static_server_mime_nodelay_range_and_reload(tmp_path: Path) -> None:
    (tmp_path / "a.wasm").write_bytes(b"\0asm" + bytes(range(100)))
    (tmp_path / "m.mjs").write_text("export {}\n")
    server, state = start_static_server(tmp_path)
    host, port = server.server_address[:2]
    try:
        conn = http.client.HTTPConnection(host, port, timeout=5)
        conn.request("GET", "/a.wasm")
        response = conn.getresponse()
        assert response.getheader("Content-Type") == "application/wasm" and len(response.read()) == 104
        conn.request("GET", "/m.mjs")
        response = conn.getresponse()
        assert response.getheader("Content-Type") == "text/javascript"
        response.read()
        conn.request("GET", "/a.wasm", headers={"Range": "bytes=4-9"})
        response = conn.getresponse()
        assert response.status == 206 and response.read() == bytes(range(6))
        assert response.getheader("Content-Range") == "bytes 4-9/104"
        conn.close()

        events = http.client.HTTPConnection(host, port, timeout=5)
        events.request("GET", "/__wasmui/reload")
        stream = events.getresponse()
        assert stream.getheader("Content-Type") == "text/event-stream"
        first = stream.fp.readline().decode().strip()
        stream.fp.readline()
        time.sleep(0.01)
        state.swap(tmp_path)
        second = stream.fp.readline().decode().strip()
        assert first.startswith("data: ") and second.startswith("data: ") and first != second
        events.close()
    finally:
        server.shutdown()
    assert "/__wasmui/reload" in RELOAD_SCRIPT


def test_static_server_gzip_and_etag_revalidation(tmp_path: Path) -> None:
    import gzip

    payload = b"\0asm" + b"abc" * 5000
    (tmp_path / "p.wasm").write_bytes(payload)
    server, _ = start_static_server(tmp_path)
    host, port = server.server_address[:2]
    try:
        conn = http.client.HTTPConnection(host, port, timeout=5)
        conn.request("GET", "/p.wasm", headers={"Accept-Encoding": "gzip, br"})
        response = conn.getresponse()
        body = response.read()
        assert response.getheader("Content-Encoding") == "gzip" and gzip.decompress(body) == payload
        assert len(body) < len(payload) // 10
        etag = response.getheader("ETag")
        conn.request("GET", "/p.wasm", headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
        response = conn.getresponse()
        assert response.status == 304 and response.read() == b""
        conn.request("GET", "/p.wasm", headers={"Accept-Encoding": "gzip", "Range": "bytes=0-3"})
        response = conn.getresponse()
        assert response.status == 206 and response.getheader("Content-Encoding") is None and response.read() == b"\0asm"
        conn.request("GET", "/p.wasm")
        response = conn.getresponse()
        assert response.getheader("Content-Encoding") is None and response.read() == payload
        assert response.getheader("ETag") != etag  # identity and gzip bodies are different variants
        conn.close()
    finally:
        server.shutdown()


def test_server_handler_disables_nagle() -> None:
    from wasmui.devserver import SiteState, make_handler

    assert make_handler(SiteState(Path("."))).disable_nagle_algorithm is True
