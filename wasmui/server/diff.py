"""Streaming diffs for generator outputs (protocol §5.5).

The first ``process_generating`` of a run carries full values; later ones carry,
per output, an edit list ``[[op, path, value], ...]`` that turns the previous
value into the new one. ``apply_edits`` is the client side, used by tests.
"""

from __future__ import annotations

import copy
from typing import Any

Edit = list[Any]  # [op, path, value]
Path = list[str | int]


_LEAVES = (str, int, float, bool, type(None))


def snapshot(value: Any) -> Any:
    """A copy of an output value to diff the next one against.

    Outputs are JSON-like trees, copied here once per streamed message (a chat's whole
    history, every token): dicts, lists and tuples are rebuilt, immutable leaves are shared,
    and only anything else falls back to ``copy.deepcopy``, many times faster than
    deep-copying the whole tree (no memo, no per-object dispatch).
    """
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is dict:
        return {k: snapshot(v) for k, v in value.items()}
    if kind is list:
        return [snapshot(v) for v in value]
    if kind is tuple:
        return tuple(snapshot(v) for v in value)
    return copy.deepcopy(value)


def diff(old: Any, new: Any) -> list[Edit]:
    """Edits that turn ``old`` into ``new`` (empty list when equal)."""
    return _compare(old, new, [])


def _compare(old: Any, new: Any, path: Path) -> list[Edit]:
    if old == new and type(old) is type(new):
        return []
    if type(old) is not type(new):
        return [["replace", path, new]]
    if isinstance(old, str) and new.startswith(old):
        return [["append", path, new[len(old):]]]
    if isinstance(old, list):
        return _compare_lists(old, new, path)
    if isinstance(old, dict):
        return _compare_dicts(old, new, path)
    return [["replace", path, new]]


def _compare_lists(old: list[Any], new: list[Any], path: Path) -> list[Edit]:
    common = min(len(old), len(new))
    edits: list[Edit] = []
    for i in range(common):
        edits.extend(_compare(old[i], new[i], [*path, i]))
    # Surplus old items are deleted from the end of the common part; each delete
    # shifts the following items left, so every delete targets the same index.
    for _ in range(common, len(old)):
        edits.append(["delete", [*path, common], None])
    for i in range(common, len(new)):
        edits.append(["add", [*path, i], new[i]])
    return edits


def _compare_dicts(old: dict[str, Any], new: dict[str, Any], path: Path) -> list[Edit]:
    edits: list[Edit] = []
    for key in old:
        if key in new:
            edits.extend(_compare(old[key], new[key], [*path, key]))
        else:
            edits.append(["delete", [*path, key], None])
    for key in new:
        if key not in old:
            edits.append(["add", [*path, key], new[key]])
    return edits


def apply_edits(value: Any, edits: list[Edit]) -> Any:
    """Apply ``edits`` in order to a deep copy of ``value`` (what clients do)."""
    result = copy.deepcopy(value)
    for op, path, item in edits:
        if not path:
            result = _apply_root(result, op, item)
            continue
        parent = result
        for key in path[:-1]:
            parent = parent[key]
        last = path[-1]
        if op == "replace":
            parent[last] = item
        elif op == "append":
            parent[last] = parent[last] + item
        elif op == "add":
            if isinstance(parent, list):
                parent.insert(last, item)
            else:
                parent[last] = item
        elif op == "delete":
            del parent[last]
        else:
            raise ValueError(f"unknown diff op {op!r}")
    return result


def _apply_root(value: Any, op: str, item: Any) -> Any:
    if op == "replace":
        return item
    if op == "append":
        return value + item
    raise ValueError(f"op {op!r} cannot target the root")
