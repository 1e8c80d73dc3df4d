"""The test tree itself: pytest imports test modules by basename (no packages), so two
``test_x.py`` in different folders stop the whole run at collection."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_test_module_basenames_are_unique() -> None:
    names = Counter(p.name for p in TESTS.rglob("test_*.py") if "node_modules" not in p.parts)
    assert not [n for n, c in names.items() if c > 1], f"rename one of each: {[n for n, c in names.items() if c > 1]}"
