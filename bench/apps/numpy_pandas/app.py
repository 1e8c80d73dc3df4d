"""A typical data app: numpy and pandas imported at the top, one summary per click."""

import numpy as np
import pandas as pd

import gradio as gr


def summarize(n: float) -> str:
    frame = pd.DataFrame({"x": np.arange(int(n)), "y": np.sqrt(np.arange(int(n)))})
    return f"rows={len(frame)} sum_x={int(frame['x'].sum())} mean_y={frame['y'].mean():.4f}"


demo = gr.Interface(summarize, gr.Number(value=1000, label="Rows"), gr.Textbox(label="Summary"))

if __name__ == "__main__":
    demo.launch()
