"""matplotlib's font list, made usable in the browser at build time.

matplotlib keeps the fonts it found in a JSON font list and rebuilds it (opening and
parsing every bundled font file) whenever the list's ``_version`` differs from
``FontManager.__version__``. Pyodide's matplotlib wheels ship a pre-built list inside
the package (``matplotlib/fontlist.json``, read from there by Pyodide's patched
``font_manager``), but some distributions stamp it with another matplotlib's version:
Pyodide 0.27's matplotlib 3.8.4 ships a list marked 390 while its ``FontManager`` is
330, so every page load rebuilt the list on the first figure (seconds of WebAssembly),
and the rebuilt file lived in the page's in-memory file system, lost at the next visit.

The list's entries (file name, family, style, variant, weight, stretch, size) have the
same shape in both versions, so the build re-stamps the shipped list with the version
the wheel's own ``font_manager.py`` declares. Nothing is executed; a wheel that does
not have this layout is left alone.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile
from pathlib import Path

FONT_MANAGER = "matplotlib/font_manager.py"
FONT_LIST = "matplotlib/fontlist.json"
_VERSION = re.compile(r"^\s+__version__\s*=\s*(\d+|'[^']*'|\"[^\"]*\")\s*$", re.M)
_ENTRY_KEYS = {"fname", "name", "style", "variant", "weight", "stretch", "size"}


def _declared_version(source: str) -> int | str | None:
    """``FontManager.__version__`` as written in ``font_manager.py`` (None when not found)."""
    found = _VERSION.search(source)
    if found is None:
        return None
    text = found.group(1)
    return int(text) if text.isdigit() else text[1:-1]


def _usable(fonts: dict[str, object]) -> bool:
    """The list holds what ``font_manager.json_load`` rebuilds a ``FontManager`` from."""
    lists = [fonts.get("ttflist"), fonts.get("afmlist")]
    entries = [e for found in lists if isinstance(found, list) for e in found]
    return all(isinstance(found, list) for found in lists) and bool(entries) and all(
        isinstance(e, dict) and _ENTRY_KEYS <= set(e) for e in entries)


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def fix_font_list(wheel: Path) -> bool:
    """Re-stamps a matplotlib wheel's shipped font list with its ``FontManager`` version.

    Returns True when the wheel was rewritten (False: not matplotlib, no shipped list,
    already matching, or a layout this does not know).
    """
    with zipfile.ZipFile(wheel) as zin:
        names = set(zin.namelist())
        if FONT_MANAGER not in names or FONT_LIST not in names:
            return False
        want = _declared_version(zin.read(FONT_MANAGER).decode("utf-8", "replace"))
        try:
            fonts = json.loads(zin.read(FONT_LIST))
        except ValueError:
            return False
        if want is None or not isinstance(fonts, dict) or fonts.get("_version") == want or not _usable(fonts):
            return False
        fonts["_version"] = want
        fixed = json.dumps(fonts, indent=2).encode()
        tmp = wheel.with_suffix(".fonts.tmp")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info)
                if info.filename == FONT_LIST:
                    data = fixed
                elif info.filename.endswith(".dist-info/RECORD"):
                    lines = data.decode().splitlines()
                    data = ("\n".join(_record_line(FONT_LIST, fixed) if line.startswith(FONT_LIST + ",") else line
                                      for line in lines) + "\n").encode()
                zout.writestr(info, data)
    tmp.replace(wheel)
    return True
