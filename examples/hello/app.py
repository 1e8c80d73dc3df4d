"""Hello world: the smallest Gradio app."""

import gradio as gr


def greet(name: str) -> str:
    return f"Hello, {name}!"


demo = gr.Interface(fn=greet, inputs=gr.Textbox(label="Name"), outputs=gr.Textbox(label="Greeting"),
                    title="Hello", api_name="predict")

if __name__ == "__main__":
    demo.launch()
