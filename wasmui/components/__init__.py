"""Every component, and resolution of string shortcuts like ``"text"``.

Only the base classes are imported here; each component's module is imported on first use
of its name (``wasmui.lazy_names``), so an app loads, and a site ships, only the components
it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wasmui.components.base import Component, FormComponent
from wasmui.context import Context
from wasmui.exceptions import InvalidComponentError
from wasmui.layouts import Form
from wasmui.lazy_names import attach, resolve

_C = "wasmui.components."
# Public name -> "module:attribute", imported on first access. Keep in step with the
# TYPE_CHECKING imports below (tests/core/test_public_api.py checks it).
_LAZY: dict[str, str] = {
    "Api": _C + "api_component:Api",
    "AnnotatedImage": _C + "annotated_image:AnnotatedImage",
    "Annotatedimage": _C + "annotated_image:AnnotatedImage",
    "Audio": _C + "audio:Audio",
    "BarPlot": _C + "native_plot:BarPlot",
    "BrowserState": _C + "browser_state:BrowserState",
    "Button": _C + "button:Button",
    "ChatMessage": _C + "chatbot:ChatMessage",
    "Chatbot": _C + "chatbot:Chatbot",
    "Checkbox": _C + "checkbox:Checkbox",
    "CheckboxGroup": _C + "choices:CheckboxGroup",
    "Checkboxgroup": _C + "choices:CheckboxGroup",
    "ClearButton": _C + "button:ClearButton",
    "Code": _C + "code:Code",
    "ColorPicker": _C + "color_picker:ColorPicker",
    "DataFrame": _C + "dataframe:Dataframe",
    "Dataframe": _C + "dataframe:Dataframe",
    "Dataset": _C + "dataset:Dataset",
    "DateTime": _C + "datetime_component:DateTime",
    "DeepLinkButton": _C + "deep_link_button:DeepLinkButton",
    "Dialogue": _C + "dialogue:Dialogue",
    "DownloadButton": _C + "download_button:DownloadButton",
    "Dropdown": _C + "choices:Dropdown",
    "DuplicateButton": _C + "button:DuplicateButton",
    "File": _C + "file:File",
    "FileExplorer": _C + "file_explorer:FileExplorer",
    "Files": _C + "file:Files",
    "Gallery": _C + "gallery:Gallery",
    "HTML": _C + "html:HTML",
    "Highlight": _C + "highlighted_text:HighlightedText",
    "HighlightedText": _C + "highlighted_text:HighlightedText",
    "Highlightedtext": _C + "highlighted_text:HighlightedText",
    "Image": _C + "image:Image",
    "ImageEditor": _C + "image_editor:ImageEditor",
    "ImageMask": _C + "image_editor:ImageMask",
    "ImageSlider": _C + "image_slider:ImageSlider",
    "InputHTMLAttributes": _C + "textbox:InputHTMLAttributes",
    "JSON": _C + "json_component:JSON",
    "Json": _C + "json_component:JSON",
    "Label": _C + "label:Label",
    "LinePlot": _C + "native_plot:LinePlot",
    "List": _C + "templates:List",
    "LoginButton": _C + "button:LoginButton",
    "Markdown": _C + "markdown:Markdown",
    "Matrix": _C + "templates:Matrix",
    "MessageDict": _C + "chatbot:MessageDict",
    "MetadataDict": _C + "chatbot:MetadataDict",
    "Mic": _C + "templates:Mic",
    "Microphone": _C + "templates:Microphone",
    "Model3D": _C + "model3d:Model3D",
    "MultimodalTextbox": _C + "multimodal_textbox:MultimodalTextbox",
    "NativePlot": _C + "native_plot:NativePlot",
    "Navbar": _C + "navbar:Navbar",
    "Number": _C + "number:Number",
    "Numpy": _C + "templates:Numpy",
    "OptionDict": _C + "chatbot:OptionDict",
    "Paint": _C + "image_editor:Paint",
    "ParamViewer": _C + "paramviewer:ParamViewer",
    "PlayableVideo": _C + "templates:PlayableVideo",
    "Plot": _C + "plot:Plot",
    "Radio": _C + "choices:Radio",
    "ScatterPlot": _C + "native_plot:ScatterPlot",
    "Sketchpad": _C + "image_editor:Sketchpad",
    "Slider": _C + "number:Slider",
    "State": _C + "state:State",
    "Text": _C + "textbox:Textbox",
    "TextArea": _C + "textbox:TextArea",
    "Textbox": _C + "textbox:Textbox",
    "Timer": _C + "timer:Timer",
    "UploadButton": _C + "upload_button:UploadButton",
    "Video": _C + "video:Video",
    "WatermarkOptions": _C + "media_options:WatermarkOptions",
    "WebcamOptions": _C + "media_options:WebcamOptions",
    "WorkflowCanvas": "wasmui.browser_limits:WorkflowCanvas",
}

if TYPE_CHECKING:
    from wasmui.browser_limits import WorkflowCanvas
    from wasmui.components.annotated_image import AnnotatedImage
    from wasmui.components.annotated_image import AnnotatedImage as Annotatedimage
    from wasmui.components.api_component import Api
    from wasmui.components.audio import Audio
    from wasmui.components.browser_state import BrowserState
    from wasmui.components.button import Button, ClearButton, DuplicateButton, LoginButton
    from wasmui.components.chatbot import ChatMessage, Chatbot, MessageDict, MetadataDict, OptionDict
    from wasmui.components.checkbox import Checkbox
    from wasmui.components.choices import CheckboxGroup, Dropdown, Radio
    from wasmui.components.choices import CheckboxGroup as Checkboxgroup
    from wasmui.components.code import Code
    from wasmui.components.color_picker import ColorPicker
    from wasmui.components.dataframe import Dataframe
    from wasmui.components.dataframe import Dataframe as DataFrame
    from wasmui.components.dataset import Dataset
    from wasmui.components.datetime_component import DateTime
    from wasmui.components.deep_link_button import DeepLinkButton
    from wasmui.components.dialogue import Dialogue
    from wasmui.components.download_button import DownloadButton
    from wasmui.components.file import File, Files
    from wasmui.components.file_explorer import FileExplorer
    from wasmui.components.gallery import Gallery
    from wasmui.components.highlighted_text import HighlightedText
    from wasmui.components.highlighted_text import HighlightedText as Highlight
    from wasmui.components.highlighted_text import HighlightedText as Highlightedtext
    from wasmui.components.html import HTML
    from wasmui.components.image import Image
    from wasmui.components.image_editor import ImageEditor, ImageMask, Paint, Sketchpad
    from wasmui.components.image_slider import ImageSlider
    from wasmui.components.json_component import JSON
    from wasmui.components.json_component import JSON as Json
    from wasmui.components.label import Label
    from wasmui.components.markdown import Markdown
    from wasmui.components.media_options import WatermarkOptions, WebcamOptions
    from wasmui.components.model3d import Model3D
    from wasmui.components.multimodal_textbox import MultimodalTextbox
    from wasmui.components.native_plot import BarPlot, LinePlot, NativePlot, ScatterPlot
    from wasmui.components.navbar import Navbar
    from wasmui.components.number import Number, Slider
    from wasmui.components.paramviewer import ParamViewer
    from wasmui.components.plot import Plot
    from wasmui.components.state import State
    from wasmui.components.templates import List, Matrix, Mic, Microphone, Numpy, PlayableVideo
    from wasmui.components.textbox import InputHTMLAttributes, TextArea, Textbox
    from wasmui.components.textbox import Textbox as Text
    from wasmui.components.timer import Timer
    from wasmui.components.upload_button import UploadButton
    from wasmui.components.video import Video
else:
    __getattr__, __dir__ = attach(__name__, _LAZY)

# Shortcut name -> (class, preset arguments), as Gradio's string shortcuts.
_TEMPLATES: dict[str, tuple[str, dict[str, Any]]] = {
    "textarea": (_C + "textbox:Textbox", {"lines": 7}),
    "files": (_C + "file:File", {"file_count": "multiple"}),
    "microphone": (_C + "templates:Microphone", {}),
    "mic": (_C + "templates:Microphone", {}),
}
# Components named by shortcut only (``gradio._simple_templates``), not by this package.
_SHORTCUT_ONLY = {"simpleimage": _C + "simple_image:SimpleImage"}


def _lookup(key: str) -> type[Component] | None:
    """The component class a lower-cased shortcut names: wasmui's own (imported now if need
    be), else a loaded subclass of Component (an app's own component)."""
    targets = {name.lower(): target for name, target in _LAZY.items()} | _SHORTCUT_ONLY
    if key in targets:
        found = resolve(targets[key])
        return found if isinstance(found, type) and issubclass(found, Component) else None
    stack: list[type[Component]] = [Component]
    while stack:
        for sub in stack.pop().__subclasses__():
            if sub.__name__.lower() == key:
                return sub
            stack.append(sub)
    return None


Context.block_class_importers.append(_lookup)  # Context.block_class("timer") from lower layers


def component_from_spec(spec: Any, render: bool = False) -> Component:
    """A component from an instance, a shortcut name (``"text"``) or a dict spec."""
    if isinstance(spec, Component):
        return spec
    if isinstance(spec, str):
        key = spec.lower().replace("_", "")
        if key in _TEMPLATES:
            target, preset = _TEMPLATES[key]
            return resolve(target)(render=render, **preset)  # type: ignore[no-any-return]
        found = _lookup(key)
        if found is None:
            raise InvalidComponentError(f"No component named {spec!r}. Use a component like gr.Textbox() instead.")
        return found(render=render)
    if isinstance(spec, dict) and "name" in spec:
        args = {k: v for k, v in spec.items() if k != "name"}
        named = _lookup(str(spec["name"]).lower())
        if named is None:
            raise InvalidComponentError(f"No component named {spec['name']!r}.")
        return named(render=render, **args)
    raise InvalidComponentError(f"Cannot make a component from {spec!r}.")


# Gradio's historical aliases.
get_component_instance = component_from_spec
component = component_from_spec

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
