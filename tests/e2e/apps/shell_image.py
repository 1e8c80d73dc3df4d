"""gr.Image / gr.Gallery in the shell, for tests/e2e/test_shell_image.py (numpy + Pillow)."""

import numpy as np

import gradio as gr

SEPIA = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]])


def sepia(img):
    out = img.dot(SEPIA.T)
    return out / out.max()


def describe(img):
    return f"{img.width}x{img.height} {img.mode}"


def where(evt: gr.SelectData):
    return f"{evt.index[0]},{evt.index[1]}"


def tiles(n):
    colours = [(255, 0, 0), (0, 160, 0), (0, 0, 255), (200, 200, 0)]
    return [(np.full((40, 60, 3), colours[i % 4], np.uint8), f"tile {i}") for i in range(int(n))]


def picked(evt: gr.SelectData):
    return f"{evt.index}:{evt.value['caption']}"


def bump(n):
    return n + 1


def frame_seen(img, n):
    return f"{img.shape[1]}x{img.shape[0]}", n + 1


with gr.Blocks(title="images") as demo:
    with gr.Row():
        src = gr.Image(label="Source")
        out = gr.Image(label="Sepia", format="png", interactive=False)
    src.upload(sepia, src, out)
    clicked = gr.Textbox(label="Clicked")
    out.select(where, None, clicked)
    clears = gr.Number(0, label="Clears")
    src.clear(bump, clears, clears)
    with gr.Row():
        cam = gr.Image(label="Camera", sources=["webcam"], type="pil", webcam_options=gr.WebcamOptions(mirror=False))
        cam_out = gr.Textbox(label="Camera size")
    cam.change(describe, cam, cam_out)
    with gr.Row():
        n = gr.Number(3, label="Tiles")
        make = gr.Button("Make tiles")
    gallery = gr.Gallery(label="Tiles gallery", columns=3, format="png")
    chosen = gr.Textbox(label="Chosen")
    opened = gr.Number(0, label="Preview opened")
    make.click(tiles, n, gallery)
    gallery.select(picked, None, chosen)
    gallery.preview_open(bump, opened, opened)
    with gr.Row():
        live = gr.Image(label="Live", sources=["webcam"], streaming=True)
        frame_size = gr.Textbox(label="Frame size")
        frames = gr.Number(0, label="Frames")
    live.stream(frame_seen, [live, frames], [frame_size, frames], stream_every=0.2, time_limit=30)
    up_gallery = gr.Gallery(label="Upload gallery", interactive=True)
    up_count = gr.Textbox(label="Upload count")
    up_gallery.upload(lambda items: str(len(items or [])), up_gallery, up_count)
    with gr.Row():
        held = gr.Image(label="Held upload")
        held_size = gr.Textbox(label="Held size")
    gr.Button("Measure").click(lambda img: "none" if img is None else f"{img.shape[1]}x{img.shape[0]}", held, held_size)

if __name__ == "__main__":
    demo.launch()
