"""A function that returns None for two outputs (Gradio 6.31: an error, the outputs kept)."""

import gradio as gr


def forget(text):
    return None


with gr.Blocks() as demo:
    given = gr.Textbox(label="Given", value="kept")
    echo = gr.Textbox(label="Echo", value="also kept")
    gr.Button("Forget").click(forget, given, [given, echo])
    gr.Button("Echo").click(lambda t: (t, t.upper()), given, [given, echo])

if __name__ == "__main__":
    demo.launch()
