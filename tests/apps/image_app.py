"""Image and Gallery endpoints for client tests (numpy, PIL and filepath values)."""

import numpy as np

import wasmui as gr

SEPIA = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]])


def sepia(img: np.ndarray) -> np.ndarray:
    out = img.dot(SEPIA.T)
    return out / out.max()


def size(img) -> str:  # PIL image
    return f"{img.width}x{img.height} {img.mode}"


def tiles(n: float) -> list:
    return [(np.full((8, 8, 3), i * 40, np.uint8), f"tile {i}") for i in range(int(n))]


def captions(items: list) -> str:
    return ", ".join(f"{cap}:{path.rsplit('.', 1)[-1]}" for path, cap in items)


with gr.Blocks() as demo:
    inp = gr.Image()
    out = gr.Image(format="png")
    text = gr.Textbox()
    gallery = gr.Gallery()
    num = gr.Number()
    inp.change(sepia, inp, out, api_name="sepia")
    pil_in = gr.Image(type="pil")
    pil_in.upload(size, pil_in, text, api_name="size")
    num.submit(tiles, num, gallery, api_name="tiles")
    gallery.change(captions, gallery, text, api_name="captions")

if __name__ == "__main__":
    demo.launch()
