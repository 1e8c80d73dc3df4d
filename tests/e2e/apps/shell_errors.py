"""show_error=True: exception text and the Python traceback reach the UI."""

import gradio as gr


def explode(x):
    raise ValueError(f"bad value {x!r}")


def ok(x):
    return f"ok {x}"


with gr.Blocks() as demo:
    inp = gr.Textbox(label="Input", value="42")
    out = gr.Textbox(label="Output")
    gr.Button("Explode").click(explode, inp, out)
    gr.Button("Fine").click(ok, inp, out, show_progress="hidden")

demo.launch(show_error=True)
