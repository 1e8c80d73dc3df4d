"""``gr.Plot``: a matplotlib, Plotly, Altair or Bokeh figure shown in the page.

The payload is Gradio's ``PlotData``: ``{"type": kind, "plot": text}``. matplotlib
figures are drawn here (Agg) into an image data URL; the others travel as their
library's JSON (``to_json()``; Bokeh's ``json_item``) and the view draws them with
that library's JavaScript. The figure libraries are imported only when a figure of
theirs arrives, so ``import wasmui`` stays stdlib-only.
"""

from __future__ import annotations

import base64
import copy
import io
import json
from types import ModuleType
from typing import Any, Literal

from wasmui.components.base import COMMON_PROPS, Component, component_kwargs
from wasmui.exceptions import Error

PLOT_TYPES = ("altair", "bokeh", "plotly", "matplotlib")
_SCHEMA: dict[str, Any] = {
    "properties": {
        "type": {"enum": list(PLOT_TYPES), "title": "Type", "type": "string"},
        "plot": {"title": "Plot", "type": "string"},
    },
    "required": ["type", "plot"],
    "title": "PlotData",
    "type": "object",
    "additional_description": None,
}


def _library(value: Any) -> str:
    """The top-level package a figure object comes from (``""`` when unknown)."""
    if isinstance(value, ModuleType):
        return value.__name__.split(".", 1)[0]
    return str(getattr(type(value), "__module__", "")).split(".", 1)[0]


def _savefig(target: Any, fmt: str) -> tuple[bytes, str]:
    """Draws a matplotlib figure (or ``pyplot`` itself) as ``fmt``; PNG when ``fmt`` is not drawable.

    Gradio's default is WebP, which needs a Pillow built with libwebp; a distribution
    without it still shows the figure (as PNG) instead of failing the event.
    """
    for attempt in dict.fromkeys([fmt or "png", "png"]):
        with io.BytesIO() as out:
            try:
                target.savefig(out, format=attempt)
            except (ValueError, KeyError, OSError):
                if attempt == "png":
                    raise
                continue
            return out.getvalue(), attempt
    raise AssertionError("unreachable")


def matplotlib_payload(value: Any, fmt: str) -> dict[str, str]:
    """A figure, an Axes or the ``pyplot`` module as Gradio's matplotlib ``PlotData``."""
    target = value.figure if hasattr(value, "figure") and not hasattr(value, "savefig") else value
    if not hasattr(target, "savefig"):
        raise Error(f"gr.Plot cannot draw a {type(value).__name__}: return a matplotlib Figure.")
    data, used = _savefig(target, fmt)
    try:
        import matplotlib.pyplot as plt
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover - a matplotlib object without matplotlib
        pass
    else:
        if isinstance(target, Figure):
            plt.close(target)  # as Gradio does: a returned figure is not drawn again
    return {"type": "matplotlib", "plot": f"data:image/{used};base64,{base64.b64encode(data).decode('ascii')}"}


class Plot(Component):
    """Shows a plot; the function returns a matplotlib, Plotly, Altair or Bokeh figure (or ``None``)."""

    CONFIG_PROPS = (*COMMON_PROPS, "format", "buttons", "bokeh_version")
    EVENTS = ["change"]
    PYTHON_TYPE = "PlotData"
    DEFAULT_BUTTONS = ()

    def __init__(
        self,
        value: Any | None = None,
        *,
        format: str = "webp",
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        visible: bool | Literal["hidden"] = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[int | str, ...] | None = None,
        preserved_by_key: list[str] | str | None = "value",
        buttons: list[Any] | None = None,
    ) -> None:
        self.format = format
        self.buttons = list(buttons) if buttons is not None else []
        super().__init__(**component_kwargs(locals()))

    @property
    def bokeh_version(self) -> str | None:
        """The installed bokeh's version, as Gradio sends it (None without bokeh)."""
        from importlib import metadata

        try:
            return metadata.version("bokeh")
        except metadata.PackageNotFoundError:
            return None

    def preprocess(self, payload: Any) -> dict[str, Any] | None:
        # Rarely an input; the function gets the PlotData as sent (Gradio's behaviour).
        if payload is None:
            return None
        if not isinstance(payload, dict) or payload.get("type") not in PLOT_TYPES or not isinstance(payload.get("plot"), str):
            raise Error("Plot expects {'type': 'matplotlib' | 'plotly' | 'altair' | 'bokeh', 'plot': str}.")
        return payload

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        if isinstance(value, dict) and value.get("type") in PLOT_TYPES and isinstance(value.get("plot"), str):
            return dict(value)  # already a PlotData payload
        library = _library(value)
        if library == "matplotlib":
            return matplotlib_payload(value, self.format)
        if library == "bokeh":
            from bokeh.embed import json_item

            return {"type": "bokeh", "plot": json.dumps(json_item(value))}
        if library in ("altair", "plotly") and hasattr(value, "to_json"):
            return {"type": library, "plot": value.to_json()}
        raise Error(f"gr.Plot cannot show a {type(value).__module__}.{type(value).__name__}: return a matplotlib, "
                    "Plotly, Altair or Bokeh figure.")

    def required_packages(self) -> set[str]:
        # The app imports its figure library itself (the build sees that import).
        return set()

    def api_info(self) -> dict[str, Any]:
        return copy.deepcopy(_SCHEMA)

    def example_payload(self) -> Any:
        return None

    def example_value(self) -> Any:
        return None
