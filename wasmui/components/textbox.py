"""``gr.Textbox`` (and its ``TextArea`` template): single- or multi-line text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from wasmui.components.base import COMMON_PROPS, FormComponent, component_kwargs


@dataclass
class InputHTMLAttributes:
    """HTML attributes put on the Textbox's ``<input>``/``<textarea>`` (``html_attributes=``)."""

    autocapitalize: Literal["off", "none", "on", "sentences", "words", "characters"] | None = None
    autocorrect: Literal["on", "off"] | None = None
    spellcheck: bool | None = None
    autocomplete: str | None = None
    tabindex: int | None = None
    enterkeyhint: Literal["enter", "done", "go", "next", "previous", "search", "send"] | None = None
    lang: str | None = None


class Textbox(FormComponent):
    """A text field; the function receives and returns ``str``."""

    CONFIG_PROPS = COMMON_PROPS + ("type", "lines", "max_lines", "placeholder", "autofocus", "autoscroll", "text_align", "rtl", "buttons", "max_length", "submit_btn", "stop_btn", "html_attributes")

    EVENTS = ["change", "input", "select", "submit", "focus", "blur", "stop", "copy"]
    PYTHON_TYPE = "str"

    def __init__(
        self,
        value: str | Any | None = None,
        *,
        type: Literal["text", "password", "email"] = "text",
        lines: int = 1,
        max_lines: int | None = None,
        placeholder: str | None = None,
        label: str | None = None,
        info: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        autofocus: bool = False,
        autoscroll: bool = True,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        text_align: Literal["left", "right"] | None = None,
        rtl: bool = False,
        buttons: list[Any] | None = None,
        max_length: int | None = None,
        submit_btn: str | bool | None = False,
        stop_btn: str | bool | None = False,
        html_attributes: Any = None,
    ) -> None:
        if type not in ("text", "password", "email"):
            raise ValueError("`type` must be one of 'text', 'password', or 'email'.")
        self.type = type
        self.lines = lines
        # None is kept: the view derives max(lines, 20) (one line for password/email).
        self.max_lines = max_lines
        self.placeholder = placeholder
        self.autofocus = autofocus
        self.autoscroll = autoscroll
        self.text_align = text_align
        self.rtl = rtl
        self.buttons = buttons
        self.max_length = max_length
        self.submit_btn = submit_btn
        self.stop_btn = stop_btn
        self.html_attributes = html_attributes
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: str | None) -> str | None:
        return None if payload is None else str(payload)

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else str(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> Any:
        return "Hello!!"

    def example_value(self) -> Any:
        return "Hello!!"


class TextArea(Textbox):
    """A ``Textbox`` with 7 lines by default."""

    def __init__(self, value: str | Any | None = None, *, lines: int = 7, max_lines: int | None = 20, **kwargs: Any) -> None:
        super().__init__(value, lines=lines, max_lines=max_lines, **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "textbox"


Text = Textbox
