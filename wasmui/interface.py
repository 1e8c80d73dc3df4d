"""``gr.Interface``: a whole app from one function and its inputs/outputs."""

from __future__ import annotations

import inspect
import json
import os
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from wasmui.blocks import Blocks
from wasmui.components import Component, component_from_spec
from wasmui.components.button import Button, ClearButton
from wasmui.components.deep_link_button import DeepLinkButton
from wasmui.components.markdown import Markdown
from wasmui.events import on
from wasmui.flagging import CSVLogger, FlaggingCallback, FlagMethod
from wasmui.layouts import Accordion, Column, Row

if TYPE_CHECKING:
    from wasmui.examples import Examples


def _specs(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


class Interface(Blocks):
    """``gr.Interface(fn, inputs, outputs)`` builds a form, buttons and outputs."""

    def __init__(
        self,
        fn: Callable[..., Any],
        inputs: Any,
        outputs: Any,
        examples: list[Any] | str | None = None,
        *,
        cache_examples: bool | str | None = None,
        examples_per_page: int = 10,
        example_labels: list[str] | None = None,
        live: bool = False,
        title: str | None = None,
        description: str | None = None,
        article: str | None = None,
        flagging_mode: str | None = None,
        flagging_options: Any = None,
        flagging_dir: str = ".gradio/flagged",
        flagging_callback: Any = None,
        analytics_enabled: bool | None = None,
        batch: bool = False,
        max_batch_size: int = 4,
        api_visibility: str = "public",
        api_name: str | None = None,
        api_description: str | None | bool = None,
        _api_mode: bool = False,
        allow_duplication: bool = False,
        concurrency_limit: int | None | str = "default",
        additional_inputs: Any = None,
        additional_inputs_accordion: Any = None,
        submit_btn: str | Button = "Submit",
        stop_btn: str | Button = "Stop",
        clear_btn: str | Button | None = "Clear",
        delete_cache: tuple[int, int] | None = None,
        show_progress: str = "full",
        fill_width: bool = False,
        deep_link: Any = None,
        validator: Callable[..., Any] | None = None,
        theme: Any = None,
        css: str | None = None,
        js: str | None = None,
        head: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(mode="interface", title=title or "Gradio", theme=theme, css=css, js=js, head=head,
                         fill_width=fill_width, analytics_enabled=analytics_enabled)
        self.fn = fn
        self.live = live
        # Streaming inputs of a live Interface (Gradio's defaults; accepted as keyword arguments).
        self.time_limit: float | None = kwargs.get("time_limit", 30)
        self.stream_every: float = kwargs.get("stream_every", 0.5)
        self.description = description
        self.article = article
        self._set_flagging(flagging_mode, flagging_options, flagging_dir, flagging_callback)
        # Gradio: a string or True makes a DeepLinkButton (disabled until the first answer).
        if isinstance(deep_link, str):
            deep_link = DeepLinkButton(value=deep_link, render=False, interactive=False)
        elif deep_link is True:
            deep_link = DeepLinkButton(render=False, interactive=False)
        self.deep_link: DeepLinkButton | None = deep_link if deep_link not in (None, False) else None
        self.api_name = api_name  # None: the function's name, as in Gradio ("greet", "lambda")
        self.input_components = [component_from_spec(s) for s in _specs(inputs)]
        self.additional_inputs = [component_from_spec(s) for s in _specs(additional_inputs)]
        self.output_components = [component_from_spec(s) for s in _specs(outputs)]
        for comp in self.input_components + self.additional_inputs + self.output_components:
            if comp.is_rendered:
                # Built inside an outer `with gr.Blocks()` (e.g. `gr.Interface(fn, gr.Textbox(), ...)`
                # in a Tab): the Interface places it itself, as Gradio does.
                comp.unrender()
        self._share_state()
        # Gradio's "unified" Interface: the outputs are the inputs (the same instances, in the
        # same order), shown once, editable, with the buttons under them and no output column.
        self.unified = bool(self.input_components) and len(self.input_components) == len(self.output_components) and all(
            i is o for i, o in zip(self.input_components, self.output_components))
        if not self.unified:
            # Gradio 6.31: outputs are shown, not edited, unless `interactive` was given (the
            # Flag event takes them as inputs, which would otherwise make them editable).
            for comp in self.output_components:
                if comp.interactive is None:
                    comp.interactive = False
        self._label_from_params()
        self.examples = examples
        self.examples_handler: Examples | None = None
        if self._state_shared:
            if cache_examples:
                warnings.warn("Cache examples cannot be used with state inputs and outputs. "
                              "Setting cache_examples to False.", stacklevel=2)
            cache_examples = False
        self.cache_examples = cache_examples
        self.cache_mode = kwargs.get("cache_mode")
        self.preload_example = kwargs.get("preload_example", 0)
        # Gradio records inputs + outputs (a unified Interface: its inputs, once); an Interface
        # without outputs records nothing.
        self.flag_components = self.input_components + self.additional_inputs + (
            [] if self.unified else self.output_components)
        with self:
            if self.flagging_mode != "never" and self.output_components:
                self.flagging_callback.setup(self.flag_components, self.flagging_dir)
            self._render(submit_btn, stop_btn, clear_btn, examples, examples_per_page, example_labels,
                         api_visibility, api_description, concurrency_limit, show_progress, batch,
                         max_batch_size, validator, additional_inputs_accordion, title)

    def _share_state(self) -> None:
        """As Gradio: a State input and a State output (``stateful``) are one State (the input's), so the
        output column holds none; any other number of them is an error."""
        inputs = self.input_components + self.additional_inputs
        ins = [c for c in inputs if c.stateful]
        outs = [i for i, c in enumerate(self.output_components) if c.stateful]
        self._state_shared = bool(ins or outs)
        if not self._state_shared:
            return
        if len(ins) != 1 or len(outs) != 1:
            raise ValueError("If using 'state', there must be exactly one state input and one state output.")
        self.output_components[outs[0]] = ins[0]

    def _set_flagging(self, mode: str | None, options: Any, folder: str, callback: Any) -> None:
        """Gradio's flagging settings: mode (default ``GRADIO_FLAGGING_MODE`` or "manual"),
        one ``(label, value)`` per Flag button, the callback and its folder."""
        mode = mode if mode is not None else os.getenv("GRADIO_FLAGGING_MODE", "manual")
        if mode not in ("manual", "never", "auto"):
            raise ValueError("Invalid value for `flagging_mode` parameter. Must be: 'auto', 'manual', or 'never'.")
        self.flagging_mode = mode
        if options is None:
            self.flagging_options: list[tuple[str, str | None]] = [("Flag", None)]
        elif isinstance(options, list) and all(isinstance(x, str) for x in options):
            self.flagging_options = [(f"Flag as {x}", x) for x in options]
        elif isinstance(options, list) and all(isinstance(x, tuple) for x in options):
            self.flagging_options = list(options)
        else:
            raise ValueError("flagging_options must be a list of strings or list of (string, string) tuples.")
        for _, value in self.flagging_options:
            if value is not None and not isinstance(value, str):
                raise TypeError(f"Flagging option value must be a string, not {value!r}")
        self.flagging_callback: FlaggingCallback = callback if callback is not None else CSVLogger()
        self.flagging_dir = folder

    def _label_from_params(self) -> None:
        """Inputs without a label are named after the function's parameters."""
        try:
            names = [p.name for p in inspect.signature(self.fn).parameters.values()
                     if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        except (TypeError, ValueError):
            names = []
        for comp, name in zip(self.input_components + self.additional_inputs, names):
            if comp.label is None and not comp.stateful:
                comp.label = name
        outputs = [c for c in self.output_components if not c.stateful]
        if len(self.output_components) == 1:
            for comp in outputs:
                comp.label = "output" if comp.label is None else comp.label
        else:
            for i, comp in enumerate(self.output_components):
                if comp.label is None and not comp.stateful:
                    comp.label = f"output {i}"

    @property
    def is_generator(self) -> bool:
        """Whether ``fn`` streams its outputs."""
        return inspect.isgeneratorfunction(self.fn) or inspect.isasyncgenfunction(self.fn)

    def _render(self, submit_btn: Any, stop_btn: Any, clear_btn: Any, examples: Any, per_page: int,
                labels: Any, visibility: str, description: Any, concurrency: Any, show_progress: str,
                batch: bool, max_batch: int, validator: Any, accordion: Any, title: str | None) -> None:
        if self.deep_link is not None:
            self.deep_link.activate()  # its events come first, as in Gradio
        if title:
            Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{title}</h1>")
        if self.description:
            Markdown(self.description)
        all_inputs = self.input_components + self.additional_inputs
        output_only = not self.input_components and not self.additional_inputs
        input_column = None
        submit = stop = clear = None
        flag_btns: list[Component] = []
        with Row(equal_height=False):
            if not output_only:
                # Gradio 6.31: a plain column holding the inputs' own column (the one Clear shows
                # again) and the buttons' row.
                with Column():
                    with Column() as input_column:
                        for comp in self.input_components:
                            comp.render()
                        self._render_additional(accordion)
                    with Row():
                        clear = self._make_clear(clear_btn)
                        if self.unified:
                            submit, stop, flag_btns = self._unified_buttons(submit_btn, stop_btn)
                        else:
                            submit, stop = self._make_submit(submit_btn, stop_btn)
            if not self.unified:
                with Column():
                    for comp in self.output_components:
                        if not comp.stateful:  # a State is shared with the inputs, rendered there
                            comp.render()
                    with Row():
                        if self.deep_link is not None:
                            self.deep_link.render()
                        if output_only:  # Gradio: Clear, Generate (and Stop) under the outputs
                            clear = self._make_clear(clear_btn)
                            submit, stop = self._make_submit(submit_btn if submit_btn != "Submit" else "Generate",
                                                             stop_btn)
                        if self.flagging_mode == "manual" and self.output_components:
                            flag_btns = [Button(label) for label, _ in self.flagging_options]
        triggers = []
        stream_args: dict[str, Any] = {}
        if self.live:
            # A live Interface streams inputs set to ``streaming=True`` (webcam frames) instead of
            # listening to their changes, with Gradio's defaults (30 s limit, a frame every 0.5 s).
            streamed = [c for c in self.input_components if "stream" in c.EVENTS and getattr(c, "streaming", False)]
            triggers = [c.stream if c in streamed else c.change for c in all_inputs
                        if c in streamed or "change" in c.EVENTS] or ([submit.click] if submit else [])
            if streamed:
                show_progress = "hidden"
                stream_args = {"trigger_mode": "multiple", "time_limit": self.time_limit,
                               "stream_every": self.stream_every}
        else:
            triggers = [submit.click] if submit is not None else []
            triggers += [c.submit for c in self.input_components if "submit" in c.EVENTS]
        predict = on(triggers, self.fn, all_inputs, self.output_components, api_name=self.api_name,
                     api_visibility=visibility, api_description=description, concurrency_limit=concurrency,
                     show_progress=show_progress, batch=batch, max_batch_size=max_batch, validator=validator,
                     scroll_to_output=not self.live, **stream_args)  # Gradio scrolls unless live
        if stop is not None:
            stop.click(None, None, None, cancels=[predict])
        if clear is not None:
            clear.add(all_inputs + self.output_components)
            # As Gradio: a second client-side step shows the input column again (an empty
            # update for an output-only Interface, which has no input column).
            shown = [{"variant": None, "visible": True, "__type__": "update"}] if input_column is not None else []
            clear.click(None, [], [input_column] if input_column is not None else [],
                        js=f"() => {json.dumps(shown)}\n            ")
        self._attach_flagging(flag_btns, clear, predict)
        if self.deep_link is not None and triggers:
            predict.then(lambda: DeepLinkButton(interactive=True), None, [self.deep_link], js=True,
                         api_visibility="undocumented")
        if examples is not None:
            from wasmui.examples import Examples

            state = [c for c in all_inputs + self.output_components if c.stateful]
            self.examples_handler = Examples(
                examples, [c for c in all_inputs if c not in state], [c for c in self.output_components if c not in state],
                fn=self.fn, cache_examples=self.cache_examples, cache_mode=self.cache_mode,
                examples_per_page=per_page, example_labels=labels, batch=batch, preload=self.preload_example)
        if self.article:
            Markdown(self.article)

    def _attach_flagging(self, flag_btns: list[Component], clear: Component | None, predict: Any) -> None:
        """Flag buttons show "Saving..." then record inputs and outputs; "auto" records
        every successful submit (Gradio's listeners, all undocumented and queue-less)."""
        if self.flagging_mode == "auto" and self.output_components:
            predict.success(FlagMethod(self.flagging_callback, "", None, visual_feedback=False),
                            inputs=self.flag_components, outputs=None, preprocess=False, queue=False,
                            api_visibility="undocumented")
            return
        for btn, (label, value) in zip(flag_btns, self.flagging_options):
            method = FlagMethod(self.flagging_callback, label, value)
            saving, reset = method.listeners()
            btn.click(saving, None, btn, queue=False, api_visibility="undocumented")
            btn.click(method, inputs=self.flag_components, outputs=btn, preprocess=False, queue=False,
                      api_visibility="undocumented")
            if clear is not None:
                clear.click(reset, None, btn, queue=False, api_visibility="undocumented")

    def _render_additional(self, accordion: Any) -> None:
        if not self.additional_inputs:
            return
        label = accordion if isinstance(accordion, str) else "Additional Inputs"
        with Accordion(label, open=False):
            for comp in self.additional_inputs:
                comp.render()

    def _make_clear(self, clear_btn: Any) -> Component | None:
        if clear_btn is None:
            return None
        if isinstance(clear_btn, Component):  # the app's own button
            clear_btn.render()
            return clear_btn
        return ClearButton(value=clear_btn)

    def _unified_buttons(self, submit_btn: Any, stop_btn: Any) -> tuple[Component, Component | None, list[Component]]:
        """A unified Interface's buttons after Clear, in Gradio's order: Submit (even when
        live), the deep link, Stop (a generator, not live), the Flag buttons."""
        submit = _button(submit_btn, "primary")
        if self.deep_link is not None:
            self.deep_link.render()
        stop = _button(stop_btn, "stop") if self.is_generator and stop_btn and not self.live else None
        flags: list[Component] = [Button(label) for label, _ in self.flagging_options] if self.flagging_mode == "manual" else []
        return submit, stop, flags

    def _make_submit(self, submit_btn: Any, stop_btn: Any) -> tuple[Component | None, Component | None]:
        submit = None if self.live else _button(submit_btn, "primary")
        stop = _button(stop_btn, "stop") if self.is_generator and stop_btn else None
        return submit, stop

    def __repr__(self) -> str:
        ins = ", ".join(type(c).__name__ for c in self.input_components)
        outs = ", ".join(type(c).__name__ for c in self.output_components)
        return f"<Interface {getattr(self.fn, '__name__', 'fn')}({ins}) -> ({outs})>"


def _button(spec: Any, variant: Literal["primary", "stop"]) -> Component:
    """The app's own button (rendered here), or a new one labelled ``spec``."""
    if isinstance(spec, Component):
        spec.render()
        return spec
    return Button(spec, variant=variant)
