"""preprocess / postprocess / api_info of each component."""

from __future__ import annotations

import pytest

import wasmui as gr
from wasmui.components import component_from_spec


def test_textbox_and_markdown() -> None:
    t = gr.Textbox()
    assert t.preprocess(None) is None and t.preprocess(5) == "5" and t.postprocess(3) == "3"
    assert gr.Markdown().postprocess("   # T\n   body") == "# T\nbody"
    assert gr.HTML().postprocess("<b>x</b>") == "<b>x</b>"


def test_number_precision_bounds_and_schema() -> None:
    assert gr.Number(precision=0).preprocess(2.6) == 3
    assert isinstance(gr.Number(precision=0).preprocess(2.6), int)
    assert gr.Number(precision=2).postprocess(1.23456) == 1.23
    assert gr.Number().preprocess(None) is None
    with pytest.raises(gr.Error, match="less than minimum"):
        gr.Number(minimum=1).preprocess(0)
    assert gr.Number(precision=0).api_info() == {"type": "integer"}


def test_slider_snaps_none_to_minimum_and_refuses_out_of_range() -> None:
    s = gr.Slider(2, 8)
    assert s.postprocess(None) == 2 and s.value == 2 and s.step == 0.01
    with pytest.raises(gr.Error):
        s.preprocess(9)
    assert all(0 <= gr.Slider(0, 10, randomize=True, step=1).value <= 10 for _ in range(50))


def test_checkbox_refuses_non_booleans() -> None:
    assert gr.Checkbox().preprocess(True) is True
    with pytest.raises(gr.Error):
        gr.Checkbox().preprocess("yes")


def test_json_accepts_strings_dicts_and_numpy_like() -> None:
    class ArrayLike:
        def tolist(self):
            return [1, 2]

    j = gr.JSON()
    assert j.postprocess('{"a": 1}') == {"a": 1}
    assert j.postprocess({"x": ArrayLike(), "t": (1, 2)}) == {"x": [1, 2], "t": [1, 2]}
    with pytest.raises(gr.Error, match="Invalid JSON"):
        j.postprocess("{nope")


def test_label_formats() -> None:
    lab = gr.Label(num_top_classes=2)
    out = lab.postprocess({"cat": 0.2, "dog": 0.7, "bird": 0.1})
    assert out == {"label": "dog", "confidences": [{"label": "dog", "confidence": 0.7}, {"label": "cat", "confidence": 0.2}]}
    assert lab.postprocess("cat") == {"label": "cat", "confidences": None}
    assert lab.preprocess(out) == {"dog": 0.7, "cat": 0.2}
    assert lab.postprocess(None) == {}


def test_file_filepath_binary_multiple_and_types(tmp_path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"abc")
    fd = {"path": str(p), "orig_name": "a.txt", "meta": {"_type": "gradio.FileData"}}
    assert gr.File().preprocess(fd) == str(p)
    assert gr.File(type="binary").preprocess(fd) == b"abc"
    assert gr.File(file_count="multiple").preprocess([fd, fd]) == [str(p), str(p)]
    with pytest.raises(gr.Error, match="Invalid file type"):
        gr.File(file_types=[".png"]).preprocess(fd)
    assert gr.File(file_types=["text"]).preprocess(fd) == str(p)
    out = gr.File().postprocess(str(p))
    assert out["size"] == 3 and out["orig_name"] == "a.txt" and out["meta"] == {"_type": "gradio.FileData"}
    with pytest.raises(gr.Error, match="not found"):
        gr.File().postprocess(str(tmp_path / "missing.txt"))
    with pytest.raises(ValueError):
        gr.File(type="file")


def test_file_paths_also_have_name_as_in_gradio(tmp_path) -> None:
    """Gradio hands File/UploadButton functions a ``NamedString``: Gradio 3 code reading ``f.name``
    (the zip_files demo) keeps working."""
    p = tmp_path / "a.txt"
    p.write_bytes(b"abc")
    fd = {"path": str(p), "orig_name": "a.txt", "meta": {"_type": "gradio.FileData"}}
    for got in (gr.File().preprocess(fd), *gr.File(file_count="multiple").preprocess([fd]),
                gr.UploadButton().preprocess(fd), *gr.UploadButton(file_count="multiple").preprocess([fd])):
        assert got == str(p) and got.name == str(p)
    assert gr.utils.NamedString("x").name == "x"


def test_state_deep_copies_initial_value_per_session() -> None:
    s = gr.State({"a": []})
    one, two = s.initial_value(), s.initial_value()
    one["a"].append(1)
    assert two == {"a": []}


@pytest.mark.parametrize("spec,cls,attrs", [
    ("text", gr.Textbox, {}), ("textbox", gr.Textbox, {}), ("textarea", gr.Textbox, {"lines": 7}),
    ("number", gr.Number, {}), ("checkbox", gr.Checkbox, {}), ("slider", gr.Slider, {}), ("json", gr.JSON, {}),
    ("label", gr.Label, {}), ("file", gr.File, {}), ("files", gr.File, {"file_count": "multiple"}),
    ("markdown", gr.Markdown, {}), ("html", gr.HTML, {}), ("state", gr.State, {}),
    ("numpy", gr.Numpy, {"type": "numpy"}), ("matrix", gr.Matrix, {"type": "array"}),
    ("list", gr.List, {"type": "array"}), ("playable_video", gr.PlayableVideo, {"format": "mp4"}),
    ("mic", gr.Microphone, {"sources": ["microphone"], "format": "wav"}),
    ("microphone", gr.Microphone, {"sources": ["microphone"]}),
])
def test_string_shortcuts(spec, cls, attrs) -> None:
    comp = component_from_spec(spec)
    assert isinstance(comp, cls)
    for k, v in attrs.items():
        assert getattr(comp, k) == v


def test_unknown_shortcut_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="No component named"):
        component_from_spec("nonsense")


def test_color_picker_passes_hex_strings_and_refuses_structures(run) -> None:
    from wasmui.processing import Completed

    with gr.Blocks() as demo:
        picker = gr.ColorPicker("#ff0000", label="Colour")
        out = gr.Textbox()
        picker.change(lambda c: c.upper(), picker, out)
    assert picker.value == "#ff0000" and picker.postprocess(None) is None
    with pytest.raises(gr.Error, match="colour string"):
        run(demo, 0, [{"r": 255}])
    done = [e for e in run(demo, 0, ["#00ff7f"]) if isinstance(e, Completed)][0]
    assert done.data == ["#00FF7F"]
    assert set(gr.ColorPicker.EVENTS) == {"change", "input", "release", "submit", "focus", "blur"}
