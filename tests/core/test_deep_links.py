"""gr.DeepLinkButton and deep links: Gradio's config and events, and a link that carries the
session's values themselves (the tab's Python is the only server): made from the values an
event saw, applied by ``/config?deep_link=``; file payloads never travel."""

from __future__ import annotations

import wasmui as gr
from wasmui import deep_links
from wasmui.testing import TestClient


def _app() -> tuple[gr.Blocks, gr.Textbox, gr.Slider, gr.Textbox]:
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        n = gr.Slider(0, 10, step=1, label="N")
        out = gr.Textbox(label="Out")
        go = gr.Button("Go")
        go.click(lambda s, k: s * int(k), [name, n], out)
        gr.DeepLinkButton()
    return demo, name, n, out


def test_button_config_and_events_as_gradio() -> None:
    demo, *_ = _app()
    cfg = demo.get_config()
    button = next(c for c in cfg["components"] if c["props"].get("copied_value"))
    assert button["type"] == "button" and button["props"]["value"] == "Share via Link"
    assert button["props"]["elem_id"] == "gradio-share-link-button-0"
    deps = [d for d in cfg["dependencies"] if d["targets"] == [[button["id"], "click"]]]
    assert [(d["api_name"], d["api_visibility"], d["backend_fn"], d["queue"]) for d in deps] == [
        ("js_fn", "private", False, False), ("lambda_1", "undocumented", True, False)]
    assert "gradio_api/deep_link?session_hash=" in deps[0]["js"] and '"Link Copied!"' in deps[0]["js"]


def test_link_carries_what_the_last_event_saw_and_config_restores_it() -> None:
    demo, name, n, out = _app()
    with TestClient(demo.app) as c:
        assert c.get("/gradio_api/deep_link?session_hash=nobody").json() == ""
        r = c.post("/gradio_api/run/predict", json={"data": ["ab", 3], "fn_index": 0, "session_hash": "s"})
        assert r.status_code == 200 and r.json()["data"] == ["ababab"]
        token = c.get("/gradio_api/deep_link?session_hash=s").json()
        assert token.startswith("w1.")
        assert deep_links.decode(token) == {name._id: "ab", n._id: 3, out._id: "ababab"}
        cfg = c.get(f"/config?deep_link={token}").json()
        values = {x["id"]: x["props"].get("value") for x in cfg["components"]}
        assert (values[name._id], values[n._id], values[out._id]) == ("ab", 3, "ababab")
        assert cfg["deep_link_state"] == "valid"
        bad = c.get("/config?deep_link=0123abcd").json()  # a Gradio hash means nothing here
        assert bad["deep_link_state"] == "invalid" and {x["id"]: x["props"].get("value") for x in bad["components"]}[name._id] is None
        assert c.get("/gradio_api/deep_link").status_code == 422


def test_files_and_oversized_values_stay_out() -> None:
    file = {"path": "/tmp/x.png", "url": "/gradio_api/file=/tmp/x.png", "meta": {"_type": "gradio.FileData"}}
    token = deep_links.encode({1: "keep", 2: file, 3: [file], 4: "x" * (deep_links.MAX_LINK * 2)})
    assert deep_links.decode(token) == {1: "keep"}
    assert deep_links.decode("w1.!!notbase64") is None and deep_links.decode("w1." + "e30") is None


def test_interface_deep_link_as_gradio(run) -> None:
    """``gr.Interface(deep_link=True)``, as Gradio 6.31 builds it: the button's events first, the
    button disabled under the outputs, enabled by a step after each answer (``js=True``)."""
    def greet(x: str) -> str:
        return x

    demo = gr.Interface(greet, "text", "text", deep_link=True)
    cfg = demo.get_config()
    button = next(c for c in cfg["components"] if c["props"].get("copied_value"))
    assert button["props"]["interactive"] is False
    deps = cfg["dependencies"]
    assert [d["targets"] for d in deps[:2]] == [[[button["id"], "click"]]] * 2
    enable = deps[-1]
    assert (enable["targets"], enable["outputs"], enable["js"], enable["trigger_after"]) == (
        [[None, "then"]], [button["id"]], True, next(d["id"] for d in deps if d["api_name"] == "greet"))
    assert run(demo, enable["id"], [])[-1].data[0]["interactive"] is True

    def parent(node: dict, target: int) -> dict | None:
        for child in node.get("children", []):
            if child["id"] == target:
                return node
            found = parent(child, target)
            if found:
                return found
        return None

    row = parent(cfg["layout"], button["id"])
    output = next(c["id"] for c in cfg["components"] if c["props"].get("label") == "output")
    form = parent(cfg["layout"], output)
    assert row is not None and form is not None  # Gradio: column > [form > output, row > [share, flag]]
    assert parent(cfg["layout"], row["id"]) is parent(cfg["layout"], form["id"])
    assert gr.Interface(greet, "text", "text", deep_link=False).deep_link is None
