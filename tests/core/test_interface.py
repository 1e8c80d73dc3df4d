"""gr.Interface: layout, buttons, labels, examples, live mode, api names."""

from __future__ import annotations

import wasmui as gr


def greet(name, intensity):
    return "Hello, " + name + "!" * int(intensity)


def test_interface_config_and_api(run) -> None:
    demo = gr.Interface(greet, ["text", "slider"], ["text"], title="Greeter", description="Say hi",
                        examples=[["Ann", 2]], article="bye")
    cfg = demo.get_config()
    assert cfg["mode"] == "interface" and cfg["title"] == "Greeter"
    types = [c["type"] for c in cfg["components"]]
    assert types.count("button") == 2 and "dataset" in types and "form" in types
    labels = [c["props"].get("label") for c in cfg["components"] if c["type"] in ("textbox", "slider")]
    assert labels == ["name", "intensity", "output"]
    info = demo.get_api_info()["named_endpoints"]["/predict"]
    assert [p["parameter_name"] for p in info["parameters"]] == ["name", "intensity"]
    assert info["parameters"][1]["parameter_has_default"] is True  # slider value defaults to minimum
    predict = next(d for d in cfg["dependencies"] if d["api_name"] == "predict")
    assert run(demo, predict["id"], ["Bo", 3])[-1].data == ["Hello, Bo!!!"]
    load_example = next(d for d in cfg["dependencies"] if d["api_name"] == "load_example")
    assert run(demo, load_example["id"], [0])[-1].data == ["Ann", 2]
    triggers = [t[1] for t in predict["targets"]]
    assert triggers == ["click", "submit"]


def test_clear_button_is_js_only() -> None:
    demo = gr.Interface(lambda x: x, "text", "text")
    clear = [d for d in demo.get_config()["dependencies"] if d["js"]]
    assert clear and clear[0]["backend_fn"] is False and clear[0]["js"].startswith("() =>")


def test_live_interface_runs_on_change_without_submit() -> None:
    demo = gr.Interface(lambda x: x, "text", "text", live=True)
    cfg = demo.get_config()
    predict = next(d for d in cfg["dependencies"] if d["api_name"] == "predict")
    assert [t[1] for t in predict["targets"]] == ["change"]
    assert not [c for c in cfg["components"] if c["type"] == "button"]


def test_generator_interface_gets_a_stop_button() -> None:
    def count(n):
        yield from range(int(n))

    demo = gr.Interface(count, "number", "number")
    deps = demo.get_config()["dependencies"]
    assert any(d["types"]["cancel"] for d in deps)


def test_no_input_interface() -> None:
    demo = gr.Interface(lambda: "hi", None, "text")
    cfg = demo.get_config()
    assert [c["props"]["value"] for c in cfg["components"] if c["type"] == "button"] == ["Submit"]


def test_interface_inside_blocks_tab(run) -> None:
    with gr.Blocks() as demo:
        with gr.Tab("A"):
            gr.Interface(lambda x: x + "!", "text", "text")
    cfg = demo.get_config()
    predict = next(d for d in cfg["dependencies"] if d["api_name"] == "predict")
    assert run(demo, predict["id"], ["x"])[-1].data == ["x!"]
