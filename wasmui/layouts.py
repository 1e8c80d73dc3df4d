"""Layout blocks: ``Row``, ``Column``, ``Group``, ``Tabs``/``Tab``, ``Accordion`` and the
invisible ``Form`` that wraps runs of form components."""

from __future__ import annotations

from typing import Any, Literal

from wasmui.blocks import Block, BlockContext, Blocks


class Row(BlockContext):
    """Children side by side (wrapping below their ``min_width``)."""

    CONFIG_PROPS = ("variant", "visible", "elem_id", "elem_classes", "scale", "height", "max_height", "min_height", "equal_height", "show_progress", "key", "preserved_by_key")

    def __init__(
        self,
        *,
        variant: Literal["default", "panel", "compact"] = "default",
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        scale: int | None = None,
        render: bool = True,
        height: int | str | None = None,
        max_height: int | str | None = None,
        min_height: int | str | None = None,
        equal_height: bool = False,
        show_progress: bool = False,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        self.variant = variant
        self.scale = scale
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        self.equal_height = equal_height
        self.show_progress = show_progress
        self.preserved_by_key = [preserved_by_key] if isinstance(preserved_by_key, str) else preserved_by_key
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Column(BlockContext):
    """Children stacked vertically; ``scale`` sets its width share in a Row."""

    CONFIG_PROPS = ("scale", "min_width", "variant", "visible", "elem_id", "elem_classes", "show_progress", "key", "preserved_by_key")

    def __init__(
        self,
        *,
        scale: int = 1,
        min_width: int = 320,
        variant: Literal["default", "panel", "compact"] = "default",
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        show_progress: bool = False,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        if scale != round(scale):
            raise ValueError(f"'scale' value should be an integer. Using {scale} will cause issues.")
        self.scale = scale
        self.min_width = min_width
        self.variant = variant
        self.show_progress = show_progress
        self.preserved_by_key = [preserved_by_key] if isinstance(preserved_by_key, str) else preserved_by_key
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Group(BlockContext):
    """Children drawn as one panel with no gaps."""

    CONFIG_PROPS = ("visible", "elem_id", "elem_classes", "key", "preserved_by_key")

    def __init__(
        self,
        *,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        self.preserved_by_key = [preserved_by_key] if isinstance(preserved_by_key, str) else preserved_by_key
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Tabs(BlockContext):
    """A set of tabs; ``selected`` is the id (or index) of the open tab."""

    CONFIG_PROPS = ("selected", "visible", "elem_id", "elem_classes", "key", "preserved_by_key")

    EVENTS = ["change", "select"]

    def __init__(
        self,
        *,
        selected: int | str | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        self.selected = selected
        self.preserved_by_key = [preserved_by_key] if isinstance(preserved_by_key, str) else preserved_by_key
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Tab(BlockContext):
    """One tab; consecutive tabs are wrapped in a ``Tabs`` automatically."""

    CONFIG_PROPS = ("label", "visible", "interactive", "id", "elem_id", "elem_classes", "scale", "key", "preserved_by_key", "render_children")

    EVENTS = ["select"]

    def __init__(
        self,
        label: str | None = None,
        visible: bool | str = True,
        interactive: bool = True,
        *,
        id: int | str | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        scale: int | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
        render_children: bool = False,
    ) -> None:
        self.label = label
        self.interactive = interactive
        self.id = id
        self.scale = scale
        self.render_children = render_children
        self.preserved_by_key = [preserved_by_key] if isinstance(preserved_by_key, str) else preserved_by_key
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def get_expected_parent(self) -> type[BlockContext] | None:
        return Tabs

    @classmethod
    def get_block_name(cls) -> str:
        return "tabitem"

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        config["name"] = "tab"  # Gradio names the prop after the class, the type after the view
        return config


TabItem = Tab


class Accordion(BlockContext):
    """A collapsible section with a ``label``."""

    CONFIG_PROPS = ("label", "open", "visible", "elem_id", "elem_classes", "key", "preserved_by_key")

    EVENTS = ["expand", "collapse"]

    def __init__(
        self,
        label: str | None = None,
        *,
        open: bool = True,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        self.label = label
        self.open = open
        self.preserved_by_key = [preserved_by_key] if isinstance(preserved_by_key, str) else preserved_by_key
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Form(BlockContext):
    """Invisible container Gradio puts around consecutive form components."""

    CONFIG_PROPS = ("scale", "min_width", "key", "preserved_by_key")

    def __init__(
        self,
        *,
        scale: int = 0,
        min_width: int = 0,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        self.scale = scale
        self.min_width = min_width
        self.preserved_by_key = [preserved_by_key] if isinstance(preserved_by_key, str) else preserved_by_key
        super().__init__(render=render, key=key)

    def add_child(self, child: Block) -> None:
        # In a Row a form takes the summed width of its children, as in Gradio.
        parent = self.parent
        scale = getattr(child, "scale", None)
        if isinstance(parent, Row):
            self.scale += 1 if scale is None else scale
            self.min_width += getattr(child, "min_width", 0) or 0
        elif isinstance(parent, Column) and isinstance(parent.parent, Row) and parent.parent.equal_height:
            self.scale += 1 if scale is None else scale
        elif isinstance(parent, Blocks) and parent.fill_height:
            self.scale += 0 if scale is None else scale
        super().add_child(child)


class Sidebar(BlockContext):
    """A collapsible panel at the left or right edge of the page, for controls and links."""

    CONFIG_PROPS = ("label", "open", "visible", "elem_id", "elem_classes", "width", "position", "key",
                    "preserved_by_key")

    EVENTS = ["expand", "collapse"]

    def __init__(
        self,
        label: str | None = None,
        *,
        open: bool = True,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        width: int | str = 320,
        position: Literal["left", "right"] = "left",
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        self.label = label
        self.open = open
        self.width = width
        self.position = position
        self.preserved_by_key = [preserved_by_key] if isinstance(preserved_by_key, str) else preserved_by_key
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Walkthrough(BlockContext):
    """A step-by-step workflow of ``Step`` children; ``selected`` is the id of the shown step."""

    CONFIG_PROPS = ("selected", "visible", "elem_id", "elem_classes", "key", "preserved_by_key")

    EVENTS = ["change", "select"]

    def __init__(
        self,
        *,
        selected: int | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        self.selected = selected
        self.preserved_by_key = [preserved_by_key] if isinstance(preserved_by_key, str) else preserved_by_key
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Step(BlockContext):
    """One step of a ``Walkthrough``; consecutive steps are wrapped in one automatically."""

    CONFIG_PROPS = ("label", "visible", "interactive", "id", "elem_id", "elem_classes", "scale", "key", "preserved_by_key")

    EVENTS = ["select"]

    def __init__(
        self,
        label: str | None = None,
        visible: bool = True,
        interactive: bool = True,
        *,
        id: int | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        scale: int | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        self.label = label
        self.interactive = interactive
        self.id = id
        self.scale = scale
        self.preserved_by_key = [preserved_by_key] if isinstance(preserved_by_key, str) else preserved_by_key
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def get_expected_parent(self) -> type[BlockContext] | None:
        return Walkthrough

    @classmethod
    def get_block_name(cls) -> str:
        return "walkthroughstep"

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        config["name"] = "step"  # as for Tab: the prop names the class, the type names the view
        return config


class Draggable(BlockContext):
    """Children the user can reorder by dragging (a ``row`` or a ``column``)."""

    CONFIG_PROPS = ("orientation", "visible", "elem_id", "elem_classes", "key", "preserved_by_key")

    def __init__(
        self,
        orientation: Literal["row", "column"] = "column",
        *,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = None,
    ) -> None:
        self.orientation = orientation
        self.preserved_by_key = [preserved_by_key] if isinstance(preserved_by_key, str) else preserved_by_key
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

