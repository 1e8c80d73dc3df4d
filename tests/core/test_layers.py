"""The package's import structure: layers only point down, and lazy imports are rare.

Layers (lowest first); a module may import its own layer and the ones below:

0. exceptions, context, files, helpers (and small stdlib-only helpers)
1. block_tree, blocks, events, sessions — the block tree
2. layouts, components — what apps are built from
3. config, api_info, outputs, processing, interface — what the core does with a tree
4. server — the ASGI app; imports nothing outside ``wasmui.server``
5. runner, launching, build, devserver, cli, the Pyodide bridge — entry points

``Blocks``' Gradio-API methods (``launch``, ``get_config``, ``get_api_info``, ``app``)
reach layers 3–5 through the façade ``wasmui.facade`` installs, not through imports.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "wasmui"

LAYERS: dict[str, int] = {
    "exceptions": 0, "context": 0, "files": 0, "helpers": 0, "version": 0, "themes": 0, "theme_data": 0, "theme_presets": 0,
    "theme_presets_character": 0,
    "tqdm_tracking": 0, "imaging": 0,
    "browser_limits": 0, "caching": 0, "data_classes": 0, "flagging": 0, "i18n": 0, "mcp": 0, "validators": 0,
    "utils": 0, "pending": 0, "deep_links": 0, "media_streams": 0, "renderable": 2, "wav": 0, "media": 0, "typeschema": 0,
    "block_tree": 1, "blocks": 1, "events": 1, "sessions": 1,
    "layouts": 2, "components": 2, "_simple_templates": 2,
    "config": 3, "api_info": 3, "outputs": 3, "processing": 3, "interface": 3, "examples": 3,
    "tabbed_interface": 3, "chat_interface": 3, "openai_chat": 3,
    "server": 4,
    "runner": 5, "launching": 5, "build": 5, "devserver": 5, "cli": 5, "_pyodide": 5, "native": 5,
    "facade": 5, "compat": 5, "testing": 5, "webassets": 5, "distribution": 5, "appdeps": 5, "reqwheels": 5,
    "publish": 5, "precompress": 5, "app_inspect": 5, "lazy_names": 0, "mplfonts": 5, "gluepatch": 5, "trim": 5, "lazy_imports": 0, "__init__": 5, "__main__": 5,
}

# Imports inside functions, each with the reason it cannot be at module level.
# Key: (importing module, imported module); "*" allows any import in that module.
LAZY_ALLOWED: dict[tuple[str, str], str] = {
    ("wasmui.cli", "*"): "each subcommand loads only its own machinery (serve --native needs uvicorn)",
    ("wasmui._pyodide", "wasmui.compat"): "asgi= mode serves a plain ASGI app without the Gradio API",
    ("wasmui._pyodide", "wasmui.runner"): "asgi= mode serves a plain ASGI app without the Gradio API",
    ("wasmui._pyodide", "wasmui.flagging"): "only Gradio apps (not asgi= mode) keep flagged data in IndexedDB",
    ("wasmui.launching", "wasmui.devserver"): "only a native `python app.py` serves; the browser never loads it",
    ("wasmui.blocks", "wasmui.flagging"): "only apps that flag (Interface, gr.CSVLogger) load wasmui.flagging: "
                                          "a Blocks app's boot archives stay without it (and csv)",
    ("wasmui.interface", "wasmui.examples"): "only an Interface with examples loads them (and gr.Dataset): hello "
                                             "world's boot archives stay without",
    ("wasmui.app_inspect", "wasmui.examples"): "only apps with example tables load wasmui.examples: the modules "
                                                "the build records for an app's boot archives stay its own",
    ("wasmui._pyodide", "wasmui"): "prepare() imports wasmui and the site's boot modules when the worker asks, so "
                                   "the memory snapshot taken right after holds them; importing the bridge alone stays cheap",
    ("wasmui.build", "wasmui.webassets"): "only a build against another Pyodide distribution installs it",
}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1 and parts[-2] != "wasmui":
        parts = parts[:-1]
    return ".".join(parts)


def layer_of(module: str) -> int:
    """Layer of ``wasmui.x.y`` (by its first component below ``wasmui``)."""
    parts = module.split(".")
    key = parts[1] if len(parts) > 1 else "__init__"
    if key not in LAYERS:
        raise AssertionError(f"{module} has no layer: add it to LAYERS in tests/core/test_layers.py")
    return LAYERS[key]


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "_web" not in p.parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _targets(node: ast.Import | ast.ImportFrom, module: str) -> list[str]:
    """The wasmui modules an import statement loads."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "wasmui"]
    if node.level:  # relative imports resolve against this package
        base = module.split(".")[: -node.level] if not module.endswith("__init__") else module.split(".")
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    if target.split(".")[0] != "wasmui":
        return []
    if target == "wasmui":  # `from wasmui import files` names submodules
        return [f"wasmui.{a.name}" for a in node.names]
    return [target]


def imports(path: Path, module: str | None = None) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """``(module-level, function-level)`` wasmui imports of a file (TYPE_CHECKING ones skipped)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = module or module_name(path)
    top: list[tuple[int, str]] = []
    lazy: list[tuple[int, str]] = []

    def visit(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    visit(sub, nested)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                for target in _targets(child, module):
                    (lazy if nested else top).append((child.lineno, target))
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                visit(child, True)
            else:
                visit(child, nested)

    visit(tree, False)
    return top, lazy


@pytest.mark.parametrize("path", sources(), ids=lambda p: module_name(p))
def test_module_level_imports_point_down(path: Path) -> None:
    module = module_name(path)
    mine = layer_of(module)
    top, _ = imports(path)
    upward = [f"line {line}: {target} (layer {layer_of(target)})" for line, target in top
              if target != "wasmui" and layer_of(target) > mine]
    assert not upward, f"{module} (layer {mine}) imports upwards: {upward}"


def test_server_imports_nothing_outside_itself() -> None:
    outside = []
    for path in sorted((PACKAGE / "server").rglob("*.py")):
        top, lazy = imports(path)
        outside += [f"{module_name(path)}:{line} {t}" for line, t in top + lazy
                    if not (t == "wasmui.server" or t.startswith("wasmui.server."))]
    assert not outside, f"wasmui/server must not import the rest of wasmui: {outside}"


def test_no_new_function_level_imports() -> None:
    found = []
    for path in sources():
        module = module_name(path)
        for line, target in imports(path)[1]:
            if (module, "*") in LAZY_ALLOWED or (module, target) in LAZY_ALLOWED:
                continue
            found.append(f"{module}:{line} imports {target}")
    assert not found, ("function-level wasmui imports (move them to module level, or add them to "
                       f"LAZY_ALLOWED with the reason): {found}")


def test_allow_list_has_no_stale_entries() -> None:
    used = set()
    for path in sources():
        module = module_name(path)
        for _, target in imports(path)[1]:
            used.add((module, "*") if (module, "*") in LAZY_ALLOWED else (module, target))
    assert set(LAZY_ALLOWED) <= used, f"unused LAZY_ALLOWED entries: {set(LAZY_ALLOWED) - used}"


def test_the_checker_sees_lazy_and_upward_imports(tmp_path: Path) -> None:
    """The scanner itself: an upward and a lazy import are caught, TYPE_CHECKING ones are not."""
    probe = tmp_path / "probe.py"
    probe.write_text("from wasmui.server import create_app\n"
                     "from typing import TYPE_CHECKING\n"
                     "if TYPE_CHECKING:\n    from wasmui.processing import run_job\n"
                     "def f():\n    from wasmui import config\n")
    top, lazy = imports(probe, "wasmui.components.probe")
    assert [t for _, t in top] == ["wasmui.server"]
    assert layer_of("wasmui.server") > layer_of("wasmui.components.probe")
    assert [t for _, t in lazy] == ["wasmui.config"]


def _concrete_component_names() -> set[str]:
    """Names of every concrete component class (the bases generic code may test for are left out)."""
    import importlib
    import pkgutil

    import wasmui.components
    from wasmui.components.base import Component

    for module in pkgutil.iter_modules(wasmui.components.__path__, "wasmui.components."):
        importlib.import_module(module.name)  # `import wasmui` loads only the components an app names

    names: set[str] = set()
    stack: list[type] = [Component]
    while stack:
        for sub in stack.pop().__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("wasmui.components.") and sub.__name__ not in ("FormComponent", "FileComponent"):
                names.add(sub.__name__)
    return names


def test_generic_modules_never_test_for_a_concrete_component() -> None:
    """Outside ``components/`` code asks the component (its contract), never ``isinstance(x, State)``."""
    concrete = _concrete_component_names()
    found = []
    for path in sources():
        if "components" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("isinstance", "issubclass") \
                    and len(node.args) == 2:
                classes = node.args[1].elts if isinstance(node.args[1], ast.Tuple) else [node.args[1]]
                # Bare names only: ``mod.Image`` in imaging is PIL's class, not gr.Image.
                names = {c.id for c in classes if isinstance(c, ast.Name)}
                found += [f"{module_name(path)}:{node.lineno} isinstance(..., {n})" for n in names & concrete]
    assert "State" in concrete and "Textbox" in concrete
    assert not found, f"generic modules test for concrete components (add a contract hook instead): {found}"


def test_blocks_gradio_api_goes_through_the_one_facade() -> None:
    """``launch``/``get_config``/``get_api_info``/``app`` reach the higher layers only via the façade."""
    import wasmui as gr
    from wasmui import blocks as blocks_module

    calls: list[tuple[str, Any]] = []

    class Recording:
        def launch(self, blocks: Any, **options: Any) -> Any:
            calls.append(("launch", options))
            return blocks

        def config(self, blocks: Any, root: str) -> dict[str, Any]:
            calls.append(("config", root))
            return {}

        def api_info(self, blocks: Any, all_endpoints: bool) -> dict[str, Any]:
            calls.append(("api_info", all_endpoints))
            return {}

        def create_app(self, blocks: Any) -> Any:
            calls.append(("create_app", None))
            return "app"

    with gr.Blocks() as demo:
        gr.Textbox()
    real = blocks_module.facade()
    blocks_module.install_facade(Recording())
    try:
        demo.get_config("http://x")
        demo.get_api_info(all_endpoints=True)
        assert demo.app == "app"
        demo.launch(max_file_size="1kb")
    finally:
        blocks_module.install_facade(real)
    assert calls == [("config", "http://x"), ("api_info", True), ("create_app", None), ("launch", {"max_file_size": "1kb"})]
    assert type(real).__module__ == "wasmui.facade"
