"""Behind a host that compresses nothing (Python's own http.server, as the README suggests),
the worker fetches the build's compressed siblings of the interpreter (the wasm as xz, the JS
glue as zstd), the stdlib (zstd) and the wasmui wheel (xz), and inflates them itself (xz in a
worker of its own); the page starts
those downloads from the HTML. A damaged sibling ends the boot with a readable error naming it;
a host that labels `.xz` files with `Content-Encoding: xz` (no browser decodes that) still boots."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

import pytest
from e2e_pages import EXAMPLES, wait_ready


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


class _LabelsXz(_Quiet):
    """Says what an .xz file is the way some hosts do: ``Content-Encoding: xz``."""

    def end_headers(self) -> None:
        if self.path.endswith(".xz"):
            self.send_header("Content-Encoding", "xz")
        super().end_headers()


@pytest.fixture
def plain_server() -> Iterator[Callable[..., str]]:
    """``plain_server(site, handler=_Quiet) -> base URL``: http.server's handler, no compression at all."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(site: Path, handler: type[_Quiet] = _Quiet) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()


def test_plain_host_transfers_the_compressed_siblings(new_page: Callable[..., Any], built_site: Callable[..., Path],
                                               plain_server: Callable[[Path], str]) -> None:
    site = built_site(EXAMPLES / "hello")
    wasm = site / "pyodide" / "pyodide.asm.wasm"
    # xz (preset 9e) is 9% smaller than zstd -19 on the wasm, 6% on the wheel; the glue and the
    # stdlib stay zstd (wasmui.precompress says why).
    manifest = json.loads((site / "wasmui-manifest.json").read_text())
    assert manifest["precompressed"] == {"pyodide/pyodide.asm.wasm": "xz", manifest["wheel"]: "xz",
                                         "pyodide/pyodide.asm.mjs": "zst", "pyodide/python_stdlib.zip": "zst",
                                         "pyodide/python_stdlib_rest.zip": "xz"}
    assert wasm.with_name(wasm.name + ".xz").stat().st_size < wasm.stat().st_size * 0.28
    base = plain_server(site)
    page = new_page()
    page.goto(base + "/")
    wait_ready(page)
    page.get_by_label("Name").fill("Ada")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_function("(el) => el.value === 'Hello, Ada!'", arg=page.get_by_label("Greeting").element_handle())
    names = [url.rsplit("/", 1)[-1] for url in page.requests]
    for name in ("pyodide.asm.wasm.xz", "pyodide.asm.mjs.zst", "python_stdlib.zip.zst", "python_stdlib_rest.zip.xz"):
        assert name in names and name.rsplit(".", 1)[0] not in names, names
    wheels = [name for name in names if ".whl" in name]
    assert wheels and all(name.endswith(".whl.xz") for name in wheels), names
    # The xz decoder's own worker, once (it inflates beside the interpreter; its in-thread chunk is
    # for browsers where a worker cannot start one).
    assert len([name for name in names if name.startswith("decodeworker-")]) == 1, names
    assert not [name for name in names if name.startswith("xzstream-")], names
    # No waterfall: the page's inline script asked for the interpreter before the worker asked for
    # anything (pyodide.mjs is the worker's first request) and the manifest is inlined.
    assert names.index("pyodide.asm.wasm.xz") < names.index("pyodide.mjs"), names
    assert "wasmui-manifest.json" not in names, names
    # The stdlib's second zip is asked for once the interpreter's wasm is in (the wasm does not share
    # the link with it), and the wheel after it.
    assert names.index("pyodide.asm.wasm.xz") < names.index("python_stdlib_rest.zip.xz") < names.index(wheels[0]), names


@pytest.mark.parametrize(("sibling", "damage"), [("pyodide.asm.wasm.xz", "flipped"), ("pyodide.asm.wasm.xz", "truncated"),
                                                 ("python_stdlib_rest.zip.xz", "truncated")])
def test_a_damaged_sibling_is_a_readable_boot_error(new_page: Callable[..., Any], built_site: Callable[..., Path],
                                                    plain_server: Callable[[Path], str], sibling: str, damage: str) -> None:
    site = built_site(EXAMPLES / "hello")
    data = bytearray((site / "pyodide" / sibling).read_bytes())
    if damage == "flipped":
        middle = len(data) // 2
        data[middle:middle + 4096] = bytes(b ^ 0x5A for b in data[middle:middle + 4096])
    else:
        del data[len(data) // 2:]
    base = plain_server(site)
    page = new_page()
    # The site is shared by the session: the damaged copy is served by the browser context.
    page.context.route(f"**/{sibling}", lambda route: route.fulfill(status=200, body=bytes(data)))
    page.goto(base + "/")
    # Pyodide itself only logs a wasm that does not compile and waits forever.
    page.wait_for_function("() => document.querySelector('wasmui-app')?.phase === 'error'", timeout=60_000)
    error = page.evaluate("() => document.querySelector('wasmui-app').shadowRoot.querySelector('.wasmui-error').textContent")
    assert f"{sibling} could not be inflated (damaged or truncated?)" in error, error


def test_a_host_labelling_xz_files_with_content_encoding_still_boots(new_page: Callable[..., Any],
                                                                    built_site: Callable[..., Path],
                                                                    plain_server: Callable[..., str]) -> None:
    site = built_site(EXAMPLES / "hello")
    base = plain_server(site, _LabelsXz)
    page = new_page()
    encodings: dict[str, str | None] = {}
    page.context.on("response", lambda response: encodings.update(
        {response.url.rsplit("/", 1)[-1]: response.headers.get("content-encoding")}))
    page.goto(base + "/")
    wait_ready(page)
    assert encodings.get("pyodide.asm.wasm.xz") == "xz", encodings  # the label was sent, and decoded once


def test_a_truncated_plain_stdlib_rest_is_a_readable_boot_error(new_page: Callable[..., Any], built_site: Callable[..., Path],
                                                               plain_server: Callable[[Path], str]) -> None:
    """Without its sibling the worker reads the plain second zip, zips end to end: one shorter than
    its first parts (a stale or cut file) says so instead of failing an import later."""
    site = built_site(EXAMPLES / "hello")
    data = (site / "pyodide" / "python_stdlib_rest.zip").read_bytes()
    split = sum(part["bytes"] for part in json.loads((site / "wasmui-manifest.json").read_text())["stdlibRestWarm"])
    base = plain_server(site)
    page = new_page()
    page.context.route("**/python_stdlib_rest.zip.xz", lambda route: route.fulfill(status=404, body=b"gone"))
    page.context.route("**/python_stdlib_rest.zip", lambda route: route.fulfill(status=200, body=data[:split // 2]))
    page.goto(base + "/")
    page.wait_for_function("() => document.querySelector('wasmui-app')?.phase === 'error'", timeout=60_000)
    error = page.evaluate("() => document.querySelector('wasmui-app').shadowRoot.querySelector('.wasmui-error').textContent")
    assert f"python_stdlib_rest.zip is truncated: {split // 2} bytes, its first parts alone are {split}" in error, error


def test_a_decoder_worker_that_does_not_load_is_a_readable_boot_error(new_page: Callable[..., Any],
                                                                      built_site: Callable[..., Path],
                                                                      plain_server: Callable[[Path], str],
                                                                      tmp_path: Path) -> None:
    # A copy without the decoder worker's script (a browser context's routes do not see a worker's workers).
    site = tmp_path / "site"
    shutil.copytree(built_site(EXAMPLES / "hello"), site)
    [script] = (site / "assets").glob("decodeworker-*.js")
    script.unlink()
    base = plain_server(site)
    page = new_page()
    page.goto(base + "/")
    page.wait_for_function("() => document.querySelector('wasmui-app')?.phase === 'error'", timeout=60_000)
    error = page.evaluate("() => document.querySelector('wasmui-app').shadowRoot.querySelector('.wasmui-error').textContent")
    assert "pyodide.asm.wasm.xz could not be inflated" in error and "the xz decoder's worker failed" in error, error
