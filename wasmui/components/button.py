"""Buttons: ``gr.Button`` and ``gr.ClearButton``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, ClassVar, Literal

from wasmui.components.base import Component
from wasmui.helpers import Info


class Button(Component):
    """A clickable button; its value is its label."""

    CONFIG_PROPS: ClassVar[tuple[str, ...]] = ("value", "variant", "size", "icon", "link", "link_target", "visible", "interactive", "elem_id", "elem_classes", "key", "preserved_by_key", "scale", "min_width")

    EVENTS = ["change", "click"]
    PYTHON_TYPE = "str"
    skip_api = True  # Gradio leaves buttons out of the API

    def __init__(
        self,
        value: str | Any = "Run",
        *,
        every: Any = None,
        inputs: Any = None,
        variant: Literal["primary", "secondary", "stop", "huggingface"] = "secondary",
        size: Literal["sm", "md", "lg"] = "lg",
        icon: str | None = None,
        link: str | None = None,
        link_target: Literal["_self", "_blank", "_parent", "_top"] = "_self",
        visible: bool | str = True,
        interactive: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        scale: int | None = None,
        min_width: int | None = None,
    ) -> None:
        self.variant = variant
        self.size = size
        self.icon = icon
        self.link = link
        self.link_target = link_target
        super().__init__(value, every=every, inputs=inputs, visible=visible, interactive=interactive,
                         elem_id=elem_id, elem_classes=elem_classes, render=render, key=key,
                         preserved_by_key=preserved_by_key, scale=scale, min_width=min_width)

    def preprocess(self, payload: str | None) -> str | None:
        return payload

    def postprocess(self, value: Any) -> str | None:
        return None if value is None else str(value)

    def api_info(self) -> dict[str, Any]:
        return {"type": "string"}

    def example_payload(self) -> Any:
        return "Run"

    def example_value(self) -> Any:
        return "Run"



class DuplicateButton(Button):
    """Gradio's "Duplicate Space" button.

    On a Hugging Face Space it opens the Space's duplicate page; a wasmui app is static
    files and never runs on a Space, so the button shows and does nothing, as Gradio's
    does when it runs anywhere else.
    """

    def __init__(self, value: str = "Duplicate Space", *,
                 variant: Literal["primary", "secondary", "stop", "huggingface"] = "huggingface",
                 size: Literal["sm", "md", "lg"] = "sm", scale: int | None = 0, **kwargs: Any) -> None:
        super().__init__(value, variant=variant, size=size, scale=scale, **kwargs)

    @classmethod
    def get_block_name(cls) -> str:
        return "button"


LOGIN_EXPLANATION = (
    "Sign-in with Hugging Face needs a Gradio server, and this app runs entirely in your browser, "
    "so nobody can sign in here: the app sees no profile (gr.OAuthProfile parameters get None).")


def _explain_login() -> None:
    Info(LOGIN_EXPLANATION, title="Sign-in unavailable")


class LoginButton(Button):
    """Gradio's "Sign in with Hugging Face" button.

    Signing in needs Gradio's server (an OAuth redirect and a session cookie). A wasmui app
    is static files running in the browser, so the button shows and a click explains in a
    toast why nobody can sign in; functions with a ``gr.OAuthProfile`` or ``gr.OAuthToken``
    parameter get ``None``, as they do in Gradio when nobody is logged in. Unlike Gradio the
    default ``icon`` is none (Gradio's points into its own package).
    """

    CONFIG_PROPS: ClassVar[tuple[str, ...]] = ("value", "logout_value") + Button.CONFIG_PROPS[1:]

    def __init__(self, value: str = "Sign in with Hugging Face", logout_value: str = "Logout ({})", *,
                 variant: Literal["primary", "secondary", "stop", "huggingface"] = "huggingface",
                 size: Literal["sm", "md", "lg"] = "lg", render: bool = True, **kwargs: Any) -> None:
        self.logout_value = logout_value
        super().__init__(value, variant=variant, size=size, render=render, **kwargs)
        if render:
            # Gradio's click navigates to its /login route; here a click says why there is none.
            self.click(_explain_login, None, None, api_visibility="private")

    @classmethod
    def get_block_name(cls) -> str:
        return "button"


class ClearButton(Button):
    """A button that resets the given components to empty values."""

    CONFIG_PROPS = Button.CONFIG_PROPS + ("api_visibility",)

    def __init__(
        self,
        components: Sequence[Component] | Component | None = None,
        *,
        value: str = "Clear",
        every: Any = None,
        inputs: Any = None,
        variant: Literal["primary", "secondary", "stop"] = "secondary",
        size: Literal["sm", "md", "lg"] = "lg",
        icon: str | None = None,
        link: str | None = None,
        link_target: Literal["_self", "_blank", "_parent", "_top"] = "_self",
        visible: bool | str = True,
        interactive: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        scale: int | None = None,
        min_width: int | None = None,
        api_name: str | None = None,
        api_visibility: Literal["public", "private", "undocumented"] = "undocumented",
    ) -> None:
        super().__init__(value, every=every, inputs=inputs, variant=variant, size=size, icon=icon, link=link,
                         link_target=link_target, visible=visible, interactive=interactive, elem_id=elem_id,
                         elem_classes=elem_classes, render=render, key=key, preserved_by_key=preserved_by_key,
                         scale=scale, min_width=min_width)
        self.api_name = api_name
        self.api_visibility = api_visibility
        if components is not None:
            self.add(components)

    @classmethod
    def get_block_name(cls) -> str:
        return "button"

    def add(self, components: Sequence[Component] | Component) -> ClearButton:
        """Also clear ``components`` on click (pure front-end, plus State on the server)."""
        comps = [components] if isinstance(components, Component) else list(components)
        states = [c for c in comps if c.stateful]
        if comps:
            # As Gradio: every component, States too (the page keeps no State value, so their
            # None changes nothing there; the second listener resets them on the server).
            empties = [c.postprocess(None) if _safe_empty(c) else None for c in comps]
            self.click(None, [], comps, js=f"() => {json.dumps(empties)}", api_visibility="private")
        if states:
            initial = [s.value for s in states]
            self.click(lambda: initial[0] if len(initial) == 1 else tuple(initial), None, states,
                       api_name=self.api_name or "clear", api_visibility=self.api_visibility)
        return self


def _safe_empty(component: Component) -> bool:
    """Whether ``postprocess(None)`` is a sensible cleared value (sliders snap to min)."""
    try:
        component.postprocess(None)
    except Exception:
        return False
    return True
