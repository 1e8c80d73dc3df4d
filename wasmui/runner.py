"""Executing a user's ``app.py`` and finding the Gradio app it builds.

Used by the browser worker (through ``wasmui._pyodide``), by ``wasmui build``
(to pre-compute the config in CPython) and by ``wasmui serve --native``.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

from wasmui import compat
from wasmui.blocks import Blocks
from wasmui.context import Context


class AppLoadError(RuntimeError):
    """The app file ran but built no ``gr.Blocks``/``gr.Interface``."""


def resolve_app_file(path: str | os.PathLike[str]) -> Path:
    """``app.py`` itself, or ``<dir>/app.py`` for an app folder."""
    p = Path(path)
    if p.is_dir():
        p = p / "app.py"
    if not p.is_file():
        raise FileNotFoundError(f"No app file at {p}")
    return p.resolve()


def load_app(path: str | os.PathLike[str], *, alias_gradio: bool = True, chdir: bool = True) -> Blocks:
    """Run ``path`` as ``__main__`` and return the Blocks it launched or defined.

    ``launch()`` is non-blocking meanwhile. With ``alias_gradio`` the app may use
    ``import gradio as gr`` (unless a real gradio is installed natively).
    """
    app_file = resolve_app_file(path)
    if alias_gradio:
        compat.install()
    old_cwd = os.getcwd()
    old_path = list(sys.path)
    launched_before = len(Context.launched)
    Context.loading_app = True
    try:
        if chdir:
            os.chdir(app_file.parent)
        sys.path.insert(0, str(app_file.parent))
        namespace = runpy.run_path(str(app_file), run_name="__main__")
    finally:
        Context.loading_app = False
        sys.path[:] = old_path
        if chdir:
            os.chdir(old_cwd)
    launched = Context.launched[launched_before:]
    if launched:
        return launched[-1]
    return find_blocks(namespace, app_file)


def find_blocks(namespace: dict[str, object], app_file: Path) -> Blocks:
    """The app object of a module that never called ``launch()``: ``demo`` or the last Blocks."""
    demo = namespace.get("demo") or namespace.get("app")
    if isinstance(demo, Blocks):
        return demo
    found = [v for v in namespace.values() if isinstance(v, Blocks)]
    if not found:
        raise AppLoadError(f"{app_file.name} did not create a gr.Blocks or gr.Interface (expected a `demo` variable).")
    return found[-1]
