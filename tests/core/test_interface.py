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
    assert types.count("button") == 3 and "dataset" in types and "form" in types  # Clear, Submit, Flag
    labels = [c["props"].get("label") for c in cfg["components"] if c["type"] in ("textbox", "slider")]
    assert labels == ["name", "intensity", "output"]
    info = demo.get_api_info()["named_endpoints"]["/greet"]  # the function's name, as Gradio
    assert [p["parameter_name"] for p in info["parameters"]] == ["name", "intensity"]
    assert info["parameters"][1]["parameter_has_default"] is True  # slider value defaults to minimum
    predict = next(d for d in cfg["dependencies"] if d["api_name"] == "greet")
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
    predict = next(d for d in cfg["dependencies"] if d["api_name"] == "lambda")
    assert [t[1] for t in predict["targets"]] == ["change"]
    # as Gradio 6.31: no Submit button; Clear and the default Flag button stay
    assert [c["props"]["value"] for c in cfg["components"] if c["type"] == "button"] == ["Clear", "Flag"]


def test_generator_interface_gets_a_stop_button() -> None:
    def count(n):
        yield from range(int(n))

    demo = gr.Interface(count, "number", "number")
    deps = demo.get_config()["dependencies"]
    assert any(d["types"]["cancel"] for d in deps)


def test_no_input_interface() -> None:
    demo = gr.Interface(lambda: "hi", None, "text")
    cfg = demo.get_config()
    assert [c["props"]["value"] for c in cfg["components"] if c["type"] == "button"] == ["Clear", "Generate", "Flag"]


def test_interface_inside_blocks_tab(run) -> None:
    with gr.Blocks() as demo:
        with gr.Tab("A"):
            gr.Interface(lambda x: x + "!", "text", "text")
    cfg = demo.get_config()
    predict = next(d for d in cfg["dependencies"] if d["api_name"] == "lambda")
    assert run(demo, predict["id"], ["x"])[-1].data == ["x!"]


def test_tabbed_interface_puts_each_app_in_a_tab(run) -> None:
    hello = gr.Interface(lambda name: "Hello " + name, "text", "text")
    bye = gr.Interface(lambda name: "Bye " + name, "text", "text")
    demo = gr.TabbedInterface([hello, bye], ["Hello", "Bye"], title="Two apps")
    cfg = demo.get_config()
    assert cfg["mode"] == "tabbed_interface"
    tabs = [c["props"]["label"] for c in cfg["components"] if c["type"] == "tabitem"]
    assert tabs == ["Hello", "Bye"]
    predicts = [d for d in cfg["dependencies"] if d["api_visibility"] == "public"]
    assert [d["api_name"] for d in predicts] == ["lambda", "lambda_2"]  # as Gradio names them
    assert run(demo, predicts[0]["id"], ["Ann"])[-1].data == ["Hello Ann"]
    assert run(demo, predicts[1]["id"], ["Ann"])[-1].data == ["Bye Ann"]
    # The tabs' layout contains each app's components.
    by_id = {c["id"]: c for c in cfg["components"]}

    def ids(node):
        yield node["id"]
        for child in node.get("children", []):
            yield from ids(child)

    assert all(i in by_id for i in ids(cfg["layout"]) if i != demo._id)


def test_tabbed_interface_default_names() -> None:
    demo = gr.TabbedInterface([gr.Interface(lambda x: x, "text", "text")])
    assert [c["props"]["label"] for c in demo.get_config()["components"] if c["type"] == "tabitem"] == ["Tab 1"]


def test_outputs_are_not_interactive_unless_asked() -> None:
    """As Gradio 6.31 (checked with its get_config_file): the Flag event takes the outputs as
    inputs, so without this a microphone-only app showed an upload zone as its output."""
    def interactive(demo: gr.Interface) -> list[tuple[str, object]]:
        return [(c["type"], c["props"].get("interactive")) for c in demo.get_config()["components"]
                if c["type"] in ("audio", "textbox", "number")]

    assert interactive(gr.Interface(lambda x: x, gr.Audio(sources=["microphone"]), "audio")) == [
        ("audio", None), ("audio", False)]
    assert interactive(gr.Interface(lambda x: x, "text", ["text", gr.Textbox(interactive=True)])) == [
        ("textbox", None), ("textbox", False), ("textbox", True)]
    assert interactive(gr.Interface(lambda: 1, None, "number")) == [("number", False)]


def _from(node: dict, first: int) -> dict:
    """A layout tree with ids counted from ``first`` (Gradio's run started at 0)."""
    out: dict = {"id": node["id"] - first}
    if "children" in node:
        out["children"] = [_from(c, first) for c in node["children"]]
    return out


def test_unified_interface_when_inputs_are_the_outputs(run, tmp_path) -> None:
    # Gradio 6.31's "unified" Interface (checked against its config): the component is
    # rendered once and stays editable; Clear, Submit and Flag follow it in its column;
    # there is no output column; Flag records the input once.
    box = gr.Textbox(label="text")
    demo = gr.Interface(lambda s: s[::-1], box, box, flagging_dir=str(tmp_path))
    cfg = demo.get_config()
    by_id = {c["id"]: c for c in cfg["components"]}
    assert [c["type"] for c in cfg["components"]].count("textbox") == 1
    assert "interactive" not in by_id[box._id]["props"]

    # The tree gradio 6.31.0 builds for this call (ids included): row > column > [the inputs'
    # column > form > textbox, row > Clear, Submit, Flag]; no output column.
    assert _from(cfg["layout"], box._id) == {"id": 1, "children": [{"id": 2, "children": [{"id": 3, "children": [
        {"id": 4, "children": [{"id": 5, "children": [{"id": 0}]}]},
        {"id": 6, "children": [{"id": 7}, {"id": 8}, {"id": 9}]}]}]}]}
    at = {i: by_id[box._id + i] for i in range(2, 10)}
    assert [at[i]["type"] for i in (2, 3, 4, 5, 6)] == ["row", "column", "column", "form", "row"]
    assert all(at[i]["props"]["variant"] == "default" for i in (3, 4))
    assert [at[i]["props"]["value"] for i in (7, 8, 9)] == ["Clear", "Submit", "Flag"]
    predict = next(d for d in cfg["dependencies"] if d["api_name"] == "lambda")
    assert predict["inputs"] == predict["outputs"] == [box._id] and predict["scroll_to_output"] is True
    assert run(demo, predict["id"], ["stressed"])[-1].data == ["desserts"]
    clear = next(d for d in cfg["dependencies"] if d["js"] == "() => [null, null]")
    assert clear["outputs"] == [box._id, box._id]
    shown_again = next(d for d in cfg["dependencies"] if d["js"] and "visible" in d["js"])
    assert shown_again["outputs"] == [box._id + 4]  # the inputs' own column, as Gradio
    flag = next(d for d in cfg["dependencies"] if d["api_name"] == "Flag")
    assert flag["inputs"] == [box._id]
    assert demo.flag_components == [box]


def test_unified_interface_streams_with_a_stop_button() -> None:
    def count(text):
        yield text + "1"

    box = gr.Textbox()
    demo = gr.Interface(count, box, box, flagging_mode="never")
    values = [c["props"].get("value") for c in demo.get_config()["components"] if c["type"] == "button"]
    assert values == ["Clear", "Submit", "Stop"]


def test_standard_interface_layout_is_gradios() -> None:
    # gradio 6.31.0's tree for gr.Interface(fn, Textbox, Textbox): plain columns (no panel),
    # the inputs in their own column inside the left one (Clear shows it again).
    t, o = gr.Textbox(label="text"), gr.Textbox(label="o")
    cfg = gr.Interface(lambda s: s[::-1], t, o).get_config()
    assert _from(cfg["layout"], t._id) == {"id": 2, "children": [{"id": 3, "children": [
        {"id": 4, "children": [{"id": 5, "children": [{"id": 6, "children": [{"id": 0}]}]},
                               {"id": 7, "children": [{"id": 8}, {"id": 9}]}]},
        {"id": 10, "children": [{"id": 13, "children": [{"id": 1}]}, {"id": 11, "children": [{"id": 12}]}]}]}]}
    columns = [c for c in cfg["components"] if c["type"] == "column"]
    assert [c["props"]["variant"] for c in columns] == ["default"] * 3
    shown_again = next(d for d in cfg["dependencies"] if d["js"] and "visible" in d["js"])
    assert shown_again["outputs"] == [t._id + 5]
