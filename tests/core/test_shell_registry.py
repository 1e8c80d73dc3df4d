"""Every Python block name has a shell view and every shell view a Python class.

The shell's registry is ``web/src/shell/components/registry.ts``: one line
``  name: { ... },`` per config type inside ``const REGISTRY``. A node unit test
(web/test/registry.test.ts) checks that this line-based reading gives exactly
the keys the shell registers, so the two sides cannot drift.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import wasmui
from wasmui.blocks import Block, Blocks

REGISTRY_TS = Path(__file__).resolve().parents[2] / "web" / "src" / "shell" / "components" / "registry.ts"

# Python types whose shell view is not written yet, each with where it comes
# from. The test fails once such a view is registered: then drop it from here.
PENDING_VIEWS: dict[str, str] = {}

# Shell views whose Python class is not on main yet, with where it comes from.
# The test fails once the class exists: then drop it from here.
PENDING_CLASSES: dict[str, str] = {}


def registry_types() -> set[str]:
    src = REGISTRY_TS.read_text()
    start = src.index("const REGISTRY")
    body = src[start:src.index("\n};", start)]
    return set(re.findall(r"^ {2}(\w+): \{", body, flags=re.M))


def python_block_names() -> dict[str, list[str]]:
    """Config type -> the classes sending it, for every block class in wasmui that makes config entries.

    Left out: the root (``Blocks`` and its subclasses, whose id is not a component) and
    bases (private classes, and classes other classes extend that are not public API,
    like ``Component`` or ``FileComponent``).
    """
    for mod in pkgutil.walk_packages(wasmui.__path__, "wasmui."):
        if not mod.name.rsplit(".", 1)[-1].startswith("_"):
            importlib.import_module(mod.name)
    public = {getattr(wasmui, name) for name in wasmui.__all__}
    found: dict[str, list[str]] = {}
    stack: list[type[Block]] = [Block]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            # gr.Component is public (apps subclass it) but is still only a base.
            base = bool(sub.__subclasses__()) and (sub not in public or sub.__name__ == "Component")
            if issubclass(sub, Blocks) or base or sub.__name__.startswith("_") or not sub.__module__.startswith("wasmui"):
                continue
            found.setdefault(sub.get_block_name(), []).append(f"{sub.__module__}.{sub.__qualname__}")
    return found


def test_registry_parse_finds_the_core_types() -> None:
    types = registry_types()
    assert {"textbox", "row", "state", "colorpicker"} <= types


def test_every_python_block_name_has_a_shell_view() -> None:
    python = python_block_names()
    missing = {name: classes for name, classes in python.items() if name not in registry_types() and name not in PENDING_VIEWS}
    assert not missing, f"Python block names without a shell registry entry: {missing}"


def test_every_shell_view_has_a_python_class() -> None:
    extra = registry_types() - set(python_block_names()) - set(PENDING_CLASSES)
    assert not extra, f"shell registry entries no wasmui class sends: {sorted(extra)}"


def test_pending_views_are_still_pending() -> None:
    done = set(PENDING_VIEWS) & registry_types()
    assert not done, f"views now registered, remove them from PENDING_VIEWS: {sorted(done)}"
    unknown = set(PENDING_VIEWS) - set(python_block_names())
    assert not unknown, f"PENDING_VIEWS names no Python class sends: {sorted(unknown)}"
    arrived = set(PENDING_CLASSES) & set(python_block_names())
    assert not arrived, f"Python classes now exist, remove them from PENDING_CLASSES: {sorted(arrived)}"
