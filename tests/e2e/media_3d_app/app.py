"""Model3D and FileExplorer in the browser (no numpy)."""

import math
import struct
import tempfile
from pathlib import Path

import gradio as gr
from gradio.media import get_model3d

SAMPLES = {"glb": "Duck.glb", "gltf": "Fox.gltf", "obj": "face.obj", "stl": "sofia.stl"}


SPLAT_DIR = Path(tempfile.mkdtemp())


def write_splat(name: str) -> str:
    """Red splats around x=-1 and blue ones around x=+1 (y=z=0), in the 32-byte .splat layout."""
    rows = b""
    for x, rgb in ((-1.0, (255, 0, 0)), (1.0, (0, 0, 255))):
        for k, (dx, dy) in enumerate((a, b) for a in (-0.2, 0.0, 0.2) for b in (-0.2, 0.0, 0.2)):
            # Depths differ a little: gsplat's depth sort drops splats that tie exactly.
            z = 0.01 * k + (0.005 if x > 0 else 0.0)
            rows += struct.pack("<6f4B4B", x + dx, dy, z, 0.2, 0.2, 0.2, *rgb, 255, 255, 128, 128, 128)
    (SPLAT_DIR / name).write_bytes(rows)
    return str(SPLAT_DIR / name)


def write_splat_ply(name: str) -> str:
    """Green Gaussian splats around the origin as a binary .ply (log scales, logit opacity, SH colour)."""
    props = ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2",
             "rot_0", "rot_1", "rot_2", "rot_3"]
    points = [(dx, dy, 0.01 * k) for k, (dx, dy) in enumerate((a, b) for a in (-0.3, 0.0, 0.3) for b in (-0.3, 0.0, 0.3))]
    head = f"ply\nformat binary_little_endian 1.0\nelement vertex {len(points)}\n"
    head += "".join(f"property float {p}\n" for p in props) + "end_header\n"
    dc = [(c - 0.5) / 0.28209479 for c in (0.0, 0.8, 0.0)]
    body = b"".join(struct.pack("<14f", *p, *dc, 8.0, *[math.log(0.25)] * 3, 1, 0, 0, 0) for p in points)
    (SPLAT_DIR / name).write_bytes(head.encode() + body)
    return str(SPLAT_DIR / name)


def write_mesh_ply(name: str) -> str:
    """A plain triangle .ply (no splat properties): drawn by the mesh viewer."""
    text = ("ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
            "element face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n")
    (SPLAT_DIR / name).write_text(text)
    return str(SPLAT_DIR / name)


SPLATS = {
    "two colours": write_splat("two_colours.splat"),
    "corrupt": str(SPLAT_DIR / "corrupt.splat"),
    "splat ply": write_splat_ply("green.ply"),
    "mesh ply": write_mesh_ply("triangle.ply"),
}
(SPLAT_DIR / "corrupt.splat").write_bytes(b"not a splat file, 33 bytes long!!")


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
    with gr.Tab("Splats"):
        splat_pick = gr.Radio(list(SPLATS), value="two colours", label="Splat file")
        splat = gr.Model3D(SPLATS["two colours"], label="Splat", clear_color=(1.0, 1.0, 1.0, 1.0),
                           camera_position=(-90, 90, 5), height=240)
        splat_pick.change(lambda k: SPLATS[k], splat_pick, splat)
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
