"""Making ``import gradio`` resolve to wasmui.

The browser runtime always turns this on. Natively it is opt-in and never
shadows a real installed gradio (unless ``force=True``).
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
from collections.abc import Sequence

# gradio submodules apps import, mapped onto wasmui modules.
_SUBMODULES = {
    "gradio.components": "wasmui.components",
    "gradio.layouts": "wasmui.layouts",
    "gradio.themes": "wasmui.themes",
    "gradio.events": "wasmui.events",
    "gradio.exceptions": "wasmui.exceptions",
    "gradio.helpers": "wasmui.helpers",
    "gradio.blocks": "wasmui.blocks",
    "gradio.interface": "wasmui.interface",
    "gradio.data_classes": "wasmui.data_classes",
    "gradio.utils": "wasmui.utils",
    "gradio.mcp": "wasmui.mcp",
    "gradio.validators": "wasmui.validators",
    "gradio.flagging": "wasmui.flagging",
    "gradio.i18n": "wasmui.i18n",
    "gradio.caching": "wasmui.caching",
    "gradio.external": "wasmui.browser_limits",
    "gradio.oauth": "wasmui.browser_limits",
    "gradio.route_utils": "wasmui.browser_limits",
    "gradio.ipython_ext": "wasmui.browser_limits",
    "gradio.routes": "wasmui",
    "gradio.templates": "wasmui",
    "gradio.chat_interface": "wasmui",
    "gradio.media": "wasmui.media",
}
# Packages whose every submodule resolves to one flat wasmui module (``gradio.themes.base``,
# ``gradio.components.chatbot``…): apps import names from them, never module internals.
_PACKAGES = {"gradio.themes.": "wasmui.themes", "gradio.layouts.": "wasmui.layouts"}


def _target(fullname: str) -> str | None:
    """The wasmui module answering ``fullname``, or None when wasmui has none."""
    if fullname == "gradio":
        return "wasmui"
    if fullname in _SUBMODULES:
        return _SUBMODULES[fullname]
    if fullname.startswith("gradio.components."):
        own = "wasmui.components." + fullname.rsplit(".", 1)[1]
        return own if importlib.util.find_spec(own) is not None else "wasmui.components"
    for prefix, target in _PACKAGES.items():
        if fullname.startswith(prefix):
            return target
    own = "wasmui." + fullname.split(".", 1)[1]  # e.g. gradio.media -> wasmui.media
    try:
        return own if importlib.util.find_spec(own) is not None else None
    except ModuleNotFoundError:
        return None


class _GradioAliasFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Meta-path finder answering ``gradio`` and ``gradio.*`` with wasmui modules."""

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith("gradio.") and fullname != "gradio":
            return None
        # A package spec: `gradio.themes.base` needs `gradio.themes` to have a __path__.
        return importlib.util.spec_from_loader(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        target = _target(spec.name)
        if target is None:
            raise ModuleNotFoundError(f"{spec.name} is Gradio server internals that wasmui does not provide; "
                                      "import the public names from `gradio` itself (e.g. `gr.Textbox`).",
                                      name=spec.name)
        return importlib.import_module(target)

    def exec_module(self, module: types.ModuleType) -> None:
        """The wasmui module is already executed."""


_finder = _GradioAliasFinder()


def real_gradio_installed() -> bool:
    """Whether a genuine gradio package is importable (never shadow it natively)."""
    if sys.modules.get("gradio") is not None and not is_installed():
        return True
    if is_installed():
        return False
    return importlib.util.find_spec("gradio") is not None


def is_installed() -> bool:
    """Whether the alias is active."""
    return _finder in sys.meta_path


def install(force: bool = False) -> bool:
    """Make ``import gradio`` give wasmui; return whether the alias is active."""
    if is_installed():
        return True
    if not force and sys.platform != "emscripten" and real_gradio_installed():
        return False
    sys.meta_path.insert(0, _finder)
    for name in [n for n in list(sys.modules) if n == "gradio" or n.startswith("gradio.")]:
        if not getattr(sys.modules[name], "__name__", "").startswith("wasmui"):
            del sys.modules[name]
    return True


def uninstall() -> None:
    """Remove the alias (tests use this)."""
    if _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
    for name in [n for n in list(sys.modules) if n == "gradio" or n.startswith("gradio.")]:
        mod = sys.modules.get(name)
        if mod is not None and getattr(mod, "__name__", "").startswith("wasmui"):
            del sys.modules[name]
