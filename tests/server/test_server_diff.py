"""Streaming diff encoding (protocol §5.5)."""

from __future__ import annotations

from typing import Any

import pytest

from wasmui.server.diff import apply_edits, diff


def test_equal_values_give_no_edits() -> None:
    assert diff({"a": [1, "x"]}, {"a": [1, "x"]}) == []


def test_string_extension_is_append_at_root() -> None:
    assert diff("a", "ab") == [["append", [], "b"]]


def test_string_not_extending_is_replace() -> None:
    assert diff("abc", "xbc") == [["replace", [], "xbc"]]


def test_type_change_is_replace() -> None:
    assert diff("1", 1) == [["replace", [], 1]]
    assert diff(None, "a") == [["replace", [], "a"]]


def test_bool_and_int_are_different_types() -> None:
    assert diff(1, True) == [["replace", [], True]]


def test_chat_message_append_path() -> None:
    old = [{"role": "user", "content": [{"type": "text", "text": "hi"}]},
           {"role": "assistant", "content": [{"type": "text", "text": "Hello"}]}]
    new = [{"role": "user", "content": [{"type": "text", "text": "hi"}]},
           {"role": "assistant", "content": [{"type": "text", "text": "Hello there"}]}]
    assert diff(old, new) == [["append", [1, "content", 0, "text"], " there"]]


def test_list_growth_is_add() -> None:
    assert diff([1], [1, 2, 3]) == [["add", [1], 2], ["add", [2], 3]]


def test_list_shrink_deletes_apply_in_order() -> None:
    edits = diff([1, 2, 3, 4], [1])
    assert edits == [["delete", [1], None], ["delete", [1], None], ["delete", [1], None]]
    assert apply_edits([1, 2, 3, 4], edits) == [1]


def test_dict_add_and_delete() -> None:
    assert diff({"a": 1, "b": 2}, {"a": 1, "c": 3}) == [["delete", ["b"], None], ["add", ["c"], 3]]


CASES: list[tuple[Any, Any]] = [
    ("", "hello"),
    ([[1, 2, 3]], [[1]]),
    ([[1, 2, 3], [4, 5]], [[1], [4, 5, 6], [7]]),
    ({"x": [1, {"y": "a"}]}, {"x": [1, {"y": "ab", "z": None}], "w": 0}),
    ([["a", "b"], ["c", "d"]], [["a", "b"], ["c", "de"], ["e", None]]),
    (None, {"k": 1}),
    ({"k": [1, 2, 3]}, {"k": []}),
    (1.5, 2.5),
]


@pytest.mark.parametrize(("old", "new"), CASES)
def test_apply_edits_round_trip(old: Any, new: Any) -> None:
    assert apply_edits(old, diff(old, new)) == new


def test_apply_does_not_mutate_previous_value() -> None:
    old = {"a": [1, 2]}
    apply_edits(old, diff(old, {"a": [1, 2, 3]}))
    assert old == {"a": [1, 2]}
