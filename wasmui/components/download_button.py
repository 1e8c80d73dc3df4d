"""``gr.DownloadButton``: a button whose value is a file downloaded on click."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from wasmui.components.file_base import FileComponent
from wasmui.components.upload_button import button_file_data


class DownloadButton(FileComponent):
    """Downloads its value (a file path) when clicked, and fires ``click``."""

    CONFIG_PROPS = ("label", "value", "variant", "visible", "size", "icon", "scale", "min_width", "interactive",
                    "elem_id", "elem_classes", "key", "preserved_by_key")

    EVENTS = ["change", "click"]
    PYTHON_TYPE = "filepath"

    def __init__(
        self,
        label: str = "Download",
        value: str | Path | Any | None = None,
        *,
        every: Any = None,
        inputs: Any = None,
        variant: Literal["primary", "secondary", "stop"] = "secondary",
        visible: bool | str = True,
        size: Literal["sm", "md", "lg"] = "lg",
        icon: str | None = None,
        scale: int | None = None,
        min_width: int | None = None,
        interactive: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
    ) -> None:
        self.variant = variant
        self.size = size
        self.icon = icon
        super().__init__(value, label=label, every=every, inputs=inputs, visible=visible, interactive=interactive,
                         elem_id=elem_id, elem_classes=elem_classes, render=render, key=key,
                         preserved_by_key=preserved_by_key, scale=scale, min_width=min_width)

    def preprocess(self, payload: Any) -> str | None:
        if payload is None:
            return None
        return str(payload["path"]) if isinstance(payload, dict) else str(payload)

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        data = button_file_data(value, with_size=False)
        return data

    def process_example(self, value: Any) -> str:
        return "" if value is None else Path(str(value)).name
