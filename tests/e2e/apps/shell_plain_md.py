"""Plain Markdown (a title): rendered without marked and DOMPurify until a value needs them."""

import gradio as gr


def rich() -> str:
    return "**Bold** and a [link](https://example.com)"


with gr.Blocks() as demo:
    gr.Markdown("<h1 style='text-align: center; margin-bottom: 1rem'>Interface title</h1>")  # as gr.Interface writes it
    md = gr.Markdown("# Plain title\n\nA few plain words.")
    gr.Button("Enrich").click(rich, None, md)

demo.launch()
