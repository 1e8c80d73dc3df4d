"""gr.Dataframe value conversions (pandas/numpy ones skip when those are not installed)."""

from __future__ import annotations

import datetime
import math

import pytest

import wasmui as gr
from wasmui.components.dataframe import process_count


def test_lists_and_dicts_become_headers_data_metadata() -> None:
    df = gr.Dataframe(headers=["a", "b"])
    assert df.postprocess([[1, "x"], [2, "y"]]) == {"headers": ["a", "b"], "data": [[1, "x"], [2, "y"]], "metadata": None}
    assert df.postprocess({"headers": ["p", "q"], "data": [[1, 2]]})["headers"] == ["p", "q"]
    # A flat list is one column; tuples are rows.
    assert df.postprocess([1, 2])["data"] == [[1], [2]]
    assert df.postprocess([(1, 2)])["data"] == [[1, 2]]
    # Rows wider than the headers get numbered headers; narrower rows trim them.
    assert df.postprocess([[1, 2, 3]])["headers"] == ["a", "b", "3"]
    assert df.postprocess([[1]])["headers"] == ["a"]
    assert df.postprocess(None) == {"headers": ["a", "b"], "data": [], "metadata": None}
    assert df.postprocess([])["data"] == []


def test_cells_are_json_values() -> None:
    out = gr.Dataframe().postprocess([[float("nan"), datetime.date(2024, 1, 2), math.inf, None]])
    assert out["data"] == [[None, "2024-01-02", None, None]]


def test_unsupported_value_is_a_readable_error() -> None:
    with pytest.raises(gr.Error, match="Cannot show a value of type object"):
        gr.Dataframe().postprocess(object())


def test_counts_and_headers_validation() -> None:
    assert process_count(None) == (3, "dynamic")
    assert process_count(5) == (5, "dynamic")
    assert process_count((2, "fixed")) == (2, "fixed")
    with pytest.raises(ValueError, match="headers list must be equal"):
        gr.Dataframe(headers=["a"], column_count=2)
    with pytest.raises(ValueError, match="Invalid value for parameter `type`"):
        gr.Dataframe(type="excel")  # type: ignore[arg-type]


def test_array_preprocess_and_bad_payload() -> None:
    df = gr.Dataframe(type="array")
    assert df.preprocess({"headers": ["a"], "data": [[1], [2]]}) == [[1], [2]]
    with pytest.raises(gr.Error, match="headers"):
        df.preprocess({"rows": []})


pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")


def test_pandas_round_trip() -> None:
    comp = gr.Dataframe()
    frame = pd.DataFrame({"n": [1, 2], "f": [0.5, float("nan")], "s": ["a", "b"], "t": pd.to_datetime(["2024-01-01", None])})
    payload = comp.postprocess(frame)
    assert payload["headers"] == ["n", "f", "s", "t"]
    assert payload["data"] == [[1, 0.5, "a", "2024-01-01T00:00:00"], [2, None, "b", None]]
    assert all(type(v) in (int, float, str, type(None)) for row in payload["data"] for v in row)
    back = comp.preprocess(payload)
    assert isinstance(back, pd.DataFrame)
    assert list(back.columns) == ["n", "f", "s", "t"] and back.shape == (2, 4)
    assert comp.preprocess({"headers": ["a"], "data": [[]]}).empty


def test_pandas_preprocess_refuses_ragged_rows() -> None:
    with pytest.raises(gr.Error, match="2 cells"):
        gr.Dataframe().preprocess({"headers": ["a", "b"], "data": [[1]]})


def test_numpy_values() -> None:
    payload = gr.Dataframe().postprocess(np.arange(6).reshape(2, 3))
    assert payload["data"] == [[0, 1, 2], [3, 4, 5]] and payload["headers"] == ["1", "2", "3"]
    arr = gr.Dataframe(type="numpy").preprocess({"headers": ["a", "b"], "data": [[1, 2], [3, 4]]})
    assert isinstance(arr, np.ndarray) and arr.shape == (2, 2)


def test_dict_of_columns() -> None:
    assert gr.Dataframe().postprocess({"a": [1, 2], "b": [3, 4]})["data"] == [[1, 3], [2, 4]]


def test_auto_datatype() -> None:
    frame = pd.DataFrame({"n": [1], "f": [1.5], "b": [True], "s": ["x"], "d": pd.to_datetime(["2024-01-01"])})
    assert gr.Dataframe(frame, datatype="auto").datatype == ["number", "number", "bool", "str", "date"]


def test_styler_colours_and_display_values() -> None:
    frame = pd.DataFrame({"a": [1.0, -2.0], "b": ["x", "y"]})
    styler = frame.style.map(lambda v: "color: red" if isinstance(v, float) and v < 0 else "").format({"a": "{:.2f}"})
    payload = gr.Dataframe().postprocess(styler)
    assert payload["data"] == [[1.0, "x"], [-2.0, "y"]]
    assert payload["metadata"]["display_value"] == [["1.00", "x"], ["-2.00", "y"]]
    assert payload["metadata"]["styling"][1][0] == "color: red"
    assert payload["metadata"]["styling"][0][0] == ""


def test_styler_hidden_columns_are_dropped() -> None:
    styler = pd.DataFrame({"a": [1], "b": [2], "c": [3]}).style.hide(["b"], axis="columns")
    payload = gr.Dataframe().postprocess(styler)
    assert payload["headers"] == ["a", "c"]
    assert payload["data"] == [[1, 3]]
    assert payload["metadata"]["display_value"] == [["1", "3"]]
