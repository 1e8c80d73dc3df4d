"""``wasmui serve``: build into a temporary folder and serve it on 127.0.0.1.

A small threaded static server (stdlib) with what the browser runtime needs:
correct MIME types (.wasm, .mjs, .whl), TCP_NODELAY (Nagle + delayed ACK costs
~40 ms per small keep-alive request), cache headers that keep the 10 MB wasm
cached but never a stale page (ETag), gzip for wasm and text, single-range requests, and a
``/__wasmui/reload`` event stream: pages reload when an app file changes.
"""

from __future__ import annotations

import gzip
import http.server
import os
import re
import shutil
import signal
import socketserver
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from wasmui.build import build_site, find_apps

RELOAD_PATH = "/__wasmui/reload"
RELOAD_SCRIPT = """<script>
(() => {  // wasmui serve: reload when the app changes
  let first = null;
  const events = new EventSource("/__wasmui/reload");
  events.onmessage = (e) => { if (first === null) first = e.data; else if (e.data !== first) location.reload(); };
})();
</script>"""

MIME = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
        ".whl": "application/zip", ".json": "application/json", ".py": "text/x-python; charset=utf-8",
        ".zip": "application/zip", ".css": "text/css", ".html": "text/html; charset=utf-8"}


GZIP_TYPES = {".wasm", ".js", ".mjs", ".json", ".html", ".css", ".py", ".txt", ".svg"}
_GZIP_CACHE_ENTRIES = 64


class _GzipCache:
    """gzip bodies per (path, mtime): the 9.6 MB wasm is compressed once, not per request."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.bodies: dict[tuple[str, int], bytes] = {}

    def get(self, path: str, mtime_ns: int) -> bytes:
        key = (path, mtime_ns)
        with self.lock:
            body = self.bodies.get(key)
        if body is None:
            body = gzip.compress(Path(path).read_bytes(), 6)
            with self.lock:
                self.bodies[key] = body
                while len(self.bodies) > _GZIP_CACHE_ENTRIES:
                    self.bodies.pop(next(iter(self.bodies)))
        return body


class SiteState:
    """The folder being served and its build id; replaced atomically on rebuild."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.build_id = str(time.time_ns())
        self.changed = threading.Condition()

    def swap(self, root: Path) -> None:
        with self.changed:
            self.root = root
            self.build_id = str(time.time_ns())
            self.changed.notify_all()


def cache_control(path: str) -> str:
    """Long-lived for versioned runtime files, revalidated for everything else."""
    if path.startswith("/wheels/") or re.match(r"^/assets/.+-[A-Za-z0-9_-]{8}\.(js|css)$", path):
        return "public, max-age=31536000, immutable"  # content-addressed names
    if path.startswith("/pyodide"):  # also /pyodide-stock/ of the benchmark
        return "public, max-age=3600"
    return "no-cache"


def make_handler(state: SiteState) -> type[http.server.BaseHTTPRequestHandler]:
    """A request handler class serving ``state.root`` (whatever it is at request time)."""
    gzipped = _GzipCache()

    class Handler(http.server.SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME}

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(state.root), **kwargs)

        def parse_request(self) -> bool:
            # Keep-alive connections outlive a rebuild: resolve the folder per request,
            # once its request line has arrived (not while waiting for it).
            self.directory = str(state.root)
            return super().parse_request()

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
            if os.environ.get("WASMUI_SERVE_LOG"):
                super().log_message(format, *args)


        etag: str | None = None
        gzip_path: str | None = None

        def _wants_gzip(self, path: str) -> bool:
            """Compress text and wasm for clients that accept gzip (never for ranges)."""
            return ("gzip" in self.headers.get("Accept-Encoding", "") and "Range" not in self.headers
                    and os.path.splitext(path)[1] in GZIP_TYPES and os.path.isfile(path)
                    and (not os.path.isdir(self.translate_path(self.path)) or self.path.split("?", 1)[0].endswith("/")))

        def _send_gzip(self, path: str) -> None:
            body = gzipped.get(path, os.stat(path).st_mtime_ns)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def end_headers(self) -> None:
            self.send_header("Cache-Control", cache_control(self.path.split("?", 1)[0]))
            # Public static files: a page of another origin may load them (a Pyodide distribution
            # served here and used by `wasmui build --pyodide http://...`, like a CDN).
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Accept-Ranges", "bytes")
            if self.etag:
                self.send_header("ETag", self.etag)
            super().end_headers()

        def _revalidated(self) -> bool:
            """Answers 304 for a matching ETag. Last-Modified alone has 1 s resolution:
            a rebuild within the same second would otherwise be served stale."""
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                path = os.path.join(path, "index.html")
            try:
                stat = os.stat(path)
            except OSError:
                self.etag = None
                self.gzip_path = None
                return False
            self.gzip_path = path if self._wants_gzip(path) else None
            variant = "-gz" if self.gzip_path else ""
            self.etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{variant}"'
            if self.headers.get("If-None-Match") != self.etag:
                if "If-Modified-Since" in self.headers:
                    del self.headers["If-Modified-Since"]
                return False
            self.send_response(304)
            self.end_headers()
            return True

        def do_HEAD(self) -> None:
            if self._revalidated():
                return
            if self.gzip_path:
                self._send_gzip(self.gzip_path)
            else:
                super().do_HEAD()

        def do_GET(self) -> None:
            if self.path.split("?", 1)[0] == RELOAD_PATH:
                self.etag = None
                self._reload_stream()
            elif self._revalidated():
                return
            elif self.gzip_path:
                self._send_gzip(self.gzip_path)
            elif "Range" in self.headers:
                self._range()
            else:
                super().do_GET()

        def _range(self) -> None:
            path = Path(self.translate_path(self.path))
            match = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers["Range"].strip())
            if not path.is_file() or not match or match.groups() == ("", ""):
                super().do_GET()
                return
            size = path.stat().st_size
            start_s, end_s = match.groups()
            start = int(start_s) if start_s else max(0, size - int(end_s))
            end = min(size - 1, int(end_s)) if start_s and end_s else size - 1
            if start >= size or start > end:
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{size}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            with path.open("rb") as f:
                f.seek(start)
                data = f.read(end - start + 1)
            self.send_response(206)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _reload_stream(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            seen = None
            try:
                while True:
                    with state.changed:
                        if seen == state.build_id:
                            state.changed.wait(15)
                        current = state.build_id
                    # An unchanged id doubles as the keep-alive.
                    self.wfile.write(f"data: {current}\n\n".encode())
                    self.wfile.flush()
                    seen = current
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def start_static_server(root: Path, host: str = "127.0.0.1", port: int = 0) -> tuple[Server, SiteState]:
    """Serves ``root`` in a background thread; returns the server (``server_address``) and its state."""
    state = SiteState(root)
    server = Server((host, port), make_handler(state))
    threading.Thread(target=server.serve_forever, daemon=True, name="wasmui-static").start()
    return server, state


def _sources(app_path: str) -> dict[Path, float]:
    specs, _ = find_apps(app_path)
    stamps: dict[Path, float] = {}
    for spec in specs:
        for path in spec.folder.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
                stamps[path] = path.stat().st_mtime
    return stamps


def _watch(app_path: str, state: SiteState, workdir: Path, pyodide: str | None = None) -> None:
    stamps = _sources(app_path)
    generation = 0
    previous: Path | None = None
    while True:
        time.sleep(0.5)
        current = _sources(app_path)
        if current == stamps:
            continue
        stamps = current
        generation += 1
        target = workdir / f"site{generation}"
        try:
            build_site(app_path, target, extra_body=RELOAD_SCRIPT, pyodide=pyodide)
        except Exception as exc:  # keep serving the last good build
            print(f"wasmui serve: rebuild failed: {exc}", file=sys.stderr)
            continue
        if previous is not None:  # two builds back: no request can still be reading it
            shutil.rmtree(previous, ignore_errors=True)
        previous = state.root
        state.swap(target)
        print("wasmui serve: rebuilt, reloading pages", file=sys.stderr)


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def serve_site(app_path: str, host: str = "127.0.0.1", port: int = 8000, reload: bool = True,
               pyodide: str | None = None) -> int:
    """Builds ``app_path`` (against the ``pyodide`` distribution, if given) into a temp folder
    and serves it until interrupted."""
    # SIGTERM (kill, CI) must also remove the temp folder.
    signal.signal(signal.SIGTERM, _raise_interrupt)
    with tempfile.TemporaryDirectory(prefix="wasmui-serve-") as tmp:
        workdir = Path(tmp)
        site = build_site(app_path, workdir / "site0", extra_body=RELOAD_SCRIPT if reload else "", pyodide=pyodide)
        server, state = start_static_server(site, host, port)
        if reload:
            threading.Thread(target=_watch, args=(app_path, state, workdir, pyodide), daemon=True, name="wasmui-watch").start()
        print(f"wasmui serve: http://{host}:{server.server_address[1]}/  (Ctrl+C to stop)", file=sys.stderr)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    return 0
