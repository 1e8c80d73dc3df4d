"""An Interface with a State input and output (Gradio's session memory for an Interface)."""

import gradio as gr


def count(word, n):
    n = (n or 0) + 1
    return f"{word} #{n}", n


demo = gr.Interface(count, [gr.Textbox(label="word"), "state"], [gr.Textbox(label="said"), "state"],
                    flagging_mode="never")

demo.launch()
