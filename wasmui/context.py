"""Where blocks are being built, and which job is running.

Two separate contexts: the *render* context (the ``with`` stack while an app is
being built) and the *job* context (the event currently being processed, so
``gr.Info`` and ``gr.Progress`` know where to send their messages).
"""

from __future__ import annotations

import itertools
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from wasmui.blocks import BlockContext, Blocks


class Context:
    """Process-wide build state: the current ``with`` block and the id counter."""

    root_block: Blocks | None = None
    block: BlockContext | None = None
    ids = itertools.count()
    # True while wasmui.runner executes a user's app: launch() must not block.
    loading_app: bool = False
    launched: list[Blocks] = []
    # While a @gr.render function runs: its Renderable, the session it renders for, and
    # that session's key -> block id map (a keyed block keeps its id across renders).
    renderable: Any = None
    render_session: str | None = None
    key_to_id: dict[Any, int] | None = None

    # Block classes by lower-cased class name (first definition wins), so a lower layer
    # can make a block of a higher-layer class (``every=`` makes a Timer) without importing it.
    block_classes: dict[str, type[Any]] = {}
    # Imports the class of a name not yet in ``block_classes`` (a component's module is imported
    # on first use): ``wasmui.components`` puts its resolver here.
    block_class_importers: list[Callable[[str], object]] = []

    @classmethod
    def block_class(cls, name: str) -> type[Any]:
        """The block class called ``name`` (lower-case), e.g. ``"timer"``."""
        for importer in cls.block_class_importers:
            if name in cls.block_classes:
                break
            importer(name)
        return cls.block_classes[name]

    @classmethod
    def next_id(cls) -> int:
        """Return a fresh block id (unique within the process, like Gradio)."""
        return next(cls.ids)


@dataclass
class JobContext:
    """The running event: lets helpers emit log/progress messages to its client."""

    emit: Callable[[Any], None]
    session_hash: str | None = None
    fn_index: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


current_job: ContextVar[JobContext | None] = ContextVar("wasmui_current_job", default=None)
# The app's ``max_file_size`` (bytes) while inputs are preprocessed; file components
# check uploads against it without knowing the app.
max_file_size: ContextVar[int | None] = ContextVar("wasmui_max_file_size", default=None)


def get_blocks_context() -> Blocks | None:
    """The Blocks currently being built, if any."""
    return Context.root_block
