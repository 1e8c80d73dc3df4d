"""Sample media for demos (``gradio.media``): ``get_image("cheetah1.jpg")`` and friends.

The files are small samples wasmui generates itself (``tools/make_media_assets.py``)
under the names Gradio's demos use; they ship in the wheel as package data.
Importing this module also lets ``/file=`` serve them, so a demo can show a
sample as a component's initial value without ``allowed_paths``.
"""

from __future__ import annotations

import random
from pathlib import Path

from wasmui.files import set_static_paths

__all__ = ["MEDIA_PATHS", "MEDIA_ROOT", "get_audio", "get_file", "get_image", "get_model3d", "get_video"]

MEDIA_ROOT = Path(__file__).resolve().parent / "media_assets"
MEDIA_PATHS = [
    MEDIA_ROOT / "images",
    MEDIA_ROOT / "videos",
    MEDIA_ROOT / "audio",
    MEDIA_ROOT / "models3d",
    MEDIA_ROOT / "data",
]

set_static_paths(MEDIA_ROOT)


def _media_path(kind: str, filename: str | None) -> str:
    folder = MEDIA_ROOT / kind
    if not folder.is_dir():
        raise ValueError(f"Media directory not found: {folder}")
    if filename is None:
        files = sorted(p for p in folder.iterdir() if p.is_file())
        if not files:
            raise ValueError(f"No media files found in {folder}")
        return str(random.choice(files))
    if filename.startswith(("http://", "https://")):
        return filename
    path = folder / filename
    # Names are plain file names: no way out of the samples folder.
    if path.resolve().parent != folder.resolve() or not path.is_file():
        raise FileNotFoundError(f"Media file not found: {path}")
    return str(path)


def get_image(filename: str | None = None) -> str:
    """Absolute path of a sample image (e.g. ``"cheetah1.jpg"``); a random one when None."""
    return _media_path("images", filename)


def get_video(filename: str | None = None) -> str:
    """Absolute path of a sample video (e.g. ``"world.mp4"``); a random one when None."""
    return _media_path("videos", filename)


def get_audio(filename: str | None = None) -> str:
    """Absolute path of a sample audio file (e.g. ``"cantina.wav"``); a random one when None."""
    return _media_path("audio", filename)


def get_model3d(filename: str | None = None) -> str:
    """Absolute path of a sample 3D model (e.g. ``"Duck.glb"``); a random one when None."""
    return _media_path("models3d", filename)


def get_file(filename: str | None = None) -> str:
    """Absolute path of a sample data file (e.g. ``"titanic.csv"``); a random one when None."""
    return _media_path("data", filename)
