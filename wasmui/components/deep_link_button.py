"""``gr.DeepLinkButton``: copies a link that opens the app with the values it shows now.

The config is Gradio 6.31's (a ``button`` with ``copied_value``; two click events: a
client-side one that fetches ``gradio_api/deep_link`` and copies the link, then a backend one
that puts the label back after a second). What differs is the link: Gradio's names values
kept on its server, a wasmui link carries the values (:mod:`wasmui.deep_links`), because the
tab's Python is all the server there is. Unlike Gradio the default ``icon`` is none (Gradio's
points into its own package).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, ClassVar, Literal

from wasmui.components.button import Button
from wasmui.context import get_blocks_context

# The session's link (values as the server last saw them, as in Gradio) goes into the page URL
# as ?deep_link=...; the button shows `copied_value` at once, the backend event puts it back.
_COPY_JS = """
() => {
    const session = window.__gradio_session_hash__;
    fetch(`gradio_api/deep_link?session_hash=${session}`)
        .then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status}`); return r.json(); })
        .then((token) => {
            const url = new URL(window.location.href);
            if (token) url.searchParams.set("deep_link", token);
            return navigator.clipboard.writeText(url.toString());
        })
        .catch((e) => console.error("Could not make the deep link:", e));
    return COPIED;
}
"""


class DeepLinkButton(Button):
    """A button that copies a shareable link to the app with its current values."""

    CONFIG_PROPS: ClassVar[tuple[str, ...]] = ("value", "copied_value") + Button.CONFIG_PROPS[1:]

    def __init__(self, value: str = "Share via Link", copied_value: str = "Link Copied!", *,
                 inputs: Any = None, variant: Literal["primary", "secondary"] = "secondary",
                 size: Literal["sm", "md", "lg"] = "lg", icon: str | None = None, link: str | None = None,
                 link_target: Literal["_self", "_blank", "_parent", "_top"] = "_self",
                 visible: bool | str = True, interactive: bool = True, elem_id: str | None = None,
                 elem_classes: list[str] | str | None = None, render: bool = True, key: Any = None,
                 preserved_by_key: list[str] | str | None = "value", scale: int | None = None,
                 min_width: int | None = None, every: Any = None) -> None:
        self.copied_value = copied_value
        # Gradio ignores `elem_id` and numbers every button 0 (its counter is per instance).
        super().__init__(value, inputs=inputs, variant=variant, size=size, icon=icon, link=link,
                         link_target=link_target, visible=visible, interactive=interactive,
                         elem_id="gradio-share-link-button-0", elem_classes=elem_classes, render=render, key=key,
                         preserved_by_key=preserved_by_key, scale=scale, min_width=min_width, every=every)
        if get_blocks_context() is not None:
            self.activate()

    def activate(self) -> None:
        """Attaches the two click events (Interface calls this when it renders its button)."""
        label = self.value

        async def restore() -> Any:
            await asyncio.sleep(1)  # not time.sleep: the tab's Python must stay free meanwhile
            return label

        self.click(None, [], [self], js=_COPY_JS.replace("COPIED", json.dumps(self.copied_value)),
                   api_visibility="private")
        self.click(restore, [], [self], queue=False, api_name="lambda", api_visibility="undocumented")

    @classmethod
    def get_block_name(cls) -> str:
        return "button"
