"""Streaming diff encoding (protocol §5.5)."""

from __future__ import annotations

from typing import Any

import pytest

import wasmui as gr
from wasmui.server.diff import apply_edits, diff, snapshot
from wasmui.testing import TestClient


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


def test_snapshot_copies_containers_and_shares_leaves() -> None:
    class Opaque:
        def __init__(self) -> None:
            self.items = [1]

    text = "a long message " * 100
    value = [{"role": "assistant", "content": [{"text": text, "type": "text"}], "meta": None, "n": 1.5},
             (1, [2]), Opaque()]
    copied = snapshot(value)
    assert copied == value[:2] + [copied[2]]
    assert copied is not value and copied[0] is not value[0] and copied[0]["content"] is not value[0]["content"]
    assert copied[0]["content"][0]["text"] is text  # immutable leaves are shared, not copied
    assert isinstance(copied[1], tuple) and copied[1][1] is not value[1][1]
    assert copied[2] is not value[2] and copied[2].items == [1]  # anything else: a deep copy
    value[0]["content"][0]["text"] += "!"
    value[0]["content"].append({"text": "x", "type": "text"})
    value[2].items.append(2)
    assert copied[0]["content"] == [{"text": text, "type": "text"}] and copied[2].items == [1]


def test_a_generator_mutating_its_output_in_place_still_streams_right_edits() -> None:
    """The previous output is a copy: a value the function changes in place between yields
    is diffed against what was sent, not against itself."""
    with gr.Blocks() as demo:
        out = gr.JSON()
        btn = gr.Button()

        def grow():  # type: ignore[no-untyped-def]
            state: dict[str, Any] = {"items": []}
            for i in range(3):
                state["items"].append(i)
                yield state

        dep = btn.click(grow, None, out, postprocess=False)  # the very object reaches the queue
    fn = dep.block_fn.id
    with TestClient(demo.app) as c:
        r = c.post("/gradio_api/queue/join", json={"data": [], "fn_index": fn, "session_hash": "m"})
        assert r.status_code == 200
        value: Any = None
        seen = []
        with c.stream("/gradio_api/queue/data?session_hash=m") as stream:
            for message in stream:
                m = message.json()
                if m["msg"] == "process_generating":
                    data = m["output"]["data"][0]
                    value = data if value is None else apply_edits(value, data)
                    seen.append(value)
                if m["msg"] == "process_completed":
                    break
    assert seen == [{"items": [0]}, {"items": [0, 1]}, {"items": [0, 1, 2]}]
