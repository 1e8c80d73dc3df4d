"""Image classifier: an image in (upload or webcam), its main colours out as a label.

The shape of Gradio's quickstart classifier (image in, label out, numpy), with a
nearest-colour count standing in for a model so it runs anywhere, offline.
"""

import numpy as np

import gradio as gr

# Reference colours (RGB) the pixels are sorted into.
COLOURS = {
    "red": (210, 40, 40), "orange": (240, 140, 30), "yellow": (235, 215, 50), "green": (50, 160, 60),
    "blue": (40, 80, 200), "purple": (130, 60, 160), "white": (245, 245, 245), "grey": (128, 128, 128),
    "black": (15, 15, 15),
}
CENTRES = np.array(list(COLOURS.values()), dtype=np.float32)


def classify(image: np.ndarray) -> dict[str, float]:
    """The share of the image's pixels nearest to each reference colour."""
    if image is None:
        raise gr.Error("Upload an image or take a photo first.")
    step = max(1, max(image.shape[:2]) // 128)  # about 128 px on the long side is plenty
    pixels = image[::step, ::step, :3].reshape(-1, 3).astype(np.float32)
    nearest = ((pixels[:, None, :] - CENTRES[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    shares = np.bincount(nearest, minlength=len(COLOURS)) / len(nearest)
    return {name: float(share) for name, share in zip(COLOURS, shares)}


demo = gr.Interface(
    fn=classify,
    inputs=gr.Image(type="numpy", sources=["upload", "webcam"], label="Photo"),
    outputs=gr.Label(num_top_classes=3, label="Main colours"),
    title="Image classifier",
    description="Upload a photo or take one with your webcam: the app names its three main colours.",
    api_name="predict",
)

if __name__ == "__main__":
    demo.launch()
