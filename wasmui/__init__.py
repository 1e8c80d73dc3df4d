"""wasmui: Gradio apps that run entirely in the browser.

``import wasmui as gr`` gives Gradio's Python API. This module imports only the
standard library; heavy libraries are imported inside the functions that need them.
"""

from wasmui import themes
from wasmui.blocks import Blocks
from wasmui.components import (
    HTML,
    AnnotatedImage,
    JSON,
    Json,
    BrowserState,
    Button,
    Checkbox,
    CheckboxGroup,
    ClearButton,
    Code,
    ColorPicker,
    Dataframe,
    Dataset,
    DateTime,
    Dropdown,
    File,
    Gallery,
    HighlightedText,
    Image,
    ImageSlider,
    Label,
    Markdown,
    Number,
    ParamViewer,
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
from wasmui.events import Dependency, EventListenerMethod, on
from wasmui.examples import Examples
from wasmui.exceptions import Error
from wasmui.helpers import (
    CopyData,
    DownloadData,
    EditData,
    EventData,
    Info,
    KeyUpData,
    Progress,
    Request,
    SelectData,
    Success,
    Warning,
    set_static_paths,
    skip,
    update,
    validate,
)
from wasmui.components.audio import Audio
from wasmui.components.download_button import DownloadButton
from wasmui.components.media_options import WaveformOptions
from wasmui.components.upload_button import UploadButton
from wasmui.components.video import Video
from wasmui.interface import Interface
from wasmui.layouts import Accordion, Column, Group, Row, Tab, TabItem, Tabs
from wasmui.tabbed_interface import TabbedInterface
from wasmui.version import GRADIO_VERSION, __version__

# Installs the façade behind Blocks.launch/get_config/get_api_info/app (see wasmui.facade).
from wasmui import facade as _facade  # noqa: F401  isort: skip

__all__ = [
    "GRADIO_VERSION",
    "HTML",
    "JSON",
    "Json",
    "Accordion",
    "Audio",
    "AnnotatedImage",
    "Blocks",
    "BrowserState",
    "Button",
    "Checkbox",
    "CheckboxGroup",
    "ClearButton",
    "Code",
    "ColorPicker",
    "Column",
    "CopyData",
    "Dataframe",
    "Dataset",
    "DateTime",
    "Dependency",
    "DownloadButton",
    "DownloadData",
    "Dropdown",
    "EditData",
    "Error",
    "EventData",
    "EventListenerMethod",
    "Examples",
    "File",
    "Gallery",
    "HighlightedText",
    "Group",
    "Image",
    "ImageSlider",
    "Info",
    "Interface",
    "KeyUpData",
    "Label",
    "Markdown",
    "Number",
    "ParamViewer",
    "Progress",
    "Radio",
    "Request",
    "Row",
    "SelectData",
    "Slider",
    "State",
    "Success",
    "Tab",
    "TabItem",
    "TabbedInterface",
    "Tabs",
    "Text",
    "TextArea",
    "Textbox",
    "Timer",
    "UploadButton",
    "Video",
    "Warning",
    "WatermarkOptions",
    "WaveformOptions",
    "WebcamOptions",
    "__version__",
    "on",
    "set_static_paths",
    "skip",
    "themes",
    "update",
    "validate",
]
