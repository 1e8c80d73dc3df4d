"""``gr.DownloadButton``: a button whose value is a file downloaded on click."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from wasmui.components.base import Component
from wasmui.components.file import file_data_schema
from wasmui.components.upload_button import button_file_data

_SAMPLE_URL = "https://github.com/gradio-app/gradio/raw/main/test/test_files/sample_file.pdf"


class DownloadButton(Component):
    """Downloads its value (a file path) when clicked, and fires ``click``."""

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

    def config_params(self) -> list[str]:
        return [p for p in super().config_params() if p not in ("info", "show_label", "container")]

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

    def api_info(self) -> dict[str, Any]:
        return file_data_schema(False)

    def example_payload(self) -> Any:
        return {"path": _SAMPLE_URL, "meta": {"_type": "gradio.FileData"}, "orig_name": "sample_file.pdf",
                "url": _SAMPLE_URL}

    def example_value(self) -> Any:
        return _SAMPLE_URL
