"""``gr.HTML``: a small custom-component system (Gradio 6's templated HTML block).

The app author gives an ``html_template`` and a ``css_template`` (JS template
literals, plus Handlebars blocks), a ``js_on_load`` script and extra keyword
*props* the templates read. The shell renders them (and sanitises the result);
this class only carries them in the config and turns updates into Gradio's
shapes:

- ``with gr.HTML(...)`` holds children, drawn where the template says ``@children``;
- any event name quoted in ``js_on_load`` (``trigger('keypress')``) is a listener
  method (``html.keypress(fn, ...)``), as in Gradio;
- ``server_functions=[fn]`` makes ``fn`` callable from ``js_on_load`` as
  ``server.fn(...)`` (through ``/component_server``);
- ``gr.HTML(size=3)`` or ``gr.update(size=3)`` returned from an event updates the
  template prop ``size`` (sent under ``props``, as Gradio does).
"""

from __future__ import annotations

import inspect
import re
import warnings
from collections.abc import Callable
from typing import Any

from wasmui.blocks import BlockContext
from wasmui.components.base import Component, component_kwargs, server
from wasmui.events import EventListenerMethod

ALL_EVENTS = [
    "change", "input", "click", "double_click", "submit", "stop", "edit", "clear", "play", "pause", "end",
    "start_recording", "pause_recording", "stop_recording", "focus", "blur", "upload", "release", "select",
    "stream", "like", "example_select", "option_select", "load", "key_up", "apply", "delete", "tick", "undo",
    "retry", "expand", "collapse", "download", "copy",
]

DEFAULT_JS_ON_LOAD = "element.addEventListener('click', function() { trigger('click') });"

_SCRIPT_TAG = re.compile(r"<script[\s>]", re.IGNORECASE)


def _warn_if_script(content: Any) -> None:
    """Say that a ``<script>`` in the HTML will not run (as Gradio warns): ``head``/``js_on_load`` do."""
    if isinstance(content, str) and _SCRIPT_TAG.search(content):
        warnings.warn(
            "gr.HTML content contains a <script> tag; it will not run (HTML is inserted, not executed). "
            "Load libraries with head='<script src=...></script>' and put code in js_on_load.",
            UserWarning, stacklevel=3,
        )


# Both bases type ``preserved_by_key`` (a context allows None); Component's list is what HTML keeps.
class HTML(BlockContext, Component):  # type: ignore[misc]
    """Arbitrary HTML from a template, with CSS, a load script, custom events and children."""

    CONFIG_PROPS = ("value", "label", "html_template", "css_template", "js_on_load", "apply_default_css",
                    "show_label", "scale", "min_width", "visible", "elem_id", "elem_classes", "key",
                    "preserved_by_key", "min_height", "max_height", "container", "padding", "autoscroll",
                    "buttons", "head", "props", "component_class_name", "server_fns")

    EVENTS = ALL_EVENTS
    PYTHON_TYPE = "str"

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        html_template: str = "${value}",
        css_template: str = "",
        js_on_load: str | None = DEFAULT_JS_ON_LOAD,
        apply_default_css: bool = True,
        every: Any = None,
        inputs: Any = None,
        show_label: bool = False,
        scale: int | None = None,
        min_width: int | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        min_height: int | None = None,
        max_height: int | None = None,
        container: bool = False,
        padding: bool = False,
        autoscroll: bool = False,
        buttons: list[Any] | None = None,
        head: str | None = None,
        server_functions: list[Callable[..., Any]] | None = None,
        **props: Any,
    ) -> None:
        _warn_if_script(html_template)
        self.html_template = html_template
        self.css_template = css_template
        self.js_on_load = js_on_load
        self.apply_default_css = apply_default_css
        self.head = head
        self.min_height = min_height
        self.max_height = max_height
        self.padding = padding
        self.autoscroll = autoscroll
        self.props = props
        self.component_class_name = type(self).__name__
        self.server_fns: list[str] | None = None
        BlockContext.__init__(self, **component_kwargs(locals()))
        self.buttons = list(buttons or [])
        for fn in server_functions or []:
            name = getattr(fn, "__name__", str(fn))
            setattr(self, name, server(fn))  # what /component_server may call
            self.server_fns = [*(self.server_fns or []), name]

    # -- custom events ---------------------------------------------------------------
    def __getattr__(self, name: str) -> Any:
        """``html.keypress(fn, ...)`` when ``js_on_load`` names the event in quotes (Gradio's rule)."""
        js = self.__dict__.get("js_on_load") or ""
        if not name.startswith("_") and re.search(rf"""['"`]{re.escape(name)}['"`]""", js):
            return EventListenerMethod(self, name)
        raise AttributeError(
            f"'{type(self).__name__}' object has no attribute '{name}'. If '{name}' is a custom event, "
            f"name it in quotes in js_on_load (e.g. trigger('{name}'))."
        )

    # -- config ----------------------------------------------------------------------
    @classmethod
    def get_block_name(cls) -> str:
        return "html"

    @classmethod
    def get_block_class(cls) -> str:
        # A subclass (class StarRating(gr.HTML)) keeps the "html" view and its own name.
        return cls.__name__.lower()

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        # A subclass's own constructor arguments it keeps as attributes (Gradio sends them too).
        cls = type(self)
        if cls is not HTML:
            for name in _own_params(cls):
                value = self.__dict__.get(name)
                if name not in config and _is_json(value):
                    config[name] = value
        return config

    # -- updates ---------------------------------------------------------------------
    def update_names(self, given: dict[str, Any]) -> list[str]:
        """``return gr.HTML(size=3)`` updates the template props given, besides the usual ones."""
        own = _html_params()
        return [*super().update_names(given), *(k for k in given if k not in own and k != "value")]

    def process_update(self, update: dict[str, Any], postprocess: bool = True) -> dict[str, Any]:
        """Names that are not ``gr.HTML`` parameters are template props, sent under ``props``.

        As Gradio's payload: ``props`` is always there and carries the ``__type__`` marker too
        (``{"visible": false, "props": {"__type__": "update"}, "__type__": "update"}``).
        """
        update = super().process_update(update, postprocess)
        own = _html_params()
        out = {k: v for k, v in update.items() if k != "value" and (k in own or k in self.__dict__)}
        out["props"] = {k: v for k, v in update.items() if k not in own and k != "value"}
        out["props"]["__type__"] = "update"
        if "value" in update:
            out["value"] = update["value"]
        out["__type__"] = "update"
        return out

    # -- the contract ----------------------------------------------------------------
    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> Any:
        _warn_if_script(value)
        return value

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> Any:
        return "<p>Hello</p>"

    def example_value(self) -> Any:
        return "<p>Hello</p>"


def _html_params() -> set[str]:
    return {p for p in inspect.signature(HTML.__init__).parameters if p != "self"}


def _own_params(cls: type[HTML]) -> list[str]:
    params = inspect.signature(cls).parameters.values()
    return [p.name for p in params if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]


def _is_json(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool, list, dict))
