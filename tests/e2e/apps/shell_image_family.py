"""The image family side by side (ImageEditor, Sketchpad, Model3D, FileExplorer, UploadButton,
DownloadButton, Gallery preview, a webcam Image), for tests/e2e/test_shell_image_family.py."""

from pathlib import Path

import numpy as np

import gradio as gr
from gradio.media import MEDIA_ROOT, get_image, get_model3d


def background() -> np.ndarray:
    bg = np.zeros((120, 180, 3), np.uint8)
    bg[:, :90] = (250, 200, 60)
    bg[:, 90:] = (60, 120, 220)
    return bg


tiles = [(np.full((30, 40, 3), c, np.uint8), f"tile {i}") for i, c in enumerate([(220, 40, 40), (40, 160, 60), (40, 80, 220)])]

with gr.Blocks() as demo:
    with gr.Row():
        editor = gr.ImageEditor(value={"background": background(), "layers": [], "composite": None}, label="Editor",
                                type="numpy", height=360, interactive=True)
        sketch = gr.Sketchpad(label="Sketch", canvas_size=(200, 150), height=360)
    with gr.Row():
        model = gr.Model3D(get_model3d("Duck.glb"), label="Duck", clear_color=(0.92, 0.92, 0.92, 1.0), height=260)
        explorer = gr.FileExplorer(root_dir=str(Path(MEDIA_ROOT)), glob="**/*", label="Media files", max_height=260)
    with gr.Row():
        up = gr.UploadButton("Upload a file", file_count="single")
        down = gr.DownloadButton("Download the logo", value=get_image("logo.png"), variant="primary")
        picked = gr.Textbox(label="Uploaded")
    up.upload(lambda p: Path(p).name, up, picked)
    with gr.Row():
        gallery = gr.Gallery(tiles, label="Tiles", columns=3, selected_index=1, height=260)
        cam = gr.Image(label="Webcam", sources=["webcam"], height=260)
    with gr.Row():
        # webcam_options: no mirroring, and constraints asking the camera for exactly 320x240.
        small = gr.Image(label="Small camera", sources=["webcam"], type="pil", height=200, webcam_options=gr.WebcamOptions(
            mirror=False, constraints={"video": {"width": {"exact": 320}, "height": {"exact": 240}}}))
        small_size = gr.Textbox(label="Small camera size")
    small.change(lambda im: "" if im is None else f"{im.width}x{im.height}", small, small_size)

if __name__ == "__main__":
    demo.launch()
