"""A Pyodide distribution a site is built against, and its package lock.

The default is the npm ``pyodide`` core that ``make web`` put into
``wasmui/_web/pyodide`` (the interpreter, its stdlib and micropip; no other
package). ``wasmui build --pyodide DIR_OR_URL`` picks a full distribution
instead: a folder (its files are copied into the site, which stays offline)
or a base URL (the page loads Pyodide and packages from there at run time).

The lock (``pyodide-lock.json``) names every package: its file, sha256, the
import names it provides (``imports``) and what it needs (``depends``, which
includes shared libraries such as openblas). :func:`resolve` closes a set of
package names over ``depends``; :func:`trimmed_lock` keeps only those, so a
package the site does not ship fails loudly instead of a 404.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WEB = Path(__file__).resolve().parent / "_web"
CORE_FILES = ("pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# The interpreter's JS glue: an ES module since Pyodide 0.28, a script before.
ASM_JS = ("pyodide.asm.mjs", "pyodide.asm.js")
OPTION = "--pyodide DIR_OR_URL"


class DistributionError(RuntimeError):
    """The distribution cannot be used (no lock, missing core files, unreachable URL)."""


def normalize(name: str) -> str:
    """PEP 503 normalisation; lock keys and ``depends`` entries are compared this way."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass
class Distribution:
    """A Pyodide distribution: a local folder or a base URL, and its lock."""

    location: str
    lock: dict[str, Any]
    folder: Path | None = None
    default: bool = False
    _by_name: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_name = {normalize(key): key for key in self.lock.get("packages", {})}

    @property
    def is_url(self) -> bool:
        return self.folder is None

    @property
    def info(self) -> dict[str, Any]:
        return dict(self.lock.get("info", {}))

    @property
    def python(self) -> str:
        """The interpreter's Python version, e.g. ``3.12.7``."""
        return str(self.info.get("python", ""))

    @property
    def version(self) -> str:
        """The Pyodide version, e.g. ``0.27.7``."""
        return str(self.info.get("version", ""))

    @property
    def packages(self) -> dict[str, dict[str, Any]]:
        packages: dict[str, dict[str, Any]] = self.lock.get("packages", {})
        return packages

    def key(self, name: str) -> str | None:
        """The lock key of package ``name`` (any spelling), or None."""
        return self._by_name.get(normalize(name))

    def import_index(self) -> dict[str, str]:
        """Import name (``PIL``) -> lock key (``pillow``) from the lock's ``imports`` fields."""
        index: dict[str, str] = {}
        for key, entry in self.packages.items():
            for module in entry.get("imports", []):
                index.setdefault(str(module), key)
        return index

    def describe(self) -> str:
        """A short human name: ``Pyodide 0.27.7 (Python 3.12.7) at <location>``."""
        what = f"Pyodide {self.version} (Python {self.python})"
        return f"the default {what} core" if self.default else f"{what} at {self.location}"

    def asm_js(self) -> str:
        """File name of the interpreter's JS glue in this distribution."""
        if self.folder is not None:
            for name in ASM_JS:
                if (self.folder / name).is_file():
                    return name
        return ASM_JS[0] if _major_minor(self.version) >= (0, 28) else ASM_JS[1]

    def resolve(self, names: Iterable[str]) -> list[str]:
        """Lock keys of ``names`` and everything they depend on (sorted)."""
        wanted: set[str] = set()
        stack = [n for n in names]
        while stack:
            key = self.key(stack.pop())
            if key is None or key in wanted:
                continue
            wanted.add(key)
            stack.extend(self.packages[key].get("depends", []))
        return sorted(wanted)

    def trimmed_lock(self, keys: Iterable[str]) -> dict[str, Any]:
        """The lock with only ``keys`` (their ``depends`` must be among them)."""
        keep = set(keys)
        return {**self.lock, "packages": {k: v for k, v in self.packages.items() if k in keep}}

    def file_size(self, key: str) -> int | None:
        """Size in bytes of a package file of a local distribution."""
        if self.folder is None:
            return None
        path = self.folder / self.packages[key]["file_name"]
        return path.stat().st_size if path.is_file() else None


def _major_minor(version: str) -> tuple[int, int]:
    parts = re.findall(r"\d+", version)
    return (int(parts[0]), int(parts[1])) if len(parts) >= 2 else (0, 0)


def default_distribution() -> Distribution:
    """The npm core built into ``wasmui/_web/pyodide`` (micropip is its only package)."""
    lock_path = WEB / "pyodide" / "pyodide-lock.json"
    if not lock_path.is_file():
        raise DistributionError(f"{WEB / 'pyodide'} is missing: run `make web`")
    return Distribution(location=str(WEB / "pyodide"), lock=json.loads(lock_path.read_text()),
                        folder=WEB / "pyodide", default=True)


def open_distribution(where: str | os.PathLike[str] | None) -> Distribution:
    """The distribution in folder or at base URL ``where`` (None: the default core)."""
    if where is None:
        return default_distribution()
    text = str(where)
    scheme = urllib.parse.urlsplit(text).scheme
    if scheme in ("http", "https"):
        base = text if text.endswith("/") else text + "/"
        return Distribution(location=base, lock=_fetch_lock(base + "pyodide-lock.json"))
    folder = Path(urllib.parse.urlsplit(text).path if scheme == "file" else text).expanduser().resolve()
    if not folder.is_dir():
        raise DistributionError(f"{OPTION.split()[0]} {text}: no such folder")
    missing = [n for n in (*CORE_FILES, "pyodide-lock.json") if not (folder / n).is_file()]
    if not any((folder / n).is_file() for n in ASM_JS):
        missing.append(" or ".join(ASM_JS))
    if missing:
        raise DistributionError(f"{folder} is not a Pyodide distribution (missing {', '.join(missing)})")
    return Distribution(location=str(folder), lock=json.loads((folder / "pyodide-lock.json").read_text()),
                        folder=folder)


def _fetch_lock(url: str) -> dict[str, Any]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            lock: dict[str, Any] = json.loads(response.read())
            return lock
    except (OSError, ValueError) as exc:
        raise DistributionError(f"cannot read the Pyodide lock at {url}: {exc}") from exc


def copy_packages(dist: Distribution, keys: Iterable[str], target: Path) -> list[tuple[str, int]]:
    """Copies the files of ``keys`` from a local distribution into ``target``; returns (file, size)."""
    assert dist.folder is not None
    copied: list[tuple[str, int]] = []
    for key in sorted(keys):
        name = dist.packages[key]["file_name"]
        source = dist.folder / name
        if not source.is_file():
            raise DistributionError(f"{dist.folder}: the lock lists {name} for {key}, but the file is missing")
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        copied.append((name, destination.stat().st_size))
    return copied
