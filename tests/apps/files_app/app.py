"""Files relative to the app folder: a static path and a function output."""

import wasmui as gr

gr.set_static_paths(["static"])


def read_data() -> str:
    with open("data.txt") as f:  # relative to the app folder, at call time
        return f.read().strip()


def make_file() -> str:
    return "data.txt"  # a relative output path, copied into the cache from cwd


with gr.Blocks() as demo:
    text = gr.Textbox()
    out_file = gr.File()
    gr.Button("Read").click(read_data, None, text, api_name="read_data")
    gr.Button("Make").click(make_file, None, out_file, api_name="make_file")

if __name__ == "__main__":
    demo.launch()
