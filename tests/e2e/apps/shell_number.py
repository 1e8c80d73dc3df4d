"""An empty gr.Number used as a counter (Gradio's change_vs_input demo does this)."""

import gradio as gr

with gr.Blocks() as demo:
    counter = gr.Number(label="Counter")
    text = gr.Textbox(label="Text")
    text.change(lambda t, n: n + 1, [text, counter], counter)

if __name__ == "__main__":
    demo.launch()
