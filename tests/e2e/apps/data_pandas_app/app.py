"""gr.Dataframe with pandas in the browser: a DataFrame in, a DataFrame (with dates) out."""

import gradio as gr
import pandas as pd


def totals(df: pd.DataFrame) -> str:
    return f"{type(df).__name__} rows={len(df)} sum={int(pd.to_numeric(df['qty']).sum())}"


def report(df: pd.DataFrame) -> pd.DataFrame:
    out = df.assign(qty=pd.to_numeric(df["qty"]))
    out["double"] = out["qty"] * 2.5
    out["due"] = pd.date_range("2024-01-30", periods=len(out), freq="D")
    return out


with gr.Blocks() as demo:
    table = gr.Dataframe(pd.DataFrame({"item": ["pen", "ink", "pad"], "qty": [2, 7, 4]}),
                         datatype=["str", "number"], interactive=True, label="Stock")
    summary = gr.Textbox(label="Summary")
    view = gr.Dataframe(label="Report", datatype=["str", "number", "number", "date"])
    scores = pd.DataFrame({"A": [14, 4, 5], "B": [5, 54, 2]})
    # A Styler: colours and display values (the build ships jinja2, which Styler needs).
    gr.Dataframe(scores.style.highlight_max(color="lightgreen", axis=0).format({"B": "{:.1f}%"}), label="Styled")
    restyle = gr.Button("Restyle")
    styled_out = gr.Dataframe(label="Styled output")
    restyle.click(lambda: scores.style.highlight_min(color="#ff0000", axis=0), None, styled_out)
    table.change(totals, table, summary)
    table.change(report, table, view)
    demo.load(report, table, view)

demo.launch()
