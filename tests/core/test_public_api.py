"""The flat public namespace, the stdlib-only import and the ``gradio`` alias."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import wasmui

EXPECTED = {
    "Audio", "Video", "UploadButton", "DownloadButton", "WaveformOptions",
    "GRADIO_VERSION", "HTML", "JSON", "Accordion", "CheckboxGroup", "Dropdown", "Radio", "Blocks", "Button", "Checkbox", "ClearButton", "Column",
    "CopyData", "Dataset", "Dependency", "DownloadData", "Error", "EventData", "EventListenerMethod", "Examples",
    "File", "Group", "Info", "Interface", "KeyUpData", "Label", "Markdown", "Number", "Progress", "Request", "Row",
    "SelectData", "Slider", "State", "Success", "Tab", "TabItem", "TabbedInterface", "Tabs", "Text", "TextArea", "Textbox", "Timer",
    "Warning", "__version__", "on",
    "AnnotatedImage", "Gallery", "Image", "ImageSlider", "WatermarkOptions", "WebcamOptions", "set_static_paths",
    "Code", "Dataframe", "EditData", "skip", "themes", "update", "validate",
    # chat (issue 9)
    "BrowserState", "ChatInterface", "ChatMessage", "Chatbot", "LikeData", "MessageDict", "MetadataDict",
    "MultimodalTextbox", "OptionDict", "RetryData", "UndoData",
    # Gradio names added for the names test (tests/core/test_gradio_names.py)
    "BarPlot", "Brush", "CSVLogger", "Cache", "Checkboxgroup", "ClassicCSVLogger", "Component",
    "DeepLinkButton", "DeletedFileData", "Dialogue", "DuplicateButton", "Eraser", "FileData", "FileExplorer",
    "FileSize", "Files", "FlaggingCallback", "Header", "I18n", "ImageEditor", "ImageMask",
    "InputHTMLAttributes", "Json", "LayerOptions", "LinePlot", "LoginButton", "Model3D", "NO_RELOAD",
    "OAuthProfile", "OAuthToken", "Paint", "Plot", "ScatterPlot", "Server", "Sidebar", "SimpleCSVLogger",
    "Sketchpad", "Step", "Theme", "Walkthrough", "Draggable", "Workflow", "WorkflowCanvas", "cache", "close_all", "deploy",
    "get_package_version", "load", "load_chat", "load_ipython_extension", "load_openapi", "mcp",
    "mount_gradio_app", "validators", "render",
    "BrowserState", "Code", "Dataframe", "DateTime", "ParamViewer", "EditData", "HighlightedText", "skip", "themes", "update", "validate",
    "BrowserState", "Code", "ColorPicker", "Dataframe", "DateTime", "ParamViewer", "EditData", "HighlightedText", "skip", "themes", "update", "validate",
    # Gradio's preset components (gradio.templates)
    "List", "Matrix", "Mic", "Microphone", "Numpy", "PlayableVideo",
    "Annotatedimage", "DataFrame", "Highlight", "Highlightedtext", "get_audio", "get_file", "get_image", "get_model3d", "get_video",
}


def test_all_is_exactly_the_public_api() -> None:
    assert set(wasmui.__all__) == EXPECTED
    for name in wasmui.__all__:
        assert hasattr(wasmui, name), name


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_import_wasmui_pulls_only_the_standard_library() -> None:
    code = """
        import sys
        before = set(sys.modules)
        import wasmui
        std = set(sys.stdlib_module_names)
        new = {m.split('.')[0] for m in set(sys.modules) - before}
        print(sorted(m for m in new if m not in std and m != 'wasmui'))
    """
    assert _run(code) == "[]"


def test_gradio_alias_resolves_to_wasmui_when_forced() -> None:
    code = """
        from wasmui import compat
        compat.install(force=True)
        import gradio as gr
        import gradio.components
        import wasmui
        print(gr is wasmui, gradio.components.Textbox is wasmui.Textbox)
        compat.uninstall()
    """
    assert _run(code) == "True True"


def test_gradio_alias_never_shadows_a_real_gradio(tmp_path) -> None:
    fake = tmp_path / "gradio"
    fake.mkdir()
    (fake / "__init__.py").write_text("REAL = True\n")
    code = f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        from wasmui import compat
        active = compat.install()
        import gradio
        print(active, getattr(gradio, 'REAL', False))
    """
    assert _run(code) == "False True"
