"""App-level Gradio behaviours found by running Gradio's own demos."""

from __future__ import annotations

import wasmui as gr


def test_interface_in_blocks_takes_components_built_in_the_outer_context() -> None:
    # audio_debugger: gr.Interface(fn, gr.Audio(), gr.Audio()) inside `with gr.Tab()`.
    with gr.Blocks() as demo:
        with gr.Tab("Interface"):
            box_in, box_out = gr.Textbox(), gr.Textbox()
            gr.Interface(lambda x: x, box_in, box_out, examples=["a"], api_name="predict")
    assert box_in._id in demo.blocks and box_out._id in demo.blocks
    tab = next(b for b in demo.blocks.values() if isinstance(b, gr.Tab))
    assert box_in not in tab.children  # placed inside the Interface, not also in the Tab
    deps = [d for d in demo.config["dependencies"] if d["api_name"] == "predict"]
    assert deps and deps[0]["inputs"] == [box_in._id] and deps[0]["outputs"] == [box_out._id]


def test_blocks_clear_starts_over() -> None:
    # blocks_neural_instrument_coding: `with demo.clear():`
    demo = gr.Blocks(title="x")
    with demo:
        gr.Textbox()
    with demo.clear():
        md = gr.Markdown("hi")
    assert [c["id"] for c in demo.config["components"]] == [md._id]
