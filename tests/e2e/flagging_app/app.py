"""A flagging Interface (two flag options, a file input) for tests/e2e/test_flagging_browser.py."""

import gradio as gr


def describe(name, doc):
    size = 0 if doc is None else len(open(doc, "rb").read())
    return f"{name}: {size} bytes"


demo = gr.Interface(
    describe,
    [gr.Textbox(label="Name"), gr.File(label="Doc")],
    gr.Textbox(label="Summary"),
    flagging_options=["good", "bad"],
    title="Flag me",
)

if __name__ == "__main__":
    demo.launch()
