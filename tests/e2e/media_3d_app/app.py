"""Model3D and FileExplorer in the browser (no numpy)."""

from pathlib import Path

import gradio as gr
from gradio.media import get_model3d

SAMPLES = {"glb": "Duck.glb", "gltf": "Fox.gltf", "obj": "face.obj", "stl": "sofia.stl"}


def count_vertices(path: str | None) -> str:
    if path is None:
        return "none"
    lines = Path(path).read_text().splitlines()
    return f"{Path(path).suffix} vertices={sum(1 for line in lines if line.startswith('v '))}"


def read_picked(paths: list[str] | None) -> str:
    if not paths:
        return "nothing"
    root = Path("files").resolve()
    return "; ".join(f"{Path(p).relative_to(root).as_posix()}={Path(p).read_text().strip()}"
                     for p in sorted(paths) if Path(p).is_file())


with gr.Blocks() as demo:
    with gr.Tab("3D"):
        fmt = gr.Radio(list(SAMPLES), value="glb", label="Format")
        shown = gr.Model3D(get_model3d("Duck.glb"), label="Shown", clear_color=(0.95, 0.95, 0.95, 1.0), height=240)
        fmt.change(lambda f: get_model3d(SAMPLES[f]), fmt, shown)
        upload = gr.Model3D(label="Upload", interactive=True, height=240)
        counted = gr.Textbox(label="Counted")
        upload.upload(count_vertices, upload, counted)
        upload.clear(lambda: "cleared", None, counted)
    with gr.Tab("Files"):
        explorer = gr.FileExplorer(root_dir="files", glob="**/*.txt", label="Explorer")
        picked = gr.Textbox(label="Picked")
        changes = gr.Number(0, label="Changes")
        explorer.change(read_picked, explorer, picked)
        explorer.change(lambda n: n + 1, changes, changes)
        only_csv = gr.Button("Only csv")
        only_csv.click(lambda: gr.FileExplorer(glob="**/*.csv"), None, explorer)
        single = gr.FileExplorer(root_dir=".", file_count="single", ignore_glob="*.py", label="Single")
        single_out = gr.Textbox(label="Single picked")
        single.change(lambda p: p or "none", single, single_out)

if __name__ == "__main__":
    demo.launch()
