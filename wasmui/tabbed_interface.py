"""``gr.TabbedInterface``: several Interfaces or Blocks, one per tab."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wasmui.blocks import Blocks
from wasmui.components.markdown import Markdown
from wasmui.layouts import Tab, Tabs


class TabbedInterface(Blocks):
    """Show each app of ``interface_list`` in its own tab (``tab_names`` default "Tab 1"…)."""

    def __init__(
        self,
        interface_list: Sequence[Blocks],
        tab_names: Sequence[str] | None = None,
        title: str | None = None,
        analytics_enabled: bool | None = None,
        css: str | None = None,
        js: str | None = None,
        head: str | None = None,
        theme: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(title=title or "Gradio", mode="tabbed_interface", css=css, js=js, head=head, theme=theme)
        names = list(tab_names) if tab_names else [f"Tab {i + 1}" for i in range(len(interface_list))]
        if len(names) != len(interface_list):
            raise ValueError(f"tab_names has {len(names)} names for {len(interface_list)} apps.")
        with self:
            if title:
                Markdown(f"<h1 style='text-align: center; margin-bottom: 1rem'>{title}</h1>")
            with Tabs():
                for app, name in zip(interface_list, names):
                    with Tab(label=name):
                        app.render()
