"""gr.LinePlot / gr.ScatterPlot / gr.BarPlot in Python: payloads, events, /info, packages.

Config entries (including the postprocessed DataFrame payloads of several dtypes) are
compared with real Gradio 6.31 by the golden cases (``lineplot_*``, ``barplot_*``,
``scatterplot_*`` in tests/core/golden/components.json); this file covers the rest.
"""

from __future__ import annotations

from typing import Any

import pytest

import wasmui as gr
from wasmui.config import required_packages

pd = pytest.importorskip("pandas")


def _frame() -> Any:
    return pd.DataFrame({
        "day": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"]),
        "sales": [3.5, float("nan"), 7.0],
        "shop": ["north", "south", "north"],
    })


@pytest.mark.parametrize(("cls", "mark", "name"), [
    (gr.LinePlot, "line", "lineplot"), (gr.ScatterPlot, "point", "scatterplot"), (gr.BarPlot, "bar", "barplot")])
def test_dataframe_becomes_plot_data(cls: type[gr.LinePlot], mark: str, name: str) -> None:
    with gr.Blocks() as demo:
        plot = cls(_frame(), x="day", y="sales", color="shop")
    assert plot.value == {
        "columns": ["day", "sales", "shop"],
        "data": [[1704067200000, 3.5, "north"], [1704153600000, None, "south"], [1704240000000, 7.0, "north"]],
        "datatypes": {"day": "temporal", "sales": "quantitative", "shop": "nominal"},
        "mark": mark,
    }
    entry = demo.get_config()["components"][0]
    assert (entry["type"], entry["props"]["name"]) == ("nativeplot", name)


def test_payload_reaches_the_function_unchanged_as_gradio_passes_it(run: Any) -> None:
    seen: list[Any] = []
    with gr.Blocks() as demo:
        plot = gr.LinePlot(_frame(), x="day", y="sales")
        out = gr.Textbox()
        plot.change(lambda v: seen.append(v) or str(len(v["data"])), plot, out)
    assert run(demo, 0, [plot.value])[-1].data == ["3"]
    assert seen == [plot.value]
    assert plot.preprocess(None) is None


def test_bad_values_are_readable_errors(run: Any) -> None:
    plot = gr.BarPlot(x="a", y="b")
    with pytest.raises(gr.Error, match="expects its data as a dict"):
        plot.preprocess("not a plot")
    with pytest.raises(gr.Error, match="shows a pandas DataFrame"):
        plot.postprocess([[1, 2]])
    with pytest.raises(gr.Error, match="timedelta"):
        plot.postprocess(pd.DataFrame({"a": pd.to_timedelta([1, 2], unit="s"), "b": [1, 2]}))
    with gr.Blocks() as demo:
        n = gr.Number()
        p = gr.ScatterPlot(x="a", y="b")
        n.change(lambda k: pd.DataFrame({"a": [1] * int(k), "b": [2] * int(k)}) if k >= 0 else "oops", n, p)
    with pytest.raises(gr.Error, match="returned str"):
        run(demo, 0, [-1])
    assert run(demo, 0, [2])[-1].data[0]["data"] == [[1, 2], [1, 2]]  # the next event works


def test_brush_select_and_double_click_reach_python(run: Any) -> None:
    def brushed(evt: gr.SelectData) -> str:
        return f"{evt.index}|{evt.value}|{evt.selected}"

    with gr.Blocks() as demo:
        plot = gr.LinePlot(_frame(), x="day", y="sales")
        out = gr.Textbox()
        plot.select(brushed, None, out)
        plot.double_click(lambda: "reset", None, out)
    cfg = demo.get_config()
    assert cfg["components"][0]["props"]["_selectable"] is True
    assert [d["targets"] for d in cfg["dependencies"]] == [[[plot._id, "select"]], [[plot._id, "double_click"]]]
    # What the view sends for a brush over x (temporal ranges in seconds, as Gradio's view does).
    data = {"index": [1704067200.0, 1704153600.0], "value": [1704067200.0, 1704153600.0], "selected": True}
    assert run(demo, 0, [], event_data=data)[-1].data == ["[1704067200.0, 1704153600.0]|[1704067200.0, 1704153600.0]|True"]
    assert run(demo, 1, [])[-1].data == ["reset"]


def test_select_with_type_hint(run: Any) -> None:
    def brushed(evt: gr.SelectData) -> str:
        lo, hi = evt.index
        return f"{lo:.1f}-{hi:.1f}"

    with gr.Blocks() as demo:
        plot = gr.ScatterPlot(x="a", y="b")
        out = gr.Textbox()
        plot.select(brushed, None, out)
    assert run(demo, 0, [], event_data={"index": [1.25, 3.5], "value": [1.25, 3.5]})[-1].data == ["1.2-3.5"]


def test_updates_and_returned_instances(run: Any) -> None:
    with gr.Blocks() as demo:
        btn = gr.Button()
        plot = gr.BarPlot(x="k", y="v")
        btn.click(lambda: gr.BarPlot(pd.DataFrame({"k": ["a"], "v": [1]}), title="New"), None, plot)
        btn.click(lambda: gr.update(value=pd.DataFrame({"k": ["b"], "v": [2]}), y_lim=[0, 5]), None, plot)
    first = run(demo, 0, [])[-1].data[0]
    assert first["__type__"] == "update" and first["title"] == "New"
    assert first["value"]["data"] == [["a", 1]] and first["value"]["mark"] == "bar"
    second = run(demo, 1, [])[-1].data[0]
    assert second["value"]["data"] == [["b", 2]] and second["y_lim"] == [0, 5]


def test_callable_value_and_none() -> None:
    with gr.Blocks() as demo:
        plot = gr.LinePlot(lambda: pd.DataFrame({"a": [1], "b": [2]}), x="a", y="b")
        empty = gr.LinePlot()
    assert plot.value["data"] == [[1, 2]]
    assert empty.value is None and empty.postprocess(None) is None
    assert any(d["targets"][0][1] == "load" for d in demo.get_config()["dependencies"])


def test_api_info_and_packages() -> None:
    with gr.Blocks() as demo:
        plot = gr.LinePlot(x="a", y="b", label="Trend")
        out = gr.Textbox()
        plot.select(lambda v: "x", plot, out, api_name="pick")
    info = demo.get_api_info()["named_endpoints"]["/pick"]["parameters"][0]
    assert info["component"] == "Lineplot"  # Gradio's name, not the shared view type
    assert info["type"] == {"type": {}, "description": "any valid json"}
    assert info["python_type"]["type"] == "str | float | bool | list | dict"
    assert required_packages(demo) == {"pandas"}
