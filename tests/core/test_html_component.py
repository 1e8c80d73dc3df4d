"""gr.HTML as a custom-component system: children, custom events, props updates, server functions.

Expected configs and payloads were recorded from real Gradio 6.31 (the same calls run
under /work/gradio-venv); the plain constructor cases are golden cases too
(``html_*`` in tests/core/golden/components.json).
"""

from __future__ import annotations

import os
from typing import Any

import pytest

import wasmui as gr
from wasmui.testing import TestClient


def _entry(demo: gr.Blocks, block: Any) -> dict[str, Any]:
    return next(c for c in demo.get_config()["components"] if c["id"] == block._id)


def _predict(client: TestClient, fn_index: int, data: list[Any]) -> Any:
    r = client.post("/gradio_api/run/predict", json={"data": data, "fn_index": fn_index, "session_hash": "s"})
    assert r.status_code == 200, r.text
    return r.json()["data"]


class ListComponent(gr.HTML):
    def __init__(self, container: bool = True, label: str = "List", ordered: bool = False, **kwargs: Any) -> None:
        self.ordered = ordered
        super().__init__(html_template="x", container=container, label=label, ordered=ordered, **kwargs)


class StarRating(gr.HTML):
    def __init__(self, label: str, value: int = 0, **kwargs: Any) -> None:
        super().__init__(value=value, label=label, html_template="${value}", **kwargs)

    def api_info(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 0, "maximum": 5}


def test_children_are_laid_out_inside_the_html_block_in_a_form() -> None:
    with gr.Blocks() as demo:
        with gr.HTML(html_template="<h2>${title}</h2>@children", title="T") as form:
            name = gr.Textbox()
        out = gr.Textbox()
        form.submit(lambda n: n, name, out)
    cfg = demo.get_config()
    html_node = cfg["layout"]["children"][0]
    assert html_node["id"] == form._id
    [pseudo] = html_node["children"]
    assert _entry(demo, name)["id"] == pseudo["children"][0]["id"]
    assert next(c for c in cfg["components"] if c["id"] == pseudo["id"])["type"] == "form"
    assert _entry(demo, form)["props"]["props"] == {"title": "T"}
    assert "value" not in _entry(demo, form)["props"]  # None is left out, as Gradio does


def test_custom_events_named_in_js_on_load_are_listeners() -> None:
    with gr.Blocks() as demo:
        kb = gr.HTML(js_on_load="document.addEventListener('keydown', (e) => trigger('keypress', {key: e.key}));")
        box = gr.Textbox()

        def get_key(evt: gr.EventData) -> str:
            return str(evt.key)

        kb.keypress(get_key, None, box)
    dep = demo.get_config()["dependencies"][0]
    assert dep["targets"] == [[kb._id, "keypress"]]
    with pytest.raises(AttributeError, match="custom event"):
        kb.wheel  # noqa: B018 - not quoted in js_on_load
    with TestClient(demo.app) as c:
        r = c.post("/gradio_api/run/predict", json={"data": [], "fn_index": 0, "session_hash": "s",
                                                     "event_data": {"key": "q"}, "trigger_id": kb._id})
        assert r.json()["data"] == ["q"]


def test_subclass_config_keeps_the_html_view_and_its_own_name() -> None:
    with gr.Blocks() as demo:
        lst = ListComponent(value=["a"], elem_id="f")
        star = StarRating("Food", 3)
    props = _entry(demo, lst)["props"]
    assert _entry(demo, lst)["type"] == "html"
    # Gradio 6.31: name is the class name, the subclass's own argument is sent both ways.
    assert props["name"] == "listcomponent" and props["component_class_name"] == "ListComponent"
    assert props["ordered"] is False and props["props"] == {"ordered": False}
    assert props["container"] is True and props["label"] == "List" and props["value"] == ["a"]
    assert _entry(demo, star)["api_info"] == {"type": "integer", "minimum": 0, "maximum": 5}
    assert _entry(demo, star)["props"]["value"] == 3


def test_update_payloads_match_gradio() -> None:
    with gr.Blocks() as demo:
        h = gr.HTML("John", html_template="${fontSize}", fontSize=30, max_stars=10)
        lst = ListComponent(label="Fruits", value=["a"])
        b = gr.Button()
        b.click(lambda: gr.HTML(fontSize=50), None, h)
        b.click(lambda: gr.update(fontSize=60, value="x"), None, h)
        b.click(lambda: ListComponent(ordered=True), None, lst)
        b.click(lambda: gr.HTML(value=list("ab"), color="blue", bold=False), None, h)
        b.click(lambda: gr.update(visible=False), None, h)
        b.click(lambda: gr.HTML(label="x", html_template="y"), None, h)
        b.click(lambda: 5, None, h)
    # Recorded from gradio 6.31.0's process_api for the same functions.
    want = [
        {"props": {"fontSize": 50, "__type__": "update"}, "__type__": "update"},
        {"props": {"fontSize": 60, "__type__": "update"}, "value": "x", "__type__": "update"},
        {"ordered": True, "props": {"ordered": True, "__type__": "update"}, "__type__": "update"},
        {"props": {"color": "blue", "bold": False, "__type__": "update"}, "value": ["a", "b"], "__type__": "update"},
        {"visible": False, "props": {"__type__": "update"}, "__type__": "update"},
        {"label": "x", "html_template": "y", "props": {"__type__": "update"}, "__type__": "update"},
        5,
    ]
    with TestClient(demo.app) as c:
        for i, expected in enumerate(want):
            assert _predict(c, i, []) == [expected], f"fn {i}"


def test_server_functions_are_called_with_the_js_arguments(tmp_path: Any) -> None:
    (tmp_path / "a.txt").write_text("x")

    def list_files(path: str) -> list[str]:
        return sorted(os.listdir(path))

    with gr.Blocks() as demo:
        tree = gr.HTML(str(tmp_path), server_functions=[list_files])
        plain = gr.HTML("x")
    assert _entry(demo, tree)["props"]["server_fns"] == ["list_files"]
    assert "server_fns" not in _entry(demo, plain)["props"]
    with TestClient(demo.app) as c:
        body = {"session_hash": "s", "component_id": tree._id, "fn_name": "list_files", "data": str(tmp_path)}
        assert c.post("/gradio_api/component_server", json=body).json() == ["a.txt"]
        body["fn_name"] = "postprocess"  # a method, but not a server function
        assert c.post("/gradio_api/component_server", json=body).status_code == 404


def test_a_script_tag_in_the_value_warns_that_it_will_not_run() -> None:
    with pytest.warns(UserWarning, match="will not run"):
        gr.HTML("<script>alert(1)</script>", render=False)


def test_a_config_holding_the_app_folder_path_is_left_to_the_worker(tmp_path: Any) -> None:
    """html_server_functions shows ``os.path.dirname(__file__)``: the build machine's path is wrong in the browser."""
    from wasmui import build

    (tmp_path / "app.py").write_text(
        "import os\nimport gradio as gr\nwith gr.Blocks() as demo:\n    gr.HTML(os.path.dirname(__file__))\n")
    [spec], _ = build.find_apps(tmp_path)
    config, _packages = build.inspect_app(spec)
    assert config is None
    (tmp_path / "app.py").write_text("import gradio as gr\nwith gr.Blocks() as demo:\n    gr.HTML('x')\n")
    config, _packages = build.inspect_app(spec)
    assert config is not None
