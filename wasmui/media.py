"""Sample media for demos (``gradio.media``): ``get_image("cheetah1.jpg")`` and friends.

The files are small samples wasmui generates itself (``tools/make_media_assets.py``)
under the names Gradio's demos use; they ship in the wheel as package data.
Importing this module also lets ``/file=`` serve them, so a demo can show a
sample as a component's initial value without ``allowed_paths``.

A built site leaves the samples out of its boot wheel (``wasmui.trim``) but for those
the app used while the build loaded it (:func:`samples_used`): the others are fetched
from the site on first use by the import finder that serves left-out modules
(``lazy_data_file``, :mod:`wasmui.lazy_imports`), so a ``get_*`` still returns the path
of a file that exists.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

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

#: Samples handed out in this process (``audio/cantina.wav``): ``wasmui build`` keeps them in the boot wheel.
_USED: set[str] = set()


def samples_used() -> list[str]:
    """The samples (``kind/name``) the ``get_*`` functions returned so far in this process."""
    return sorted(_USED)


def _site_finders() -> list[Any]:
    """Import finders that also serve a built site's left-out data files (none natively)."""
    return [finder for finder in sys.meta_path if callable(getattr(finder, "lazy_data_file", None))]


def _names(folder: Path) -> list[str]:
    names = {p.name for p in folder.iterdir() if p.is_file()} if folder.is_dir() else set()
    for finder in _site_finders():
        names.update(finder.lazy_data_names(str(folder)))
    return sorted(names)


def _present(path: Path) -> bool:
    """True when ``path`` is a file, fetched first when the site serves it on demand."""
    if path.is_file():
        return True
    try:
        return any(finder.lazy_data_file(str(path)) for finder in _site_finders())
    except OSError as error:  # offline, or the site was replaced
        raise FileNotFoundError(f"Media file {path.name} could not be fetched from the site: {error}") from error


def _media_path(kind: str, filename: str | None) -> str:
    folder = MEDIA_ROOT / kind
    if filename is None:
        names = _names(folder)
        if not names:
            raise ValueError(f"No media files found in {folder}")
        filename = random.choice(names)
    elif filename.startswith(("http://", "https://")):
        return filename
    path = folder / filename
    # Names are plain file names: no way out of the samples folder.
    if path.resolve().parent != folder.resolve() or not _present(path):
        raise FileNotFoundError(f"Media file not found: {path}")
    _USED.add(f"{kind}/{path.name}")
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
