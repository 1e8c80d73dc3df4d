"""Every component, and resolution of string shortcuts like ``"text"``."""

from __future__ import annotations

from typing import Any

from wasmui.components.api_component import Api
from wasmui.components.audio import Audio
from wasmui.components.annotated_image import AnnotatedImage
from wasmui.components.base import Component, FormComponent
from wasmui.components.browser_state import BrowserState
from wasmui.components.button import Button, ClearButton, DuplicateButton, LoginButton
from wasmui.components.chatbot import ChatMessage, Chatbot, MessageDict, MetadataDict, OptionDict
from wasmui.components.checkbox import Checkbox
from wasmui.components.choices import CheckboxGroup, Dropdown, Radio
from wasmui.components.code import Code
from wasmui.components.color_picker import ColorPicker
from wasmui.components.dialogue import Dialogue
from wasmui.components.dataframe import Dataframe
from wasmui.components.deep_link_button import DeepLinkButton
from wasmui.components.dataset import Dataset
from wasmui.components.file import File, Files
from wasmui.components.file_explorer import FileExplorer
from wasmui.components.download_button import DownloadButton
from wasmui.components.datetime_component import DateTime
from wasmui.components.gallery import Gallery
from wasmui.components.highlighted_text import HighlightedText
from wasmui.components.image import Image
from wasmui.components.image_editor import ImageEditor
from wasmui.components.image_slider import ImageSlider
from wasmui.components.json_component import JSON
from wasmui.components.label import Label
from wasmui.components.html import HTML
from wasmui.components.markdown import Markdown
from wasmui.components.model3d import Model3D
from wasmui.components.media_options import WatermarkOptions, WebcamOptions
from wasmui.components.multimodal_textbox import MultimodalTextbox
from wasmui.components.native_plot import BarPlot, LinePlot, NativePlot, ScatterPlot
from wasmui.components.navbar import Navbar
from wasmui.components.number import Number, Slider
from wasmui.components.paramviewer import ParamViewer
from wasmui.components.plot import Plot
from wasmui.components.state import State
from wasmui.components.timer import Timer
from wasmui.components.templates import List, Matrix, Mic, Microphone, Numpy, PlayableVideo
from wasmui.components.textbox import InputHTMLAttributes, Text, TextArea, Textbox
from wasmui.components.upload_button import UploadButton
from wasmui.components.video import Video
from wasmui.exceptions import InvalidComponentError
from wasmui.layouts import Form
from wasmui.browser_limits import WorkflowCanvas

# Shortcut name → (class, preset arguments), as Gradio's string shortcuts.
_TEMPLATES: dict[str, tuple[type[Component], dict[str, Any]]] = {
    "textarea": (Textbox, {"lines": 7}),
    "files": (File, {"file_count": "multiple"}),
    "microphone": (Microphone, {}),
    "mic": (Microphone, {}),
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
        found = _registry().get(key)
        if found is None:
            raise InvalidComponentError(f"No component named {spec!r}. Use a component like gr.Textbox() instead.")
        return found(render=render)
    if isinstance(spec, dict) and "name" in spec:
        args = {k: v for k, v in spec.items() if k != "name"}
        named = _registry().get(str(spec["name"]).lower())
        if named is None:
            raise InvalidComponentError(f"No component named {spec['name']!r}.")
        return named(render=render, **args)
    raise InvalidComponentError(f"Cannot make a component from {spec!r}.")


# Gradio's historical aliases.
get_component_instance = component_from_spec
component = component_from_spec
Checkboxgroup = CheckboxGroup
Json = JSON
DataFrame = Dataframe
Highlight = Highlightedtext = HighlightedText
Annotatedimage = AnnotatedImage

__all__ = [
    "AnnotatedImage", "Annotatedimage", "Audio", "BarPlot", "BrowserState", "Button", "ChatMessage", "Chatbot",
    "Checkbox", "CheckboxGroup", "Checkboxgroup", "ClearButton", "Code", "ColorPicker", "Component", "DataFrame",
    "Dataframe", "Dataset", "DateTime", "DeepLinkButton", "Dialogue", "DownloadButton", "Dropdown",
    "DuplicateButton", "File", "FileExplorer", "Files", "Form", "FormComponent", "Gallery", "HTML", "Highlight",
    "HighlightedText", "Highlightedtext", "Image", "ImageEditor", "ImageSlider", "InputHTMLAttributes", "JSON",
    "Json", "Label", "LinePlot", "List", "LoginButton", "Markdown", "Matrix", "MessageDict", "MetadataDict", "Mic",
    "Microphone", "Model3D", "MultimodalTextbox", "NativePlot", "Navbar", "Number", "Numpy", "OptionDict",
    "ParamViewer", "PlayableVideo", "Plot", "Radio", "ScatterPlot", "Slider",
    "State", "Text", "TextArea", "Textbox", "Timer", "UploadButton", "Video", "WatermarkOptions", "WebcamOptions",
    "WorkflowCanvas", "component", "component_from_spec", "get_component_instance",
]
