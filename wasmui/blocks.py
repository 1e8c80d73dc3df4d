"""The ``Blocks`` app: the root of a block tree and Gradio's API on it.

A ``Blocks`` owns every block created inside its ``with`` statement, every
event dependency (``fns``), the file store and the session store. It builds
Gradio's ``/config`` JSON and the ``/gradio_api/info`` JSON from them (through
the façade below). The tree's nodes, ``Block`` and ``BlockContext``, are in
``wasmui.block_tree`` and importable from here too, as from Gradio's ``gradio.blocks``.
"""

from __future__ import annotations

import copy
import random
import re
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol

from wasmui import deep_links, events, themes
from wasmui.block_tree import Block as Block, BlockContext as BlockContext
from wasmui.context import Context
from wasmui.files import FileStore
from wasmui.media_streams import MediaStreams
from wasmui.sessions import SessionStore

if TYPE_CHECKING:
    from wasmui.events import BlockFunction, Dependency


# URL paths Gradio's server answers itself; a page may not take one of them.
_INTERNAL_ROUTES = {"config", "info", "file", "file=", "theme.css", "gradio_api", "upload", "queue", "assets",
                    "static", "login", "logout", "monitoring", "manifest.json", "pwa_icon", "favicon.ico"}


class LaunchResult(tuple[Any, Any, Any]):
    """What ``launch()`` returns, as Gradio: ``(app, local_url, share_url)``, shown as nothing."""

    def __repr__(self) -> str:
        # As Gradio's: a notebook cell ending in demo.launch() prints no tuple.
        return ""


class Blocks(BlockContext):
    """A Gradio app built with ``with gr.Blocks() as demo:``."""

    # Where Gradio's launch() says it serves the app; a browser-only app has no server,
    # so apps that print them read None.
    server_name: str | None = None
    server_port: int | None = None
    local_url: str | None = None
    share_url: str | None = None

    def __init__(
        self,
        theme: themes.ThemeClass | str | None = None,
        analytics_enabled: bool | None = None,
        mode: str = "blocks",
        title: str = "Gradio",
        css: str | None = None,
        css_paths: Any = None,
        js: str | None = None,
        head: str | None = None,
        head_paths: Any = None,
        fill_height: bool = False,
        fill_width: bool = False,
        delete_cache: tuple[int, int] | None = None,
        **kwargs: Any,
    ) -> None:
        self.blocks: dict[int, Block] = {}
        self.fns: dict[int, BlockFunction] = {}
        self.mode = mode
        self.title = title
        self.css = css
        self.css_paths = css_paths
        self.js = js
        self.head = head
        self.head_paths = head_paths
        self.theme = theme
        self.favicon_path: str | None = None
        self.i18n_instance: Any = None  # launch(i18n=gr.I18n(...)): its tables go to the config
        self.fill_height = fill_height
        self.fill_width = fill_width
        self.analytics_enabled = False
        self.show_error = sys.platform == "emscripten"
        self.max_file_size: int | None = None
        self.default_concurrency_limit: int | None = 1
        self.max_size: int | None = None
        self.app_id = random.getrandbits(64)
        self.pages: list[tuple[str, str, bool]] = [("", "Home", True)]
        self.current_page = ""  # the page blocks and listeners are added to (``route``)
        self._app: Any = None
        self._file_store: FileStore | None = None
        self._media_streams: MediaStreams | None = None
        self._sessions: SessionStore | None = None
        self._root_outer: Blocks | None = None
        self.extra_load_events: list[Callable[[], None]] = []
        self._fn_seq = 0  # next dependency id (events.next_fn_id)
        self.renderables: list[Any] = []  # the app's @gr.render functions (wasmui.renderable)
        self.flagging_dirs: list[Any] = []  # folders flagging callbacks set up while building it
        self.example_sets: list[Any] = []  # its gr.Examples tables (wasmui.examples.precompute)
        # Coroutines run once when the app starts serving (Gradio's ``extra_startup_events``:
        # e.g. ChatInterface's eager example caching), see ``run_extra_startup_events``.
        self.extra_startup_events: list[Callable[[], Awaitable[Any]]] = []
        super().__init__(render=False, **{k: v for k, v in kwargs.items() if k in ("elem_id", "elem_classes")})
        if Context.root_block is not None:
            # A Blocks built inside another one is a plain column of the outer app.
            self.render()

    # -- building -----------------------------------------------------------
    def __enter__(self) -> Blocks:
        self._root_outer = Context.root_block
        if Context.root_block is None:
            Context.root_block = self
        super().__enter__()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *args: Any) -> None:
        super().__exit__(exc_type, *args)
        if exc_type is None:
            # Callable values become load events; root must still be this app here.
            for attach in self.extra_load_events:
                attach()
            self.extra_load_events.clear()
        Context.root_block = self._root_outer

    def render(self) -> Blocks:
        """Place a Blocks built elsewhere (e.g. an Interface) inside the current one."""
        root = Context.root_block
        if root is None or root is self:
            return self
        if Context.block is not None:
            Context.block.add_child(self)
        root.blocks[self._id] = self
        root.blocks.update(self.blocks)
        self.page = root.current_page
        for block in self.blocks.values():
            block.page = root.current_page
        for fn in self.fns.values():
            fn.page = root.current_page
        self._move_fns_to(root)
        root.flagging_dirs += [d for d in self.flagging_dirs if d not in root.flagging_dirs]
        root.example_sets += [e for e in self.example_sets if e not in root.example_sets]
        root.extra_startup_events += [e for e in self.extra_startup_events if e not in root.extra_startup_events]
        self.is_rendered = True
        return self

    def _move_fns_to(self, root: Blocks) -> None:
        """Re-number this app's dependencies inside ``root`` (ids, chains, cancels)."""
        new_ids: dict[int, int] = {}
        for fn in self.fns.values():
            new_ids[fn.id] = events.next_fn_id(root)
            fn.id = new_ids[fn.id]
            fn.api_name = events.unique_api_name(fn.api_name, [f.api_name for f in root.fns.values()])
            root.fns[fn.id] = fn
        for fn in self.fns.values():
            if fn.trigger_after is not None:
                fn.trigger_after = new_ids.get(fn.trigger_after, fn.trigger_after)
            fn.cancels = [new_ids.get(c, c) for c in fn.cancels]
        self.fns = root.fns

    def route(self, name: str, path: str | None = None, show_in_navbar: bool = True) -> Blocks:
        """Start a new page: what is built in ``with demo.route("Name"):`` shows on it.

        ``path`` defaults to the name, lower-cased with spaces as hyphens. In the page,
        the shell shows one page at a time (``#/path`` in the URL) with a navbar.
        """
        if Context.root_block is not None:
            raise ValueError("You cannot create a route while inside a Blocks() context. Call route() outside "
                             "the Blocks() context (unindent this line).")
        if path:
            path = path.strip("/")
            if not re.fullmatch(r"[a-zA-Z0-9\-._~!$&'()*+,;=:@\[\]]+", path):
                raise ValueError(f"Path '{path}' contains invalid characters. Paths can only contain alphanumeric "
                                 "characters and the following special characters: -._~!$&'()*+,;=:@[]")
        else:
            path = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            if not path:
                raise ValueError(f"Route with path '{name}' is not valid")
        while path in _INTERNAL_ROUTES or path in [page[0] for page in self.pages]:
            path = "_" + path
        self.pages.append((path, name, show_in_navbar))
        self.current_page = path
        return self

    def clear(self) -> Blocks:
        """Forget every block and listener (Gradio's ``with demo.clear():`` starts over)."""
        self.children = []
        self.blocks = {}
        self.fns = {}
        self._fn_seq = 0
        return self

    def set_event_trigger(self, *args: Any, **kwargs: Any) -> tuple[BlockFunction, int]:
        """Create a dependency (see ``wasmui.events.make_block_function``)."""
        fn = events.make_block_function(self, *args, **kwargs)
        self.fns[fn.id] = fn
        return fn, fn.id

    # -- launching ----------------------------------------------------------
    def queue(
        self,
        status_update_rate: Any = "auto",
        api_open: bool | None = None,
        max_size: int | None = None,
        *,
        default_concurrency_limit: int | None | str = "not_set",
        **kwargs: Any,
    ) -> Blocks:
        """Configure the queue; wasmui always queues, so only limits matter."""
        self.max_size = max_size
        if not isinstance(default_concurrency_limit, str):  # "not_set" leaves it alone
            self.default_concurrency_limit = default_concurrency_limit
            for fn in self.fns.values():
                if fn.concurrency_limit_default:
                    fn.concurrency_limit = self.default_concurrency_limit
        return self

    # -- look -----------------------------------------------------------------
    @property
    def theme(self) -> themes.ThemeClass:
        """The app's theme object (``theme=`` resolved as Gradio does: a name, None is Default)."""
        return self._theme

    @theme.setter
    def theme(self, value: themes.ThemeClass | str | None) -> None:
        self._theme = themes.get_theme(value)

    @property
    def theme_css(self) -> str:
        """``/theme.css``: the theme's CSS variables as Gradio writes them."""
        return self._theme._get_theme_css()

    def full_css(self) -> str | None:
        """``css`` followed by the files of ``css_paths`` (as Gradio joins them)."""
        return _join_files(self.css, self.css_paths)

    def full_head(self) -> str | None:
        """``head`` followed by the files of ``head_paths``."""
        return _join_files(self.head, self.head_paths)

    def launch(self, *args: Any, **kwargs: Any) -> LaunchResult:
        """Register the app with the runtime; natively, serve its browser build.

        In the browser (and while ``wasmui.runner`` loads an app) this never
        blocks and opens no server. Server options are accepted and ignored.
        Returns ``(app, local_url, share_url)`` as Gradio does (the URLs are None).
        """
        facade().launch(self, **kwargs)
        return LaunchResult((self.app, self.local_url, self.share_url))

    def close(self) -> None:
        """Nothing to close: there is no server process."""

    # -- services -----------------------------------------------------------
    @property
    def file_store(self) -> FileStore:
        """The store for uploads and function outputs (one temp dir per app)."""
        if self._file_store is None:
            self._file_store = FileStore()
        return self._file_store

    @property
    def media_streams(self) -> MediaStreams:
        """Streamed Audio/Video outputs of generator runs (served under ``/gradio_api/stream/``)."""
        if self._media_streams is None:
            self._media_streams = MediaStreams()
        return self._media_streams

    @property
    def sessions(self) -> SessionStore:
        """Per-session state (``gr.State`` values)."""
        if self._sessions is None:
            self._sessions = SessionStore(self)
        return self._sessions

    @property
    def app(self) -> Any:
        """The ASGI application answering Gradio's routes for this app."""
        if self._app is None:
            self._app = facade().create_app(self)
        return self._app

    # -- config -------------------------------------------------------------
    def get_config(self, root: str = "") -> dict[str, Any]:
        """The ``/config`` JSON (see ``wasmui.config``)."""
        return facade().config(self, root)

    def get_api_info(self, all_endpoints: bool = False) -> dict[str, Any]:
        """The ``/gradio_api/info`` JSON (see ``wasmui.api_info``)."""
        return facade().api_info(self, all_endpoints)

    def deep_link_token(self, session_hash: str) -> str:
        """``GET /gradio_api/deep_link``: the link token of a session's values ("" for an unknown
        session, as Gradio); the token carries the values (:mod:`wasmui.deep_links`)."""
        if session_hash not in self.sessions:
            return ""
        return deep_links.encode(self.sessions.get(session_hash).values)

    def config_with_deep_link(self, config: dict[str, Any], token: str) -> dict[str, Any]:
        """``config`` with a deep link's values applied (``/config?deep_link=``)."""
        return deep_links.apply(config, token)

    async def flagged_data_loaded(self) -> None:
        """Wait until earlier visits' flagged data is in the folders (the browser loads it)."""
        if self.flagging_dirs:
            from wasmui import flagging  # imported by the apps that flag, not by every app

            await flagging.loaded()

    def flagged_data(self) -> bytes | None:
        """A zip of every flagging folder (CSV files plus copied files), or None when empty."""
        if not self.flagging_dirs:
            return None
        from wasmui import flagging

        return flagging.flagged_zip(self.flagging_dirs)

    @property
    def config(self) -> dict[str, Any]:
        """The config with an empty root (handy for tests and builds)."""
        return self.get_config("")

    async def run_extra_startup_events(self) -> None:
        """Run the startup coroutines in order (the server calls this once when it starts)."""
        for event in list(self.extra_startup_events):
            await event()

    def load(self, fn: Callable[..., Any] | None = None, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Dependency:
        """Run ``fn`` once when the page loads (per session)."""
        return events.listen(self, "load", fn, inputs, outputs, **kwargs)

    def unload(self, fn: Callable[[], Any]) -> Dependency:
        """Run ``fn`` when the user closes the page (best effort in the browser)."""
        return events.listen(None, "unload", fn, None, None, api_visibility="private")

    def server_function(self, component_id: Any, fn_name: Any, session_hash: str | None = None) -> Callable[..., Any] | None:
        """A component method the page may call (``/component_server``), or None.

        Only methods marked ``@server`` (Gradio's decorator, ``components.base.server``) are
        callable. The method sees the props this session's events gave the component (a copy).
        """
        block = self.blocks.get(component_id) if isinstance(component_id, int) else None
        if block is None or not isinstance(fn_name, str) or \
                not getattr(getattr(block, fn_name, None), "_is_server_fn", False):
            return None
        if session_hash is not None and session_hash in self.sessions:
            updates = self.sessions.get(session_hash).props.get(block._id)
            if updates:
                block = copy.copy(block)
                for name, value in updates.items():
                    setattr(block, name, value)
        fn: Callable[..., Any] = getattr(block, fn_name)
        return fn

    def __repr__(self) -> str:
        return f"<{type(self).__name__} title={self.title!r} blocks={len(self.blocks)} fns={len(self.fns)}>"



# -- the façade ------------------------------------------------------------------------
# ``Blocks.launch``/``get_config``/``get_api_info``/``app`` are Gradio's API on the block
# tree, but what they do lives in higher layers (config, api_info, server, launching).
# Instead of importing upwards, the block tree calls this one marked façade, which
# ``wasmui.facade`` installs when ``wasmui`` is imported.
class AppFacade(Protocol):
    """The higher-layer services behind ``Blocks``' Gradio-API entry points."""

    def launch(self, blocks: Blocks, **options: Any) -> Blocks: ...

    def config(self, blocks: Blocks, root: str) -> dict[str, Any]: ...

    def api_info(self, blocks: Blocks, all_endpoints: bool) -> dict[str, Any]: ...

    def create_app(self, blocks: Blocks) -> Any: ...


_facade: AppFacade | None = None


def install_facade(implementation: AppFacade) -> None:
    """Called once by ``wasmui.facade`` (imported by ``wasmui/__init__``)."""
    global _facade
    _facade = implementation


def facade() -> AppFacade:
    """The installed façade (always present once ``wasmui`` is imported)."""
    if _facade is None:
        raise RuntimeError("wasmui.facade is not installed; import wasmui first")
    return _facade


def _join_files(text: str | None, paths: Any) -> str | None:
    """``text`` then each file of ``paths`` (one path or a list), each on a new line."""
    if paths is None:
        return text
    for path in [paths] if isinstance(paths, (str, bytes)) or not isinstance(paths, (list, tuple)) else paths:
        with open(path, encoding="utf-8") as f:
            text = (text or "") + "\n" + f.read()
    return text
