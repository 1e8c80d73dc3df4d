"""Every component, and resolution of string shortcuts like ``"text"``."""

from __future__ import annotations

from typing import Any

from wasmui.components.annotated_image import AnnotatedImage
from wasmui.components.base import Component, FormComponent
from wasmui.components.browser_state import BrowserState
from wasmui.components.button import Button, ClearButton
from wasmui.components.chatbot import ChatMessage, Chatbot, MessageDict, MetadataDict, OptionDict
from wasmui.components.checkbox import Checkbox
from wasmui.components.choices import CheckboxGroup, Dropdown, Radio
from wasmui.components.code import Code
from wasmui.components.dataframe import Dataframe
from wasmui.components.dataset import Dataset
from wasmui.components.file import File
from wasmui.components.gallery import Gallery
from wasmui.components.image import Image
from wasmui.components.image_slider import ImageSlider
from wasmui.components.json_component import JSON
from wasmui.components.label import Label
from wasmui.components.markdown import HTML, Markdown
from wasmui.components.media_options import WatermarkOptions, WebcamOptions
from wasmui.components.multimodal_textbox import MultimodalTextbox
from wasmui.components.number import Number, Slider
from wasmui.components.state import State
from wasmui.components.timer import Timer
from wasmui.components.textbox import Text, TextArea, Textbox
from wasmui.exceptions import InvalidComponentError

# Shortcut name → (class, preset arguments), as Gradio's string shortcuts.
_TEMPLATES: dict[str, tuple[type[Component], dict[str, Any]]] = {
    "textarea": (Textbox, {"lines": 7}),
    "files": (File, {"file_count": "multiple"}),
}


def _registry() -> dict[str, type[Component]]:
    out: dict[str, type[Component]] = {}
    stack: list[type[Component]] = [Component]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            out.setdefault(sub.__name__.lower(), sub)
            stack.append(sub)
    out["text"] = Textbox
    return out


def component_from_spec(spec: Any, render: bool = False) -> Component:
    """A component from an instance, a shortcut name (``"text"``) or a dict spec."""
    if isinstance(spec, Component):
        return spec
    if isinstance(spec, str):
        key = spec.lower().replace("_", "")
        if key in _TEMPLATES:
            cls, preset = _TEMPLATES[key]
            return cls(render=render, **preset)
        cls = _registry().get(key)
        if cls is None:
            raise InvalidComponentError(f"No component named {spec!r}. Use a component like gr.Textbox() instead.")
        return cls(render=render)
    if isinstance(spec, dict) and "name" in spec:
        args = {k: v for k, v in spec.items() if k != "name"}
        cls = _registry().get(str(spec["name"]).lower())
        if cls is None:
            raise InvalidComponentError(f"No component named {spec['name']!r}.")
        return cls(render=render, **args)
    raise InvalidComponentError(f"Cannot make a component from {spec!r}.")


# Gradio's historical alias.
get_component_instance = component_from_spec

__all__ = [
    "AnnotatedImage", "HTML", "JSON", "Button", "Checkbox", "CheckboxGroup", "Code", "ClearButton", "Dropdown", "Radio", "Component", "Dataframe", "Dataset", "File", "FormComponent", "Gallery", "Image", "ImageSlider", "Label",
    "Markdown", "Number", "Slider", "State", "Text", "TextArea", "Textbox", "Timer", "WatermarkOptions", "WebcamOptions", "component_from_spec",
    "BrowserState", "ChatMessage", "Chatbot", "MessageDict", "MetadataDict", "MultimodalTextbox", "OptionDict",
    "get_component_instance",
]
