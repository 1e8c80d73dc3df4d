"""Public names imported on first use (PEP 562 module ``__getattr__``).

``import wasmui`` must not import every component: the build ships the modules an app
imports in its boot archives (``wasmui.trim``) and the browser spends time on each. The
aggregating packages (``wasmui``, ``wasmui.components``) therefore name most of their
public names in a table ``name -> "module:attribute"`` (``"module"`` alone: the module
itself), resolved on first attribute access and then kept in the package's globals; a
submodule's name (``gr.utils``) imports it too.
Their ``if TYPE_CHECKING:`` imports give mypy and editors the same names
(tests/core/test_public_api.py checks that both say the same).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable, Mapping
from typing import Any


def resolve(target: str) -> Any:
    """The object ``"module:attribute"`` (or the module ``"module"``) names, imported now."""
    module_name, _, attribute = target.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attribute) if attribute else module


def attach(package: str, table: Mapping[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package`` (already in ``sys.modules``) resolving ``table``."""
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        target = table.get(name)
        if target is None:
            # ``gr.utils``: a submodule, an attribute once anything imported it (as in Gradio).
            if name.startswith("__") or importlib.util.find_spec(f"{package}.{name}") is None:
                raise AttributeError(f"module {package!r} has no attribute {name!r}")
            target = f"{package}.{name}"
        value = resolve(target)
        namespace[name] = value  # the next access is a plain global lookup
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(table))

    return __getattr__, __dir__
