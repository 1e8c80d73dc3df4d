"""``gr.Dataset``: the clickable table behind ``gr.Examples``."""

from __future__ import annotations

import warnings
from typing import Any, Literal

from wasmui.components.base import Component
from wasmui.exceptions import Error


def _example_cell(component: Component, value: Any) -> Any:
    """How ``component`` shows ``value`` in the table; a value it rejects is shown as given.

    Gradio does not validate example cells when it builds the table (a demo whose example
    rows are longer than its inputs still starts), so neither do we; clicking such an
    example reports the problem then.
    """
    try:
        return component.process_example(value)
    except Error as exc:
        warnings.warn(f"example value {value!r} for {type(component).__name__}: {exc}", stacklevel=3)
        return value


class Dataset(Component):
    """A table of sample rows; clicking one sends its index (or values)."""

    CONFIG_PROPS = ("label", "show_label", "components", "component_props", "component_ids", "samples", "headers", "type", "layout", "samples_per_page", "visible", "elem_id", "elem_classes", "key", "preserved_by_key", "container", "scale", "min_width", "proxy_url", "sample_labels")

    EVENTS = ["change", "click", "select"]

    def __init__(
        self,
        *,
        label: str | None = None,
        show_label: bool = True,
        components: list[Component] | list[str] | None = None,
        component_props: list[dict[str, Any]] | None = None,
        samples: list[list[Any]] | None = None,
        headers: list[str] | None = None,
        type: Literal["values", "index", "tuple"] = "values",
        layout: Literal["gallery", "table"] | None = None,
        samples_per_page: int = 10,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        proxy_url: str | None = None,
        sample_labels: list[str] | None = None,
    ) -> None:
        self._components = [c for c in components or [] if isinstance(c, Component)]
        # Each component's own props (None included, value left out), as Gradio recovers them.
        self.component_props = component_props or [
            {k: v for k, v in c.get_config().items() if k not in ("name", "value", "_selectable")}
            for c in self._components]
        self.components = [{"name": c.get_block_name(), "class_id": c.component_class_id} for c in self._components]
        self.component_ids = [c._id for c in self._components]
        self.samples = [
            [_example_cell(c, v) if isinstance(c, Component) else v for c, v in zip(self._components, row)]
            if self._components else list(row)
            for row in samples or []
        ]
        self.raw_samples = samples or []
        if headers is not None:
            self.headers = headers
        elif all(c.label is None for c in self._components):
            self.headers = []
        else:
            self.headers = [c.label or "" for c in self._components]
        self.type = type
        self.layout = layout
        self.samples_per_page = samples_per_page
        self.proxy_url = proxy_url
        self.sample_labels = sample_labels
        super().__init__(label=label, show_label=show_label, visible=visible, elem_id=elem_id,
                         elem_classes=elem_classes, render=render, key=key, preserved_by_key=preserved_by_key,
                         container=container, scale=scale, min_width=min_width)

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        index = payload if isinstance(payload, int) else (payload[0] if isinstance(payload, list) and payload else 0)
        if self.type == "index":
            return index
        if not isinstance(index, int) or not 0 <= index < len(self.raw_samples):
            raise Error(f"No sample {index!r}: this dataset has {len(self.raw_samples)} samples.")
        row = self.raw_samples[index]
        return tuple([index, row]) if self.type == "tuple" else row

    def postprocess(self, value: Any) -> Any:
        if isinstance(value, list):
            return {"samples": value, "__type__": "update"}
        return value

    def api_info(self) -> dict[str, Any]:
        return {"type": "integer", "description": "index of selected example"}

    def example_payload(self) -> Any:
        return 0

    def example_value(self) -> Any:
        return []
