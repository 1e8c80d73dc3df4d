"""A unified gr.Interface: the same Textbox is its input and its output (Gradio's
sentence-continuation demo pattern): one box, the buttons under it, no output column."""

import gradio as gr


def reverse(text):
    return text[::-1]


box = gr.Textbox(label="text")
demo = gr.Interface(reverse, box, box, title="Reverser")

demo.launch()
