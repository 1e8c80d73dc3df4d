"""``gr.Dataframe``: a spreadsheet-like table.

The payload is Gradio's ``{"headers", "data", "metadata"}``. Values arrive from
pandas DataFrames and Stylers, polars and numpy, lists and dicts; they leave as
a pandas DataFrame (default), numpy array, polars DataFrame or list of lists.
pandas/numpy/polars are imported only inside the functions that need them, so
``import wasmui`` stays stdlib-only.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Any, Literal

from wasmui.components.base import Component, component_kwargs
from wasmui.exceptions import Error

TYPES = ("pandas", "numpy", "array", "polars")
DATATYPES = ("str", "number", "bool", "date", "markdown", "html", "image", "auto")

# dtype name (brackets and trailing digits removed, lower-cased) → Dataframe datatype,
# as Gradio infers it for ``datatype="auto"``.
_DTYPE_TO_DATATYPE = {
    "str": "str", "object": "str", "string": "str", "utf": "str", "int": "number",
    "float": "number", "bool": "bool", "boolean": "bool", "datetime": "date", "date": "date",
    "timedelta": "date", "timestamp": "date", "category": "str", "categorical": "str",
}
_BRACKETS = re.compile(r"\[.*?\]|\(.*?\)")
_TRAILING_DIGITS = re.compile(r"\s*\d+\s*$")

_API_INFO: dict[str, Any] = {
    "properties": {
        "headers": {"items": {}, "title": "Headers", "type": "array"},
        "data": {"items": {"items": {}, "type": "array"}, "title": "Data", "type": "array"},
        "metadata": {
            "anyOf": [
                {"additionalProperties": {"anyOf": [{"items": {}, "type": "array"}, {"type": "null"}]}, "type": "object"},
                {"type": "null"},
            ],
            "default": None,
            "title": "Metadata",
        },
    },
    "required": ["headers", "data"],
    "title": "DataframeData",
    "type": "object",
    "additional_description": None,
}


def process_count(count: Any, default: int = 3) -> tuple[int, str]:
    """``row_count``/``column_count`` → ``(n, "dynamic"|"fixed")`` (Gradio's config shape)."""
    if count is None:
        return (default, "dynamic")
    if isinstance(count, (int, float)) and not isinstance(count, bool):
        return (int(count), "dynamic")
    if isinstance(count, (tuple, list)) and len(count) == 2 and count[1] in ("fixed", "dynamic"):
        return (int(count[0]), str(count[1]))
    raise ValueError(f"Invalid count {count!r}: use an int or a tuple (n, 'fixed' | 'dynamic').")


def _type_name(obj: Any) -> str:
    return f"{type(obj).__module__}.{type(obj).__qualname__}"


def _is_pandas_frame(value: Any) -> bool:
    return _type_name(value) == "pandas.DataFrame" or _type_name(value) == "pandas.core.frame.DataFrame"


def _is_styler(value: Any) -> bool:
    return type(value).__name__ == "Styler" and type(value).__module__.startswith("pandas.")


def _is_polars_frame(value: Any) -> bool:
    return type(value).__name__ == "DataFrame" and type(value).__module__.startswith("polars")


def _is_ndarray(value: Any) -> bool:
    return type(value).__name__ == "ndarray" and type(value).__module__ == "numpy"


def json_cell(value: Any) -> Any:
    """One cell as a JSON value: numpy scalars unwrapped, NaN/NaT → None, dates as ISO text."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if type(value).__name__ == "NaTType":
        return None
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if hasattr(value, "item") and type(value).__module__ == "numpy":  # numpy scalar
        return json_cell(value.item())
    if type(value).__name__ == "Timedelta":
        return str(value)
    if isinstance(value, (list, tuple)):
        return [json_cell(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_cell(v) for k, v in value.items()}
    try:  # pandas.NA and friends
        import pandas as pd

        if value is pd.NA:
            return None
    except ImportError:
        pass
    return str(value)


def _rows(data: Any) -> list[list[Any]]:
    """A list of rows (lists), whatever sequence shape the user returned."""
    rows = list(data)
    if not rows:
        return []
    if not isinstance(rows[0], (list, tuple)):
        return [[json_cell(v)] for v in rows]
    return [[json_cell(v) for v in row] for row in rows]


def styler_metadata(styler: Any, hidden: set[int]) -> dict[str, list[list[str]]]:
    """Per-cell CSS and display values of a pandas Styler (what its HTML would show)."""
    # Styler has no public per-cell accessor; ``_translate`` is what ``to_html`` renders from.
    translated = styler._compute()._translate(None, None)
    css: dict[str, str] = {}
    for style in translated.get("cellstyle", []):
        text = "; ".join(f"{prop}: {val}" for prop, val in style.get("props", []))
        for selector in style.get("selectors", []):
            css[selector] = text
    display: list[list[str]] = []
    styling: list[list[str]] = []
    for row in translated["body"]:
        cells = [c for c in row if c.get("type") == "td"]
        cells = [c for i, c in enumerate(cells) if i not in hidden]
        display.append([str(c.get("display_value", "")) for c in cells])
        styling.append([css.get(c.get("id", ""), "") for c in cells])
    return {"display_value": display, "styling": styling}


def table_of(value: Any) -> tuple[list[Any], list[list[Any]], dict[str, Any] | None]:
    """``(headers, rows, metadata)`` of any supported value; headers may be empty."""
    if isinstance(value, dict):
        if "data" not in value and value:
            # A dict of columns ({"a": [1, 2], "b": [3, 4]}) reads as pandas would.
            if all(isinstance(v, (list, tuple)) for v in value.values()):
                headers = list(value)
                return headers, _rows(zip(*value.values())), None
        return list(value.get("headers") or []), _rows(value.get("data") or []), value.get("metadata")
    if isinstance(value, str):
        import pandas as pd

        value = pd.read_csv(value)
    if _is_styler(value):
        hidden = {int(c) for c in getattr(value, "hidden_columns", [])}
        frame = value.data
        keep = [i for i in range(frame.shape[1]) if i not in hidden]
        frame = frame.iloc[:, keep]
        meta = styler_metadata(value, hidden) if frame.shape[0] else None
        return [json_cell(c) for c in frame.columns], _rows(frame.itertuples(index=False, name=None)), meta
    if _is_pandas_frame(value):
        return [json_cell(c) for c in value.columns], _rows(value.itertuples(index=False, name=None)), None
    if _is_polars_frame(value):
        return list(value.columns), _rows(value.rows()), None
    if _is_ndarray(value):
        return [], _rows(value.tolist()), None
    if isinstance(value, (list, tuple)):
        return [], _rows(value), None
    raise Error(f"Cannot show a value of type {type(value).__name__} in gr.Dataframe.")


def auto_datatypes(value: Any) -> str | list[str]:
    """Per-column datatypes inferred from dtypes (``datatype="auto"``)."""

    def norm(name: str) -> str:
        return _DTYPE_TO_DATATYPE.get(_TRAILING_DIGITS.sub("", _BRACKETS.sub("", name)).lower(), "str")

    if _is_styler(value):
        value = value.data
    if _is_pandas_frame(value) or _is_polars_frame(value):
        return [norm(str(d)) for d in value.dtypes]
    if _is_ndarray(value):
        if value.size == 0 or value.ndim < 2:
            return "str"
        return [norm(type(value[0, i]).__name__) for i in range(value.shape[1])]
    if isinstance(value, list) and value and isinstance(value[0], (list, tuple)):
        return [norm(type(v).__name__) for v in value[0]]
    return "str"


class Dataframe(Component):
    """A table of values; editable when it is an input."""

    CONFIG_PROPS = ("value", "headers", "row_count", "row_limits", "col_count", "column_count", "column_limits",
                    "datatype", "type", "latex_delimiters", "label", "show_label", "max_height", "scale", "min_width",
                    "interactive", "visible", "elem_id", "elem_classes", "key", "preserved_by_key", "wrap", "line_breaks",
                    "column_widths", "buttons", "show_row_numbers", "max_chars", "show_search", "pinned_columns",
                    "static_columns")
    EVENTS = ["change", "input", "select", "edit"]
    DEFAULT_BUTTONS = None
    PYTHON_TYPE = "Dict(headers: List[Any], data: List[List[Any]], metadata: Dict(str, List[Any] | None) | None)"

    def __init__(
        self,
        value: Any = None,
        *,
        headers: list[str] | None = None,
        row_count: int | tuple[int, str] | None = None,
        row_limits: tuple[int | None, int | None] | None = None,
        col_count: int | tuple[int, str] | None = None,
        column_count: int | tuple[int, str] | None = None,
        column_limits: tuple[int | None, int | None] | None = None,
        datatype: str | list[str] = "str",
        type: Literal["pandas", "numpy", "array", "polars"] = "pandas",
        latex_delimiters: list[dict[str, str | bool]] | None = None,
        label: str | None = None,
        show_label: bool | None = None,
        every: Any = None,
        inputs: Any = None,
        max_height: int | str = 500,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        wrap: bool = False,
        line_breaks: bool = True,
        column_widths: list[str | int] | None = None,
        buttons: list[str] | None = None,
        show_row_numbers: bool = False,
        max_chars: int | None = None,
        show_search: Literal["none", "search", "filter"] = "none",
        pinned_columns: int | None = None,
        static_columns: list[int] | None = None,
    ) -> None:
        if type not in TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: {list(TYPES)}")
        if type == "polars":
            import importlib.util

            if importlib.util.find_spec("polars") is None:
                raise ImportError("Polars is not installed. Please install using `pip install polars`.")
        self.type = type
        self.wrap = wrap
        self.row_count = process_count(row_count)
        self.row_limits = row_limits
        # Gradio 6.31 accepts the deprecated ``col_count`` but sizes by ``column_count`` only.
        self.column_count = self.col_count = process_count(column_count, len(headers) if headers else 3)
        self.column_limits = column_limits
        self.static_columns = static_columns or []
        if headers is not None and len(headers) != self.column_count[0]:
            raise ValueError(
                f"The length of the headers list must be equal to the column_count. The column count is "
                f"set to {self.column_count[0]} but `headers` has {len(headers)} items."
            )
        self.headers = list(headers) if headers is not None else [str(i) for i in range(1, self.column_count[0] + 1)]
        self.datatype: str | list[str] = auto_datatypes(value) if datatype == "auto" else datatype
        self.latex_delimiters = latex_delimiters if latex_delimiters is not None else [{"left": "$$", "right": "$$", "display": True}]
        self.max_height = max_height
        self.line_breaks = line_breaks
        self.column_widths = [
            w if isinstance(w, str) and (w.endswith(("px", "%")) or w == "auto") else f"{w}px" for w in (column_widths or [])
        ]
        self.buttons = buttons
        self.show_row_numbers = show_row_numbers
        self.max_chars = max_chars
        self.show_search = show_search
        self.pinned_columns = pinned_columns
        # pandas' Styler imports jinja2, which Pyodide distributions often lack: the build
        # fetches it when the app's table starts as a Styler (apps that return Stylers from
        # functions list jinja2 in requirements.txt).
        self._styled = _is_styler(value)
        super().__init__(**component_kwargs(locals()))

    def required_packages(self) -> set[str]:
        """pandas for DataFrame values, jinja2 too when the value is a pandas Styler."""
        return {"pandas", "jinja2"} if self._styled else set()

    def required_input_packages(self) -> set[str]:
        """An input of ``type="pandas"`` (the default) hands the function a pandas DataFrame."""
        return {"pandas"} if self.type == "pandas" else set()

    # -- payload ← value -------------------------------------------------------
    def postprocess(self, value: Any) -> dict[str, Any]:
        """Any supported table value → ``{"headers", "data", "metadata"}``."""
        if value is None:
            return {"headers": list(self.headers), "data": [], "metadata": None}
        headers, rows, metadata = table_of(value)
        headers = headers or list(self.headers)
        if not rows or (len(rows) == 1 and not rows[0]):
            return {"headers": headers, "data": [], "metadata": None}
        width = len(rows[0])
        if len(headers) > width:
            headers = headers[:width]
        elif len(headers) < width:
            headers = [*headers, *[str(i) for i in range(len(headers) + 1, width + 1)]]
        return {"headers": headers, "data": rows, "metadata": metadata}

    # -- payload → value -------------------------------------------------------
    def preprocess(self, payload: Any) -> Any:
        """``{"headers", "data"}`` → pandas DataFrame / numpy array / polars / list of lists."""
        if payload is None:
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
            raise Error("A Dataframe value must be an object with `headers` and `data` lists.")
        data = payload["data"]
        if data == [[]]:
            data = []
        headers = payload.get("headers")
        if self.type == "array":
            return data
        if self.type == "numpy":
            import numpy as np

            return np.array(data)
        if self.type == "polars":
            import polars as pl

            return pl.DataFrame(data, schema=headers, orient="row") if headers is not None else pl.DataFrame(data)
        import pandas as pd

        if headers is None:
            return pd.DataFrame(data)
        if data and any(len(r) != len(headers) for r in data):
            raise Error(f"Every Dataframe row must have {len(headers)} cells (one per header).")
        return pd.DataFrame(data, columns=headers)

    # -- schema and examples ----------------------------------------------------
    def api_info(self) -> dict[str, Any]:
        import copy

        return copy.deepcopy(_API_INFO)

    def example_payload(self) -> Any:
        return {"headers": ["a", "b"], "data": [["foo", "bar"]]}

    def example_value(self) -> Any:
        return {"headers": ["a", "b"], "data": [["foo", "bar"]]}

    def process_example(self, value: Any) -> Any:
        """The first five rows, as Gradio shows a Dataframe in an examples table."""
        if value is None:
            return ""
        return self.postprocess(value)["data"][:5]
