"""Start ``python -m wasmui serve --native APP`` on a free 127.0.0.1 port for tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
_URL_RE = re.compile(r"Running on local URL:\s+(http://127\.0\.0\.1:\d+)")


@contextmanager
def native_server(app: str | Path, timeout: float = 60.0, env: dict[str, str] | None = None) -> Iterator[str]:
    """Yield the server's base URL (no trailing slash); stop the process afterwards."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "wasmui", "serve", "--native", str(app), "--port", "0"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )
    lines: list[str] = []
    found: list[str] = []
    ready = threading.Event()

    def pump() -> None:  # keep draining output so the server never blocks on a full pipe
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            m = _URL_RE.search(line)
            if m and not found:
                found.append(m.group(1))
                ready.set()
        ready.set()

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + timeout
        while not found and time.monotonic() < deadline and proc.poll() is None:
            ready.wait(0.1)
        if not found:
            if proc.poll() is not None:
                reader.join(timeout=5)  # collect the traceback the process printed
            raise RuntimeError(f"server for {app} did not start:\n{''.join(lines)}")
        yield found[0]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
