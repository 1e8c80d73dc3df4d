"""``gr.Number`` and ``gr.Slider``: numeric inputs with bounds and precision."""

from __future__ import annotations

import math
import random
from typing import Any

from wasmui.components.base import COMMON_PROPS, FormComponent, component_kwargs
from wasmui.exceptions import Error


def round_to_precision(num: float | int | None, precision: int | None) -> float | int | None:
    """Round like Gradio: ``precision=0`` gives ``int``, ``None`` keeps a float."""
    if num is None:
        return None
    if precision is None:
        return num
    if precision == 0:
        return int(round(num, precision))
    return round(num, precision)


def raise_if_out_of_bounds(num: float | int, minimum: float | None, maximum: float | None) -> None:
    """Refuse values outside ``[minimum, maximum]`` with a readable ``gr.Error``."""
    if minimum is not None and num < minimum:
        raise Error(f"Value {num} is less than minimum value {minimum}.")
    if maximum is not None and num > maximum:
        raise Error(f"Value {num} is greater than maximum value {maximum}.")


def _as_number(payload: Any) -> float | int:
    """Accept ints, floats and numeric strings from clients; refuse the rest."""
    if isinstance(payload, bool):
        raise Error(f"Expected a number, got {payload!r}.")
    if isinstance(payload, int):
        return payload
    try:
        num = float(payload)
    except (TypeError, ValueError):
        raise Error(f"Expected a number, got {payload!r}.") from None
    if math.isnan(num):
        raise Error("Expected a number, got NaN.")
    return num


class Number(FormComponent):
    """A numeric field; ``precision=0`` makes it an integer field."""

    CONFIG_PROPS = COMMON_PROPS + ("placeholder", "buttons", "precision", "minimum", "maximum", "step")

    EVENTS = ["change", "input", "submit", "focus", "blur"]
    PYTHON_TYPE = "float"

    def __init__(
        self,
        value: float | Any | None = None,
        *,
        label: str | None = None,
        placeholder: str | None = None,
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
        precision: int | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        step: float = 1,
    ) -> None:
        self.placeholder = placeholder
        self.buttons = buttons
        self.precision = precision
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        super().__init__(**component_kwargs(locals()))

    def preprocess(self, payload: Any) -> float | int | None:
        if payload is None or payload == "":
            return None
        num = _as_number(payload)
        raise_if_out_of_bounds(num, self.minimum, self.maximum)
        return round_to_precision(num, self.precision)

    def postprocess(self, value: Any) -> float | int | None:
        if value is None:
            return None
        return round_to_precision(_as_number(value), self.precision)

    def api_info(self) -> dict[str, Any]:
        return {"type": "integer"} if self.precision == 0 else {"type": "number"}

    def python_type(self) -> dict[str, str]:
        return {"type": "int" if self.precision == 0 else "float", "description": ""}

    def example_payload(self) -> Any:
        return round_to_precision(3 if self.minimum is None else self.minimum, self.precision)

    def example_value(self) -> Any:
        return self.example_payload()


class Slider(FormComponent):
    """A range slider between ``minimum`` and ``maximum``."""

    CONFIG_PROPS = ("minimum", "maximum", "step", "precision") + COMMON_PROPS + ("buttons",)

    EVENTS = ["change", "input", "release"]
    PYTHON_TYPE = "float"
    DEFAULT_BUTTONS = None

    def __init__(
        self,
        minimum: float = 0,
        maximum: float = 100,
        value: float | Any | None = None,
        *,
        step: float | None = None,
        precision: int | None = None,
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
        randomize: bool = False,
        buttons: list[str] | None = None,
    ) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.step = step if step is not None else _default_step(minimum, maximum)
        self.precision = precision
        self.randomize = randomize
        self.buttons = buttons
        if randomize and value is None:
            value = self.get_random_value
        super().__init__(**component_kwargs(locals()))

    def get_random_value(self) -> float:
        """A random value on the step grid (``randomize=True``)."""
        n_steps = int((self.maximum - self.minimum) / self.step)
        value = self.minimum + random.randint(0, n_steps) * self.step
        decimals = max(str(self.step)[::-1].find("."), 0)
        return round(value, decimals) if decimals else value

    def preprocess(self, payload: Any) -> float | int | None:
        if payload is None:
            return None
        num = _as_number(payload)
        raise_if_out_of_bounds(num, self.minimum, self.maximum)
        return round_to_precision(num, self.precision)

    def postprocess(self, value: Any) -> float | int | None:
        return round_to_precision(self.minimum if value is None else _as_number(value), self.precision)

    def api_info(self) -> dict[str, Any]:
        return {"type": "integer" if self.precision == 0 else "number",
                "description": f"numeric value between {self.minimum} and {self.maximum}"}

    def example_payload(self) -> Any:
        return self.minimum

    def example_value(self) -> Any:
        return self.minimum


def _default_step(minimum: float, maximum: float) -> float:
    """Gradio's default step: a power of ten about a hundredth of the range."""
    difference = maximum - minimum
    if difference <= 0:
        return 1
    power = math.floor(math.log10(difference) - 2)
    return 10**power if power >= 0 else round(10.0**power, -power)
