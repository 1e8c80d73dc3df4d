"""What ``demo.launch()`` does in each setting.

* In the browser runtime and while ``wasmui.runner`` loads an app: register
  the app and return at once (no server, no blocking).
* Natively (``python app.py``): build the app's static site and serve it on
  127.0.0.1, like ``wasmui serve app.py`` — the app runs in the browser.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from wasmui.browser_limits import warn_server_options
from wasmui.context import Context

if TYPE_CHECKING:
    from wasmui.blocks import Blocks

def _apply_options(blocks: Blocks, options: dict[str, Any]) -> None:
    """Options that change the app itself (the rest are server settings, ignored)."""
    for name in ("css", "css_paths", "js", "head", "head_paths", "theme", "favicon_path"):
        if options.get(name) is not None:
            setattr(blocks, name, options[name])
    if options.get("i18n") is not None:
        blocks.i18n_instance = options["i18n"]
    if "show_error" in options:
        blocks.show_error = bool(options["show_error"])
    if options.get("max_file_size") is not None:
        blocks.max_file_size = parse_size(options["max_file_size"])
    if options.get("allowed_paths") or options.get("blocked_paths"):
        blocks.file_store.allow(options.get("allowed_paths") or [], options.get("blocked_paths") or [])


def parse_size(size: int | str) -> int:
    """``"5mb"`` / ``"1 GB"`` / ``1024`` → bytes."""
    if isinstance(size, int):
        return size
    text = str(size).strip().lower().replace(" ", "")
    units = {"gb": 1024**3, "mb": 1024**2, "kb": 1024, "b": 1}
    for unit, factor in units.items():
        if text.endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


def launch(blocks: Blocks, **options: Any) -> Blocks:
    """Implementation of ``Blocks.launch``."""
    _apply_options(blocks, options)
    warn_server_options(options)
    Context.launched.append(blocks)
    if Context.loading_app or sys.platform == "emscripten":
        return blocks
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if not path or options.get("prevent_thread_lock"):
        print("wasmui: app registered; run `wasmui serve app.py` to open it in the browser.", file=sys.stderr)
        return blocks
    from wasmui.devserver import serve_site

    port = int(options.get("server_port") or 7860)
    serve_site(path, host="127.0.0.1", port=port, reload=False)
    return blocks
