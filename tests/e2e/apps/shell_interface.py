"""A plain gr.Interface: Submit, Clear (a js-only dependency) and the layout it builds."""

import gradio as gr


def greet(name, intensity):
    return "Hello, " + name + "!" * int(intensity)


demo = gr.Interface(
    fn=greet,
    inputs=[gr.Textbox(label="name"), gr.Slider(1, 5, value=2, step=1, label="intensity")],
    outputs=[gr.Textbox(label="greeting")],
    title="Greeter",
    description="Say hello.",
    flagging_mode="never",
)

demo.launch()
