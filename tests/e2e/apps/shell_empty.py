"""An untouched textbox without a value must reach the function as "" (as in Gradio), and
so must one that an event set to None (Gradio's view holds "" again)."""

import wasmui as gr


def describe(text):
    return f"type={type(text).__name__} value={text!r}"


with gr.Blocks() as demo:
    box = gr.Textbox(label="Empty")
    out = gr.Textbox(label="Seen")
    gr.Button("Check").click(describe, box, out)
    filled = gr.Textbox("x", label="Filled")
    gr.Button("Blank").click(lambda: None, None, filled).then(describe, filled, out)
