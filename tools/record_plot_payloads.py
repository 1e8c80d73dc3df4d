"""Record the payloads real Gradio's ``gr.Plot`` sends for each figure library.

Run with a Python that has the real ``gradio`` and matplotlib, plotly, altair and
bokeh installed (not wasmui's alias):

    python tools/record_plot_payloads.py tests/core/golden/plot_payloads.json

Each entry of ``FIGURES`` is code that leaves a figure in ``fig``; the same code is
replayed against wasmui by ``tests/core/test_plot.py``, which compares the payloads.
"""

from __future__ import annotations

import json
import sys

# name -> (Plot constructor kwargs, code defining ``fig``)
FIGURES: dict[str, tuple[dict[str, str], str]] = {
    "matplotlib_webp": ({}, """
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig = plt.figure(figsize=(4, 3), dpi=50)
plt.plot([1, 2, 3], [3, 1, 2])
"""),
    "matplotlib_png": ({"format": "png"}, """
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(2, 1), dpi=40)
ax.bar(["a", "b"], [1, 2])
"""),
    "matplotlib_module": ({"format": "png"}, """
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
plt.figure(figsize=(2, 2), dpi=30)
plt.scatter([0, 1], [1, 0])
fig = plt
"""),
    "plotly": ({}, """
import plotly.graph_objects as go
fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[4, 1, 2], mode="lines+markers", name="s"))
fig.update_layout(title="Plotly <b>title</b>")
"""),
    "plotly_express": ({}, """
import plotly.express as px
fig = px.bar(x=["a", "b", "c"], y=[1, 3, 2], title="bars")
"""),
    "altair": ({}, """
import altair as alt
import pandas as pd
data = pd.DataFrame({"a": ["x", "y", "z"], "b": [3, 1, 2]})
fig = alt.Chart(data).mark_bar().encode(x="a", y="b").properties(title="Altair title")
"""),
    "bokeh": ({}, """
from bokeh.plotting import figure
fig = figure(title="Bokeh title", width=300, height=200)
fig.line([1, 2, 3], [3, 1, 2])
"""),
}


def record(gr) -> dict[str, object]:
    """Each figure through real Gradio's ``Plot.postprocess``, as the JSON it sends."""
    out: dict[str, object] = {}
    for name, (kwargs, code) in FIGURES.items():
        scope: dict[str, object] = {}
        exec(code, scope)  # noqa: S102 - fixed figure code above
        with gr.Blocks():
            plot = gr.Plot(**kwargs)
        payload = plot.postprocess(scope["fig"])
        out[name] = {"kwargs": kwargs, "payload": payload.model_dump() if payload is not None else None}
    return out


def main(path: str) -> None:
    import altair
    import bokeh
    import gradio as gr
    import matplotlib
    import plotly

    versions = {"gradio": gr.__version__, "matplotlib": matplotlib.__version__, "plotly": plotly.__version__,
                "altair": altair.__version__, "bokeh": bokeh.__version__}
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"versions": versions, "cases": record(gr)}, f, indent=1, sort_keys=True)
    print(f"wrote {len(FIGURES)} plot payloads ({versions}) to {path}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/core/golden/plot_payloads.json")
