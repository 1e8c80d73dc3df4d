"""``gr.LinePlot``, ``gr.ScatterPlot`` and ``gr.BarPlot``: Gradio's native plots.

The three share one base, as in Gradio: the config ``type`` is ``nativeplot`` for
all of them (one view draws them with Vega-Lite), the props ``name`` is the class
name, and the value is Gradio's ``PlotData`` payload::

    {"columns": [...], "data": [[...], ...],
     "datatypes": {column: "quantitative" | "nominal" | "temporal"}, "mark": "line" | "point" | "bar"}

A pandas DataFrame becomes that payload (datetimes as epoch milliseconds, NaN as
null, as ``DataFrame.to_json(orient="split", date_unit="ms")`` writes them). As an
input, the function receives the payload dict itself, as real Gradio 6.31 passes
it (its ``preprocess`` returns the payload unchanged). pandas is imported inside
the functions that need it, so ``import wasmui`` stays stdlib-only.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from typing import Any, ClassVar, Literal

from wasmui.components.base import Component, component_kwargs
from wasmui.exceptions import Error

_PLOT_PROPS: tuple[str, ...] = (
    "value", "x", "y", "color", "title", "x_title", "y_title", "color_title", "x_bin", "y_aggregate",
    "color_map", "colors_in_legend", "x_lim", "y_lim", "x_label_angle", "y_label_angle", "x_axis_format",
    "y_axis_format", "x_axis_labels_visible", "caption", "sort", "tooltip", "height", "label", "show_label",
    "container", "scale", "min_width", "visible", "elem_id", "elem_classes", "buttons", "key", "preserved_by_key",
)
_PLOT_KEYS = ("columns", "data", "datatypes", "mark")


def _datatype(frame: Any, column: Any) -> str:
    """Vega-Lite's type of a DataFrame column, as Gradio simplifies a dtype."""
    import pandas as pd

    dtype = frame[column].dtype
    types = pd.api.types
    if types.is_numeric_dtype(dtype):  # bool counts as numeric, as in Gradio
        return "quantitative"
    if types.is_string_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype):
        return "nominal"
    if types.is_datetime64_any_dtype(dtype):
        return "temporal"
    raise Error(f"Plot column {column!r} has dtype {dtype}, which a plot cannot show: use numbers, text or "
                "datetimes (e.g. convert timedeltas with .dt.total_seconds()).")


def _is_dataframe(value: Any) -> bool:
    return type(value).__name__ == "DataFrame" and type(value).__module__.startswith("pandas")


class NativePlot(Component):
    """The shared base of the native plots (``gradio.components.NativePlot``)."""

    CONFIG_PROPS = _PLOT_PROPS
    EVENTS = ["change", "select", "double_click"]
    PYTHON_TYPE = "str | float | bool | list | dict"
    #: Vega-Lite mark of the plot (``PlotData.mark``).
    MARK: ClassVar[str] = "native"

    def __init__(
        self,
        value: Any | Callable[..., Any] | None = None,
        x: str | None = None,
        y: str | None = None,
        *,
        color: str | None = None,
        title: str | None = None,
        x_title: str | None = None,
        y_title: str | None = None,
        color_title: str | None = None,
        x_bin: str | float | None = None,
        y_aggregate: Literal["sum", "mean", "median", "min", "max", "count"] | None = None,
        color_map: dict[str, str] | None = None,
        colors_in_legend: list[str] | None = None,
        x_lim: list[float | None] | None = None,
        y_lim: list[float | None] | None = None,
        x_label_angle: float = 0,
        y_label_angle: float = 0,
        x_axis_format: str | None = None,
        y_axis_format: str | None = None,
        x_axis_labels_visible: bool | Literal["hidden"] = True,
        caption: str | None = None,
        sort: Literal["x", "y", "-x", "-y"] | list[str] | None = None,
        tooltip: Literal["axis", "none", "all"] | list[str] = "axis",
        height: int | None = None,
        label: str | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        every: Any = None,
        inputs: Any = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        buttons: list[Any] | None = None,
        key: int | str | tuple[int | str, ...] | None = None,
        preserved_by_key: list[str] | str | None = "value",
    ) -> None:
        self.x, self.y, self.color = x, y, color
        self.title, self.x_title, self.y_title, self.color_title = title, x_title, y_title, color_title
        self.x_bin, self.y_aggregate = x_bin, y_aggregate
        self.color_map, self.colors_in_legend = color_map, colors_in_legend
        self.x_lim, self.y_lim = x_lim, y_lim
        self.x_label_angle, self.y_label_angle = x_label_angle, y_label_angle
        self.x_axis_format, self.y_axis_format = x_axis_format, y_axis_format
        self.x_axis_labels_visible = x_axis_labels_visible
        self.caption, self.sort, self.tooltip, self.height = caption, sort, tooltip, height
        self.buttons = list(buttons) if buttons is not None else None
        # Gradio hides the label of a plot nobody labelled.
        if label is None and show_label is None:
            show_label = False
        super().__init__(**component_kwargs(locals()))

    @classmethod
    def get_block_name(cls) -> str:
        return "nativeplot"

    @classmethod
    def get_block_class(cls) -> str:
        # Gradio's ``name`` is the class (lineplot/scatterplot/barplot); ``type`` is nativeplot.
        return cls.__name__.lower()

    def preprocess(self, payload: Any) -> dict[str, Any] | None:
        """The plot's payload, unchanged (real Gradio 6.31 passes the ``PlotData`` dict)."""
        if payload is None:
            return None
        if not isinstance(payload, dict):
            raise Error(f"{type(self).__name__} expects its data as a dict with {', '.join(_PLOT_KEYS)}; "
                        f"got {type(payload).__name__}.")
        return payload

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """A pandas DataFrame → ``PlotData``; ``None`` and dicts (a payload or an update) pass through."""
        if value is None or isinstance(value, dict):
            return value
        if not _is_dataframe(value):
            raise Error(f"{type(self).__name__} shows a pandas DataFrame; the function returned "
                        f"{type(value).__name__}.")
        with warnings.catch_warnings():  # pandas 3 warns that epoch dates (Gradio's wire format) will change
            warnings.simplefilter("ignore")
            split = json.loads(value.to_json(orient="split", date_format="epoch", date_unit="ms"))
        return {
            "columns": split["columns"],
            "data": split["data"],
            "datatypes": {col: _datatype(value, col) for col in value.columns},
            "mark": self.MARK,
        }

    def api_info(self) -> dict[str, Any]:
        return {"type": {}, "description": "any valid json"}

    def example_payload(self) -> Any:
        return None

    def example_value(self) -> Any:
        import pandas as pd

        return pd.DataFrame({self.x or "x": [1, 2, 3], self.y or "y": [4, 5, 6]})

    def required_packages(self) -> set[str]:
        return {"pandas"}


class LinePlot(NativePlot):
    """A line plot of a pandas DataFrame (``x`` against ``y``, one line per ``color``)."""

    MARK = "line"


class ScatterPlot(NativePlot):
    """A scatter plot of a pandas DataFrame."""

    MARK = "point"


class BarPlot(NativePlot):
    """A bar plot of a pandas DataFrame (``y`` aggregated per ``x`` category or bin)."""

    MARK = "bar"
