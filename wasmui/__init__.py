"""wasmui: Gradio apps that run entirely in the browser.

``import wasmui as gr`` gives Gradio's Python API. This module imports only the
standard library; heavy libraries are imported inside the functions that need them.

Only what every app needs is imported here (Blocks, events, layouts, the server behind
``launch``); each component and the high-level apps (``Interface``, ``ChatInterface``...)
are imported on first use of their name (``wasmui.lazy_names``): an app loads, and a site
ships in its boot archives, only what it uses.
"""

from typing import TYPE_CHECKING

from wasmui import themes
from wasmui.blocks import Blocks
from wasmui.browser_limits import (
    Header,
    OAuthProfile,
    OAuthToken,
    Server,
    Workflow,
    WorkflowCanvas,
    close_all,
    deploy,
    get_package_version,
    load,
    load_ipython_extension,
    load_openapi,
    mount_gradio_app,
)
from wasmui.components import _LAZY as _component_targets
from wasmui.components import component  # gr.component("textbox")
from wasmui.components.base import Component
from wasmui.data_classes import FileData
from wasmui.events import Dependency, EventListenerMethod, on
from wasmui.exceptions import Error
from wasmui.helpers import (
    CopyData,
    DeletedFileData,
    DownloadData,
    EditData,
    EventData,
    Info,
    KeyUpData,
    LikeData,
    Progress,
    Request,
    RetryData,
    SelectData,
    Success,
    UndoData,
    Warning,
    set_static_paths,
    skip,
    update,
    validate,
)
from wasmui.i18n import I18n
from wasmui.layouts import Accordion, Column, Draggable, Group, Row, Sidebar, Step, Tab, TabItem, Tabs, Walkthrough
from wasmui.lazy_names import attach
from wasmui.themes import Theme
from wasmui.version import GRADIO_VERSION, __version__

_C = "wasmui.components."
# Components named here too: their targets come from wasmui.components' table (one place).
_COMPONENT_NAMES = (
    "AnnotatedImage", "Annotatedimage", "Audio", "BarPlot", "BrowserState", "Button", "Chatbot", "ChatMessage",
    "Checkbox", "CheckboxGroup", "Checkboxgroup", "ClearButton", "Code", "ColorPicker", "Dataframe",
    "DataFrame", "Dataset", "DateTime", "DeepLinkButton", "Dialogue", "DownloadButton", "Dropdown",
    "DuplicateButton", "File", "FileExplorer", "Files", "Gallery", "Highlight", "HighlightedText",
    "Highlightedtext", "HTML", "Image", "ImageEditor", "ImageMask", "ImageSlider", "InputHTMLAttributes",
    "JSON", "Json", "Label", "LinePlot", "List", "LoginButton", "Markdown", "Matrix", "MessageDict",
    "MetadataDict", "Mic", "Microphone", "Model3D", "MultimodalTextbox", "Navbar", "Number", "Numpy",
    "OptionDict", "Paint", "ParamViewer", "PlayableVideo", "Plot", "Radio", "ScatterPlot", "Sketchpad",
    "Slider", "State", "Text", "TextArea", "Textbox", "Timer", "UploadButton", "Video", "WatermarkOptions",
    "WebcamOptions",
)
# Public name -> "module:attribute" ("module": the module itself), imported on first access.
# Keep in step with the TYPE_CHECKING imports below (tests/core/test_public_api.py checks it).
_LAZY: dict[str, str] = {
    **{name: _component_targets[name] for name in _COMPONENT_NAMES},
    "_simple_templates": "wasmui._simple_templates",
    "api": _C + "api_component:api",
    "Brush": _C + "image_editor:Brush",
    "Cache": "wasmui.caching:Cache",
    "cache": "wasmui.caching:cache",
    "ChatInterface": "wasmui.chat_interface:ChatInterface",
    "ClassicCSVLogger": "wasmui.flagging:ClassicCSVLogger",
    "CSVLogger": "wasmui.flagging:CSVLogger",
    "Eraser": _C + "image_editor:Eraser",
    "Examples": "wasmui.examples:Examples",
    "FileSize": "wasmui.utils:FileSize",
    "FlaggingCallback": "wasmui.flagging:FlaggingCallback",
    "get_audio": "wasmui.media:get_audio",
    "get_file": "wasmui.media:get_file",
    "get_image": "wasmui.media:get_image",
    "get_model3d": "wasmui.media:get_model3d",
    "get_video": "wasmui.media:get_video",
    "Interface": "wasmui.interface:Interface",
    "LayerOptions": _C + "image_editor:LayerOptions",
    "load_chat": "wasmui.openai_chat:load_chat",
    "mcp": "wasmui.mcp",
    "NO_RELOAD": "wasmui.utils:NO_RELOAD",
    "render": "wasmui.renderable:render",
    "SimpleCSVLogger": "wasmui.flagging:SimpleCSVLogger",
    "TabbedInterface": "wasmui.tabbed_interface:TabbedInterface",
    "validators": "wasmui.validators",
    "WaveformOptions": _C + "media_options:WaveformOptions",
}

if TYPE_CHECKING:
    from wasmui import _simple_templates, mcp, validators
    from wasmui.caching import Cache, cache
    from wasmui.chat_interface import ChatInterface
    from wasmui.components.annotated_image import AnnotatedImage
    from wasmui.components.annotated_image import AnnotatedImage as Annotatedimage
    from wasmui.components.api_component import api
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
    from wasmui.components.image_editor import Brush, Eraser, ImageEditor, ImageMask, LayerOptions, Paint, Sketchpad
    from wasmui.components.image_slider import ImageSlider
    from wasmui.components.json_component import JSON
    from wasmui.components.json_component import JSON as Json
    from wasmui.components.label import Label
    from wasmui.components.markdown import Markdown
    from wasmui.components.media_options import WatermarkOptions, WaveformOptions, WebcamOptions
    from wasmui.components.model3d import Model3D
    from wasmui.components.multimodal_textbox import MultimodalTextbox
    from wasmui.components.native_plot import BarPlot, LinePlot, ScatterPlot
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
    from wasmui.examples import Examples
    from wasmui.flagging import ClassicCSVLogger, CSVLogger, FlaggingCallback, SimpleCSVLogger
    from wasmui.interface import Interface
    from wasmui.media import get_audio, get_file, get_image, get_model3d, get_video
    from wasmui.openai_chat import load_chat
    from wasmui.renderable import render
    from wasmui.tabbed_interface import TabbedInterface
    from wasmui.utils import NO_RELOAD, FileSize
else:
    __getattr__, __dir__ = attach(__name__, _LAZY)

# Installs the façade behind Blocks.launch/get_config/get_api_info/app (see wasmui.facade).
from wasmui import facade as _facade  # noqa: E402,F401  isort: skip

__all__ = [
    "Accordion",
    "AnnotatedImage",
    "Annotatedimage",
    "Audio",
    "BarPlot",
    "Blocks",
    "BrowserState",
    "Brush",
    "Button",
    "CSVLogger",
    "Cache",
    "ChatInterface",
    "ChatMessage",
    "Chatbot",
    "Checkbox",
    "CheckboxGroup",
    "Checkboxgroup",
    "ClassicCSVLogger",
    "ClearButton",
    "Code",
    "ColorPicker",
    "Column",
    "Component",
    "CopyData",
    "DataFrame",
    "Dataframe",
    "Dataset",
    "DateTime",
    "DeepLinkButton",
    "Draggable",
    "DeletedFileData",
    "Dependency",
    "Dialogue",
    "DownloadButton",
    "DownloadData",
    "Dropdown",
    "DuplicateButton",
    "EditData",
    "Eraser",
    "Error",
    "EventData",
    "EventListenerMethod",
    "Examples",
    "File",
    "FileData",
    "FileExplorer",
    "FileSize",
    "Files",
    "FlaggingCallback",
    "GRADIO_VERSION",
    "Gallery",
    "Group",
    "HTML",
    "Header",
    "Highlight",
    "HighlightedText",
    "Highlightedtext",
    "I18n",
    "Image",
    "ImageEditor",
    "ImageMask",
    "ImageSlider",
    "Info",
    "InputHTMLAttributes",
    "Interface",
    "JSON",
    "Json",
    "KeyUpData",
    "Label",
    "List",
    "LayerOptions",
    "LikeData",
    "LinePlot",
    "LoginButton",
    "Markdown",
    "Matrix",
    "MessageDict",
    "MetadataDict",
    "Mic",
    "Microphone",
    "Model3D",
    "MultimodalTextbox",
    "NO_RELOAD",
    "Number",
    "Numpy",
    "OAuthProfile",
    "OAuthToken",
    "OptionDict",
    "Paint",
    "ParamViewer",
    "Plot",
    "PlayableVideo",
    "Progress",
    "Radio",
    "Request",
    "RetryData",
    "Row",
    "ScatterPlot",
    "SelectData",
    "Server",
    "Sidebar",
    "SimpleCSVLogger",
    "Sketchpad",
    "Slider",
    "State",
    "Step",
    "Success",
    "Tab",
    "TabItem",
    "TabbedInterface",
    "Tabs",
    "Text",
    "TextArea",
    "Textbox",
    "Theme",
    "Timer",
    "UndoData",
    "UploadButton",
    "Video",
    "Walkthrough",
    "Warning",
    "WatermarkOptions",
    "WaveformOptions",
    "WebcamOptions",
    "Workflow",
    "WorkflowCanvas",
    "__version__",
    "cache",
    "close_all",
    "deploy",
    "get_audio",
    "get_file",
    "get_image",
    "get_model3d",
    "get_package_version",
    "get_video",
    "load",
    "load_chat",
    "load_ipython_extension",
    "load_openapi",
    "mcp",
    "mount_gradio_app",
    "on",
    "render",
    "set_static_paths",
    "skip",
    "themes",
    "update",
    "validate",
    "validators",
]
