"""gr.Plot with each figure library (native backend; shell tests)."""

import wasmui as gr


def matplotlib_fig():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3), dpi=80)
    ax.fill_between([0, 1, 2], [0, 2, 1], color="#e4572e")
    ax.set_title("Filled")
    return fig


def plotly_fig():
    import plotly.graph_objects as go

    return go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2], name="bars"), layout={"title": {"text": "Plotly bars"}})


def altair_fig():
    import altair as alt
    import pandas as pd

    data = pd.DataFrame({"kind": ["x", "y", "z"], "n": [3, 1, 2]})
    return alt.Chart(data).mark_bar(color="#4c78a8").encode(x="kind", y="n").properties(title="Altair bars", width=300)


def bokeh_fig():
    from bokeh.plotting import figure

    fig = figure(title="Bokeh line", width=360, height=240)
    fig.line([1, 2, 3], [3, 1, 2], line_width=3)
    return fig


def broken():
    return {"type": "plotly", "plot": "{not json"}


with gr.Blocks() as demo:
    plot = gr.Plot(label="Figure")
    changes = gr.Number(0, label="Changes")
    with gr.Row():
        for name, fn in [("Matplotlib", matplotlib_fig), ("Plotly", plotly_fig), ("Altair", altair_fig),
                         ("Bokeh", bokeh_fig), ("Broken", broken), ("Clear", lambda: None)]:
            gr.Button(name).click(fn, None, plot)
    plot.change(lambda n: n + 1, changes, changes)

if __name__ == "__main__":
    demo.launch()
