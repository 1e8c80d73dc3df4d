"""Event listeners and dependencies: ``btn.click(fn, inputs, outputs)`` and friends.

Each component class lists its event names in ``EVENTS``; ``attach_event_listeners``
turns them into listener methods. A listener call creates a ``BlockFunction`` (one
entry of ``config.dependencies``) in the Blocks being built and returns a
``Dependency`` whose ``then``/``success``/``failure`` chain further functions.
"""

from __future__ import annotations

import inspect
import string
import typing
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from wasmui.context import Context
from wasmui.helpers import special_param_kind

if TYPE_CHECKING:
    from wasmui.blocks import Block, Blocks

_PUNCTUATION = set(string.punctuation) - {"-", "_"}
_DEFAULT = "default"

# Events whose listeners debounce to the last call unless told otherwise.
_ALWAYS_LAST_EVENTS = {"change", "key_up"}


def component_prop_positions(fn: Callable[..., Any] | None) -> list[int]:
    """Positional parameters of ``fn`` whose annotation is a component class (Gradio's rule)."""
    if fn is None:
        return []
    try:
        params = [p for p in inspect.signature(fn).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        return []
    try:
        hints = typing.get_type_hints(fn)
    except Exception:  # an annotation that does not resolve is simply not a component
        hints = {}
    found = []
    for i, p in enumerate(params):
        hint = hints.get(p.name, p.annotation)
        # Components are the blocks with a value to convert (layouts have no ``preprocess``).
        if inspect.isclass(hint) and callable(getattr(hint, "preprocess", None)) and hasattr(hint, "EVENTS"):
            found.append(i)
    return found


@dataclass
class BlockFunction:
    """One dependency: a Python function wired to triggers, inputs and outputs."""

    id: int
    fn: Callable[..., Any] | None
    inputs: list[Block]
    outputs: list[Block]
    targets: list[tuple[int | None, str]]
    api_name: str
    inputs_as_dict: bool = False
    preprocess: bool = True
    postprocess: bool = True
    queue: bool = True
    concurrency_limit: int | None = 1
    concurrency_limit_default: bool = True
    concurrency_id: str = ""
    api_visibility: str = "public"
    api_description: str | None | Literal[False] = None
    js: str | Literal[True] | None = None
    show_progress: str = "full"
    show_progress_on: list[Block] | None = None
    scroll_to_output: bool = False
    batch: bool = False
    max_batch_size: int = 4
    cancels: list[int] = field(default_factory=list)
    is_cancel_function: bool = False
    collects_event_data: bool = False
    trigger_after: int | None = None
    trigger_only_on_success: bool = False
    trigger_only_on_failure: bool = False
    trigger_mode: str = "once"
    connection: str = "sse"
    time_limit: float | None = None
    stream_every: float = 0.5
    #: Listener kwargs the frontend copies from this entry (``["stream_every"]`` for streams).
    event_specific_args: list[str] | None = None
    validator: Callable[..., Any] | None = None
    #: Set on a @gr.render's own dependency: that render's id.
    render_id: int | None = None
    #: Set on dependencies created inside a @gr.render run: the render's id, the session
    #: it ran for (only that session may call it) and the listener's ``key``.
    rendered_in: int | None = None
    render_session: str | None = None
    key: Any = None
    page: str = ""  # the page (``demo.route``) the listener was declared on
    #: Answers known before Python runs (build-time cached examples): the JSON of the input
    #: payloads -> the output payloads. The shell applies them without a request.
    static_results: dict[str, list[Any]] | None = None
    total_runtime: float = 0.0
    total_runs: int = 0
    #: ``(fn, component_prop_inputs)`` of the last ``fn`` asked about: reading the signature
    #: and type hints costs milliseconds in Pyodide, and every run of the event asks.
    _prop_inputs: tuple[Any, list[int]] | None = field(default=None, init=False, repr=False, compare=False)
    _parameters: tuple[Any, list[inspect.Parameter] | None] | None = field(
        default=None, init=False, repr=False, compare=False)

    @property
    def types(self) -> dict[str, bool]:
        """The ``types`` field of the config entry."""
        return {"generator": self.is_generator, "cancel": self.is_cancel_function}

    def parameters(self) -> list[inspect.Parameter] | None:
        """The function's parameters (None when it has no readable signature), cached per ``fn``."""
        cached = self._parameters
        if cached is None or cached[0] is not self.fn:
            try:
                params = list(inspect.signature(self.fn).parameters.values()) if self.fn is not None else None
            except (TypeError, ValueError):
                params = None
            cached = self._parameters = (self.fn, params)
        return cached[1]

    @property
    def component_prop_inputs(self) -> list[int]:
        """Positions of parameters annotated with a component class (``def f(a: gr.Audio)``).

        As in Gradio, the page sends every prop of those inputs and the function gets them
        as attributes (``a.value``, ``a.playback_position``) instead of the bare value."""
        cached = self._prop_inputs
        if cached is None or cached[0] is not self.fn:
            cached = self._prop_inputs = (self.fn, component_prop_positions(self.fn))
        return list(cached[1])

    @property
    def is_generator(self) -> bool:
        """Whether the function streams (sync or async generator)."""
        fn = self.fn
        return fn is not None and (inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn)
                                   or inspect.isgeneratorfunction(getattr(fn, "__call__", None)))

    @property
    def average_duration(self) -> float | None:
        """Mean run time so far, reported as ``eta``/``avg_time``."""
        return self.total_runtime / self.total_runs if self.total_runs else None

    def get_config(self) -> dict[str, Any]:
        """The dependency entry of ``/config``."""
        return {
            "id": self.id,
            "targets": [list(t) for t in self.targets],
            "inputs": [b._id for b in self.inputs],
            "outputs": [b._id for b in self.outputs],
            "backend_fn": self.fn is not None,
            "js": self.js,
            "queue": self.queue,
            "api_name": self.api_name,
            "api_description": self.api_description,
            "scroll_to_output": self.scroll_to_output,
            "show_progress": self.show_progress,
            "show_progress_on": None if self.show_progress_on is None else [b._id for b in self.show_progress_on],
            "batch": self.batch,
            "max_batch_size": self.max_batch_size,
            "cancels": list(self.cancels),
            "types": self.types,
            "collects_event_data": self.collects_event_data,
            "trigger_after": self.trigger_after,
            "trigger_only_on_success": self.trigger_only_on_success,
            "trigger_only_on_failure": self.trigger_only_on_failure,
            "trigger_mode": self.trigger_mode,
            "api_visibility": self.api_visibility,
            "rendered_in": self.rendered_in,
            "render_id": self.render_id,
            "connection": self.connection,
            "time_limit": self.time_limit,
            "stream_every": self.stream_every,
            "event_specific_args": self.event_specific_args,
            "component_prop_inputs": self.component_prop_inputs,
            "js_implementation": None,
            **({"wasmui_static": self.static_results} if self.static_results else {}),
        }


class Dependency:
    """What a listener returns: chain more functions with ``then``/``success``/``failure``."""

    def __init__(self, block_fn: BlockFunction, trigger: Block | None) -> None:
        self.block_fn = block_fn
        self.fn = block_fn.fn
        self.trigger = trigger

    @property
    def fn_id(self) -> int:
        """Id of the underlying dependency."""
        return self.block_fn.id

    def _chain(self, kind: str, fn: Any, inputs: Any, outputs: Any, **kwargs: Any) -> Dependency:
        return listen(None, kind, fn, inputs, outputs, trigger_after=self.block_fn.id,
                      trigger_only_on_success=kind == "success",
                      trigger_only_on_failure=kind == "failure", **kwargs)

    def then(self, fn: Any = None, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Dependency:
        """Run ``fn`` after this event ends, whatever its outcome."""
        return self._chain("then", fn, inputs, outputs, **kwargs)

    def success(self, fn: Any = None, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Dependency:
        """Run ``fn`` after this event ends without error."""
        return self._chain("success", fn, inputs, outputs, **kwargs)

    def failure(self, fn: Any = None, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Dependency:
        """Run ``fn`` after this event raised an error."""
        return self._chain("failure", fn, inputs, outputs, **kwargs)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.fn is None:
            return None
        return self.fn(*args, **kwargs)

    def __getitem__(self, key: str) -> Any:
        # Gradio's Dependency is a dict of its config; old code indexes it.
        return self.block_fn.get_config()[key]


class EventListenerMethod:
    """A (block, event name) pair, usable as a trigger in ``gr.on``."""

    def __init__(self, block: Block | None, event_name: str) -> None:
        self.block = block
        self.event_name = event_name

    def __call__(self, fn: Any = _DEFAULT, inputs: Any = None, outputs: Any = None, **kwargs: Any) -> Any:
        if fn == _DEFAULT:
            def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
                listen(self.block, self.event_name, func, inputs, outputs, **kwargs)
                return func
            return decorator
        return listen(self.block, self.event_name, fn, inputs, outputs, **kwargs)

    def __repr__(self) -> str:
        return f"<{self.event_name} listener of {self.block!r}>"


class _ListenerDescriptor:
    """Class attribute that yields a bound ``EventListenerMethod`` per instance."""

    def __init__(self, event_name: str) -> None:
        self.event_name = event_name

    def __get__(self, instance: Block | None, owner: type) -> Any:
        if instance is None:
            return self
        return EventListenerMethod(instance, self.event_name)


def attach_event_listeners(cls: type[Block]) -> None:
    """Give ``cls`` one listener method per name in its ``EVENTS``."""
    for name in cls.EVENTS:
        if not isinstance(cls.__dict__.get(name), _ListenerDescriptor):
            setattr(cls, name, _ListenerDescriptor(name))


# Config flags a view needs when a listener exists (Gradio shows the matching buttons).
_LISTENER_FLAGS = {"select": "_selectable", "like": "likeable", "retry": "_retryable", "undo": "_undoable",
                   # A `.stream` listener makes the component stream (Gradio's callback).
                   "stream": "streaming"}


def mark_listened(block: Block, event_name: str) -> None:
    """Set the config flag that tells the view a listener for ``event_name`` exists."""
    flag = _LISTENER_FLAGS.get(event_name)
    if flag == "_selectable" or (flag and hasattr(block, flag)):
        setattr(block, flag, True)
    if event_name == "edit" and hasattr(block, "editable") and block.editable is None:
        # An edit listener makes a chatbot's user messages editable (as in Gradio).
        block.editable = "user"


def listen(block: Block | None, event_name: str, fn: Any, inputs: Any, outputs: Any, **kwargs: Any) -> Dependency:
    """Register ``fn`` for ``event_name`` on ``block`` in the Blocks being built."""
    root = Context.root_block
    if root is None:
        raise AttributeError(
            f"Cannot call {event_name}() outside of a gradio.Blocks context. "
            "Create event listeners inside `with gr.Blocks():`."
        )
    if block is not None:
        mark_listened(block, event_name)
    targets: list[tuple[int | None, str]]
    if event_name == "load":
        targets = [(root._id, "load")]
    elif block is None:
        targets = [(None, event_name)]
    else:
        targets = [(block._id, event_name)]
    block_fn, _ = root.set_event_trigger(targets, fn, inputs, outputs, **kwargs)
    return Dependency(block_fn, block)


def on(
    # Listener methods, or a Blocks' bound ``load`` method (``gr.on([demo.load, ...])``).
    triggers: Sequence[EventListenerMethod | Callable[..., Any]] | EventListenerMethod | None = None,
    fn: Any = _DEFAULT,
    inputs: Any = None,
    outputs: Any = None,
    **kwargs: Any,
) -> Any:
    """Bind one function to several triggers (``gr.on``); no triggers = load + input changes."""
    if fn == _DEFAULT:
        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            on(triggers, func, inputs, outputs, **kwargs)
            return func
        return decorator
    root = Context.root_block
    if root is None:
        raise AttributeError("gr.on() must be called inside a gradio.Blocks context.")
    if triggers is None:
        ins = _as_list(inputs)
        trigs: list[tuple[int | None, str]] = [(root._id, "load")]
        trigs += [(b._id, "change") for b in ins if "change" in b.EVENTS]
    else:
        listeners = triggers if isinstance(triggers, Sequence) else [triggers]
        trigs = []
        for t in listeners:
            if getattr(t, "__name__", None) == "load" and hasattr(getattr(t, "__self__", None), "fns"):
                trigs.append((root._id, "load"))  # `demo.load` given as a trigger
                continue
            if not isinstance(t, EventListenerMethod):
                raise TypeError(f"gr.on() triggers must be listener methods like btn.click, got {t!r}")
            trigs.append((root._id if t.event_name == "load" else (t.block._id if t.block else None), t.event_name))
            if t.block is not None:
                mark_listened(t.block, t.event_name)
    block_fn, _ = root.set_event_trigger(trigs, fn, inputs, outputs, **kwargs)
    return Dependency(block_fn, None)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, Set):
        return sorted(value, key=lambda b: b._id)
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def derive_api_name(fn: Any, js: Any) -> tuple[str, str | None]:
    """The api_name Gradio derives when none is given, and a forced visibility."""
    if fn is not None:
        name = getattr(fn, "__name__", None) or type(fn).__name__
        return "".join(ch for ch in str(name) if ch not in _PUNCTUATION), None
    if js is not None:
        return "js_fn", "private"
    return "unnamed", "private"


def unique_api_name(name: str, existing: Sequence[str | None]) -> str:
    """Append ``_1``, ``_2``… until ``name`` is not among ``existing``."""
    taken = set(existing)
    if name not in taken:
        return name
    i = 1
    while f"{name}_{i}" in taken:
        i += 1
    return f"{name}_{i}"


def _collects_event_data(fn: Any) -> bool:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(special_param_kind(p) == "event_data" for p in params)


def make_block_function(
    root: Blocks,
    targets: list[tuple[int | None, str]],
    fn: Callable[..., Any] | None,
    inputs: Any,
    outputs: Any,
    *,
    api_name: str | None | Literal[False] = None,
    api_description: str | None | Literal[False] = None,
    scroll_to_output: bool = False,
    show_progress: str | None = None,
    show_progress_on: Any = None,
    queue: bool | None = True,
    batch: bool = False,
    max_batch_size: int = 4,
    preprocess: bool = True,
    postprocess: bool = True,
    cancels: Any = None,
    trigger_mode: str | None = None,
    js: str | Literal[True] | None = None,
    concurrency_limit: int | None | str = _DEFAULT,
    concurrency_id: str | None = None,
    api_visibility: str = "public",
    show_api: bool | None = None,
    time_limit: float | None = None,
    stream_every: float = 0.5,
    trigger_after: int | None = None,
    trigger_only_on_success: bool = False,
    trigger_only_on_failure: bool = False,
    validator: Callable[..., Any] | None = None,
    every: Any = None,
    key: Any = None,
    like_user_message: bool = False,
    **ignored: Any,
) -> BlockFunction:
    """Build the ``BlockFunction`` for one listener call (Gradio's rules)."""
    inputs_as_dict = isinstance(inputs, Set)
    in_list, out_list = _as_list(inputs), _as_list(outputs)
    visibility = api_visibility
    if show_api is False and visibility == "public":
        visibility = "undocumented"
    if api_name is None or (isinstance(api_name, str) and not api_name.strip()):
        name, forced = derive_api_name(fn, js)
        visibility = forced or visibility
    elif api_name is False:
        name, visibility = "false", "private"
    else:
        name = str(api_name).lstrip("/")
    name = unique_api_name(name, [f.api_name for f in root.fns.values()])
    if trigger_mode is None:
        first = targets[0][1] if targets else ""
        trigger_mode = "always_last" if first in _ALWAYS_LAST_EVENTS else ("multiple" if first == "stream" else "once")
    elif trigger_mode not in ("once", "multiple", "always_last"):
        raise ValueError(f"Invalid value for parameter `trigger_mode`: {trigger_mode}. Choose from once, multiple, always_last.")
    # `.stream` listeners take streaming input: chunks come through /stream/{event_id}.
    streaming = bool(targets) and targets[0][1] == "stream"
    if show_progress is None:
        # Timer ticks default to no progress overlay, streams to the minimal one, the rest to the full one.
        show_progress = "hidden" if targets and targets[0][1] == "tick" else "minimal" if streaming else "full"
    cancel_ids = [d.fn_id for d in _as_list(cancels)] if cancels else []
    fn_id = next_fn_id(root, key)
    limit_default = concurrency_limit == _DEFAULT
    block_fn = BlockFunction(
        id=fn_id, fn=fn, inputs=in_list, outputs=out_list, targets=targets, api_name=name,
        inputs_as_dict=inputs_as_dict, preprocess=preprocess, postprocess=postprocess,
        # Nothing runs on the server for a listener without a function: Gradio never queues it.
        queue=False if fn is None else (True if queue is None else queue),
        concurrency_limit=root.default_concurrency_limit if limit_default or isinstance(concurrency_limit, str)
        else concurrency_limit,
        concurrency_limit_default=limit_default,
        concurrency_id=concurrency_id or str(fn_id), api_visibility=visibility,
        api_description=api_description, js=js, show_progress=show_progress,
        show_progress_on=_as_list(show_progress_on) or None, scroll_to_output=scroll_to_output,
        batch=batch, max_batch_size=max_batch_size, trigger_after=trigger_after,
        trigger_only_on_success=trigger_only_on_success, trigger_only_on_failure=trigger_only_on_failure,
        trigger_mode=trigger_mode, time_limit=time_limit, stream_every=stream_every,
        connection="stream" if streaming else "sse",
        event_specific_args=["stream_every"] if streaming else None,
        validator=validator, collects_event_data=fn is not None and _collects_event_data(fn),
        key=key, page=root.current_page,
    )
    if Context.renderable is not None:
        block_fn.rendered_in = Context.renderable.id
        block_fn.render_session = Context.render_session
    root._fn_seq = max(root._fn_seq, fn_id + (2 if cancel_ids else 1))
    if cancel_ids:
        # Gradio compiles `cancels=` into its own frontend-only dependency, next to the main one
        # (also when the listener has no function: `btn.click(None, cancels=[...])` makes two).
        root.fns[fn_id] = block_fn
        root.fns[fn_id + 1] = BlockFunction(
            id=fn_id + 1, fn=None, inputs=[], outputs=[], targets=targets,
            api_name=unique_api_name("unnamed", [f.api_name for f in root.fns.values()]),
            queue=False, api_visibility="private", cancels=cancel_ids, is_cancel_function=True,
            trigger_mode=trigger_mode,
        )
    if every is not None and fn is not None:
        _attach_every(root, block_fn, every)
    return block_fn


def next_fn_id(root: Blocks, key: Any = None) -> int:
    """A fresh dependency id (never reused after a re-render drops dependencies).

    Inside a ``@gr.render`` run, a listener with a ``key`` gets the id the same key
    had in the session's previous render, as in Gradio.
    """
    if key is not None and Context.renderable is not None:
        for fn in root.fns.values():
            if (fn.key == key and fn.rendered_in == Context.renderable.id
                    and fn.render_session == Context.render_session):
                return fn.id
    return max(root._fn_seq, max(root.fns, default=-1) + 1)


def _attach_every(root: Blocks, block_fn: BlockFunction, every: Any) -> None:
    """``every=`` on a listener re-runs it on a timer (Gradio 4 style)."""
    timer: Any = Context.block_class("timer")(every if isinstance(every, (int, float)) else getattr(every, "value", 1))
    block_fn.targets = block_fn.targets + [(timer._id, "tick")]


# ``gradio.events`` also holds the event-data classes and this alias; apps import them from there.
from wasmui.helpers import (  # noqa: E402
    CopyData, DeletedFileData, DownloadData, EditData, EventData, KeyUpData, LikeData, RetryData, SelectData,
    UndoData,
)

EventListener = EventListenerMethod
