#!/usr/bin/env python3
"""Record the public names of real Gradio that apps use, for tests/core/test_gradio_names.py.

Run with an environment that has real gradio 6.31 installed:

    /work/gradio-venv/bin/python tools/record_gradio_names.py

Writes ``tests/core/golden/gradio_names.json``: ``gradio.__all__`` and, for each
submodule apps import, its ``__all__`` or the names Gradio's own demos and guides
use from it. The test replays the file without needing gradio.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "core" / "golden" / "gradio_names.json"

# Submodules without an ``__all__``: the names apps import from them (Gradio's demos/guides).
CURATED: dict[str, list[str]] = {
    "gradio.themes.base": ["Base", "ThemeClass"],
    "gradio.themes.utils": ["colors", "fonts", "sizes"],
    "gradio.data_classes": ["FileData", "FileDataDict"],
    "gradio.utils": ["NO_RELOAD", "FileSize", "get_package_version", "get_space"],
    "gradio.components.chatbot": ["ChatMessage", "Message", "MessageDict"],
    "gradio.media": ["MEDIA_PATHS", "MEDIA_ROOT", "get_audio", "get_file", "get_image", "get_model3d", "get_video"],
    "gradio.mcp": ["prompt", "resource", "tool"],
    "gradio.validators": ["is_audio_correct_length", "is_video_correct_length"],
    "gradio.events": ["EventData", "SelectData", "LikeData", "KeyUpData", "DeletedFileData", "Dependency",
                      "on", "EventListener"],
    "gradio.exceptions": ["Error"],
    "gradio.flagging": ["FlaggingCallback", "CSVLogger", "SimpleCSVLogger", "ClassicCSVLogger"],
    "gradio.i18n": ["I18n", "I18nData"],
}
WITH_ALL = ["gradio.components", "gradio.themes", "gradio.layouts"]


def main() -> None:
    import gradio

    modules: dict[str, list[str]] = {}
    for name in WITH_ALL:
        modules[name] = sorted(importlib.import_module(name).__all__)
    for name, wanted in CURATED.items():
        module = importlib.import_module(name)
        missing = [n for n in wanted if not hasattr(module, n)]
        assert not missing, f"{name} has no {missing}: update CURATED"
        modules[name] = sorted(wanted)
    import inspect

    # Public attributes apps reach as ``gr.X`` although ``__all__`` does not list them.
    attributes = sorted(n for n in dir(gradio) if not n.startswith("_") and n not in gradio.__all__
                        and not inspect.ismodule(getattr(gradio, n)))
    data = {"gradio_version": gradio.__version__, "gradio": sorted(gradio.__all__), "attributes": attributes,
            "modules": modules}
    OUT.write_text(json.dumps(data, indent=1) + "\n")
    print(f"wrote {OUT} ({len(data['gradio'])} top-level names, {len(modules)} submodules)")


if __name__ == "__main__":
    main()
