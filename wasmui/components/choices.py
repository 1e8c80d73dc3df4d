"""Choice components: ``gr.Radio``, ``gr.CheckboxGroup`` and ``gr.Dropdown``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from wasmui.components.base import COMMON_PROPS, FormComponent, component_kwargs
from wasmui.exceptions import Error

_UNSET: Any = object()


def normalise_choices(choices: Sequence[Any] | None) -> list[tuple[Any, Any]]:
    """Values or ``(name, value)`` pairs → ``(name, value)`` pairs (name shown, value passed)."""
    return [tuple(c) if isinstance(c, (tuple, list)) else (str(c), c) for c in choices or []]


class _ChoiceComponent(FormComponent):
    """Shared checks: a submitted value must be one of the choices."""

    choices: list[tuple[Any, Any]]
    type: str

    def _values(self) -> list[Any]:
        return [v for _, v in self.choices]

    def _check(self, value: Any) -> None:
        if value not in self._values() and not getattr(self, "allow_custom_value", False):
            raise Error(f"Value: {value!r} (type: {type(value)}) is not in the list of choices: {self._values()}")

    def _as_index(self, value: Any) -> int | None:
        values = self._values()
        return values.index(value) if value in values else None

    def process_update(self, update: dict[str, Any], postprocess: bool = True) -> dict[str, Any]:
        if update.get("choices") is not None:
            # Views expect (name, value) pairs, as in the initial config.
            update["choices"] = [list(c) for c in normalise_choices(update["choices"])]
        return super().process_update(update, postprocess)


class Radio(_ChoiceComponent):
    """One choice out of a list of radio buttons."""

    CONFIG_PROPS = ("choices", "type") + COMMON_PROPS + ("rtl", "buttons")

    EVENTS = ["select", "change", "input"]
    PYTHON_TYPE = "str"

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = None,
        type: Literal["value", "index"] = "value",
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
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        rtl: bool = False,
        buttons: list[Any] | None = None,
    ) -> None:
        if type not in ("value", "index"):
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: ['value', 'index']")
        self.choices = normalise_choices(choices)
        self.type = type
        self.rtl = rtl
        self.buttons = buttons
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        self._check(payload)
        return self._as_index(payload) if self.type == "index" else payload

    def api_info(self) -> dict[str, Any]:
        return {"enum": self._values(), "title": "Radio", "type": "string"}

    def example_payload(self) -> Any:
        return self.choices[0][1] if self.choices else None

    def example_value(self) -> Any:
        return self.example_payload()


class CheckboxGroup(_ChoiceComponent):
    """Several choices out of a list of checkboxes; the function receives a list."""

    CONFIG_PROPS = ("choices", "type", "show_select_all") + COMMON_PROPS + ("buttons",)

    EVENTS = ["change", "input", "select"]
    PYTHON_TYPE = "List[str]"

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = None,
        type: Literal["value", "index"] = "value",
        label: str | None = None,
        info: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        show_select_all: bool = False,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        buttons: list[Any] | None = None,
    ) -> None:
        if type not in ("value", "index"):
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: ['value', 'index']")
        self.choices = normalise_choices(choices)
        self.type = type
        self.show_select_all = show_select_all
        self.buttons = buttons
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> list[Any]:
        items = payload if isinstance(payload, list) else ([] if payload is None else [payload])
        for item in items:
            self._check(item)
        return [self._as_index(i) for i in items] if self.type == "index" else items

    def postprocess(self, value: Any) -> list[Any]:
        if value is None:
            return []
        return list(value) if isinstance(value, (list, tuple)) else [value]

    def api_info(self) -> dict[str, Any]:
        return {"items": {"enum": self._values(), "type": "string"}, "title": "Checkbox Group", "type": "array"}

    def example_payload(self) -> Any:
        return [self.choices[0][1]] if self.choices else None

    def example_value(self) -> Any:
        return self.example_payload()


class Dropdown(_ChoiceComponent):
    """A drop-down list (optionally multi-select or free text)."""

    CONFIG_PROPS = ("choices", "type", "multiselect", "allow_custom_value", "max_choices", "filterable") + COMMON_PROPS + ("buttons", "num_choices_shown")

    EVENTS = ["change", "input", "select", "focus", "blur", "key_up"]
    PYTHON_TYPE = "str"

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = _UNSET,
        type: Literal["value", "index"] = "value",
        multiselect: bool | None = None,
        allow_custom_value: bool = False,
        max_choices: int | None = None,
        filterable: bool = True,
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
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        buttons: list[Any] | None = None,
        num_choices_shown: int = 100,
    ) -> None:
        if type not in ("value", "index"):
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: ['value', 'index']")
        self.choices = normalise_choices(choices)
        self.type = type
        self.multiselect = multiselect
        self.num_choices_shown = num_choices_shown
        if value is _UNSET:
            # Gradio's default: the first choice (an empty list when multiselect).
            value = [] if multiselect else (self.choices[0][1] if self.choices else None)
        if multiselect and isinstance(value, str):
            value = [value]
        self.allow_custom_value = allow_custom_value
        self.max_choices = max_choices if multiselect else None
        self.filterable = filterable or allow_custom_value
        self.buttons = buttons
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        if self.multiselect:
            items = payload if isinstance(payload, list) else [payload]
            if self.max_choices is not None and len(items) > self.max_choices:
                raise Error(f"At most {self.max_choices} choices may be selected.")
            for item in items:
                self._check(item)
            return [self._as_index(i) for i in items] if self.type == "index" else items
        self._check(payload)
        return self._as_index(payload) if self.type == "index" else payload

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if self.multiselect:
            return list(value) if isinstance(value, (list, tuple)) else [value]
        return value

    def api_info(self) -> dict[str, Any]:
        enum = {"type": "string", "enum": self._values()}
        return {"type": "array", "items": enum} if self.multiselect else enum

    def example_payload(self) -> Any:
        if self.multiselect:
            return [self.choices[0][1]] if self.choices else []
        return self.choices[0][1] if self.choices else None

    def example_value(self) -> Any:
        return self.example_payload()
