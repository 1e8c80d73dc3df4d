"""``gradio.utils`` helpers that apps use."""

from __future__ import annotations

import os

from wasmui.browser_limits import get_package_version
from wasmui.files import NamedString

#: True on the first run of an app; ``if gr.NO_RELOAD:`` guards code that hot reload
#: must not re-run. wasmui rebuilds the whole app on change, so it is always True.
NO_RELOAD = True


class FileSize:
    """Byte multipliers for ``max_file_size`` (``5 * gr.FileSize.MB``)."""

    B = 1
    KB = 1024
    MB = 1024**2
    GB = 1024**3
    TB = 1024**4


def get_space() -> str | None:
    """The Hugging Face Space id the app runs in: ``None`` in a browser-only app."""
    return os.environ.get("SPACE_ID") or None


__all__ = ["NO_RELOAD", "FileSize", "NamedString", "get_package_version", "get_space"]
