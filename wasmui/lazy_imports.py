"""Modules a site ships outside its boot archives, fetched on their first import.

``wasmui build`` puts into the boot archives (the stdlib zip and the wasmui wheel) only the
modules the app and wasmui were seen to import (traced at build time, ``wasmui.trim``);
every other module of the stdlib and of wasmui is a separate ``.pyc`` file under the site's
``lazy/<hash>/`` folder. :class:`LazyFinder`, last on ``sys.meta_path``, fetches such a
file synchronously on first import (a synchronous XMLHttpRequest, allowed in a worker),
writes it where it belongs in the file system and loads it like any ``.pyc``.

The same folder holds data files left out of the boot wheel (wasmui's sample media):
:meth:`LazyFinder.lazy_data_file` fetches one the same way when :mod:`wasmui.media` asks
for it, so the caller gets a real path.

The build copies this file into the boot stdlib zip as the top-level module
``_wasmui_lazy`` next to its index ``_wasmui_lazy.json`` (``{"modules": {...}, "files":
[...]}``); the worker calls :func:`install` right after the interpreter starts. It must not
import wasmui.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from types import ModuleType
from typing import Any

#: Name of the index next to this module in the boot zip: ``{module: [path, is_package]}``.
INDEX_NAME = "_wasmui_lazy.json"

Fetch = Callable[[str], bytes]


def sync_get(url: str) -> bytes:
    """The body of ``url``, fetched synchronously (a worker may; a page may not)."""
    from js import Uint8Array, XMLHttpRequest  # only inside Pyodide

    request = XMLHttpRequest.new()
    request.open("GET", url, False)
    request.responseType = "arraybuffer"
    request.send(None)
    if request.status != 200:
        raise OSError(f"GET {url} -> {request.status}")
    return bytes(Uint8Array.new(request.response).to_bytes())


class LazyFinder(importlib.abc.MetaPathFinder):
    """Finds the modules of ``index`` (``{name: ["lib/..." or "site/...", is_package]}``).

    ``base_url`` + path is where a module's ``.pyc`` is served; ``roots`` maps the path's
    first part (``lib``: the stdlib, ``site``: site-packages) to a folder of the file system.
    ``files``: the data files served there (``site/wasmui/media_assets/audio/cantina.wav``).
    """

    def __init__(self, base_url: str, index: dict[str, Any], roots: dict[str, str], fetch: Fetch = sync_get,
                 files: Iterable[str] = ()) -> None:
        self.base_url = base_url
        self.index = index
        self.roots = roots
        self.fetch = fetch
        self.files = set(files)
        self.fetched: list[str] = []

    def _served(self, filename: str) -> str | None:
        """The served path (``site/...``) of the file system path ``filename``, if it is a lazy file."""
        filename = os.path.normpath(filename)
        for root, folder in self.roots.items():  # site-packages lies inside lib: try each
            prefix = os.path.normpath(folder) + os.sep
            relative = root + "/" + filename[len(prefix):].replace(os.sep, "/")
            if filename.startswith(prefix) and relative in self.files:
                return relative
        return None

    def lazy_data_names(self, folder: str) -> list[str]:
        """Names of the lazy data files directly in ``folder`` (fetched or not)."""
        names = []
        for relative in self.files:
            root, _, rest = relative.partition("/")
            if root in self.roots:
                path = os.path.join(self.roots[root], rest)
                if os.path.normpath(os.path.dirname(path)) == os.path.normpath(folder):
                    names.append(os.path.basename(path))
        return sorted(names)

    def lazy_data_file(self, filename: str) -> bool:
        """Fetches ``filename`` (an absolute path) when it is a lazy data file not yet on disk;
        True when the file is there now. A failed fetch raises :class:`OSError`."""
        if os.path.isfile(filename):
            return True
        relative = self._served(filename)
        if relative is None:
            return False
        _write(filename, self.fetch(self.base_url + relative))
        self.fetched.append(relative)
        return True

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        entry = self.index.get(fullname)
        if entry is None:
            return None
        relative, is_package = str(entry[0]), bool(entry[1])
        root, _, rest = relative.partition("/")
        if root not in self.roots:
            return None
        filename = os.path.join(self.roots[root], rest)
        if not os.path.exists(filename):
            try:
                data = self.fetch(self.base_url + relative)
            except Exception as error:  # offline, or the site was replaced: a normal ImportError
                raise ImportError(f"{fullname} is not in this site's boot archive and could not be fetched: {error}",
                                  name=fullname) from error
            _write(filename, data)
            self.fetched.append(fullname)
        loader = importlib.machinery.SourcelessFileLoader(fullname, filename)
        locations = [os.path.dirname(filename)] if is_package else None
        return importlib.util.spec_from_file_location(fullname, filename, loader=loader,
                                                      submodule_search_locations=locations)


def _write(filename: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(filename), exist_ok=True)
    with open(filename, "wb") as handle:
        handle.write(data)


def install(base_url: str, index: dict[str, Any] | None = None, roots: dict[str, str] | None = None,
            fetch: Fetch = sync_get, files: Iterable[str] | None = None) -> LazyFinder:
    """Puts a :class:`LazyFinder` last on ``sys.meta_path`` (replacing an earlier one, e.g. of a
    restored memory snapshot); ``index`` and ``files`` default to those in this module's zip."""
    if index is None:
        loader = globals().get("__loader__")
        data = loader.get_data(INDEX_NAME) if loader is not None and hasattr(loader, "get_data") else b"{}"
        listing = json.loads(data)
        index = dict(listing.get("modules", {}))
        files = listing.get("files", []) if files is None else files
    if roots is None:
        import site

        roots = {"lib": f"/lib/python{sys.version_info[0]}.{sys.version_info[1]}", "site": site.getsitepackages()[0]}
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != LazyFinder.__name__]
    finder = LazyFinder(base_url, index, roots, fetch, files or ())
    sys.meta_path.append(finder)
    return finder
