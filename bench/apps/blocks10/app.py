"""A 10-component Blocks app for the boot benchmark (bench/network.py): typical inputs, one
button, a few outputs."""

import gradio as gr


def summarize(name: str, age: float, level: float, member: bool, colour: str, size: str) -> tuple[str, dict]:
    facts = {"name": name, "age": age, "level": level, "member": member, "colour": colour, "size": size}
    return f"Summary for {name}", facts


with gr.Blocks(title="Blocks10") as demo:
    gr.Markdown("# Ten components")
    with gr.Row():
        name = gr.Textbox(label="Name")
        age = gr.Number(label="Age", value=30)
    level = gr.Slider(0, 10, value=5, label="Level")
    member = gr.Checkbox(label="Member")
    colour = gr.Dropdown(["red", "green", "blue"], value="red", label="Colour")
    size = gr.Radio(["S", "M", "L"], value="M", label="Size")
    go = gr.Button("Submit")
    summary = gr.Textbox(label="Summary")
    facts = gr.JSON(label="Facts")
    go.click(summarize, [name, age, level, member, colour, size], [summary, facts])

if __name__ == "__main__":
    demo.launch()
