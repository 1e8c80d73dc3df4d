"""A streaming generator: each `yield` updates the output while the function runs."""

import time

import gradio as gr


def count(text: str, delay: float):
    words = text.split() or ["(nothing", "to", "stream)"]
    shown = []
    for word in words:
        shown.append(word)
        time.sleep(delay)
        yield " ".join(shown)


with gr.Blocks(title="Streaming") as demo:
    gr.Markdown("# Streaming\nEach word appears as the generator yields it.")
    text = gr.Textbox(label="Text", value="the quick brown fox jumps over the lazy dog")
    delay = gr.Slider(0.0, 1.0, value=0.2, step=0.05, label="Delay per word (s)")
    out = gr.Textbox(label="Streamed")
    gr.Button("Stream", variant="primary").click(count, [text, delay], out, api_name="stream")

if __name__ == "__main__":
    demo.launch()
