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

    # Grows with its text between 2 and 4 rows, then scrolls (keeping its last line in view).
    grown = gr.Textbox(label="Grown", lines=2, max_lines=4, interactive=True)
    gr.Button("Three lines").click(lambda: "one\ntwo\nthree", None, grown)
    gr.Button("Ten lines").click(lambda: "\n".join(f"line {i}" for i in range(10)), None, grown)
    gr.Button("No lines").click(lambda: "", None, grown)
