"""wasmui: Gradio apps that run entirely in the browser.

``import wasmui as gr`` gives Gradio's Python API. This module imports only the
standard library; heavy libraries are imported inside the functions that need them.
"""

from wasmui import mcp, themes, validators
from wasmui.blocks import Blocks
from wasmui.openai_chat import load_chat
from wasmui.browser_limits import (
    Header,
    OAuthProfile,
    OAuthToken,
    Server,
    close_all,
    deploy,
    get_package_version,
    load,
    load_ipython_extension,
    load_openapi,
    mount_gradio_app,
)
from wasmui.caching import Cache, cache
from wasmui.components import (
    HTML,
    AnnotatedImage,
    JSON,
    InputHTMLAttributes,
    BrowserState,
    Button,
    ChatMessage,
    Chatbot,
    Checkbox,
    CheckboxGroup,
    ClearButton,
    DuplicateButton,
    LoginButton,
    Code,
    ColorPicker,
    Dialogue,
    Dataframe,
    Dataset,
    DateTime,
    Dropdown,
    Component,
    File,
    Files,
    FileExplorer,
    Gallery,
    HighlightedText,
    Image,
    ImageSlider,
    Label,
    Markdown,
    Model3D,
    MessageDict,
    MetadataDict,
    MultimodalTextbox,
    Number,
    OptionDict,
    ParamViewer,
    Plot,
    Radio,
    Slider,
    State,
    Text,
    TextArea,
    Textbox,
    Timer,
    WatermarkOptions,
    WebcamOptions,
)
from wasmui.chat_interface import ChatInterface
from wasmui.components.templates import List, Matrix, Mic, Microphone, Numpy, PlayableVideo
from wasmui.events import Dependency, EventListenerMethod, on
from wasmui.data_classes import FileData
from wasmui.examples import Examples
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
from wasmui.flagging import CSVLogger, ClassicCSVLogger, FlaggingCallback, SimpleCSVLogger
from wasmui.i18n import I18n
from wasmui.components.audio import Audio
from wasmui.components.download_button import DownloadButton
from wasmui.components.media_options import WaveformOptions
from wasmui.components.image_editor import Brush, Eraser, ImageEditor, ImageMask, LayerOptions, Paint, Sketchpad
from wasmui.components.upload_button import UploadButton
from wasmui.components.video import Video
from wasmui.components.native_plot import BarPlot, LinePlot, ScatterPlot
from wasmui.interface import Interface
from wasmui.layouts import Accordion, Column, Draggable, Group, Row, Sidebar, Step, Tab, TabItem, Tabs, Walkthrough
from wasmui.media import get_audio, get_file, get_image, get_model3d, get_video
from wasmui.components.deep_link_button import DeepLinkButton
from wasmui.pending import Workflow, WorkflowCanvas
from wasmui.components.api_component import api
from wasmui.renderable import render
from wasmui.tabbed_interface import TabbedInterface
from wasmui.themes import Theme
from wasmui.utils import NO_RELOAD, FileSize
from wasmui.version import GRADIO_VERSION, __version__

from wasmui.components import Navbar, component  # noqa: E402  gr.component("textbox")

# Gradio's other spellings of the same components.
Checkboxgroup = CheckboxGroup
Json = JSON
DataFrame = Dataframe
Highlight = Highlightedtext = HighlightedText
Annotatedimage = AnnotatedImage
# Installs the façade behind Blocks.launch/get_config/get_api_info/app (see wasmui.facade).
from wasmui import facade as _facade  # noqa: F401  isort: skip

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
