"""Gradio names for things a browser-only app cannot do.

Each one exists so that ``import gradio`` code imports and reads unchanged, and
each fails (or warns, when the app can still work without it) with one sentence
saying why and what to do instead — never an ``AttributeError``.
"""

from __future__ import annotations

import warnings
from typing import Any, NoReturn

from wasmui.version import GRADIO_VERSION


class BrowserOnlyError(NotImplementedError):
    """A Gradio feature that needs a server, the network or a Hugging Face account."""


def _refuse(what: str, why: str, instead: str) -> NoReturn:
    raise BrowserOnlyError(f"{what} is not available in a browser-only wasmui app: {why}; {instead}.")


def warn_browser_only(what: str, why: str, instead: str) -> None:
    """Warn (once per message) about an option that has no effect in the browser."""
    warnings.warn(f"{what} has no effect in a browser-only wasmui app: {why}; {instead}.", UserWarning, stacklevel=3)


def load(name: str, src: Any = None, token: str | None = None, accept_token: Any = False, provider: Any = None,
         **kwargs: Any) -> NoReturn:
    """``gr.load``: Hub models and Spaces run on remote servers, which an offline app cannot call."""
    _refuse(f"gr.load({name!r})", "it calls a model or Space on a remote server and the app makes no "
            "request outside its own site", "run the model in Python inside the app (e.g. a small "
            "pure-Python or numpy model) or use real Gradio on a server for hosted models")


def load_openapi(openapi_spec: Any, base_url: str, **kwargs: Any) -> NoReturn:
    """``gr.load_openapi``: needs the remote API it describes."""
    _refuse("gr.load_openapi", "its endpoints call a remote HTTP API", "call your own Python functions instead")


def mount_gradio_app(app: Any, blocks: Any, path: str, *args: Any, **kwargs: Any) -> NoReturn:
    """``gr.mount_gradio_app``: there is no FastAPI server to mount on."""
    _refuse("gr.mount_gradio_app", "the app runs in the browser and there is no FastAPI server to mount it on",
            "build it with `wasmui build app.py -o site/` and embed the page with <wasmui-app>")


def deploy(*args: Any, **kwargs: Any) -> NoReturn:
    """``gr.deploy``: publishing to Spaces is a server-side workflow."""
    _refuse("gr.deploy", "it uploads to Hugging Face Spaces", "run `wasmui build app.py -o site/` and copy "
            "the folder to any static host")


def load_ipython_extension(ipython: Any) -> None:
    """The ``%%blocks`` notebook magic reloads a local server; there is none here."""
    warn_browser_only("The gradio IPython extension", "there is no local server to reload",
                      "use `wasmui serve app.py`, which reloads on save")


def close_all(verbose: bool = True) -> None:
    """Close every running app: browser-only apps hold no server, so nothing to do."""


def get_package_version() -> str:
    """The Gradio version whose API and wire protocol wasmui provides."""
    return GRADIO_VERSION


class Server:
    """``gr.Server``: a FastAPI server hosting Gradio apps; not possible in the browser."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _refuse("gr.Server", "it is a FastAPI web server and the app runs in the browser",
                "use gr.Blocks and `wasmui build`; call Python functions from events")


class Workflow:
    """``gr.Workflow``: a visual pipeline whose nodes are Hugging Face models and Spaces."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _refuse("gr.Workflow", "its nodes run on Hugging Face models and Spaces through a Gradio server, "
                "and the app makes no request outside its own site", "chain your own Python functions with "
                "gr.Blocks events (`.then(...)`) instead")


class WorkflowCanvas:
    """``gr.WorkflowCanvas``: the canvas of ``gr.Workflow``, which connects remote Spaces."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _refuse("gr.WorkflowCanvas", "it connects Hugging Face Spaces through a Gradio server, and the app "
                "makes no request outside its own site", "chain your own Python functions with gr.Blocks "
                "events (`.then(...)`) instead")


class Header(str):
    """Type of a function parameter that receives one HTTP header (MCP tools); ``None`` here."""


class OAuthProfile(dict[str, Any]):
    """A Hugging Face login profile; in a browser-only app nobody is logged in, so functions get ``None``."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.name = data.get("name")
        self.username = data.get("preferred_username")
        self.profile = data.get("profile")
        self.picture = data.get("picture")


class OAuthToken:
    """A Hugging Face OAuth token; never present in a browser-only app (functions get ``None``)."""

    def __init__(self, token: str, scope: str = "", expires_at: int = 0) -> None:
        self.token = token
        self.scope = scope
        self.expires_at = expires_at


# launch()/Blocks options that need a server: (why, what to do instead).
SERVER_ONLY_OPTIONS: dict[str, tuple[str, str]] = {
    "share": ("share links tunnel to a server on this machine",
              "publish the `wasmui build` folder on any static host"),
    "auth": ("there is no server to keep passwords secret from the page",
             "protect the site with your static host's access control"),
    "auth_dependency": ("there is no server to authenticate requests", "use your host's access control"),
    "mcp_server": ("an MCP server must accept connections from other programs and the app lives in a browser tab",
                   "run the same app with real Gradio on a server to offer MCP tools"),
    "ssl_keyfile": ("TLS is the static host's job", "serve the build over https from your host"),
}


def warn_server_options(options: dict[str, Any]) -> None:
    """Warn for each server-only ``launch()`` option that was turned on."""
    for name, (why, instead) in SERVER_ONLY_OPTIONS.items():
        if options.get(name):
            warn_browser_only(f"launch({name}=...)", why, instead)
