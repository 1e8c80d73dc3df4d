"""What a build publishes of an app folder: its own files and nothing else.

Left out: dotfiles and dot-folders (``.env``, ``.git``), caches (``__pycache__``,
``*.pyc``), virtualenvs (any folder holding ``pyvenv.cfg``), ``node_modules``,
the ``wheels/`` folder of requirements (shipped separately), anything matched
by a ``.gitignore`` in the app folder, and key or credential files wherever
they are (``*.pem``, ``*.key``, ``id_rsa``, ``*.env`` ...). A site is public:
publishing a secret by accident is worse than forgetting a data file.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from pathlib import Path

SKIP_DIRS = frozenset({"__pycache__", "node_modules", "wheels"})
# A folder holding one of these is an environment (virtualenv, conda), not app data.
ENV_MARKERS = ("pyvenv.cfg", "conda-meta")
# Never published, whatever .gitignore says (matched against the file name, lowercased).
SECRET_PATTERNS = ("*.env", "*.pem", "*.key", "*.p12", "*.pfx", "*.jks", "*.keystore", "id_rsa*", "id_dsa*",
                   "id_ecdsa*", "id_ed25519*", "*.kdbx", "credentials.json", "secrets.toml", "*.secret")


@dataclass(frozen=True)
class _Rule:
    pattern: str
    negated: bool
    dir_only: bool
    anchored: bool

    def matches(self, path: str, is_dir: bool) -> bool:
        if self.dir_only and not is_dir:
            return False
        if self.anchored or "/" in self.pattern:
            return _glob(self.pattern, path)
        return _glob(self.pattern, path.rsplit("/", 1)[-1])


def _glob(pattern: str, path: str) -> bool:
    """gitignore globbing: ``*`` stays within a segment, ``**`` crosses them."""
    regex = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            regex += "(?:.*/)?"
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == len(pattern):
            regex += "/.*"
            i += 3
        elif pattern[i] == "*":
            regex += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            regex += "[^/]"
            i += 1
        else:
            regex += re.escape(pattern[i])
            i += 1
    return re.fullmatch(regex, path) is not None


def gitignore_rules(folder: Path) -> list[_Rule]:
    """The rules of ``folder/.gitignore`` (none when absent)."""
    path = folder / ".gitignore"
    if not path.is_file():
        return []
    rules: list[_Rule] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        line = line[1:] if negated else line
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        anchored = line.startswith("/")
        rules.append(_Rule(line.lstrip("/"), negated, dir_only, anchored))
    return rules


def _ignored(rules: list[_Rule], path: str, is_dir: bool) -> bool:
    ignored = False
    for rule in rules:  # the last matching rule wins, as in git
        if rule.matches(path, is_dir):
            ignored = not rule.negated
    return ignored


def is_secret(name: str) -> bool:
    """Whether a file name looks like a key or credential file."""
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern) for pattern in SECRET_PATTERNS)


def published_files(folder: Path) -> list[str]:
    """Relative paths (posix, sorted) of the files of ``folder`` a build publishes."""
    rules = gitignore_rules(folder)
    files: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        relative = here.relative_to(folder).as_posix()
        prefix = "" if relative == "." else relative + "/"
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and d not in SKIP_DIRS and not any((here / d / m).exists() for m in ENV_MARKERS)
            and not _ignored(rules, prefix + d, True))
        for name in sorted(filenames):
            if name.startswith(".") or name.endswith((".pyc", ".pyo")) or is_secret(name):
                continue
            if _ignored(rules, prefix + name, False):
                continue
            files.append(prefix + name)
    return files


def listing(folder: Path, files: list[str]) -> str:
    """The published files with their sizes, one per line, and a total."""
    sizes = [(path, (folder / path).stat().st_size) for path in files]
    width = max((len(p) for p, _ in sizes), default=0)
    lines = [f"  {path.ljust(width)}  {human_size(size):>9}" for path, size in sizes]
    lines.append(f"  {len(sizes)} file(s), {human_size(sum(s for _, s in sizes))}")
    return "\n".join(lines)


def human_size(size: int) -> str:
    """``1234567`` -> ``1.2 MB``."""
    value = float(size)
    for unit in ("B", "kB", "MB"):
        if value < 1000 or unit == "MB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} MB"
