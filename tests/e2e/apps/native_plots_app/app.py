"""Native plots in the browser: a line plot with a brush, aggregated bars, a scatter that
updates, and a plot whose texts are script payloads (they must show as text)."""

import gradio as gr
import pandas as pd

XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SCRIPT = "<script>window.__xss=2</script>"

trend = pd.DataFrame({
    "step": list(range(20)),
    "value": [i * 1.5 + (i % 3) for i in range(20)],
    "series": ["up" if i % 2 else "down" for i in range(20)],
})
sales = pd.DataFrame({"shop": ["north", "south", "east", "north", "south", "north"], "amount": [1, 2, 3, 4, 5, 6]})
hostile = pd.DataFrame({"a": [1, 2, 3], "b": [3, 1, 2], "note": [XSS_SCRIPT, XSS_IMG, "<b>bold</b>"]})


def points(n: float) -> pd.DataFrame:
    k = max(0, int(n or 0))
    return pd.DataFrame({"a": list(range(k)), "b": [(i * 7) % 5 for i in range(k)]})


def brushed(evt: gr.SelectData) -> str:
    lo, hi = evt.index
    return f"{lo:.2f} to {hi:.2f} selected={evt.selected}"


with gr.Blocks() as demo:
    line = gr.LinePlot(trend, x="step", y="value", color="series", title="Trend", label="Line", show_label=True,
                       color_map={"up": "#16a34a", "down": "#dc2626"}, caption="Steps over time")
    brush = gr.Textbox(label="Brush")
    line.select(brushed, None, brush)
    line.double_click(lambda: "reset", None, brush)

    zoom_out = gr.Button("Zoom out")
    bars = gr.BarPlot(sales, x="shop", y="amount", y_aggregate="sum", sort="-y", title="Sales by shop", label="Bars",
                      buttons=["fullscreen", zoom_out])
    toolbar = gr.Textbox(label="Toolbar")
    zoom_out.click(lambda: "zoomed out", None, toolbar)

    count = gr.Number(label="Points", value=5)
    scatter = gr.ScatterPlot(points(5), x="a", y="b", label="Scatter", title="Scatter", height=260)
    count.submit(points, count, scatter)
    retitle = gr.Button("Retitle")
    retitle.click(lambda: gr.update(title="Retitled", y_lim=[0, 10]), None, scatter)

    gr.ScatterPlot(hostile, x="a", y="b", title=XSS_IMG, x_title=XSS_SCRIPT, caption=XSS_IMG, label=XSS_SCRIPT,
                   tooltip="all", show_label=True)

if __name__ == "__main__":
    demo.launch()
