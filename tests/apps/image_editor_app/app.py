"""ImageEditor, Sketchpad and ImageMask in the browser: each function reports the numpy
value it received as JSON, so the test can check the pixels the mouse drew."""

import json

import numpy as np

import gradio as gr


def summary(ed):
    if ed is None:
        return "None"
    c = ed["composite"]
    bg = ed["background"]
    out = {"background": None if bg is None else list(bg.shape), "layers": len(ed["layers"]),
           "composite": None if c is None else list(c.shape), "dtype": None if c is None else str(c.dtype)}
    if c is not None:
        h, w = c.shape[:2]
        out["center"] = c[h // 2, w // 2].tolist()
        out["corner"] = c[1, 1].tolist()
        out["layer_alpha"] = [int(layer[h // 2, w // 2, 3]) for layer in ed["layers"]]
    return json.dumps(out, sort_keys=True)


with gr.Blocks() as demo:
    editor = gr.ImageEditor(label="Editor", canvas_size=(200, 100))
    editor_info = gr.Textbox(label="Editor value")
    editor.change(summary, editor, editor_info)
    editor_events = gr.Textbox(label="Editor events")
    editor.apply(lambda ed, log: f"{log} apply:{len(ed['layers'])}", [editor, editor_events], editor_events)
    editor.clear(lambda log: f"{log} clear", editor_events, editor_events)
    sketch = gr.Sketchpad(label="Sketch", canvas_size=(120, 120))
    sketch_info = gr.Textbox(label="Sketch value")
    gr.Button("Read sketch").click(summary, sketch, sketch_info)
    mask = gr.ImageMask(label="Mask", sources=["upload"])
    mask_info = gr.Textbox(label="Mask value")
    gr.Button("Read mask").click(summary, mask, mask_info)

if __name__ == "__main__":
    demo.launch()
