"""The bridge between the browser worker and the app's ASGI app.

This is the ONLY module that touches Pyodide (``pyodide.ffi``); everything it
calls is plain Python. The worker (``web/src/runtime.ts``) calls :func:`boot`
once, then for every HTTP request arriving on a MessagePort calls
:meth:`Bridge.request` (and :meth:`Bridge.body` / :meth:`Bridge.disconnect`).
Answers go back through the ``reply(kind, a, b)`` JS function the worker passes:

* ``reply("start", status, headers)`` -- headers as ``[[name, value], ...]``
* ``reply("body", more, chunk)``      -- chunk as a ``Uint8Array``
* ``reply("error", message, traceback)`` -- the app failed after starting the response

On CPython (tests) JS values are plain Python values and ``reply`` is any callable.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import sys
import traceback
import urllib.parse
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Message = MutableMapping[str, Any]
ASGIApp = Callable[[Message, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]
Reply = Callable[[str, Any, Any], Any]

_DISCONNECT: Message = {"type": "http.disconnect"}
_STARTUP_TIMEOUT_S = 10.0


def _to_js(value: Any) -> Any:
    """Converts lists and bytes for JS (a no-op on CPython)."""
    if sys.platform != "emscripten":
        return value
    from pyodide.ffi import to_js

    return to_js(value)


def _to_py(value: Any) -> Any:
    """Converts a JS array (JsProxy) into Python lists; plain values pass through."""
    return value.to_py() if hasattr(value, "to_py") else value


def _to_bytes(value: Any) -> bytes:
    """Bytes of a JS Uint8Array (JsProxy) or of a Python bytes-like value."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    return bytes(value.to_bytes())


def build_scope(method: str, url: str, headers: list[list[str]], root_path: str) -> dict[str, Any]:
    """The ASGI HTTP scope of a browser request for ``url``.

    ``path`` includes ``root_path`` (ASGI spec; what uvicorn does), so the app
    computes ``root`` = origin + root_path and file URLs route back to us.
    """
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme or "http"
    host = parts.hostname or "localhost"
    port = parts.port or (443 if scheme == "https" else 80)
    pairs = [(str(k).lower().encode("latin-1", "replace"), str(v).encode("latin-1", "replace")) for k, v in headers]
    if not any(k == b"host" for k, _ in pairs):
        # Browsers never expose Host on a Request; the app needs it for `root`.
        pairs.append((b"host", parts.netloc.encode("latin-1", "replace")))
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": method.upper(),
        "scheme": scheme,
        "path": urllib.parse.unquote(parts.path) or "/",
        "raw_path": (parts.path or "/").encode("latin-1", "replace"),
        "query_string": parts.query.encode("latin-1", "replace"),
        "root_path": root_path.rstrip("/"),
        "headers": pairs,
        "client": ("127.0.0.1", 0),
        "server": (host, port),
    }


class Bridge:
    """Serves requests from the worker with one ASGI app."""

    def __init__(self, app: ASGIApp, root_path: str) -> None:
        self.app = app
        self.root_path = root_path
        self._inboxes: dict[int, asyncio.Queue[Message]] = {}
        self._disconnected: set[int] = set()
        self._tasks: set[asyncio.Future[None]] = set()
        self._lifespan: asyncio.Queue[Message] | None = None

    async def startup(self) -> None:
        """Runs the ASGI lifespan startup, if the app speaks lifespan."""
        inbox: asyncio.Queue[Message] = asyncio.Queue()
        started: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        await inbox.put({"type": "lifespan.startup"})

        async def send(message: Message) -> None:
            if message["type"].startswith("lifespan.startup") and not started.done():
                if message["type"] == "lifespan.startup.failed":
                    started.set_exception(RuntimeError(message.get("message", "lifespan startup failed")))
                else:
                    started.set_result(True)

        async def run() -> None:
            try:
                await self.app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, inbox.get, send)
            except Exception:  # apps without lifespan support may raise: they need no startup
                pass
            if not started.done():
                started.set_result(False)

        self._keep(asyncio.ensure_future(run()))
        self._lifespan = inbox
        await asyncio.wait_for(started, _STARTUP_TIMEOUT_S)

    def request(self, rid: int, method: str, url: str, headers: Any, has_body: bool, reply: Reply) -> None:
        """Starts answering request ``rid``; its body follows through :meth:`body`."""
        if rid in self._inboxes:
            # Its body chunks could not be told apart from the open one's (the worker numbers them).
            reply("error", f"request id {rid} is already open", "")
            return
        scope = build_scope(method, url, _to_py(headers), self.root_path)
        inbox: asyncio.Queue[Message] = asyncio.Queue()
        if not has_body:
            inbox.put_nowait({"type": "http.request", "body": b"", "more_body": False})
        self._inboxes[rid] = inbox
        self._keep(asyncio.ensure_future(self._serve(rid, scope, inbox, reply)))

    def body(self, rid: int, chunk: Any, more: bool) -> None:
        """One chunk of the request body of ``rid``."""
        inbox = self._inboxes.get(rid)
        if inbox is not None:
            inbox.put_nowait({"type": "http.request", "body": _to_bytes(chunk), "more_body": bool(more)})

    def disconnect(self, rid: int) -> None:
        """The client went away (aborted fetch, closed SSE reader)."""
        inbox = self._inboxes.get(rid)
        if inbox is not None:
            self._disconnected.add(rid)
            inbox.put_nowait(dict(_DISCONNECT))

    def _keep(self, task: asyncio.Future[None]) -> None:
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _serve(self, rid: int, scope: dict[str, Any], inbox: asyncio.Queue[Message], reply: Reply) -> None:
        state = {"started": False, "finished": False}

        async def receive() -> Message:
            if state["finished"]:
                return dict(_DISCONNECT)
            return await inbox.get()

        async def send(message: Message) -> None:
            if rid in self._disconnected or state["finished"]:
                return  # like uvicorn: writes after a disconnect go nowhere
            kind = message["type"]
            if kind == "http.response.start":
                state["started"] = True
                headers = [[bytes(k).decode("latin-1"), bytes(v).decode("latin-1")] for k, v in message.get("headers", [])]
                reply("start", int(message["status"]), _to_js(headers))
            elif kind == "http.response.body":
                more = bool(message.get("more_body", False))
                body = bytes(message.get("body", b""))
                if body or not more:
                    reply("body", more, _to_js(body))
                if not more:
                    state["finished"] = True

        try:
            await self.app(scope, receive, send)
            if not state["started"]:
                raise RuntimeError("the ASGI app returned without a response")
            if not state["finished"] and rid not in self._disconnected:
                reply("body", False, _to_js(b""))  # the app forgot to end its body
        except Exception as exc:
            text = traceback.format_exc()
            print(text, file=sys.stderr)
            if not state["started"]:
                reply("start", 500, _to_js([["content-type", "text/plain; charset=utf-8"]]))
                reply("body", False, _to_js(text.encode()))
            elif not state["finished"]:
                reply("error", f"{type(exc).__name__}: {exc}", text)
        finally:
            if self._inboxes.get(rid) is inbox:
                del self._inboxes[rid]
                self._disconnected.discard(rid)


def _load_asgi(spec: str) -> ASGIApp:
    module_name, _, attr = spec.partition(":")
    module = importlib.import_module(module_name)
    app: ASGIApp = getattr(module, attr or "app")
    return app


async def boot(app_dir: str, entry: str, root_path: str, asgi: str | None = None, key: str | None = None) -> Bridge:
    """The worker's ONE entry point: run the app in ``app_dir`` and return its bridge.

    ``entry`` (usually ``app.py``) runs as ``__main__`` with ``import gradio``
    resolving to wasmui; ``asgi="module:attr"`` serves a plain ASGI app instead.
    An interpreter restored from a snapshot that ran the app already (:func:`preload`
    with the same ``key``) adopts that app instead of running it again.
    """
    adopted = _adopt(key, app_dir)
    _enter(app_dir)
    if asgi:
        app = _load_asgi(asgi)
    else:
        if adopted is None:
            from wasmui import compat, runner

            compat.install()
            adopted = runner.load_app(os.path.join(app_dir, entry))
        app = adopted.app
        # An app that flags imported wasmui.flagging while loading (Interface, gr.CSVLogger).
        # Loading earlier visits' flags from IndexedDB (0.3-0.6 s on a loaded machine) must not
        # delay the first answer: flags and the download wait for it (wasmui.flagging.loaded).
        flagging = sys.modules.get("wasmui.flagging")
        if flagging is not None:
            flagging.set_loading(asyncio.ensure_future(_persist_flagging()))
    bridge = Bridge(app, root_path)
    await bridge.startup()
    return bridge


def _enter(app_dir: str) -> None:
    """Makes ``app_dir`` the working folder and the first import path."""
    os.makedirs(app_dir, exist_ok=True)
    os.chdir(app_dir)
    if app_dir not in sys.path:
        sys.path.insert(0, app_dir)


# -- the app run in the snapshot interpreter ------------------------------------------
#: Folders whose files a preloaded app may have written (its own files are there): carried in
#: memory through the snapshot, which holds no file system, and written back after a restore.
_WRITABLE = ("/home/pyodide", "/tmp")
#: Above this many bytes of such files the app is not preloaded (the snapshot would carry them).
_PRELOAD_FILES_LIMIT = 16_000_000


class Preloaded:
    """An app module run by :func:`preload`: its Blocks and the files under ``_WRITABLE`` then
    (a folder's path maps to None: an empty temporary folder the app made must exist again)."""

    def __init__(self, key: str, app_dir: str, blocks: Any, files: dict[str, bytes | None]) -> None:
        self.key = key
        self.app_dir = app_dir
        self.blocks = blocks
        self.files = files


_preloaded: Preloaded | None = None


def preload(app_dir: str, entry: str, key: str) -> None:
    """Runs the app module (``boot`` without serving) in the interpreter a memory snapshot is
    made of, after :func:`prepare`: a restore then serves at once. ``key`` names the app and its
    files (the worker's); a restore adopts the app only under the same key. Raises when the app
    fails to load or wrote more than ``_PRELOAD_FILES_LIMIT`` bytes of files (the worker then
    snapshots without the app). Never serves a request, so no visit's state is in it."""
    global _preloaded
    from wasmui import compat, runner

    _enter(app_dir)
    compat.install()
    blocks = runner.load_app(os.path.join(app_dir, entry))
    files = _read_tree(_WRITABLE)
    size = sum(len(content or b"") for content in files.values())
    if size > _PRELOAD_FILES_LIMIT:
        raise RuntimeError(f"the app's files are {size} bytes (more than {_PRELOAD_FILES_LIMIT})")
    _preloaded = Preloaded(key, app_dir, blocks, files)


def preloaded(key: str) -> bool:
    """Whether this interpreter holds the app ``key`` (restored from a snapshot that ran it)."""
    return _preloaded is not None and _preloaded.key == key


def restored(key: str) -> str:
    """Called once right after a restore from a memory snapshot: reseeds ``random`` (the snapshot
    holds its state: every visit would draw the same numbers) and says, as JSON, whether the
    snapshot holds the app ``key`` already run (``adopted``) and where site-packages is."""
    import random
    import site

    random.seed()
    return json.dumps({"adopted": preloaded(key), "site_packages": site.getsitepackages()[0]})


def _adopt(key: str | None, app_dir: str) -> Any:
    """The preloaded app's Blocks when ``key`` and ``app_dir`` are its own (once), its files
    written back; else None. A preloaded app of another key is dropped (never served)."""
    global _preloaded
    found, _preloaded = _preloaded, None
    if found is None or key is None or found.key != key or found.app_dir != app_dir:
        return None
    for path, content in found.files.items():
        if content is None:
            os.makedirs(path, exist_ok=True)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(content)
    return found.blocks


def _read_tree(folders: tuple[str, ...]) -> dict[str, bytes | None]:
    """Every file under ``folders`` (path -> bytes) and every folder (path -> None); compiled caches left out."""
    files: dict[str, bytes | None] = {}
    for folder in folders:
        for parent, dirs, names in os.walk(folder):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            files[parent] = None
            for name in names:
                path = os.path.join(parent, name)
                if os.path.isfile(path):
                    with open(path, "rb") as handle:
                        files[path] = handle.read()
    return files


# -- flagged data in IndexedDB ---------------------------------------------------------
async def _syncfs(populate: bool) -> None:
    """``FS.syncfs``: IndexedDB -> memory (``populate``) or memory -> IndexedDB."""
    import pyodide_js
    from pyodide.ffi import create_once_callable

    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def finished(err: Any = None) -> None:
        if done.done():
            return
        if err:
            done.set_exception(OSError(f"saving to IndexedDB failed: {err}"))
        else:
            done.set_result(None)

    pyodide_js.FS.syncfs(populate, create_once_callable(finished))
    await done


class PersistentFolders:
    """Folders kept in the browser's IndexedDB (Emscripten's IDBFS): mounted and filled
    from it once, saved after every write. Saves never overlap (IDBFS forbids it) and a
    write during a save triggers one more."""

    def __init__(self) -> None:
        self.mounted: set[str] = set()
        self._dirty = False
        self._saving: asyncio.Task[None] | None = None

    async def mount(self, folders: list[str]) -> None:
        """Mount IDBFS at each new folder and load what earlier visits saved there."""
        import pyodide_js
        from pyodide.ffi import to_js

        new = [f for f in folders if f not in self.mounted]
        if not new:
            return
        # A populate rewrites every IDBFS mount from IndexedDB: save pending rows first.
        if self.mounted:
            await self.flush()
        for folder in new:
            os.makedirs(folder, exist_ok=True)
            pyodide_js.FS.mount(pyodide_js.FS.filesystems.IDBFS, to_js({}), folder)
            self.mounted.add(folder)
        await _syncfs(True)

    def written(self, folder: Any) -> None:
        """A flag wrote into ``folder``: save soon. (A folder first set up after the app
        started is not mounted: mounting would hide what was just written there.)"""
        if str(folder) not in self.mounted:
            return
        self._dirty = True
        if self._saving is None or self._saving.done():
            self._saving = asyncio.ensure_future(self._save_loop())

    async def _save_loop(self) -> None:
        while self._dirty:
            self._dirty = False
            try:
                await _syncfs(False)
            except OSError as exc:
                print(f"wasmui: {exc}", file=sys.stderr)

    async def flush(self) -> None:
        """Wait until every write so far is in IndexedDB."""
        while self._saving is not None and not self._saving.done():
            await self._saving


persistent = PersistentFolders()


async def _persist_flagging() -> None:
    """Keeps the app's flagging folders in IndexedDB, so flagged data outlives the tab."""
    if sys.platform != "emscripten":
        return
    from wasmui import flagging

    try:
        await persistent.mount([str(d) for d in flagging.flagging_dirs()])
    except Exception as exc:  # noqa: BLE001 - no IndexedDB (private mode): flagging stays in memory
        print(f"wasmui: flagged data will not persist ({type(exc).__name__}: {exc})", file=sys.stderr)
        return
    flagging.set_write_hook(persistent.written, persistent.flush)


async def install_requirements(requirements: Any, index_url: str) -> None:
    """Installs ``requirements`` with micropip from the site's own package index."""
    import micropip  # shipped in the site only when needed

    await micropip.install(list(_to_py(requirements)), index_urls=[index_url])


def prepare() -> None:
    """Imports what every app needs (wasmui, its server, the ``gradio`` alias) before any app
    code runs: the state the worker's memory snapshot captures, the same for every visit.

    In a built site it also imports every wasmui module of the boot wheel (the trace and the
    site's apps' components, listed in ``boot_modules.json`` by ``wasmui.trim``), so a repeat
    visit restores them instead of importing them; modules outside it stay unimported (each
    would be fetched from the site's ``lazy/`` folder)."""
    import wasmui
    from wasmui import compat, runner  # noqa: F401

    compat.install()
    for name in boot_modules(os.path.dirname(wasmui.__file__)):
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - the app imports it again (and shows why it fails)
            print(f"wasmui: {name} not preloaded ({type(exc).__name__}: {exc})", file=sys.stderr)


def boot_modules(package_dir: str) -> list[str]:
    """The wasmui modules listed in ``package_dir/boot_modules.json`` (none outside a built site)."""
    try:
        with open(os.path.join(package_dir, "boot_modules.json"), encoding="utf-8") as handle:
            names = json.load(handle)
    except FileNotFoundError:
        return []
    return [str(name) for name in names]
