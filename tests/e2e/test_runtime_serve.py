"""`wasmui serve` as a user runs it: the real CLI in a subprocess, a page that
boots from it, and a reload when the app file changes."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from e2e_pages import EXAMPLES, ROOT, foreign_requests, wait_ready


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_builds_serves_and_reloads_on_change(page: Any, tmp_path: Path) -> None:
    app = tmp_path / "hello"
    shutil.copytree(EXAMPLES / "hello", app)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "wasmui", "serve", str(app), "--port", str(port)],
                                cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while base not in log.read_text():
            assert proc.poll() is None and time.time() < deadline, f"wasmui serve did not start: {log.read_text()}"
            time.sleep(0.2)
        page.goto(base + "/")
        wait_ready(page)
        page.get_by_text("Hello", exact=True).wait_for()
        source = app / "app.py"
        source.write_text(source.read_text().replace('title="Hello"', 'title="Hello again"'))
        # The page listens to /__wasmui/reload and reloads itself with the rebuilt site.
        try:
            page.get_by_text("Hello again", exact=True).wait_for(timeout=60_000)
        except Exception:
            raise AssertionError(f"no reload; wasmui serve said:\n{log.read_text()}") from None
        wait_ready(page)
        page.get_by_label("Name").fill("reload")
        page.get_by_role("button", name="Submit").click()
        page.wait_for_function("(el) => el.value === 'Hello, reload!'", arg=page.get_by_label("Greeting").element_handle())
        assert foreign_requests(page, base) == []
    finally:
        proc.terminate()
        proc.wait(10)
