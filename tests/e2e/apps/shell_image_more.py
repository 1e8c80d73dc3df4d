"""gr.AnnotatedImage and gr.ImageSlider in the shell, for tests/e2e/test_shell_image_more.py."""

import numpy as np
from PIL import ImageOps

import gradio as gr


def annotate(n):
    base = np.full((80, 120, 3), 200, np.uint8)
    mask = np.zeros((80, 120))
    mask[50:, :] = 1.0
    return base, [((10, 10, 60, 40), "car"), (mask, "road")][: int(n)]


def which(evt: gr.SelectData):
    return f"{evt.index}:{evt.value}"


def invert(pair):
    if not pair or pair[0] is None:
        return pair
    return pair[0], ImageOps.invert(pair[0])


with gr.Blocks() as demo:
    n = gr.Number(2, label="Annotations")
    go = gr.Button("Annotate")
    ann = gr.AnnotatedImage(label="Scene", color_map={"car": "#00ff00"})
    picked = gr.Textbox(label="Picked")
    go.click(annotate, n, ann)
    ann.select(which, None, picked)
    slider = gr.ImageSlider(label="Compare", type="pil", interactive=True, slider_position=30)
    slider.upload(invert, slider, slider)

if __name__ == "__main__":
    demo.launch()
