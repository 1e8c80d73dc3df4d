"""``@gr.render`` over the real server: config shape, ``render_config``, keys, sessions."""

from __future__ import annotations

from typing import Any

import pytest

import wasmui as gr
from wasmui.testing import TestClient


def split_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        text = gr.Textbox(label="n")

        @gr.render(inputs=text)
        def show(s: str) -> None:
            for i, word in enumerate(s.split()):
                with gr.Row(key=f"row-{word}"):
                    box = gr.Textbox(word, key=f"box-{word}", label=f"w{i}")
                    btn = gr.Button("upper", key=f"btn-{word}")
                    btn.click(lambda x: x.upper(), box, box)
    return demo


def run(client: TestClient, fn_index: int, data: list[Any], session: str = "s1", trigger: int | None = None) -> dict:
    r = client.post("/gradio_api/queue/join", json={"data": data, "fn_index": fn_index, "session_hash": session,
                                                     "trigger_id": trigger})
    assert r.status_code == 200, r.text
    with client.stream(f"/gradio_api/queue/data?session_hash={session}") as s:
        done = [m.json() for m in s if m.json().get("msg") == "process_completed"]
    assert len(done) == 1
    return done[0]


def test_config_has_the_render_dependency_and_an_empty_container() -> None:
    demo = split_app()
    cfg = demo.config
    dep = cfg["dependencies"][0]
    o = demo._id  # ids are process-wide; Gradio's golden has root 0, textbox 1, container 2, form 3
    assert dep["targets"] == [[o, "load"], [o + 1, "change"]] and dep["render_id"] == 0
    assert dep["api_name"] == "apply" and dep["api_visibility"] == "undocumented"
    assert dep["trigger_mode"] == "always_last" and dep["outputs"] == [o + 2]
    assert cfg["layout"] == {"id": o, "children": [{"id": o + 3, "children": [{"id": o + 1}]},
                                                   {"id": o + 2, "children": []}]}
    assert [c["type"] for c in cfg["components"]] == ["textbox", "column", "form"]


def test_render_config_mounts_components_and_listeners_and_keys_keep_ids() -> None:
    demo = split_app()
    with TestClient(demo.app) as c:
        first = run(c, 0, ["hello world"])
        assert first["success"] and first["output"]["data"] == [None]
        rc = first["output"]["render_config"]
        assert rc["render_id"] == 0 and rc["layout"]["id"] == demo.config["dependencies"][0]["outputs"][0]
        boxes = {c["props"]["value"]: c for c in rc["components"] if c["type"] == "textbox"}
        assert set(boxes) == {"hello", "world"} and all(b["rendered_in"] == 0 for b in boxes.values())
        deps = rc["dependencies"]
        assert len(deps) == 2 and all(d["rendered_in"] == 0 for d in deps)
        hello_dep = next(d for d in deps if d["inputs"] == [boxes["hello"]["id"]])
        # The rendered listener works, and is not in the app's static config or API.
        done = run(c, hello_dep["id"], ["typed"])
        assert done["output"]["data"] == ["TYPED"]
        assert all(d["rendered_in"] is None for d in demo.config["dependencies"])
        assert "/lambda" not in demo.get_api_info()["named_endpoints"]

        second = run(c, 0, ["hello there"])["output"]["render_config"]
        boxes2 = {c["props"]["value"]: c for c in second["components"] if c["type"] == "textbox"}
        assert boxes2["hello"]["id"] == boxes["hello"]["id"]  # keyed: same id, so the page keeps its value
        assert boxes2["there"]["id"] not in {b["id"] for b in boxes.values()}
        assert len(second["dependencies"]) == 2
        # The dropped word's listener is gone.
        world_dep = next(d for d in deps if d["inputs"] == [boxes["world"]["id"]])
        assert world_dep["id"] not in demo.fns


def test_sessions_render_independently() -> None:
    demo = split_app()
    with TestClient(demo.app) as c:
        a = run(c, 0, ["one two"], session="A")["output"]["render_config"]
        b = run(c, 0, ["three"], session="B")["output"]["render_config"]
        a_deps = [d["id"] for d in a["dependencies"]]
        assert len(a_deps) == 2 and len(b["dependencies"]) == 1
        assert all(i in demo.fns for i in a_deps)  # B's render did not drop A's listeners
        refused = c.post("/gradio_api/queue/join", json={"data": ["x"], "fn_index": a_deps[0], "session_hash": "B"})
        if refused.status_code == 200:
            with c.stream("/gradio_api/queue/data?session_hash=B") as s:
                done = [m.json() for m in s if m.json().get("msg") == "process_completed"][0]
            assert done["success"] is False and "another session" in done["output"]["error"]


def test_nested_render_and_triggers_and_queue_false() -> None:
    with gr.Blocks() as demo:
        count = gr.Number(2)
        go = gr.Button("go")

        @gr.render(inputs=count, triggers=[go.click], queue=False)
        def outer(n: float) -> None:
            for i in range(int(n)):
                gr.Markdown(f"item {i}", key=f"md{i}")
            inner_box = gr.Textbox("a b", key="inner-src")

            @gr.render(inputs=inner_box)
            def inner(s: str) -> None:
                for w in s.split():
                    gr.Button(w)

    dep = demo.config["dependencies"][0]
    assert dep["targets"] == [[go._id, "click"]] and dep["queue"] is False
    with TestClient(demo.app) as c:
        r = c.post("/gradio_api/run/predict", json={"data": [3], "fn_index": 0, "session_hash": "s"})
        assert r.status_code == 200, r.text
        rc = r.json()["render_config"]
        assert [x["props"]["value"] for x in rc["components"] if x["type"] == "markdown"] == ["item 0", "item 1", "item 2"]
        inner_dep = next(d for d in rc["dependencies"] if d.get("render_id") is not None)
        done = run(c, inner_dep["id"], ["x y z"], session="s")
        inner_rc = done["output"]["render_config"]
        assert [x["props"]["value"] for x in inner_rc["components"] if x["type"] == "button"] == ["x", "y", "z"]


def test_render_outside_blocks_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="inside a `with gr.Blocks"):
        gr.render()


def test_render_on_a_page_reports_that_page() -> None:
    with gr.Blocks() as demo:
        gr.Markdown("home")
    with demo.route("Second"):
        n = gr.Number(2)

        @gr.render(inputs=n)
        def show(k: float) -> None:
            gr.Markdown(f"{k}")

    dep = next(d for d in demo.config["dependencies"] if d["render_id"] is not None)
    assert dep["id"] in demo.config["page"]["second"]["dependencies"]
    with TestClient(demo.app) as c:
        rc = run(c, dep["id"], [3])["output"]["render_config"]
    assert list(rc["page"]) == ["second"]
