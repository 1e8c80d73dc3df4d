"""Hello world as a gr.Interface (the canonical first app)."""

import wasmui as gr


def greet(name: str) -> str:
    return "Hello " + name + "!"


demo = gr.Interface(fn=greet, inputs="text", outputs="text", api_name="predict")

if __name__ == "__main__":
    demo.launch()
