"""The component kit: generic modules ask the component, never its concrete class."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

import wasmui as gr
from wasmui.components.base import Component
from wasmui.components.file_base import FileComponent
from wasmui.config import required_packages
from wasmui.processing import Completed


class Secret(Component):
    """A made-up stateful component: generic modules must treat it like gr.State."""

    CONFIG_PROPS = ("visible",)
    stateful = True
    skip_api = True  # type: ignore[assignment]
    closed: ClassVar[list[Any]] = []

    def session_closed(self, value: Any) -> None:
        self.closed.append(value)


class NeedsPillow(Component):
    """A made-up component that needs a Pyodide package for its configuration."""

    CONFIG_PROPS = ("value", "label", "mode")

    def __init__(self, value: Any = None, *, mode: str = "pil", label: str | None = None, render: bool = True) -> None:
        self.mode = mode
        self.hidden_setting = "not a prop"
        super().__init__(value, label=label, render=render)

    def required_packages(self) -> set[str]:
        return {"pillow"} if self.mode == "pil" else set()


def _entry(demo: gr.Blocks, block: Component) -> dict[str, Any]:
    return next(c for c in demo.get_config()["components"] if c["id"] == block._id)


def test_only_declared_props_are_sent() -> None:
    with gr.Blocks() as demo:
        comp = NeedsPillow(label="x")
    props = _entry(demo, comp)["props"]
    assert props["mode"] == "pil" and props["label"] == "x"
    assert "hidden_setting" not in props and "render" not in props


def test_input_only_packages_count_for_event_inputs() -> None:
    """A pandas-typed gr.Dataframe needs pandas only when an event reads it (kitchen_sink)."""
    from wasmui.app_inspect import component_packages

    with gr.Blocks() as demo:
        table, shown, rows = gr.Dataframe(), gr.Dataframe(), gr.Dataframe(type="array")
        out = gr.Textbox()
        gr.Button().click(lambda a, b: "", [table, rows], out)
    assert required_packages(demo) == {"pandas"}
    assert component_packages(demo) == [("pandas", "gr.Dataframe (an input)")]
    with gr.Blocks() as output_only:
        gr.Button().click(lambda: [[1]], None, gr.Dataframe())
    assert required_packages(output_only) == set()


def test_required_packages_are_collected_from_the_components() -> None:
    with gr.Blocks() as demo:
        NeedsPillow()
        NeedsPillow(mode="plain")
        gr.Textbox()
    assert required_packages(demo) == {"pillow"}
    with gr.Blocks() as plain:
        gr.Textbox()
    assert required_packages(plain) == set()


def test_a_new_stateful_component_is_kept_in_the_session(run: Any) -> None:
    Secret.closed.clear()
    with gr.Blocks() as demo:
        secret = Secret(render=True)
        out = gr.Textbox()
        btn = gr.Button()
        btn.click(lambda s: (f"had {s}", (s or 0) + 1), secret, [out, secret])
    entry = _entry(demo, secret)
    assert "value" not in entry["props"]
    assert demo.get_config()["connect_heartbeat"] is True
    first = [e for e in run(demo, 0, [None], "a") if isinstance(e, Completed)][0]
    second = [e for e in run(demo, 0, [None], "a") if isinstance(e, Completed)][0]
    assert first.data == ["had None", None] and second.data == ["had 1", None]
    demo.sessions.delete("a")
    assert Secret.closed == [2]


def test_returning_a_component_updates_only_given_props_with_normalised_choices(run: Any) -> None:
    with gr.Blocks() as demo:
        dd = gr.Dropdown(["a"])
        btn = gr.Button()
        btn.click(lambda: gr.Dropdown(choices=[("One", 1), "two"], value=1, elem_id="nope"), None, dd)
    done = [e for e in run(demo, 0, []) if isinstance(e, Completed)][0]
    assert done.data == [{"__type__": "update", "value": 1, "choices": [["One", 1], ["two", "two"]]}]


def test_file_uploads_are_checked_against_max_file_size(run: Any) -> None:
    with gr.Blocks() as demo:
        f = gr.File()
        out = gr.Textbox()
        f.change(lambda p: open(p, encoding="utf-8").read(), f, out)
    path = demo.file_store.save_upload("a.txt", b"x" * 100)
    payload = {"path": path, "orig_name": "a.txt", "size": 100, "meta": {"_type": "gradio.FileData"}}
    demo.max_file_size = 50
    with pytest.raises(gr.Error, match="larger than the app's limit of 50 bytes"):
        run(demo, 0, [payload])
    demo.max_file_size = 100
    done = [e for e in run(demo, 0, [payload]) if isinstance(e, Completed)][0]
    assert done.data == ["x" * 100]


def test_file_base_turns_bytes_into_a_stored_output(run: Any) -> None:
    with gr.Blocks() as demo:
        out = gr.File()
        btn = gr.Button()
        btn.click(lambda: b"%PDF-1.4 fake", None, out)
    done = [e for e in run(demo, 0, [], root="http://h") if isinstance(e, Completed)][0]
    data = done.data[0]
    assert data["size"] == len(b"%PDF-1.4 fake")
    assert data["url"].startswith("http://h/gradio_api/file=") and data["path"].startswith(str(demo.file_store.root))
    assert isinstance(out, FileComponent)
