"""The build's look at one app in CPython: its config, the packages its components need and
the modules it imports (``python -m wasmui.app_inspect APP.py OUT.json``, run by
``wasmui.build`` in a subprocess so that apps cannot clash).

The modules recorded are those the app adds to a bare ``import wasmui``: the build puts them
into the site's boot archives next to the Pyodide trace (``wasmui.trim``). So this module
imports only what every app loads anyway (the trace holds it); the build's own machinery
(``wasmui.build``) never runs in this interpreter.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import wasmui
from wasmui import runner
from wasmui.components.base import Component
from wasmui.files import is_file_data


def main(app_file: str, out_file: str) -> int:
    """Load the app, write its config, packages, theme, favicon and modules to ``out_file``."""
    before = set(sys.modules)
    real_stdout = sys.stdout
    sys.stdout = sys.stderr  # the app's prints must not end up in the config
    try:
        try:
            blocks = runner.load_app(app_file)
        except BaseException:
            # Not loadable here (a package only the browser has): the page asks Python for the
            # config, and the boot set holds all of wasmui's public API, as the app may use any.
            write_public_api_modules(out_file, before)
            raise
        if getattr(blocks, "example_sets", None):
            # Cached examples computed here once; deterministic answers ship in the config.
            counts = precompute_examples(blocks)
            if counts["examples"]:
                print(f"wasmui build: cached {counts['examples']} example(s), {counts['shipped']} shown before "
                      "Python starts", file=sys.stderr)
        config: dict[str, Any] | None = blocks.get_config("")
        packages = component_packages(blocks)
        theme_css = blocks.theme_css
        favicon = str(Path(blocks.favicon_path).resolve()) if blocks.favicon_path else None
    finally:
        sys.stdout = real_stdout
    if holds_local_files(config):
        # File values point into this machine's cache, which the browser does not have:
        # the page asks Python (in the worker) for the config instead.
        print("wasmui build: the config holds file values; the page will ask Python for it", file=sys.stderr)
        config = None
    elif config is not None and str(Path(app_file).resolve().parent) in json.dumps(config):
        # A value made from this machine's path (gr.HTML(os.path.dirname(__file__))): in the
        # browser the app's folder is elsewhere, so the worker's own config is the true one.
        print("wasmui build: the config holds the app folder's path; the page will ask Python for it",
              file=sys.stderr)
        config = None
    modules = sorted(set(sys.modules) - before)
    # Sample media the app took while loading (gr.get_audio()): kept in the boot wheel (wasmui.trim).
    media = sys.modules.get("wasmui.media")
    samples = media.samples_used() if media is not None else []
    Path(out_file).write_text(json.dumps({"config": config, "packages": packages, "theme_css": theme_css,
                                          "favicon": favicon, "modules": modules, "media": samples}))
    return 0


def write_public_api_modules(out_file: str, before: set[str]) -> None:
    """``{"modules": [...]}``: what resolving every public name of wasmui adds to ``before``."""
    for name in wasmui.__all__:
        getattr(wasmui, name)
    Path(out_file).write_text(json.dumps({"modules": sorted(set(sys.modules) - before)}))


def precompute_examples(blocks: Any) -> dict[str, int]:
    """``wasmui.examples.precompute`` for an app that has example tables."""
    from wasmui import examples

    return asyncio.run(examples.precompute(blocks))


def holds_local_files(value: Any) -> bool:
    """True when ``value`` contains a FileData whose path is a local file (not a URL)."""
    if is_file_data(value):
        return not str(value.get("path", "")).startswith(("http://", "https://"))
    if isinstance(value, dict):
        return any(holds_local_files(v) for v in value.values())
    if isinstance(value, list):
        return any(holds_local_files(v) for v in value)
    return False


def component_packages(blocks: Any) -> list[tuple[str, str]]:
    """``(package, "gr.Image")`` for each package a component of ``blocks`` needs in the browser
    (``Component.required_packages()``; ``wasmui.config.required_packages`` without the names)."""
    found: set[tuple[str, str]] = set()
    inputs = {block._id for fn in list(blocks.fns.values()) for block in fn.inputs}
    for block in list(blocks.blocks.values()):
        if isinstance(block, Component):
            found.update((str(p), f"gr.{type(block).__name__}") for p in block.required_packages())
            if block._id in inputs:
                found.update((str(p), f"gr.{type(block).__name__} (an input)") for p in block.required_input_packages())
    return sorted(found)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: python -m wasmui.app_inspect APP.py OUT.json  (use `wasmui build` instead)", file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
