"""Files: FileData helpers, the per-app file store and path security.

One ``FileStore`` per ``Blocks`` owns a private temp directory that holds both
user uploads and copies of files returned by functions (the "cache"). Every
path in it is content-addressed: ``<root>/<sha256>/<sanitised basename>``.

The security rules follow Gradio's (see the protocol reference, §7.3–7.5):

* input FileData paths must lie inside the store (``check_input``);
* function outputs may come from the store, the working directory (dotfiles
  excluded), the system temp dir, or allowed/static paths (``move_to_cache``);
* ``/file=`` serves only the store and allowed/static paths, and refuses every
  traversal trick with the same 403 (``servable``).
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import secrets
import shutil
import tempfile
import urllib.parse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from wasmui.exceptions import InvalidPathError

__all__ = [
    "FileStore",
    "InvalidPathError",
    "NamedString",
    "XSS_SAFE_MIMETYPES",
    "file_data",
    "is_file_data",
    "sanitize_filename",
    "set_static_paths",
    "static_paths",
]

FILE_DATA_TYPE = "gradio.FileData"

# Types a browser can render without running script; anything else from the
# store is sent as an attachment so an uploaded .html/.svg cannot execute.
XSS_SAFE_MIMETYPES = frozenset({
    "image/jpeg", "image/png", "image/gif", "image/webp",
    "audio/aac", "audio/aiff", "audio/flac", "audio/mp4", "audio/mpeg", "audio/ogg",
    "audio/wav", "audio/webm", "audio/x-aiff", "audio/x-flac", "audio/x-m4a",
    "audio/x-matroska", "audio/x-wav",
    "video/mp4", "video/mpeg", "video/ogg", "video/quicktime", "video/webm",
    "video/x-matroska", "video/x-msvideo",
    "text/plain", "application/json",
})

_MEDIA_TYPES = {
    ".aac": "audio/aac", ".aif": "audio/aiff", ".aiff": "audio/aiff", ".flac": "audio/flac",
    ".m4a": "audio/mp4", ".mka": "audio/x-matroska", ".wav": "audio/wav",
    ".weba": "audio/webm", ".webp": "image/webp", ".avi": "video/x-msvideo",
    ".m4v": "video/mp4", ".mkv": "video/x-matroska", ".mov": "video/quicktime",
    ".webm": "video/webm", ".mp4": "video/mp4", ".mp3": "audio/mpeg", ".ogg": "audio/ogg",
}

# A URL scheme, or a prefix that some OS or client treats as a network path.
_PROTOCOL_RE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.\-]*:|//|\\\\|\\/|/\\)")
# Also `%` and `#`: file URLs are emitted unencoded (as Gradio does), so these
# would be decoded or cut off as a fragment on the way back in.
_UNSAFE_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*%#]')

_static_paths: list[Path] = []


def set_static_paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> None:
    """Mark files or folders as servable through ``/file=`` (``gr.set_static_paths``)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in paths:
        resolved = Path(p).resolve()
        if resolved not in _static_paths:
            _static_paths.append(resolved)


def static_paths() -> list[Path]:
    """The paths registered with ``set_static_paths`` (resolved)."""
    return list(_static_paths)


def guess_type(path: str | os.PathLike[str]) -> str | None:
    """MIME type from the file name, with the media types browsers expect."""
    suffix = Path(path).suffix.lower()
    if suffix in _MEDIA_TYPES:
        return _MEDIA_TYPES[suffix]
    return mimetypes.guess_type(str(path))[0]


def sanitize_filename(name: str | None) -> str:
    """A safe basename for a stored file (no directories, no control characters)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE_NAME_CHARS.sub("_", base).strip()
    if base in ("", ".", ".."):
        return "tmp" + secrets.token_hex(5)
    if len(base) > 200:  # keep the extension, which decides the content type
        stem, dot, ext = base.rpartition(".")
        base = (stem[: 200 - len(ext) - 1] + dot + ext) if dot and len(ext) < 20 else base[:200]
    return base


class NamedString(str):
    """A file path that also has ``.name`` (the path itself): what File and UploadButton hand a
    function, as in Gradio, so code written for Gradio 3's file objects (``f.name``) still works."""

    name: str

    def __init__(self, *args: Any) -> None:
        super().__init__()
        self.name = str(self) if args else ""


def is_file_data(value: Any) -> bool:
    """True for a dict carrying the FileData marker."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("meta"), dict)
        and value["meta"].get("_type") == FILE_DATA_TYPE
    )


def file_url(path: str, root: str) -> str:
    """The public URL of a stored file."""
    return f"{root}/gradio_api/file={path}"


def file_data(
    path: str,
    root: str,
    orig_name: str | None = None,
    mime_type: str | None = None,
) -> dict[str, Any]:
    """Build a FileData dict for ``path`` (http URLs are passed through as the URL)."""
    is_url = path.startswith(("http://", "https://"))
    size: int | None = None
    if not is_url:
        try:
            size = os.path.getsize(path)
        except OSError:
            size = None
    return {
        "path": path,
        "url": path if is_url else file_url(path, root),
        "size": size,
        "orig_name": orig_name if orig_name is not None else Path(path).name,
        "mime_type": mime_type,
        "is_stream": False,
        "meta": {"_type": FILE_DATA_TYPE},
    }


def _is_within(path: Path, parent: Path) -> bool:
    try:
        path.relative_to(parent)
        return True
    except ValueError:
        return False


def _is_within_casefold(path: Path, parent: Path) -> bool:
    # Blocklists must hold on case-insensitive file systems too (Gradio PR #10304).
    p, q = str(path).casefold(), str(parent).casefold()
    return p == q or p.startswith(q.rstrip(os.sep) + os.sep)


class FileStore:
    """Uploads and function-output files of one app, plus the ``/file=`` rules."""

    def __init__(
        self,
        root: str | os.PathLike[str] | None = None,
        allowed_paths: Iterable[str | os.PathLike[str]] = (),
        blocked_paths: Iterable[str | os.PathLike[str]] = (),
    ) -> None:
        if root is None:
            root = tempfile.mkdtemp(prefix="wasmui-")
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.allowed_paths: list[Path] = [Path(p).resolve() for p in allowed_paths]
        self.blocked_paths: list[Path] = [Path(p).resolve() for p in blocked_paths]
        # Per-store seed: stored paths cannot be predicted from file contents alone.
        self._seed = secrets.token_bytes(16)

    def allow(self, allowed_paths: Iterable[str | os.PathLike[str]] = (),
              blocked_paths: Iterable[str | os.PathLike[str]] = ()) -> None:
        """Add ``launch(allowed_paths=..., blocked_paths=...)`` entries."""
        self.allowed_paths += [Path(p).resolve() for p in allowed_paths]
        self.blocked_paths += [Path(p).resolve() for p in blocked_paths]

    # -- writing -------------------------------------------------------------
    def _digest(self, data: bytes) -> str:
        return hashlib.sha256(self._seed + data).hexdigest()

    def _store_bytes(self, data: bytes, name: str) -> str:
        folder = self.root / self._digest(data)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / sanitize_filename(name)
        if not target.exists():
            tmp = target.with_name(target.name + f".{secrets.token_hex(4)}.part")
            tmp.write_bytes(data)
            os.replace(tmp, target)  # atomic: readers never see half a file
        return str(target)

    def save_upload(self, filename: str | None, data: bytes) -> str:
        """Store uploaded bytes; returns the absolute content-addressed path."""
        return self._store_bytes(data, filename or "")

    def move_to_cache(self, path: str | os.PathLike[str]) -> str:
        """Copy a function-output file into the store and return its stored path.

        http(s) URLs are returned unchanged. Raises ``InvalidPathError`` for files
        outside the allowed sources (store, cwd without dotfiles, temp dir,
        allowed/static paths) or inside a blocked path.
        """
        text = os.fspath(path)
        if text.startswith(("http://", "https://")):
            return text
        if "\x00" in text:
            raise InvalidPathError(f"Cannot move {text!r} to the cache: invalid path.")
        resolved = Path(text).resolve()
        if _is_within(resolved, self.root) and resolved.is_file():
            return str(resolved)
        if not self._may_read_output(resolved):
            raise InvalidPathError(
                f"Cannot move {text} to the gradio cache dir because it was not created by "
                "the application or it is not located in either the current working "
                "directory, your system's temp directory, or an allowed path. To fix this, "
                "add the path to `allowed_paths` or `gr.set_static_paths`."
            )
        if not resolved.is_file():
            raise InvalidPathError(f"Cannot move {text} to the cache: not a file.")
        folder = self.root / self._hash_file(resolved)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / sanitize_filename(resolved.name)
        if not target.exists():
            tmp = target.with_name(target.name + f".{secrets.token_hex(4)}.part")
            shutil.copyfile(resolved, tmp)
            os.replace(tmp, target)
        return str(target)

    def _hash_file(self, path: Path) -> str:
        digest = hashlib.sha256(self._seed)
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()

    def _is_blocked(self, resolved: Path) -> bool:
        return any(_is_within_casefold(resolved, b) for b in self.blocked_paths)

    def _is_allowed_path(self, resolved: Path) -> bool:
        return any(_is_within(resolved, p) for p in [*self.allowed_paths, *_static_paths])

    def _may_read_output(self, resolved: Path) -> bool:
        if self._is_blocked(resolved):
            return False
        if self._is_allowed_path(resolved):
            return True
        cwd = Path.cwd().resolve()
        if _is_within(resolved, cwd):
            # Dotfiles/dot-dirs (.env, .git, .ssh …) stay private even in cwd.
            return not any(part.startswith(".") for part in resolved.relative_to(cwd).parts)
        return _is_within(resolved, Path(tempfile.gettempdir()).resolve())

    # -- reading -------------------------------------------------------------
    def check_input(self, path: str | os.PathLike[str]) -> str:
        """Validate an input FileData path: it must be a file inside the store."""
        text = os.fspath(path)
        if "\x00" in text:
            raise InvalidPathError("Invalid file path.")
        resolved = Path(text).resolve()
        if not _is_within(resolved, self.root) or not resolved.is_file():
            raise InvalidPathError(
                f"Cannot move {text} to the gradio cache dir because it was not uploaded by a user."
            )
        return str(resolved)

    def servable(self, target: str) -> Path | None:
        """The file ``/file=<target>`` may serve, or None (the route answers 403)."""
        if not target or "\x00" in target or "\\" in target:
            return None
        if _PROTOCOL_RE.match(target):
            return None
        decoded = urllib.parse.unquote(target)
        if any(part == ".." for part in re.split(r"[/\\]", decoded)):
            return None
        try:
            resolved = Path(target).resolve()  # follows symlinks: links out are refused below
            if not resolved.is_file():
                return None
        except (OSError, ValueError, RuntimeError):
            return None
        if self._is_blocked(resolved):
            return None
        if _is_within(resolved, self.root) or self._is_allowed_path(resolved):
            return resolved
        return None

    def content_headers(self, path: Path) -> tuple[str, str]:
        """``(media type, disposition type)`` for serving ``path``.

        Safe types are inline; files from allowed/static paths are trusted like the
        app's own assets; everything else is an ``application/octet-stream`` download.
        """
        mime = guess_type(path)
        if mime in XSS_SAFE_MIMETYPES or self._is_allowed_path(path):
            media = mime or "application/octet-stream"
            if media.startswith("text/") and "charset" not in media:
                media += "; charset=utf-8"
            return media, "inline"
        return "application/octet-stream", "attachment"
