"""The shell's end-to-end harness (the fixtures using it are in conftest.py).

The shell is mounted by its dev harness (web/dev/shell.html, built once per
session with Vite) against a real native backend:

* default: ``python -m wasmui serve --native APP --port N`` (real Python, no Pyodide);
* ``WASMUI_SHELL_BACKEND=gradio`` + ``WASMUI_GRADIO_PYTHON=/path/to/python``:
  real Gradio, to check that the shell speaks Gradio's protocol.

The Chromium instance is the session ``browser`` fixture of tests/e2e/conftest.py
(one Playwright per session); the harness build and the app servers are shared
by the whole session too. The harness files are served by Playwright *on the backend's origin*
(``{server}/__shell__/...``), so the shell talks to the server same-origin
without any CORS or server cooperation.
"""

from __future__ import annotations

import mimetypes
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
APPS = Path(__file__).resolve().parent / "apps"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"server did not answer {url}")


def build_shell_dist(out: Path) -> Path:
    """Builds the dev harness (shell + its lazy chunks) into ``out``."""
    npx = shutil.which("npx") or "npx"
    subprocess.run(
        [npx, "vite", "build", "--config", "web/dev/vite.config.mjs", "--outDir", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    assert (out / "shell.html").exists()
    return out


class AppServer:
    def __init__(self, app: str):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        path = APPS / app
        backend = os.environ.get("WASMUI_SHELL_BACKEND", "native")
        env = dict(os.environ)
        if backend == "gradio":
            python = os.environ.get("WASMUI_GRADIO_PYTHON", "/tmp/gradio-venv/bin/python")
            cmd = [python, str(path)]
            env.update(GRADIO_SERVER_PORT=str(self.port), GRADIO_ANALYTICS_ENABLED="False")
        else:
            cmd = [sys.executable, "-m", "wasmui", "serve", "--native", str(path), "--port", str(self.port)]
        self.workdir = Path(os.environ.get("TMPDIR", "/tmp")) / f"shell-e2e-{self.port}"
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.log = open(self.workdir / "server.log", "wb")
        self.proc = subprocess.Popen(cmd, cwd=self.workdir, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        try:
            _wait_for(f"{self.url}/config", self.proc)
        except Exception:
            self.log.flush()
            tail = (self.workdir / "server.log").read_text()[-3000:]
            self.stop()
            raise RuntimeError(f"{' '.join(cmd)} did not start:\n{tail}") from None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


def open_shell(browser, server: AppServer, dist: Path, *, theme: str = "light", query: str = "",
               clock: bool = False, init_script: str = ""):
    """Opens the harness on the server's origin and waits for the shell to mount.

    ``clock=True`` installs Playwright's fake clock first: the page's timers
    (gr.Timer, status tickers) only run when the test advances them with
    ``page.clock.run_for(ms)``, so "nothing more happens" becomes checkable.
    ``init_script`` runs in the page before the shell (e.g. to stub browser APIs).
    """
    context = browser.new_context(viewport={"width": 1200, "height": 900}, color_scheme=theme)
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    if clock:
        page.clock.install()
    page.errors = []  # type: ignore[attr-defined]
    page.seen_urls = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.seen_urls.append(r.url))  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))  # type: ignore[attr-defined]

    def serve(route):
        rel = route.request.url.split("/__shell__/", 1)[1].split("?", 1)[0]
        target = (dist / rel).resolve()
        if dist.resolve() not in target.parents or not target.is_file():
            route.fulfill(status=404, body="not found")
            return
        route.fulfill(path=str(target), content_type=mimetypes.guess_type(target.name)[0] or "application/octet-stream")

    page.route(f"{server.url}/__shell__/**", serve)
    page.goto(f"{server.url}/__shell__/shell.html?server={server.url}{query}")
    page.wait_for_function("window.__wasmuiShell && window.__wasmuiShell.ready")
    page.locator(".wasmui .app").wait_for()
    # Lazy views replace their loading placeholders: a locator taken before that would detach.
    page.wait_for_function("!document.querySelector('.wasmui .view-loading')")
    return page


# -- the page's request log (``page.seen_urls``) as an explicit signal -------------

def joins(page) -> int:
    """How many events the page has started so far (``/queue/join`` requests)."""
    # (events carry the page URL's query, as Gradio's client sends it)
    return sum(1 for u in page.seen_urls if u.split("?", 1)[0].endswith("/queue/join"))


def requests_until_sentinel(page) -> list[str]:
    """The requests the page makes from now until a sentinel request it sends last.

    The browser reports requests in the order the page made them, so once the
    sentinel is seen, every request the page made before it has been recorded:
    what the page *did not* request is known without waiting.
    """
    start = len(page.seen_urls)
    with page.expect_request(lambda r: "__sentinel__" in r.url):
        page.evaluate("fetch(location.href.split('?')[0] + '?__sentinel__=' + Math.random()).catch(() => {})")
    after = page.seen_urls[start:]
    return [u for u in after if "__sentinel__" not in u]


def wait_for_url(page, predicate, timeout: float = 30_000) -> str:
    """The first request whose URL satisfies ``predicate``, made before or after this call."""
    for u in page.seen_urls:
        if predicate(u):
            return u
    return page.wait_for_event("request", lambda r: predicate(r.url), timeout=timeout).url


# -- the page's fake clock (``shell(..., clock=True)``) ---------------------------

def run_clock_until(page, done, *, step_ms: int = 100, max_fake_ms: int | None = None,
                    timeout_ms: float = 60_000) -> int:
    """Lets the page's fake clock run in ``step_ms`` steps until ``done()``; returns the fake ms run.

    Between steps the page gets a real moment (for the network and the backend), so on a
    loaded machine the wait grows in *real* time, never in page time: with ``max_fake_ms``
    the page's clock stops there (its timers, e.g. a stream's time limit, do not fire) and
    the test keeps waiting for ``done()`` in real time until ``timeout_ms``.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    ran = 0
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"the page never got there ({ran} ms of page time run)")
        if max_fake_ms is None or ran + step_ms <= max_fake_ms:
            page.clock.run_for(step_ms)
            ran += step_ms
        page.wait_for_timeout(50)  # a real moment: not an assertion on time, a poll interval
    return ran
