"""The component contract shared by every component.

A component converts between the JSON *payload* its view sends and the Python
value a user's function takes (``preprocess``), and back (``postprocess``). It
also describes its payload as JSON schema (``api_info``) and gives examples.
No component knows whether it runs in a browser.

Everything a generic module (config, outputs, processing, examples, interface,
the build) needs to know about a particular component is asked through this
class: the declared ``CONFIG_PROPS``, ``stateful`` (values that never leave
Python), ``process_update`` (normalising ``gr.update(...)``) and
``required_packages`` (Pyodide packages the build must ship). See
docs/architecture.md, "Python component contract".
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from wasmui.blocks import Block, BlockContext
from wasmui.context import Context
from wasmui.layouts import Form

# The props of Gradio's ``Component.__init__`` that most components send.
COMMON_PROPS: tuple[str, ...] = (
    "value", "label", "info", "show_label", "container", "scale", "min_width", "interactive",
    "visible", "elem_id", "elem_classes", "key", "preserved_by_key",
)


F = TypeVar("F", bound=Callable[..., Any])


def server(fn: F) -> F:
    """Mark a component method the view may call through ``/component_server`` (Gradio's ``@server``)."""
    fn._is_server_fn = True  # type: ignore[attr-defined]
    return fn


class Component(Block):
    """Base class of all components (inputs and outputs)."""

    skip_api: ClassVar[bool] = False
    EVENTS: ClassVar[list[str]] = []
    CONFIG_PROPS: ClassVar[tuple[str, ...]] = COMMON_PROPS
    # ``stateful`` (from Block): True for components whose value lives per session in
    # Python and never travels to the browser (``gr.State``): inputs read the session,
    # outputs write it, the config carries no value.
    # Schema type names used by /info's ``python_type`` entries.
    PYTHON_TYPE: ClassVar[str] = "Any"
    # None keeps a missing ``buttons`` out of the config, as Gradio does for some components.
    DEFAULT_BUTTONS: ClassVar[tuple[str, ...] | None] = ()

    @property
    def buttons(self) -> Any:
        """Gradio's ``buttons`` list: built-in button names and custom ``gr.Button``s."""
        return self.__dict__.get("_buttons")

    @buttons.setter
    def buttons(self, value: Any) -> None:
        # As Gradio: a gr.Button listed here lives only in this component's toolbar, out of
        # the layout; the toolbar fires its click events.
        for item in value or []:
            if isinstance(item, Component):
                item.unrender()
        self.__dict__["_buttons"] = value

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        info: str | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int | None = None,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[int | str, ...] | None = None,
        preserved_by_key: list[str] | str | None = "value",
        every: Any = None,
        inputs: Any = None,
    ) -> None:
        self.label = label
        self.info = info
        # As Gradio: a block drawn without its container has no label row.
        self.show_label = False if not container else show_label
        self.container = container
        self.scale = scale
        self.min_width = min_width
        self.interactive = interactive
        # Gradio sends a list: one name, the names given, or [] for None.
        self.preserved_by_key = [preserved_by_key] if isinstance(preserved_by_key, str) else list(preserved_by_key or [])
        self.load_event_to_attach: tuple[Callable[..., Any], list[tuple[Block, str]], Any] | None = None
        super().__init__(elem_id=elem_id, elem_classes=elem_classes, render=render, key=key, visible=visible)
        initial = value
        if callable(value):
            initial = None if inputs else value()
            self._attach_load_event(value, every, inputs)
        self.value = self.postprocess(initial)

    def _attach_load_event(self, fn: Callable[..., Any], every: Any, inputs: Any) -> None:
        """A callable ``value`` is re-computed on every page load (and on ``every``)."""
        inputs_list = [inputs] if isinstance(inputs, Component) else list(inputs or [])
        triggers: list[tuple[Block, str]] = [(i, "change") for i in inputs_list if "change" in i.EVENTS]
        if every:
            timer_class = Context.block_class("timer")  # a subclass of this class: no import
            timer = every if isinstance(every, timer_class) else timer_class(float(every))
            triggers.append((timer, "tick"))
        self.load_event_to_attach = (fn, triggers, inputs_list)
        root = Context.root_block
        if root is not None:
            root.extra_load_events.append(self._attach_now)

    def _attach_now(self) -> None:
        root = Context.root_block
        if root is None or self.load_event_to_attach is None:
            return
        fn, triggers, inputs = self.load_event_to_attach
        targets = [(b._id, e) for b, e in triggers] + [(root._id, "load")]
        root.set_event_trigger(targets, fn, inputs, [self], show_progress="hidden" if triggers else "full",
                               trigger_mode="once")  # Gradio's, even when the first trigger is a change

    # -- the contract ----------------------------------------------------------
    def preprocess(self, payload: Any) -> Any:
        """Payload from the client → value passed to the user's function."""
        return payload

    def postprocess(self, value: Any) -> Any:
        """Value returned by the user's function → payload sent to the client."""
        return value

    def api_info(self) -> dict[str, Any]:
        """JSON schema of the payload (``/info`` and ``config.components[].api_info``)."""
        return {}

    def example_payload(self) -> Any:
        """A payload that ``preprocess`` accepts (used by API docs and tests)."""
        return None

    def example_value(self) -> Any:
        """A value that ``postprocess`` accepts."""
        return None

    def process_example(self, value: Any) -> Any:
        """How an example value is shown in the examples table."""
        return self.postprocess(value)

    def as_example(self, value: Any) -> Any:
        """Alias kept for older custom components."""
        return self.process_example(value)

    def python_type(self) -> dict[str, str]:
        """The ``python_type`` entry of ``/info``."""
        return {"type": self.PYTHON_TYPE, "description": ""}

    def process_update(self, update: dict[str, Any], postprocess: bool = True) -> dict[str, Any]:
        """Normalise a ``gr.update(...)`` aimed at this component (a copy may be changed).

        The default postprocesses ``value``; components whose props need the same
        normalisation as their constructor applies (e.g. choices) extend this.
        """
        if "value" in update and postprocess:
            update["value"] = self.postprocess(update["value"])
        return update

    def required_packages(self) -> set[str]:
        """Pyodide packages this component needs as configured (e.g. ``{"pillow"}``).

        The build ships them with the app; the default needs none.
        """
        return set()

    def required_input_packages(self) -> set[str]:
        """Packages it needs only when an event reads it (its preprocess makes, e.g., a pandas
        DataFrame); the build adds them for components that are some event's input."""
        return set()

    # -- values kept in Python (``stateful`` components) ---------------------------
    def initial_value(self) -> Any:
        """A session's first value of a ``stateful`` component (a fresh copy)."""
        return copy.deepcopy(self.value)

    def session_closed(self, value: Any) -> None:
        """A session holding ``value`` for this ``stateful`` component was dropped."""

    # -- config ----------------------------------------------------------------
    # Gradio's default for ``show_label`` when the argument is None.
    DEFAULT_SHOW_LABEL: ClassVar[bool] = True

    def get_config(self) -> dict[str, Any]:
        props = super().get_config()
        if not self.stateful:  # a stateful value stays in Python
            props["value"] = self.value
        if "show_label" in props and props["show_label"] is None:
            props["show_label"] = self.DEFAULT_SHOW_LABEL
        if "buttons" in props and props["buttons"] is None and self.DEFAULT_BUTTONS is not None:
            props["buttons"] = list(self.DEFAULT_BUTTONS)
        props["_selectable"] = bool(getattr(self, "_selectable", False))
        return props

    @property
    def component_class_id(self) -> str:
        """Stable id of the component class (custom components use it)."""
        return hashlib.sha256(f"{type(self).__module__}.{type(self).__qualname__}".encode()).hexdigest()


class FormComponent(Component):
    """A compact input that Gradio groups with its neighbours inside a ``Form``."""

    def get_expected_parent(self) -> type[BlockContext] | None:
        return Form


_COMPONENT_ARGS = ("value", "label", "info", "show_label", "container", "scale", "min_width", "interactive",
                   "visible", "elem_id", "elem_classes", "render", "key", "preserved_by_key", "every", "inputs")


def component_kwargs(local: dict[str, Any]) -> dict[str, Any]:
    """The ``Component.__init__`` arguments among a subclass constructor's ``locals()``."""
    return {k: local[k] for k in _COMPONENT_ARGS if k in local}
