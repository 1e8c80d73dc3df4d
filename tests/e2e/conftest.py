"""Fixtures for end-to-end tests: real Pyodide in Debian's Chromium, offline.

* ``browser``     -- one headless Chromium per session (``/usr/bin/chromium``; never ``playwright install``)
* ``built_site``  -- ``built_site(app_dir, asgi=None, pyodide=None) -> Path``: a ``wasmui build`` of the app
                     (cached per session); ``pyodide=`` a distribution folder (the ``pyodide_dist`` fixture of
                     ``tests/conftest.py``) for apps using numpy, Pillow, pandas, matplotlib
* ``served``      -- ``served(site_dir) -> base URL``: the folder on a local static server (127.0.0.1)
* ``page``        -- a fresh context + page that records every request (``page.requests``) and
                     console errors (``page.console_errors``); ``new_page(**context_options)`` for variants
* ``boot``        -- ``boot(page, url)``: navigate and wait until the first ``<wasmui-app>`` is ready
* ``shell_dist``  -- the shell's dev harness (web/dev/shell.html), built once per session
* ``app_servers`` -- ``app_servers("shell_views.py") -> AppServer``: one native server per app, per session
* ``shell``       -- ``shell(app, theme=, query=, clock=)``: a page with the shell mounted on that app
                     (fails the test on uncaught page errors); helpers in shell_harness.py

Helpers for test modules (``wait_ready``, ``foreign_requests``, ``EXAMPLES``...) are in
e2e_pages.py and shell_harness.py: test modules import those, never this file.

Every test here is marked ``e2e`` and skipped when Chromium or the built runtime is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from e2e_pages import wait_ready
from shell_harness import AppServer, build_shell_dist, open_shell
from wasmui import build
from wasmui.devserver import Server, start_static_server

# Playwright's own default for ``expect(...)`` is 5 s, which a busy 2-core CI machine (load 20+)
# exceeds for ordinary round trips; a wait still ends the moment its condition holds, and a
# broken page still fails (later). Pages get the same default (``set_default_timeout`` below).
WAIT_MS = 30_000
try:
    from playwright.sync_api import expect
except ImportError:  # no Playwright: the e2e tests are skipped
    pass
else:
    expect.set_options(timeout=WAIT_MS)

CHROMIUM = os.environ.get("WASMUI_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        # Capture tests: a fake camera/microphone, permission prompts answered yes.
        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(here):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (make chromium)")
    if not (build.WEB / "wasmui-manifest.json").exists():
        pytest.skip("browser runtime not built (make web)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``built_site(app_dir, asgi=None, pyodide=None)``: builds once per session and returns the site folder."""
    cache: dict[tuple[str, str | None, str | None], Path] = {}

    def make(app_dir: str | Path, asgi: str | None = None, pyodide: str | Path | None = None) -> Path:
        key = (str(Path(app_dir).resolve()), asgi, None if pyodide is None else str(pyodide))
        if key not in cache:
            out = tmp_path_factory.mktemp("site")
            if asgi is None:
                build.build_site(app_dir, out, pyodide=pyodide)
            else:
                # A raw ASGI app has no Gradio config: the page serves it with asgi="module:attr".
                specs, _ = build.find_apps(app_dir)
                build.copy_runtime(out)
                shutil.copytree(specs[0].folder, out / "app", dirs_exist_ok=True)
                (out / "index.html").write_text(
                    build.render_page(specs[0], None, site="./", files_dir="app/", asgi=asgi))
            cache[key] = out
        return cache[key]

    return make


@pytest.fixture(scope="session")
def served() -> Iterator[Callable[[Path], str]]:
    """``served(site_dir) -> "http://127.0.0.1:<port>"`` (one server per folder)."""
    servers: dict[Path, Server] = {}

    def serve(site: Path) -> str:
        if site not in servers:
            servers[site], _ = start_static_server(site)
        host, port = servers[site].server_address[:2]
        return f"http://{host}:{port}"

    yield serve
    for server in servers.values():
        server.shutdown()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """``new_page(**context_options)``: a page in a fresh context, recording requests."""
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.requests = []
        page.console_errors = []
        context.on("request", lambda request: page.requests.append(request.url))
        page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
        page.set_default_timeout(WAIT_MS)  # boot waits use BOOT_TIMEOUT_MS explicitly
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Any]) -> Any:
    return new_page()


@pytest.fixture
def boot() -> Callable[[Any, str], dict[str, Any]]:
    def go(page: Any, url: str) -> dict[str, Any]:
        page.goto(url)
        return wait_ready(page)

    return go


@pytest.fixture(scope="session")
def shell_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shell dev harness + its lazy chunks (``WASMUI_SHELL_DIST`` reuses a prebuilt one)."""
    prebuilt = os.environ.get("WASMUI_SHELL_DIST")
    if prebuilt:
        return Path(prebuilt)
    return build_shell_dist(tmp_path_factory.mktemp("shell-dist"))


@pytest.fixture(scope="session")
def app_servers() -> Iterator[Callable[[str], AppServer]]:
    servers: dict[str, AppServer] = {}

    def get(app: str) -> AppServer:
        if app not in servers:
            servers[app] = AppServer(app)
        return servers[app]

    yield get
    for s in servers.values():
        s.stop()


@pytest.fixture
def shell(browser: Any, app_servers: Callable[[str], AppServer], shell_dist: Path) -> Iterator[Callable[..., Any]]:
    """``shell("shell_views.py", **open_shell_options)`` -> a Playwright page with the app mounted."""
    pages: list[Any] = []

    def make(app: str, **kw: Any) -> Any:
        page = open_shell(browser, app_servers(app), shell_dist, **kw)
        pages.append(page)
        return page

    yield make
    errors = [e for p in pages for e in getattr(p, "errors", [])]
    for p in pages:
        p.context.close()
    assert not errors, f"uncaught page errors: {errors}"
