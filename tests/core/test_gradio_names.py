"""Every public name of Gradio 6.31 exists in wasmui, or is listed below with its owner.

``golden/gradio_names.json`` is recorded from real gradio by
``tools/record_gradio_names.py``; this test needs no gradio. The gap list is exact:
a new missing name fails; a listed name that now exists only warns (remove it from
the list when convenient), so landing a component never breaks this test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

import wasmui as gr
from wasmui.browser_limits import BrowserOnlyError
from wasmui.pending import PENDING

GOLDEN = json.loads((Path(__file__).parent / "golden" / "gradio_names.json").read_text())

_INTERNAL = "Gradio internals, not used by apps"

# Names real Gradio has that wasmui does not have yet: name (or "module:name") -> owner.
MISSING: dict[str, str] = {
    **dict.fromkeys(["gradio.components:Fallback", "gradio.components:StreamingInput",
                     "gradio.components:StreamingOutput", "gradio.components:_Keywords"], _INTERNAL),
}

_GAPS_CODE = """
import importlib, json, sys
from wasmui import compat
compat.install(force=True)
import gradio
golden = json.loads(sys.stdin.read())
gaps = [n for n in golden["gradio"] + golden.get("attributes", []) if not hasattr(gradio, n)]
for mod, names in golden["modules"].items():
    try:
        module = importlib.import_module(mod)
    except ImportError:
        gaps += [f"{mod}:{n}" for n in names]
        continue
    gaps += [f"{mod}:{n}" for n in names if not hasattr(module, n)]
print(json.dumps(gaps))
"""


def _gaps() -> set[str]:
    """Golden names that ``import gradio`` (aliased to wasmui) lacks, in a fresh interpreter."""
    out = subprocess.run([sys.executable, "-c", _GAPS_CODE], input=json.dumps(GOLDEN), capture_output=True,
                         text=True, check=True)
    return set(json.loads(out.stdout))


def test_golden_is_gradio_6_31() -> None:
    assert GOLDEN["gradio_version"] == "6.31.0"
    assert len(GOLDEN["gradio"]) > 100


def test_every_gradio_name_exists_or_has_an_owner() -> None:
    gaps = _gaps()
    new = sorted(gaps - set(MISSING))
    filled = sorted(set(MISSING) - gaps)
    assert not new, f"Gradio names missing from wasmui with no owner listed: {new}"
    if filled:
        warnings.warn(f"these names exist now; remove them from MISSING: {filled}", stacklevel=1)


def test_wasmui_all_lists_only_real_attributes() -> None:
    for name in gr.__all__:
        assert hasattr(gr, name), name


@pytest.mark.parametrize("name", sorted(PENDING))
def test_placeholders_say_which_issue_tracks_them(name: str) -> None:
    cls = getattr(gr, name, None) or getattr(gr.components, name, None) or getattr(gr.layouts, name)
    with pytest.raises(NotImplementedError, match=r"not implemented in wasmui yet \(issue \d+"):
        cls(label="x")


@pytest.mark.parametrize("call", [
    lambda: gr.load("models/gpt2"),
    lambda: gr.load_openapi("spec.json", "http://x"), lambda: gr.mount_gradio_app(object(), gr.Blocks(), "/"),
    lambda: gr.deploy(), lambda: gr.Server(), lambda: gr.themes.Base().push_to_hub("me/theme"),
    lambda: gr.Workflow("workflow.json"), lambda: gr.WorkflowCanvas(server_functions=[]),
], ids=["load", "load_openapi", "mount_gradio_app", "deploy", "Server", "push_to_hub", "Workflow", "WorkflowCanvas"])
def test_server_features_fail_with_one_clear_sentence(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BrowserOnlyError) as info:
        call()
    message = str(info.value)
    assert "browser-only wasmui app" in message and message.endswith(".") and "\n" not in message


def test_server_only_launch_options_warn_and_the_app_still_registers() -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    for option in ("share", "auth", "mcp_server"):
        with pytest.warns(UserWarning, match="has no effect in a browser-only wasmui app"):
            demo.launch(prevent_thread_lock=True, **{option: ("u", "p") if option == "auth" else True})


def test_mcp_decorators_keep_the_function_working() -> None:
    def add(a: int, b: int) -> int:
        return a + b

    with pytest.warns(UserWarning, match="MCP"):
        import wasmui.mcp as mcp

        mcp._warned = False
        tool = gr.mcp.tool(name="adder")(add)
    assert tool(2, 3) == 5
    assert gr.mcp.resource("data://{x}")(add) is add and gr.mcp.prompt()(add) is add


def test_unknown_gradio_submodule_explains_itself() -> None:
    code = textwrap.dedent("""
        from wasmui import compat
        compat.install(force=True)
        try:
            import gradio.queueing
        except ModuleNotFoundError as e:
            print(e)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "gradio.queueing is Gradio server internals that wasmui does not provide" in out


def test_submodule_imports_that_demos_use() -> None:
    code = textwrap.dedent("""
        from wasmui import compat
        compat.install(force=True)
        import gradio as gr
        from gradio.themes.base import Base
        from gradio.themes.utils import colors, fonts, sizes
        from gradio.components import Markdown as m
        from gradio.utils import get_space
        from gradio.data_classes import FileData
        theme = Base(primary_hue=colors.blue, font=[fonts.GoogleFont("Inter"), "sans-serif"],
                     radius_size=sizes.radius_md).set(button_primary_background_fill="*primary_200")
        fd = FileData(path="/tmp/x.txt", orig_name="x.txt")
        print(theme.primary_hue, m is gr.Markdown, get_space(), fd.orig_name, fd["meta"]["_type"],
              gr.Theme is Base, gr.Json is gr.JSON, gr.Files().get_block_name(), gr.Files().file_count)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["blue", "True", "None", "x.txt", "gradio.FileData", "True", "True", "file", "multiple"]


def test_cache_decorator_hits_on_equal_content_and_replays_generators() -> None:
    calls: list[int] = []

    @gr.cache
    def square(x: list[int]) -> list[int]:
        calls.append(1)
        return [v * v for v in x]

    @gr.cache(max_size=1)
    def count(n: int):  # type: ignore[no-untyped-def]
        calls.append(2)
        yield from range(n)

    assert square([1, 2]) == [1, 4] and square([1, 2]) == [1, 4] and calls == [1]
    assert list(count(3)) == [0, 1, 2] and list(count(3)) == [0, 1, 2] and calls == [1, 2]
    list(count(4))
    list(count(3))  # evicted by max_size=1
    assert calls == [1, 2, 2, 2]


def test_cache_object_get_set() -> None:
    c = gr.Cache(max_size=2)
    assert c.get("a") is None
    c.set("a", kv=[1])
    c.set("b", kv=[2])
    c.set("c", kv=[3])
    assert c.get("a") is None and c.get("c") == {"kv": [3]} and len(c.keys()) == 2


def test_csv_logger_appends_rows(tmp_path: Path) -> None:
    box, num = gr.Textbox(label="text", render=False), gr.Number(label="n", render=False)
    logger = gr.CSVLogger()
    logger.setup([box, num], str(tmp_path))
    assert logger.flag(["hi, there", 3]) == 1
    assert logger.flag(["second", 4], flag_option="bad") == 2
    import csv

    # Gradio 6.31: dataset1.csv, a flag column only when the first flag names an option
    rows = list(csv.reader(open(tmp_path / "dataset1.csv", encoding="utf-8")))
    assert rows[0] == ["text", "n", "timestamp"]
    assert rows[1][:2] == ["hi, there", "3"] and rows[2][:3] == ["second", "4", "bad"]


def test_validators_audio_length() -> None:
    ok = gr.validators.is_audio_correct_length((10, [0] * 25), min_length=1, max_length=3)
    short = gr.validators.is_audio_correct_length((10, [0] * 5), min_length=1, max_length=3)
    assert ok["is_valid"] and not short["is_valid"] and "too short" in short["message"]


def test_launch_returns_gradio_s_app_and_urls_tuple() -> None:
    # Gradio demos unpack it: `app, local_url, share_url = demo.launch(...)`.
    with gr.Blocks() as demo:
        gr.Textbox()
    result = demo.launch(prevent_thread_lock=True)
    app, local_url, share_url = result
    assert app is demo.app and callable(app)
    assert (local_url, share_url) == (None, None)
    assert repr(result) == ""
