"""The flat public namespace, the stdlib-only import and the ``gradio`` alias."""

from __future__ import annotations

import ast
import importlib.util
import pkgutil
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

import wasmui
import wasmui.components

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


# -- lazy public names (wasmui.lazy_names) ---------------------------------------------------
def _type_checking_names(module: types.ModuleType) -> dict[str, str]:
    """``name -> "module:attribute"`` (or ``"module"``) of the ``if TYPE_CHECKING:`` imports of ``module``."""
    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    blocks = [node for node in tree.body if isinstance(node, ast.If) and isinstance(node.test, ast.Name)
              and node.test.id == "TYPE_CHECKING"]
    assert len(blocks) == 1, f"{module.__name__} needs exactly one `if TYPE_CHECKING:` block"
    names: dict[str, str] = {}
    for node in blocks[0].body:
        assert isinstance(node, ast.ImportFrom) and node.module, ast.unparse(node)
        for alias in node.names:
            submodule = f"{node.module}.{alias.name}"
            is_module = importlib.util.find_spec(submodule) is not None if node.module == "wasmui" else False
            names[alias.asname or alias.name] = submodule if is_module else f"{node.module}:{alias.name}"
    return names


@pytest.mark.parametrize("module", [wasmui, wasmui.components], ids=lambda m: m.__name__)
def test_lazy_table_and_type_checking_imports_name_the_same_things(module: types.ModuleType) -> None:
    """mypy and editors see the TYPE_CHECKING imports, Python the table: they must not drift."""
    table: dict[str, str] = module._LAZY
    assert _type_checking_names(module) == table
    # (That a lazy name is not also imported eagerly: the fresh-interpreter test below.)


def test_every_public_name_resolves_lazily_in_a_fresh_interpreter() -> None:
    code = """
        import sys
        import wasmui, wasmui.components
        from wasmui.lazy_names import resolve
        for module in (wasmui, wasmui.components):
            for name, target in sorted(module._LAZY.items()):
                assert name not in vars(module), f"{name} imported before it was asked for"
                value = getattr(module, name)
                assert value is resolve(target) and vars(module)[name] is value, name
            assert set(module.__all__) <= set(dir(module)), module.__name__
            for name in module.__all__:
                getattr(module, name)
        star = {}
        exec("from wasmui import *", star)
        assert set(wasmui.__all__) <= set(star)
        print(len(wasmui._LAZY) + len(wasmui.components._LAZY))
    """
    assert int(_run(code)) > 150


def test_import_wasmui_leaves_components_and_the_high_level_apps_unimported() -> None:
    """What every app needs only: a component's module (and Interface, ChatInterface, examples...)
    is imported when an app names it, so a site's boot archives hold only the ones it uses."""
    components = [m.name for m in pkgutil.iter_modules(wasmui.components.__path__, "wasmui.components.")
                  if m.name != "wasmui.components.base"]
    assert "wasmui.components.image_editor" in components and "wasmui.components.chatbot" in components
    later = [*components, "wasmui.interface", "wasmui.chat_interface", "wasmui.openai_chat", "wasmui.examples",
             "wasmui.tabbed_interface", "wasmui.media", "wasmui.caching", "wasmui.renderable", "wasmui._simple_templates",
             "wasmui.flagging",
             # standard library the server path does not need at boot
             "urllib.request", "http.client", "pickle", "email", "zipfile", "wave", "csv"]
    code = f"""
        import sys
        import wasmui
        print(sorted(m for m in {later!r} if m in sys.modules))
    """
    assert _run(code) == "[]"


def test_gradio_names_and_submodules_resolve_through_the_alias() -> None:
    code = """
        import sys
        from wasmui import compat
        compat.install(force=True)
        import gradio as gr
        import gradio.components
        from gradio.components import Textbox
        from gradio.components.chatbot import ChatMessage
        from gradio.chat_interface import ChatInterface
        from gradio.themes import Soft
        import wasmui
        assert gr.components.Textbox is Textbox is wasmui.Textbox is gradio.components.Textbox
        assert ChatInterface is wasmui.ChatInterface and ChatMessage is wasmui.ChatMessage
        assert gr.themes.Soft is Soft and gr.Blocks is wasmui.Blocks and gr.utils.FileSize is wasmui.FileSize
        assert gr.Interface.__name__ == "Interface" and gr.Checkboxgroup is gr.CheckboxGroup
        try:
            gr.NoSuchComponent
        except AttributeError:
            print("ok")
        compat.uninstall()
    """
    assert _run(code) == "ok"


def test_string_shortcuts_find_components_not_imported_yet_and_an_apps_own() -> None:
    code = """
        import sys
        import wasmui as gr
        from wasmui.components import component_from_spec
        from wasmui.exceptions import InvalidComponentError
        assert "wasmui.components.choices" not in sys.modules
        with gr.Blocks():
            made = [component_from_spec("checkboxgroup"), component_from_spec("textarea"),
                    component_from_spec("simple_image"), component_from_spec({"name": "slider", "maximum": 3}),
                    component_from_spec("text"), component_from_spec("mic"), gr.component("datetime")]

            class Stars(gr.components.Number):
                pass

            made.append(component_from_spec("stars"))
            for wrong in ("chatmessage", "nothing"):
                try:
                    component_from_spec(wrong)
                except InvalidComponentError:
                    made.append(wrong)
        print(" ".join(type(c).__name__ if not isinstance(c, str) else c for c in made), made[3].maximum,
              made[1].lines)
    """
    assert _run(code) == ("CheckboxGroup Textbox SimpleImage Slider Textbox Microphone DateTime Stars chatmessage "
                          "nothing 3 7")
