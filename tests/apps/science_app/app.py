"""numpy, Pillow, pandas and matplotlib in one function (needs a full Pyodide distribution)."""

import io
import json

import gradio as gr


def analyse(n: float) -> str:
    """An image from an array, a DataFrame summary and a PNG plot, reported as JSON."""
    import matplotlib
    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd
    from PIL import Image

    size = int(n)
    array = (np.arange(size * size, dtype=np.uint8) % 251).reshape(size, size)
    image = Image.fromarray(array, mode="L").resize((size * 2, size * 2))
    frame = pd.DataFrame({"x": np.arange(size), "y": np.arange(size) ** 2})
    figure, axes = plt.subplots(figsize=(2, 2))
    axes.plot(frame["x"], frame["y"])
    png = io.BytesIO()
    figure.savefig(png, format="png")
    plt.close(figure)
    return json.dumps({
        "numpy": np.__version__, "sum": int(array.sum()),
        "image": list(image.size), "pixel": int(image.getpixel((3, 1))),
        "y_sum": int(frame["y"].sum()), "y_mean": float(frame["y"].mean()),
        "backend": matplotlib.get_backend().lower(), "png": png.getvalue()[:8].hex(), "png_bytes": len(png.getvalue()),
    })


demo = gr.Interface(analyse, gr.Number(value=4, label="Size"), gr.Textbox(label="Result"), api_name="analyse")

if __name__ == "__main__":
    demo.launch()
