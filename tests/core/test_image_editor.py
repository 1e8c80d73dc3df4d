"""gr.ImageEditor and its templates natively: EditorData in, EditorValue out and back,
option classes, bad input. Expected values are real Gradio 6.31's (checked against it)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")

import wasmui as gr  # noqa: E402
from wasmui.components.image_editor import EditorValue  # noqa: E402
from wasmui.exceptions import Error  # noqa: E402


def upload(tmp_path: Path, im: Any, name: str) -> dict[str, Any]:
    """A FileData payload as the editor's page sends it after ``/upload``."""
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    path = tmp_path / name
    path.write_bytes(buf.getvalue())
    return {"path": str(path), "url": None, "orig_name": name, "size": path.stat().st_size, "mime_type": "image/png",
            "is_stream": False, "meta": {"_type": "gradio.FileData"}}


def payload(tmp_path: Path) -> dict[str, Any]:
    """A transparent 4x3 background, one layer with a red pixel at (1, 1), their composite on white."""
    layer = PIL_Image.new("RGBA", (4, 3), (0, 0, 0, 0))
    layer.putpixel((1, 1), (255, 0, 0, 255))
    comp = PIL_Image.new("RGBA", (4, 3), (255, 255, 255, 255))
    comp.putpixel((1, 1), (255, 0, 0, 255))
    return {"background": upload(tmp_path, PIL_Image.new("RGBA", (4, 3), (0, 0, 0, 0)), "background.png"),
            "layers": [upload(tmp_path, layer, "layer_0.png")],
            "composite": upload(tmp_path, comp, "composite.png"), "id": None}


def make(cls: type[gr.ImageEditor] = gr.ImageEditor, **kw: Any) -> Any:
    with gr.Blocks():
        return cls(**kw)


def test_numpy_rgba_keeps_transparency(tmp_path: Path) -> None:
    v = make().preprocess(payload(tmp_path))
    assert set(v) == {"background", "layers", "composite"}
    assert v["background"].shape == (3, 4, 4) and v["background"][0, 0].tolist() == [0, 0, 0, 0]
    assert len(v["layers"]) == 1 and v["layers"][0][1, 1].tolist() == [255, 0, 0, 255]
    assert v["composite"][1, 1].tolist() == [255, 0, 0, 255] and v["composite"][0, 0].tolist() == [255, 255, 255, 255]


def test_rgb_flattens_background_and_composite_on_white_but_not_layers(tmp_path: Path) -> None:
    v = make(image_mode="RGB").preprocess(payload(tmp_path))
    assert v["background"][0, 0].tolist() == [255, 255, 255]
    assert v["layers"][0][0, 0].tolist() == [0, 0, 0] and v["layers"][0][1, 1].tolist() == [255, 0, 0]


def test_pil_and_filepath_types(tmp_path: Path) -> None:
    v = make(type="pil", image_mode="L").preprocess(payload(tmp_path))
    assert v["composite"].mode == "L" and v["composite"].size == (4, 3)
    paths = make(type="filepath").preprocess(payload(tmp_path))
    assert Path(paths["composite"]).name == "composite.png" and Path(paths["layers"][0]).name == "layer_0.png"
    assert PIL_Image.open(paths["composite"]).getpixel((1, 1)) == (255, 0, 0, 255)


def test_empty_and_id_only_payloads() -> None:
    ed = make()
    assert ed.preprocess(None) is None
    empty: EditorValue = {"background": None, "layers": [], "composite": None}
    assert ed.preprocess({"background": None, "layers": [], "composite": None}) == empty
    # Gradio's page may send only an accept_blobs id; with nothing cached, Gradio decodes empty images too.
    assert ed.preprocess({"id": "abc"}) == empty


def test_a_corrupt_file_is_a_readable_error(tmp_path: Path) -> None:
    bad = tmp_path / "composite.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not an image")
    item = {"path": str(bad), "orig_name": "composite.png", "meta": {"_type": "gradio.FileData"}}
    with pytest.raises(Error, match="Could not read 'composite.png' as an image"):
        make().preprocess({"background": None, "layers": [], "composite": item})
    with pytest.raises(Error, match="a dict with 'background'"):
        make().preprocess("composite.png")


def test_postprocess_dict_single_image_and_bad_values(tmp_path: Path) -> None:
    ed = make(format="png")
    out = ed.postprocess({"background": np.zeros((2, 3, 3), np.uint8), "layers": [PIL_Image.new("RGBA", (3, 2))],
                          "composite": None})
    assert out is not None and out["id"] is None and out["composite"] is None
    assert out["background"]["path"].endswith(".png") and out["background"]["meta"] == {"_type": "gradio.FileData"}
    assert len(out["layers"]) == 1
    single = ed.postprocess(np.full((2, 2, 3), 9, np.uint8))
    assert single is not None and single["background"]["path"] == single["composite"]["path"] and single["layers"] == []
    assert ed.postprocess(None) is None
    with pytest.raises(Error, match="dictionary of images or a single image"):
        ed.postprocess(42)


def test_option_classes_and_templates() -> None:
    assert gr.Brush().colors[0] == "rgb(204, 50, 50)" and gr.Brush().default_color == "rgb(204, 50, 50)"
    assert gr.Brush(colors="#123456").default_color == "#123456"
    assert gr.LayerOptions(layers=[]).layers == ["Layer 1"]
    sketch = make(gr.Sketchpad)
    assert sketch.sources == [] and sketch.brush == gr.Brush(colors=["#000000"], color_mode="fixed")
    assert make(gr.ImageMask).layers.disabled and make(gr.Paint).brush == gr.Brush()
    assert make(gr.ImageEditor, layers=False, brush=False).brush is False
    assert {gr.Sketchpad.get_block_name(), gr.Paint.get_block_name(), gr.ImageMask.get_block_name()} == {"imageeditor"}
    assert make().required_packages() == {"pillow", "numpy"} and make(type="pil").required_packages() == {"pillow"}
    with pytest.raises(ValueError, match="sources"):
        make(sources=["camera"])


def test_interface_shortcut_names() -> None:
    demo = gr.Interface(lambda x: x, "sketchpad", "imageeditor")
    types = [c["type"] for c in demo.get_config()["components"]]
    assert types.count("imageeditor") == 2


def test_a_missing_file_in_the_constructor_or_an_example_is_left_empty(tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match="image file not found: .*cheetah.jpg"):
        ed = make(value=str(tmp_path / "cheetah.jpg"))
    assert ed.value == {"background": None, "layers": [], "composite": None, "id": None}
    with pytest.warns(UserWarning):
        assert ed.process_example({"background": str(tmp_path / "x.png"), "layers": [], "composite": None})["background"] is None
    with pytest.raises(Error, match="Image file not found"):  # a function's return value is strict
        ed.postprocess(str(tmp_path / "cheetah.jpg"))


def png_bytes(im: Any) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return buf.getvalue()


def test_gradio_blob_protocol_through_component_server() -> None:
    """Gradio's page: each image to ``accept_blobs`` (multipart, through ``/component_server``),
    then a value holding only their id; the function gets the images, once."""
    from wasmui.testing import TestClient, encode_multipart

    with gr.Blocks() as demo:
        ed = gr.ImageEditor(label="Editor")
        out = gr.JSON()
        ed.change(lambda v: {"background": list(v["background"].shape) if v["background"] is not None else None,
                             "layers": [layer[1, 1].tolist() for layer in v["layers"]],
                             "composite": v["composite"][1, 1].tolist() if v["composite"] is not None else None},
                  ed, out, api_name="describe")
    assert demo.get_config()["components"][0]["props"]["server_fns"] == ["accept_blobs"]
    layer = PIL_Image.new("RGBA", (4, 3), (0, 0, 0, 0))
    layer.putpixel((1, 1), (255, 0, 0, 255))
    comp = PIL_Image.new("RGBA", (4, 3), (255, 255, 255, 255))
    comp.putpixel((1, 1), (255, 0, 0, 255))
    blobs = [("background", "null", PIL_Image.new("RGBA", (4, 3), (0, 0, 0, 0))), ("composite", "null", comp),
             ("layer", "1", layer)]  # layer 0 never sent: left out, as Gradio does

    def send(kind: str, index: str, image: bytes, blob_id: str = "abc") -> Any:
        # What @gradio/client's component_server(id, "accept_blobs", {binary: true, data: {...}}) posts.
        body, ctype = encode_multipart({"file": (f"{kind}.png", image, "image/png")},
                                       {"id": blob_id, "type": kind, "index": index, "component_id": str(ed._id),
                                        "fn_name": "accept_blobs", "session_hash": "s1"})
        return c.post("/gradio_api/component_server/", data=body, headers={"content-type": ctype})

    with TestClient(demo.app) as c:
        for kind, index, im in blobs:
            r = send(kind, index, png_bytes(im))
            assert r.status_code == 200 and r.json() is None, r.text
        r = c.post("/gradio_api/run/describe", json={"data": [{"background": None, "layers": [], "composite": None,
                                                                "id": "abc"}], "session_hash": "s1"})
        assert r.json()["data"] == [{"background": [3, 4, 4], "layers": [[255, 0, 0, 255]],
                                     "composite": [255, 0, 0, 255]}]
        # Read once: the same id again has nothing stored (Gradio's empty value).
        r = c.post("/gradio_api/run/describe", json={"data": [{"id": "abc"}], "session_hash": "s1"})
        assert r.json()["data"] == [{"background": None, "layers": [], "composite": None}]
        # Bad blobs: readable errors, and the next blob works.
        r = send("sticker", "null", png_bytes(comp))
        assert r.status_code == 500 and "unknown image type 'sticker'" in r.json()["detail"]
        r = send("layer", "null", png_bytes(comp))
        assert r.status_code == 500 and "a layer needs an index" in r.json()["detail"]
        assert send("composite", "null", b"\x89PNG\r\n\x1a\n not an image", "bad").status_code == 200
        r = c.post("/gradio_api/run/describe", json={"data": [{"id": "bad"}], "session_hash": "s1"})
        assert r.status_code == 500 and r.json()["error"] == (
            "Could not read 'composite.png' as an image: the file is corrupt or not an image format Pillow understands.")
        assert send("composite", "null", png_bytes(comp), "good").status_code == 200
        r = c.post("/gradio_api/run/describe", json={"data": [{"id": "good"}], "session_hash": "s1"})
        assert r.json()["data"][0]["composite"] == [255, 0, 0, 255]
