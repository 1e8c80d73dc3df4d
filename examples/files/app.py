"""File upload and download: upload a text file, get statistics and a processed copy."""

import os
import tempfile

import gradio as gr


def process(path: str | None, upper: bool):
    if path is None:
        raise gr.Error("Upload a file first.")
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8", errors="replace")
    out_text = text.upper() if upper else text[::-1]
    out_dir = tempfile.mkdtemp()
    name = os.path.splitext(os.path.basename(path))[0] + (".upper.txt" if upper else ".reversed.txt")
    out_path = os.path.join(out_dir, name)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(out_text)
    info = {"name": os.path.basename(path), "bytes": len(data), "lines": len(text.splitlines())}
    return info, out_path


with gr.Blocks(title="Files") as demo:
    gr.Markdown("# Files\nUpload a text file; download a processed copy.")
    with gr.Row():
        with gr.Column():
            upload = gr.File(label="Text file", file_types=[".txt", ".md", ".csv"], type="filepath")
            upper = gr.Checkbox(label="Upper-case (otherwise reversed)", value=True)
            go = gr.Button("Process", variant="primary")
        with gr.Column():
            info = gr.JSON(label="Info")
            result = gr.File(label="Processed file")
    go.click(process, [upload, upper], [info, result], api_name="process")

if __name__ == "__main__":
    demo.launch()
