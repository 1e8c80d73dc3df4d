"""Gzip sizes of the page bundle: `python bench/sizes.py [--check]` (after `make web`).

First paint is `assets/wasmui.js` plus every chunk it imports statically
(transitively); lazy chunks (`import("./X.js")`: views, marked, DOMPurify)
are listed with who loads them. Prints a table and writes
`bench/results/sizes.md`; `--check` exits 1 when first paint is over budget.
Gzip is level 9, the size a static server's gzip sends, give or take.
"""

from __future__ import annotations

import gzip
import re
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "wasmui" / "_web" / "assets"
RESULTS = ROOT / "bench" / "results" / "sizes.md"
ENTRY = "wasmui.js"
BUDGET_KB = 40.0

_QUOTE = "[\"'`]"
STATIC = re.compile(rf"(?:\bfrom|\bimport)\s*{_QUOTE}\./([\w.-]+\.js){_QUOTE}")
DYNAMIC = re.compile(rf"\bimport\(\s*{_QUOTE}\./([\w.-]+\.js){_QUOTE}\s*\)")


@dataclass
class Chunk:
    name: str
    raw: int
    gz: int
    static: list[str]
    dynamic: list[str]


def gz_kb(n: int) -> float:
    return n / 1000


def read_chunks(assets: Path = ASSETS) -> dict[str, Chunk]:
    chunks = {}
    for path in sorted(assets.glob("*.js")):
        data = path.read_bytes()
        text = data.decode("utf-8", "replace")
        chunks[path.name] = Chunk(path.name, len(data), len(gzip.compress(data, 9)),
                                  sorted(set(STATIC.findall(text))), sorted(set(DYNAMIC.findall(text))))
    return chunks


def first_paint(chunks: dict[str, Chunk], entry: str = ENTRY) -> list[str]:
    """The entry and its static imports, transitively."""
    seen: list[str] = []
    todo = [entry]
    while todo:
        name = todo.pop()
        if name in seen or name not in chunks:
            continue
        seen.append(name)
        todo.extend(chunks[name].static)
    return seen


def report(chunks: dict[str, Chunk]) -> tuple[str, float]:
    paint = first_paint(chunks)
    paint_gz = sum(chunks[n].gz for n in paint)
    loaders: dict[str, list[str]] = {}
    for c in chunks.values():
        for d in c.dynamic:
            loaders.setdefault(d, []).append(c.name)
    lines = [
        f"# Page bundle sizes ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, `python bench/sizes.py`)",
        "",
        f"First paint (`{ENTRY}` + static imports): **{gz_kb(paint_gz):.2f} kB gzip** "
        f"(budget {BUDGET_KB:.0f} kB){'' if gz_kb(paint_gz) <= BUDGET_KB else ' **OVER BUDGET**'}",
        "",
        "| chunk | loaded | raw kB | gzip kB |",
        "|---|---|---:|---:|",
    ]
    def kind(name: str) -> str:
        if name in paint:
            return "first paint"
        if name in loaders:
            return "lazy, from " + ", ".join(sorted(loaders[name]))
        if name.startswith("worker"):
            return "app worker"
        return "on demand (imported by lazy chunks)"
    order = sorted(chunks.values(), key=lambda c: (kind(c.name) != "first paint", c.name.lower()))
    for c in order:
        lines.append(f"| `{c.name}` | {kind(c.name)} | {c.raw / 1000:.2f} | {gz_kb(c.gz):.2f} |")
    return "\n".join(lines) + "\n", gz_kb(paint_gz)


def main(argv: list[str]) -> int:
    if not (ASSETS / ENTRY).exists():
        print(f"{ASSETS / ENTRY} missing: run `make web` first", file=sys.stderr)
        return 2
    text, paint = report(read_chunks())
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text)
    return 1 if "--check" in argv and paint > BUDGET_KB else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
