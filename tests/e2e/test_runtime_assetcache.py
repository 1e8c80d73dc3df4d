"""The service worker keeps the site's content-hashed files and the app's page
(service-worker/assetcache.ts): behind a host that revalidates everything, a repeat visit asks
the network for none of the hashed files and opens the kept page even when the host fails (the
page is revalidated in the background), and a rebuild with changed files is picked up on the next
load (the kept page is replaced and reloaded), the old build's cache dropped once the new service
worker takes over."""

from __future__ import annotations

import functools
import hashlib
import http.server
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from e2e_pages import EXAMPLES, wait_ready

WAIT_S = 60

# Vite's hashed names, as the service worker owns them (assetcache.ts HASHED).
HASHED = re.compile(r"^assets/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|mjs|css|woff2?|ttf)$")

# {cache name: [site-relative paths]} of this origin's asset caches.
ASSET_CACHES = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    if (!name.startsWith('wasmui-assets ')) continue;
    const keys = await (await caches.open(name)).keys();
    out[name] = keys.map((r) => new URL(r.url).pathname.slice(1));
  }
  return out;
}"""


class RevalidatingServer:
    """A static server that makes the browser revalidate everything (``Cache-Control: no-cache``,
    like most hosts for a sub-folder), recording each request's path."""

    def __init__(self, root: Path) -> None:
        self.paths: list[str] = []
        #: Paths answered 503 (a host that is down).
        self.refused: set[str] = set()
        owner = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
                pass

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0].lstrip("/")
                if path in owner.refused:
                    self.send_error(503)
                    return
                super().do_GET()

            def end_headers(self) -> None:
                self.send_header("Cache-Control", "no-cache")
                super().end_headers()

            def send_response(self, code: int, message: str | None = None) -> None:
                owner.paths.append(self.path.split("?", 1)[0].lstrip("/"))
                super().send_response(code, message)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def take(self) -> list[str]:
        paths, self.paths = self.paths, []
        return paths


@pytest.fixture
def site(built_site: Any, tmp_path: Path) -> Iterator[tuple[Path, RevalidatingServer]]:
    folder = tmp_path / "site"
    shutil.copytree(built_site(EXAMPLES / "hello"), folder)
    server = RevalidatingServer(folder)
    yield folder, server
    server.server.shutdown()


def _poll_caches(page: Any, done: Callable[[dict[str, list[str]]], bool], what: str) -> dict[str, list[str]]:
    """The asset caches once `done(caches)` holds (Playwright's wait_for_function does not await
    an async predicate: its promise would count as true at once)."""
    deadline = time.monotonic() + WAIT_S
    while True:
        kept: dict[str, list[str]] = page.evaluate(ASSET_CACHES)
        if done(kept):
            return kept
        assert time.monotonic() < deadline, f"{what}: {kept}"
        page.wait_for_timeout(100)


def _caches_holding(page: Any, paths: list[str]) -> dict[str, list[str]]:
    """Waits until one asset cache holds every path of `paths`; returns all asset caches."""
    return _poll_caches(page, lambda kept: any(all(p in names for p in paths) for names in kept.values()),
                        f"no asset cache holds {paths}")


def _boot_files(folder: Path) -> list[str]:
    """The page entry, its static imports and the worker script: what a visit needs before the app runs."""
    html = (folder / "index.html").read_text()
    entry = re.search(r'<script type="module" src="\./(assets/wasmui-[^"]+\.js)"', html)
    worker = re.search(r'"worker":"\./(assets/worker-[^"]+\.js)"', html)
    assert entry and worker, "the built page loads no hashed entry or worker"
    preloads = re.findall(r'<link rel="modulepreload" href="\./(assets/[^"]+\.js)"', html)
    assert preloads, "the built page preloads none of its entry's imports"
    return [entry.group(1), worker.group(1), *preloads]


def test_repeat_visit_takes_hashed_files_from_the_service_worker(site: tuple[Path, RevalidatingServer], browser: Any) -> None:
    folder, server = site
    boot = _boot_files(folder)
    context = browser.new_context()
    try:
        first = context.new_page()
        first.goto(server.url)
        wait_ready(first)
        kept = _caches_holding(first, [*boot, ""])
        assert len(kept) == 1, kept
        stored = set(next(iter(kept.values())))
        assert all(HASHED.match(path) for path in stored - {""}), stored  # nothing but these and the page
        first.close()
        server.take()

        second = context.new_page()
        second.goto(server.url)
        wait_ready(second)
        asked = server.take()
        assert "" in asked, asked  # the HTML still goes to the network (a rebuild is seen)
        again = sorted(set(asked) & (stored - {""}))
        assert not again, f"a repeat visit asked the network for kept hashed files: {again}"
        second.close()

        # The host fails: the kept page still opens and its app runs.
        server.refused.add("")
        third = context.new_page()
        third.goto(server.url)
        wait_ready(third)
        assert third.title() == "Hello"
        assert "" in server.take()  # it was asked for (in the background) all the same
    finally:
        context.close()


def _rehash(folder: Path, marker: str) -> dict[str, str]:
    """A rebuild in miniature: the page entry's content changes, so it and every hashed file that
    names it (transitively) get new names, and the service worker's version changes. Returns the
    renames."""
    assets = folder / "assets"
    texts = {p.name: p.read_text() for p in assets.glob("*.js") if HASHED.match(f"assets/{p.name}")}
    entry = next(name for name in texts if name.startswith("wasmui-"))
    texts[entry] += f"\nglobalThis.__wasmuiRebuilt = {marker!r};\n"

    def renamed(name: str) -> str:
        stem, _, ext = name.rpartition(".")
        fresh = hashlib.sha256(f"{marker}{name}".encode()).hexdigest()[:8]
        return f"{stem[:-8]}{fresh}.{ext}"

    renames = {entry: renamed(entry)}
    while True:
        more = {n: renamed(n) for n, text in texts.items() if n not in renames and any(old in text for old in renames)}
        if not more:
            break
        renames.update(more)

    def rewrite(text: str) -> str:
        for old, new in renames.items():
            text = text.replace(old, new)
        return text
    for old, new in renames.items():
        (assets / old).unlink()
        (assets / new).write_text(rewrite(texts[old]))
    for path in [folder / "index.html", assets / "wasmui.js"]:
        path.write_text(rewrite(path.read_text()))
    page = folder / "index.html"  # a new page hash, as `wasmui build` stamps it
    page.write_text(re.sub(r'(<meta name="wasmui-page" content=")[0-9a-f]{16}',
                           lambda m: m.group(1) + hashlib.sha256(marker.encode()).hexdigest()[:16], page.read_text()))
    sw = folder / "sw.js"
    version = re.search(r"[`\"']([0-9a-f]{16})[`\"']", sw.read_text())
    assert version, "no build hash in sw.js"
    sw.write_text(sw.read_text().replace(version.group(1), hashlib.sha256(marker.encode()).hexdigest()[:16]))
    return renames


def test_rebuild_is_picked_up_and_the_old_cache_dropped(site: tuple[Path, RevalidatingServer], browser: Any) -> None:
    folder, server = site
    context = browser.new_context()
    try:
        first = context.new_page()
        first.goto(server.url)
        wait_ready(first)
        old = _caches_holding(first, _boot_files(folder))
        first.close()

        renames = _rehash(folder, "rebuilt-1")
        second = context.new_page()
        second.goto(server.url)
        # The kept (old) page opens, learns of the rebuild and reloads itself with the new one.
        second.wait_for_function("() => globalThis.__wasmuiRebuilt === 'rebuilt-1'", timeout=WAIT_S * 1000)
        wait_ready(second)
        loaded = second.evaluate("() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1))")
        assert not set(loaded) & {f"assets/{name}" for name in renames}, "an old file was loaded"
        # The new service worker took over: the old build's cache is gone, the new one fills.
        _poll_caches(second, lambda now: not set(now) & set(old), "the old build's cache is still there")
        fresh = _caches_holding(second, _boot_files(folder))
        assert not set(fresh) & set(old), (fresh, old)
        second.close()
        server.take()

        third = context.new_page()
        third.goto(server.url)
        wait_ready(third)
        assert third.evaluate("() => globalThis.__wasmuiRebuilt") == "rebuilt-1"
        kept = set(next(iter(fresh.values()))) - {""}  # the page is revalidated in the background
        assert not sorted(set(server.take()) & kept), "the rebuilt site's kept files were asked for again"
    finally:
        context.close()
