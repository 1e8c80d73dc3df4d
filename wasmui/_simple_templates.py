"""``gradio._simple_templates``: the components Gradio's custom-component
templates start from. wasmui has ``SimpleImage``; ``SimpleTextbox`` and
``SimpleDropdown`` are Textbox and Dropdown in all but name and are not provided."""

from __future__ import annotations

from wasmui.components.simple_image import SimpleImage

__all__ = ["SimpleImage"]
