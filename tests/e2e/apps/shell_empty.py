"""An untouched textbox without a value must reach the function as "" (as in Gradio)."""

import wasmui as gr


def describe(text):
    return f"type={type(text).__name__} value={text!r}"


with gr.Blocks() as demo:
    box = gr.Textbox(label="Empty")
    out = gr.Textbox(label="Seen")
    gr.Button("Check").click(describe, box, out)
