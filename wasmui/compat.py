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
    "gradio.media": "wasmui.media",
}


class _GradioAliasFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Meta-path finder answering ``gradio`` and ``gradio.*`` with wasmui modules."""

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname == "gradio" or fullname in _SUBMODULES:
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        target = "wasmui" if spec.name == "gradio" else _SUBMODULES[spec.name]
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
    for name in ["gradio", *_SUBMODULES]:
        if name in sys.modules and not getattr(sys.modules[name], "__name__", "").startswith("wasmui"):
            del sys.modules[name]
    return True


def uninstall() -> None:
    """Remove the alias (tests use this)."""
    if _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
    for name in ["gradio", *_SUBMODULES]:
        mod = sys.modules.get(name)
        if mod is not None and getattr(mod, "__name__", "").startswith("wasmui"):
            del sys.modules[name]
