"""Every view the shell renders, for tests/e2e/test_shell_views.py."""

import os
import tempfile

import gradio as gr


def greet(name, times, amount, checked):
    return f"Hello {name}! x{int(times)} amount={amount} checked={checked}"


def describe(files):
    if not files:
        return "no files"
    paths = files if isinstance(files, list) else [files]
    out = []
    for p in paths:
        with open(p, "rb") as f:
            out.append(f"{p.replace(chr(92), '/').split('/')[-1]}:{len(f.read())}")
    return ", ".join(out)


def make_file(text):
    # the temp dir, not the cwd: wasmui runs apps with the app folder as cwd
    path = os.path.join(tempfile.mkdtemp(), "shell_views_output.txt")
    with open(path, "w") as f:
        f.write(text or "empty")
    return path


def toggle(visible):
    return (
        gr.update(visible=not visible),
        gr.update(label="Renamed box", interactive=False, value="locked"),
        not visible,
    )


with gr.Blocks(title="Shell views", css="#custom-md { letter-spacing: 0.5px; } .fancy { outline: 3px solid rgb(9, 8, 7); }") as demo:
    gr.Markdown("# Shell views\nA *markdown* intro with a [link](https://example.com).", elem_id="custom-md")
    with gr.Row():
        with gr.Column(scale=2):
            name = gr.Textbox(label="Name", value="World", info="Who to greet", placeholder="type a name")
            times = gr.Number(label="Times", value=2, precision=0, minimum=0, maximum=10)
            amount = gr.Slider(0, 10, value=3, step=1, label="Amount")
            checked = gr.Checkbox(label="Check me")
            secret = gr.Textbox(label="Secret", type="password")
            gr.Textbox(label="Invisible box", visible=False)
            gr.Textbox(label="Bare box", container=False, show_label=False, elem_classes=["fancy"], elem_id="bare-box")
            notes = gr.Textbox(label="Notes", lines=3, buttons=["copy"])
            with gr.Row():
                greet_btn = gr.Button("Greet", variant="primary")
                stop_btn = gr.Button("Danger", variant="stop", size="sm")
                off_btn = gr.Button("Disabled", interactive=False)
        with gr.Column():
            out = gr.Textbox(label="Greeting")
            data = gr.JSON(value={"numbers": [1, 2, 3], "nested": {"ok": True, "none": None}}, label="Data")
            label = gr.Label(value={"cat": 0.7, "dog": 0.2, "bird": 0.1}, label="Prediction")
    with gr.Tabs() as tabs:
        with gr.Tab("Files", id="files"):
            files = gr.File(label="Upload files", file_count="multiple", file_types=["text", ".csv"])
            file_info = gr.Textbox(label="File info")
            make_text = gr.Textbox(label="File text", value="generated content")
            make_btn = gr.Button("Make file")
            made = gr.File(label="Made file")
        with gr.Tab("Html"):
            gr.HTML("<p class='hello'>Hello <b>HTML</b></p>")
            gr.HTML(
                "World",
                html_template="<span class='tpl'>Hi ${value}</span>",
                css_template=".tpl { color: rgb(1, 128, 2); }",
            )
        with gr.Tab("Updates"):
            shown = gr.State(True)
            target = gr.Textbox(label="Target box", value="editable")
            toggle_btn = gr.Button("Toggle")
            hidden_md = gr.Markdown("I can disappear", elem_id="hideable")
            goto_files = gr.Button("Go to files")
    with gr.Accordion("Advanced", open=False):
        gr.Textbox(label="Inside accordion", value="deep")

    greet_btn.click(greet, [name, times, amount, checked], out)
    files.upload(describe, files, file_info)
    make_btn.click(make_file, make_text, made)
    toggle_btn.click(toggle, shown, [hidden_md, target, shown])
    goto_files.click(lambda: gr.Tabs(selected="files"), None, tabs)

demo.launch()
