"""The first-paint page JS stays within budget and heavy views stay out of it.

Reads the built `wasmui/_web/assets/` (`make web`; `make test` builds it first)
with bench/sizes.py, the script that records the sizes in bench/results/.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REGISTRY_TS = ROOT / "web" / "src" / "shell" / "components" / "registry.ts"

_spec = importlib.util.spec_from_file_location("bench_sizes", ROOT / "bench" / "sizes.py")
assert _spec and _spec.loader
sizes = importlib.util.module_from_spec(_spec)
sys.modules["bench_sizes"] = sizes  # dataclasses look their module up
_spec.loader.exec_module(sizes)


@pytest.fixture(scope="module")
def chunks() -> dict:
    if not (sizes.ASSETS / sizes.ENTRY).exists():
        pytest.skip("browser assets not built (make web)")
    return sizes.read_chunks()


def test_first_paint_is_within_budget(chunks: dict) -> None:
    paint = sizes.first_paint(chunks)
    total = sum(chunks[n].gz for n in paint) / 1000
    assert total <= sizes.BUDGET_KB, f"first-paint JS {total:.2f} kB gzip > {sizes.BUDGET_KB} kB: {paint}"


def test_lazy_views_and_libraries_are_separate_chunks(chunks: dict) -> None:
    paint = set(sizes.first_paint(chunks))
    lazy = re.findall(r'^ {2}\w+: \{.*load: \(\) => import\("\./(\w+)\.js"\)', REGISTRY_TS.read_text(), flags=re.M)
    assert lazy, "registry.ts has no lazy views"
    for stem in [*lazy, "marked.esm", "purify.es"]:
        names = [n for n in chunks if n.startswith(f"{stem}-")]
        assert names, f"no chunk for {stem} (is its import still lazy?)"
        assert not paint & set(names), f"{stem} is loaded at first paint"
