"""Images in the browser on the full Pyodide distribution (numpy + Pillow): a sepia filter,
a webcam snapshot into a PIL function, a gallery whose selection is reported, and an album
gallery taking uploads under the app's ``max_file_size`` (bad inputs must lose nothing)."""

import numpy as np

import gradio as gr

SEPIA = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]])


def sepia(img):
    out = img.dot(SEPIA.T)
    return out / out.max()


def describe(img):
    return "" if img is None else f"{img.width}x{img.height} {img.mode}"


def tiles(n):
    colours = [(255, 0, 0), (0, 160, 0), (0, 0, 255)]
    return [(np.full((30, 40, 3), colours[i % 3], np.uint8), f"tile {i}") for i in range(int(n))]


def picked(evt: gr.SelectData):
    return f"{evt.index}:{evt.value['caption']}"


with gr.Blocks() as demo:
    with gr.Row():
        src = gr.Image(label="Source")
        out = gr.Image(label="Sepia", format="png")
    src.upload(sepia, src, out)
    with gr.Row():
        cam = gr.Image(label="Camera", sources=["webcam"], type="pil")
        size = gr.Textbox(label="Camera size")
    cam.change(describe, cam, size)
    n = gr.Number(3, label="Tiles")
    make = gr.Button("Make tiles")
    gallery = gr.Gallery(label="Tiles gallery", columns=3)
    chosen = gr.Textbox(label="Chosen")
    make.click(tiles, n, gallery)
    gallery.select(picked, None, chosen)
    album = gr.Gallery(label="Album", interactive=True, type="pil")
    album_size = gr.Textbox(label="Album sizes")
    album.upload(lambda items: " ".join(f"{im.width}x{im.height}" for im, _ in items or []), album, album_size)

if __name__ == "__main__":
    demo.launch(max_file_size="1mb")
