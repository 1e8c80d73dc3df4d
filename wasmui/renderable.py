"""``@gr.render``: parts of the page that a function re-creates on its triggers.

Decorating a function inside ``with gr.Blocks()`` places an empty Column (a Row
inside a Row) and one dependency, triggered by page load and its inputs'
``change`` (or by ``triggers=``). Each run of that dependency calls the function
inside a fresh copy of the container, for one session:

* the blocks and listeners it creates are added to the app, tagged with the
  render and the session (the page config of other sessions never shows them,
  and only that session may call the listeners);
* the previous run's blocks and listeners of that session are dropped first;
* a block with ``key=`` gets the id the same key had in the previous run, so the
  page keeps its value (``preserved_by_key`` props) and its listeners stay wired;
* the job's ``process_completed`` carries ``render_config`` (Gradio's shape:
  components, dependencies, layout of the container, ``render_id``), from which
  the page mounts the new part.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from wasmui.blocks import Block, BlockContext
from wasmui.context import Context, current_job
from wasmui.layouts import Column, Row

if TYPE_CHECKING:
    from wasmui.blocks import Blocks
    from wasmui.events import EventListenerMethod

# Renders build blocks through the process-wide build context; one at a time.
_BUILD_LOCK = threading.RLock()


@dataclass
class RenderState:
    """One session's last run of one render."""

    key_to_id: dict[Any, int] = field(default_factory=dict)
    block_ids: list[int] = field(default_factory=list)
    container: BlockContext | None = None


class Renderable:
    """A ``@gr.render`` function and its container in one app."""

    def __init__(self, root: Blocks, fn: Callable[..., Any], inputs: list[Block],
                 triggers: list[tuple[int | None, str]], **listener_options: Any) -> None:
        self.root = root
        self.fn = fn
        self.id = len(root.renderables)
        self.page = root.current_page  # the page (demo.route) the render sits on
        root.renderables.append(self)
        self.container_class: type[Row] | type[Column] = Row if isinstance(Context.block, Row) else Column
        self.container = self.container_class(show_progress=True)
        self.states: dict[str, RenderState] = {}
        block_fn, _ = root.set_event_trigger(triggers, self.apply, inputs, [self.container],
                                             api_visibility="undocumented", postprocess=False,
                                             **listener_options)
        block_fn.render_id = self.id

    # -- one run -------------------------------------------------------------
    def apply(self, *args: Any, **kwargs: Any) -> None:
        """Re-create this render's blocks for the session running the current job."""
        job = current_job.get()
        session = (job.session_hash if job is not None else None) or ""
        state = self.states.setdefault(session, RenderState())
        with _BUILD_LOCK:
            self._drop(session, state)
            container = self.container_class(render=False, show_progress=True)
            container._id = self.container._id
            saved = (Context.root_block, Context.block, Context.renderable, Context.render_session, Context.key_to_id)
            Context.root_block, Context.block = self.root, None
            Context.renderable, Context.render_session, Context.key_to_id = self, session, state.key_to_id
            try:
                with container:
                    self.fn(*args, **kwargs)
            finally:
                (Context.root_block, Context.block, Context.renderable, Context.render_session,
                 Context.key_to_id) = saved
            state.container = container
            state.block_ids = [b._id for b in _descendants(container)]
            for block_id in state.block_ids:
                block = self.root.blocks.get(block_id)
                if block is not None:
                    block.rendered_in = self
        if job is not None:
            job.extra["rendered"] = (self, container)

    def _drop(self, session: str, state: RenderState) -> None:
        """Forget the session's previous run: its blocks and its listeners."""
        for block_id in state.block_ids:
            self.root.blocks.pop(block_id, None)
        for fn_id in [i for i, f in self.root.fns.items() if f.rendered_in == self.id and f.render_session == session]:
            del self.root.fns[fn_id]
        state.block_ids = []

    def close_session(self, session: str) -> None:
        """Drop everything a closed session's renders created."""
        state = self.states.pop(session, None)
        if state is not None:
            self._drop(session, state)


def _descendants(block: BlockContext) -> list[Block]:
    out: list[Block] = []
    for child in block.children:
        out.append(child)
        if isinstance(child, BlockContext):
            out.extend(_descendants(child))
    return out


def render(
    inputs: Sequence[Block] | Block | None = None,
    triggers: Sequence[EventListenerMethod] | EventListenerMethod | None = None,
    *,
    queue: bool = True,
    trigger_mode: Literal["once", "multiple", "always_last"] | None = "always_last",
    concurrency_limit: int | None | Literal["default"] = None,
    concurrency_id: str | None = None,
    show_progress: Literal["full", "minimal", "hidden"] = "full",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Re-run the decorated function, and re-create what it builds, when ``triggers`` fire.

    Without ``triggers`` it runs on page load and when any of ``inputs`` changes.
    """
    root = Context.root_block
    if root is None:
        raise ValueError("@gr.render must be used inside a `with gr.Blocks():` block.")
    ins = [inputs] if isinstance(inputs, Block) else list(inputs or [])
    targets: list[tuple[int | None, str]]
    if triggers is None:
        targets = [(root._id, "load")]
        targets += [(b._id, "change") for b in ins if "change" in b.EVENTS]
    else:
        listeners = [triggers] if not isinstance(triggers, Sequence) else list(triggers)
        targets = [(root._id if t.event_name == "load" else (t.block._id if t.block is not None else None),
                    t.event_name) for t in listeners]
    options: dict[str, Any] = {"queue": queue, "trigger_mode": trigger_mode, "concurrency_id": concurrency_id,
                               "show_progress": show_progress, "api_name": "apply"}
    if concurrency_limit != "default":
        options["concurrency_limit"] = concurrency_limit

    def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
        Renderable(root, fn, ins, targets, **options)
        return fn

    return decorator
