"""The block tree's nodes: ``Block`` (an id, a parent, a config entry) and ``BlockContext``.

Every component and layout is a ``Block``; a ``BlockContext`` holds children and is the
``with`` statement they are created in. A block records which constructor arguments it was
given (``return gr.Textbox(lines=8)`` updates only ``lines``) and serialises its props for
Gradio's ``/config``. The app that owns a tree, ``Blocks``, is in ``wasmui.blocks``.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from wasmui import events
from wasmui.context import Context
from wasmui.exceptions import DuplicateBlockError


def _record_constructor_args(init: Callable[..., None]) -> Callable[..., None]:
    """Wrap ``__init__`` so each block remembers which arguments were passed.

    Returning ``gr.Textbox(lines=8)`` from a function must update only
    ``lines``, so the update needs the explicitly given arguments.
    """

    @functools.wraps(init)
    def wrapper(self: Block, *args: Any, **kwargs: Any) -> None:
        if not hasattr(self, "_constructor_args"):
            try:
                sig = inspect.signature(init)
                bound = sig.bind(self, *args, **kwargs)
                given = dict(bound.arguments)
                given.pop("self", None)
                # ``**kwargs`` (or gr.HTML's ``**props``): the names given, flattened.
                for p in sig.parameters.values():
                    if p.kind is p.VAR_KEYWORD and isinstance(given.get(p.name), dict):
                        given.update(given.pop(p.name))
            except TypeError:
                given = dict(kwargs)
            self._constructor_args = given
        init(self, *args, **kwargs)

    return wrapper


class Block:
    """Base of every component and layout: an id, a parent and a config."""

    EVENTS: ClassVar[list[str]] = []
    skip_api: ClassVar[bool] = True
    #: True for blocks whose value lives per session in Python and never travels to
    #: the browser (``gr.State``); see ``Component`` and ``wasmui.sessions``.
    stateful: ClassVar[bool] = False
    #: Set when a ``select`` listener is attached (the view then marks items selectable).
    _selectable: bool = False
    #: The props this block sends in its config entry, each read from the attribute of the
    #: same name. Declared per class (never inferred from the constructor), in Gradio's order.
    CONFIG_PROPS: ClassVar[tuple[str, ...]] = ()
    _constructor_args: dict[str, Any]

    if TYPE_CHECKING:
        # Listener methods (``.click``, ``.change`` …) are made from ``EVENTS`` when the
        # class is created (``events.attach_event_listeners``); this tells the type checker.
        def __getattr__(self, name: str) -> events.EventListenerMethod: ...

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__init__" in cls.__dict__:
            # Wrapping a subclass's __init__ on purpose (mypy forbids assigning to methods).
            cls.__init__ = _record_constructor_args(cls.__dict__["__init__"])  # type: ignore[method-assign]
        Context.block_classes.setdefault(cls.__name__.lower(), cls)
        events.attach_event_listeners(cls)

    def __init__(
        self,
        *,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[int | str, ...] | None = None,
        visible: bool | str = True,
    ) -> None:
        key_to_id = Context.key_to_id
        if key is not None and key_to_id is not None and key in key_to_id:
            self._id = key_to_id[key]  # the same block as in the previous render
        else:
            self._id = Context.next_id()
            if key is not None and key_to_id is not None:
                key_to_id[key] = self._id
        #: The ``@gr.render`` this block was created by (None for the app's static blocks).
        self.rendered_in: Any = Context.renderable
        self.elem_id = elem_id
        self.elem_classes = [elem_classes] if isinstance(elem_classes, str) else list(elem_classes or [])
        self.key = key
        self.visible = visible
        self.parent: BlockContext | None = None
        self.page = ""
        self.is_rendered = False
        if render:
            self.render()

    # -- tree ---------------------------------------------------------------
    def render(self) -> Block:
        """Add this block to the ``with`` context it is created in (or called in)."""
        root = Context.root_block
        if root is not None and self._id in root.blocks:
            raise DuplicateBlockError(f"A block with id {self._id} has already been rendered in this Blocks.")
        if Context.block is not None:
            Context.block.add_child(self)
        if root is not None:
            root.blocks[self._id] = self
            self.page = root.current_page
            self.is_rendered = True
        return self

    def unrender(self) -> Block:
        """Remove this block from its parent and from the current Blocks."""
        if self.parent is not None and self in self.parent.children:
            self.parent.children.remove(self)
            self.parent = None
        root = Context.root_block
        if root is not None:
            root.blocks.pop(self._id, None)
        self.is_rendered = False
        return self

    def get_expected_parent(self) -> type[BlockContext] | None:
        """Layout class that must wrap this block (forms wrap form components)."""
        return None

    def update_names(self, given: dict[str, Any]) -> list[str]:
        """The constructor arguments in ``given`` that ``return gr.X(...)`` updates (its props)."""
        return [n for n in ("value", *self.CONFIG_PROPS) if n in given]

    # -- config -------------------------------------------------------------
    @classmethod
    def get_block_name(cls) -> str:
        """The ``type`` of this block in the config (lower-cased class name)."""
        return cls.__name__.lower()

    @classmethod
    def get_block_class(cls) -> str:
        """The ``name`` prop (and /info ``component``): the block name, unless a family shares one view."""
        return cls.get_block_name()

    def get_config(self) -> dict[str, Any]:
        """Props of this block as Gradio sends them (None values removed later)."""
        props: dict[str, Any] = {}
        for name in self.CONFIG_PROPS:
            if hasattr(self, name):
                props[name] = _serialise_prop(getattr(self, name))
        props["name"] = self.get_block_class()
        return props

    def __repr__(self) -> str:
        label = getattr(self, "label", None)
        return f"<{type(self).__name__} id={self._id}{f' label={label!r}' if label else ''}>"


def _serialise_prop(value: Any) -> Any:
    """Make a constructor argument JSON-friendly, like Gradio's config does."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, Block):
        cfg = value.get_config()
        cfg["id"] = value._id
        return cfg
    if isinstance(value, tuple):
        return [_serialise_prop(v) for v in value]
    if isinstance(value, list):
        return [_serialise_prop(v) for v in value]
    if callable(value) and not isinstance(value, type):
        return None
    return value


class BlockContext(Block):
    """A block that contains other blocks (layouts and ``Blocks`` itself)."""

    def __init__(self, **kwargs: Any) -> None:
        self.children: list[Block] = []
        self._outer: BlockContext | None = None
        if getattr(self, "preserved_by_key", None) is None:
            self.preserved_by_key: list[str] | None = []
        super().__init__(**kwargs)

    def add_child(self, child: Block) -> None:
        """Append ``child`` and make this its parent."""
        child.parent = self
        self.children.append(child)

    def __enter__(self) -> BlockContext:
        self._outer = Context.block
        Context.block = self
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *args: Any) -> None:
        Context.block = self._outer
        if exc_type is None:
            self.fill_expected_parents()

    def fill_expected_parents(self) -> None:
        """Wrap runs of consecutive form components in an invisible ``Form``."""
        children: list[Block] = []
        pseudo: BlockContext | None = None
        for child in self.children:
            expected = child.get_expected_parent()
            if expected is None or isinstance(self, expected):
                pseudo = None
                children.append(child)
                continue
            if pseudo is None or not isinstance(pseudo, expected):
                # A keyed child's wrapper is keyed too, so it keeps its id across re-renders.
                key = (child.key, "_parent") if child.key is not None else None
                pseudo = expected(render=False, key=key)
                pseudo.parent = self
                pseudo.page = child.page
                children.append(pseudo)
                root = Context.root_block
                if root is not None:
                    root.blocks[pseudo._id] = pseudo
            pseudo.add_child(child)
        self.children = children
