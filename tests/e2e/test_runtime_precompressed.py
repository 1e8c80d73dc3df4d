"""Behind a host that compresses nothing (Python's own http.server, as the README suggests),
the worker fetches the build's zstd siblings of the interpreter (wasm and JS glue), the stdlib
and the wasmui wheel, and inflates them itself; the page starts those downloads from the HTML."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

import pytest
from e2e_pages import EXAMPLES, wait_ready


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def plain_server() -> Iterator[Callable[[Path], str]]:
    """``plain_server(site) -> base URL``: http.server's handler, no compression at all."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(site: Path) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
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
    assert wasm.with_name(wasm.name + ".zst").stat().st_size < wasm.stat().st_size / 3
    base = plain_server(site)
    page = new_page()
    page.goto(base + "/")
    wait_ready(page)
    page.get_by_label("Name").fill("Ada")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_function("(el) => el.value === 'Hello, Ada!'", arg=page.get_by_label("Greeting").element_handle())
    names = [url.rsplit("/", 1)[-1] for url in page.requests]
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip"):
        assert f"{name}.zst" in names and name not in names, names
    wheels = [name for name in names if ".whl" in name]
    assert wheels and all(name.endswith(".whl.zst") for name in wheels), names
    # No waterfall: the page's inline script asked for the interpreter before the worker asked for
    # anything (pyodide.mjs is the worker's first request) and the manifest is inlined.
    assert names.index("pyodide.asm.wasm.zst") < names.index("pyodide.mjs"), names
    assert "wasmui-manifest.json" not in names, names
