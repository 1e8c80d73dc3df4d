"""gr.AnnotatedImage, gr.ImageSlider and gr._simple_templates.SimpleImage in the shell, for tests/e2e/test_shell_image_more.py."""

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
    with gr.Row():
        # Gradio's SimpleImage: a path in, a path out; a download button on the static one.
        simple_in = gr._simple_templates.SimpleImage(label="Simple in", interactive=True)
        simple_out = gr._simple_templates.SimpleImage(label="Simple out")
        simple_quiet = gr._simple_templates.SimpleImage(label="Simple quiet", show_download_button=False)
    simple_log = gr.Textbox(label="Simple log")
    simple_in.upload(lambda p: (p, p, f"upload {p.rsplit('/', 1)[-1]}"), simple_in,
                     [simple_out, simple_quiet, simple_log])
    simple_in.clear(lambda p: f"clear {p}", simple_in, simple_log)

if __name__ == "__main__":
    demo.launch()
