"""gr.ColorPicker in the shell, for tests/e2e/test_shell_colorpicker.py."""

import gradio as gr


def bump(n):
    return n + 1


with gr.Blocks() as demo:
    accent = gr.ColorPicker(value="#ff8800", label="Accent", info="The main colour")
    seen = gr.Textbox(label="Seen")
    with gr.Row():
        changes = gr.Number(label="Changes", value=0)
        inputs = gr.Number(label="Inputs", value=0)
        submits = gr.Number(label="Submits", value=0)
        focuses = gr.Number(label="Focuses", value=0)
        blurs = gr.Number(label="Blurs", value=0)
    teal = gr.Button("Set teal")
    fixed = gr.ColorPicker(value="#123456", label="Fixed", interactive=False)
    empty = gr.ColorPicker(label="Empty")
    empty_seen = gr.Textbox(label="Empty seen")
    read_empty = gr.Button("Read empty")

    accent.change(lambda c, n: (c, n + 1), [accent, changes], [seen, changes])
    accent.input(bump, inputs, inputs)
    accent.submit(bump, submits, submits)
    accent.focus(bump, focuses, focuses)
    accent.blur(bump, blurs, blurs)
    teal.click(lambda: "#008080", None, accent)
    read_empty.click(lambda c: repr(c), empty, empty_seen)

demo.launch()
