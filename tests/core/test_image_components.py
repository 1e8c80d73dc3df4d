"""gr.Image / gr.Gallery values natively: decoding uploads, encoding outputs, bad input.

numpy and Pillow are real here (the ``test`` extra installs them); expected
behaviour is Gradio 6.31's (``gradio/image_utils.py``, ``components/gallery.py``).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")

import wasmui as gr  # noqa: E402
from wasmui import imaging  # noqa: E402
from wasmui.exceptions import Error  # noqa: E402


def png_bytes(arr: Any, fmt: str = "PNG", **kw: Any) -> bytes:
    buf = io.BytesIO()
    PIL_Image.fromarray(arr).save(buf, format=fmt, **kw)
    return buf.getvalue()


def upload(tmp_path: Path, data: bytes, name: str) -> dict[str, Any]:
    """A FileData payload as the view sends it after ``/upload``."""
    path = tmp_path / "up" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return {"path": str(path), "url": f"http://x/gradio_api/file={path}", "orig_name": name, "size": len(data),
            "mime_type": None, "is_stream": False, "meta": {"_type": "gradio.FileData"}}


RGBA = np.zeros((4, 6, 4), np.uint8)
RGBA[..., 0] = 200
RGBA[..., 3] = 255
RGBA[0, 0] = (10, 20, 30, 128)


# -- to_uint8 ------------------------------------------------------------------------
def test_float_images_scale_from_unit_range() -> None:
    out = imaging.to_uint8(np.array([[0.0, 0.5, 1.0, -0.5]]))
    assert out.dtype == np.uint8 and out.tolist() == [[0, 128, 255, 0]]


def test_float_images_outside_range_are_refused() -> None:
    with pytest.raises(Error, match="between -1 and 1"):
        imaging.to_uint8(np.array([[0.0, 2.0]]))


def test_integer_and_bool_arrays() -> None:
    assert imaging.to_uint8(np.array([[True, False]])).tolist() == [[255, 0]]
    assert imaging.to_uint8(np.array([[65535, 256]], np.uint16)).tolist() == [[255, 1]]
    assert imaging.to_uint8(np.array([[32767, -5]], np.int16)).tolist() == [[255, 0]]
    assert imaging.to_uint8(np.array([[7]], np.uint8)).tolist() == [[7]]
    # uint8 * int64 gives int64 values that already fit: kept as they are (gallery_selections demo).
    solid = np.ones((2, 2, 3), np.uint8) * np.array([27, 190, 157])
    assert solid.dtype == np.int64 and imaging.to_uint8(solid)[0, 0].tolist() == [27, 190, 157]
    assert imaging.to_uint8(np.array([[300, -4]], np.int32)).tolist() == [[0, 0]]


# -- preprocess -------------------------------------------------------------------------
def test_numpy_type_converts_to_rgb(tmp_path: Path) -> None:
    value = gr.Image().preprocess(upload(tmp_path, png_bytes(RGBA), "a.png"))
    assert value.shape == (4, 6, 3) and value.dtype == np.uint8
    assert value[0, 0].tolist() == [10, 20, 30] and value[1, 1].tolist() == [200, 0, 0]


def test_image_mode_none_keeps_the_file_mode(tmp_path: Path) -> None:
    value = gr.Image(image_mode=None).preprocess(upload(tmp_path, png_bytes(RGBA), "a.png"))
    assert value.shape == (4, 6, 4) and value[0, 0].tolist() == [10, 20, 30, 128]


def test_grayscale_mode(tmp_path: Path) -> None:
    value = gr.Image(image_mode="L").preprocess(upload(tmp_path, png_bytes(RGBA[..., :3].copy()), "a.png"))
    assert value.shape == (4, 6)


def test_pil_type(tmp_path: Path) -> None:
    value = gr.Image(type="pil").preprocess(upload(tmp_path, png_bytes(RGBA), "a.png"))
    assert isinstance(value, PIL_Image.Image) and value.mode == "RGB" and value.size == (6, 4)


def test_filepath_keeps_the_upload_when_mode_matches(tmp_path: Path) -> None:
    payload = upload(tmp_path, png_bytes(RGBA[..., :3].copy()), "photo.png")
    assert gr.Image(type="filepath").preprocess(payload) == payload["path"]


def test_filepath_converts_and_saves_under_the_original_name(tmp_path: Path) -> None:
    payload = upload(tmp_path, png_bytes(RGBA), "photo.png")
    out = gr.Image(type="filepath").preprocess(payload)
    assert out != payload["path"] and Path(out).name == "photo.png"
    with PIL_Image.open(out) as im:
        assert im.mode == "RGB" and im.getpixel((0, 0)) == (10, 20, 30)


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    arr = np.zeros((2, 4, 3), np.uint8)  # 4 wide, 2 high
    exif = PIL_Image.Exif()
    exif[274] = 6  # rotate 90° clockwise when displayed
    data = png_bytes(arr, "JPEG", exif=exif.tobytes())
    value = gr.Image().preprocess(upload(tmp_path, data, "cam.jpg"))
    assert value.shape == (4, 2, 3)


def test_data_url_payload_is_decoded() -> None:
    import base64

    url = "data:image/png;base64," + base64.b64encode(png_bytes(RGBA)).decode()
    value = gr.Image().preprocess({"path": None, "url": url, "meta": {"_type": "gradio.FileData"}})
    assert value.shape == (4, 6, 3)


def test_svg_is_a_path_for_filepath_and_refused_otherwise(tmp_path: Path) -> None:
    payload = upload(tmp_path, b'<svg xmlns="http://www.w3.org/2000/svg"/>', "x.svg")
    assert gr.Image(type="filepath").preprocess(payload) == payload["path"]
    with pytest.raises(Error, match="SVG files are not supported"):
        gr.Image().preprocess(payload)


@pytest.mark.parametrize("data,name", [(b"\x89PNG\r\n\x1a\nnot really", "broken.png"), (b"hello", "notes.txt"),
                                       (b"", "empty.jpg")])
def test_corrupt_or_wrong_files_give_a_readable_error(tmp_path: Path, data: bytes, name: str) -> None:
    with pytest.raises(Error, match=f"Could not read '{name}' as an image"):
        gr.Image().preprocess(upload(tmp_path, data, name))


def test_truncated_image_is_refused(tmp_path: Path) -> None:
    data = png_bytes(np.full((64, 64, 3), 7, np.uint8), "JPEG")
    with pytest.raises(Error, match="corrupt"):
        gr.Image().preprocess(upload(tmp_path, data[: len(data) // 2], "half.jpg"))


def test_decompression_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PIL_Image, "MAX_IMAGE_PIXELS", 10)
    with pytest.raises(Error, match="too large"):
        gr.Image().preprocess(upload(tmp_path, png_bytes(np.zeros((20, 20, 3), np.uint8)), "big.png"))


# -- postprocess ------------------------------------------------------------------------
def decode(payload: dict[str, Any]) -> Any:
    with PIL_Image.open(payload["path"]) as im:
        return np.array(im)


def test_numpy_output_is_written_in_the_format() -> None:
    arr = np.zeros((3, 5, 3), np.float64)
    arr[..., 1] = 1.0
    out = gr.Image(format="png").postprocess(arr)
    assert out["orig_name"] == "image.png" and out["meta"] == {"_type": "gradio.FileData"}
    pixels = decode(out)
    assert pixels.shape == (3, 5, 3) and pixels[2, 4].tolist() == [0, 255, 0]


def test_default_format_is_webp() -> None:
    out = gr.Image().postprocess(np.zeros((3, 3, 3), np.uint8))
    assert out["path"].endswith("image.webp")
    with PIL_Image.open(out["path"]) as im:
        assert im.format == "WEBP"


def test_pil_and_path_outputs(tmp_path: Path) -> None:
    pil = PIL_Image.fromarray(RGBA)
    out = gr.Image(format="png").postprocess(pil)
    assert decode(out)[0, 0].tolist() == [10, 20, 30, 128]
    src = tmp_path / "pic.png"
    src.write_bytes(png_bytes(RGBA))
    for value in (str(src), src):
        out = gr.Image().postprocess(value)
        assert out["path"] == str(src) and out["orig_name"] == "pic.png"


def test_url_output_passes_through() -> None:
    out = gr.Image().postprocess("https://example.com/a.png")
    assert out["path"] == "https://example.com/a.png" and out["orig_name"] is None


def test_svg_output_is_inlined_as_a_data_url(tmp_path: Path) -> None:
    src = tmp_path / "logo.svg"
    src.write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>')
    out = gr.Image().postprocess(str(src))
    assert out["path"] is None and out["url"].startswith("data:image/svg+xml,%3Csvg")


def test_unsupported_format_falls_back_to_png() -> None:
    out = gr.Image(format="nope").postprocess(np.zeros((2, 2, 3), np.uint8))
    assert out["path"].endswith("image.png")


def test_wrong_output_type_is_a_readable_error() -> None:
    with pytest.raises(Error, match="Cannot process this value as an Image"):
        gr.Image().postprocess(42)
    with pytest.raises(Error, match="Cannot display an array of shape"):
        gr.Image().postprocess(np.zeros((2, 2, 7), np.uint8))


def test_watermark_is_pasted_in_the_corner() -> None:
    mark = np.full((2, 2, 3), 255, np.uint8)
    base = np.zeros((20, 30, 3), np.uint8)
    img = gr.Image(format="png", watermark=gr.WatermarkOptions(mark, position="top-left"))
    pixels = decode(img.postprocess(base))
    assert pixels[10, 10].tolist() == [255, 255, 255] and pixels[12, 12].tolist() == [0, 0, 0]
    corner = decode(gr.Image(format="png", watermark=mark).postprocess(base))
    assert corner[20 - 11, 30 - 11].tolist() == [255, 255, 255]


def test_watermark_options_validate() -> None:
    with pytest.raises(ValueError, match="String position"):
        gr.WatermarkOptions(position="middle")
    with pytest.raises(ValueError, match="Watermark must be"):
        gr.WatermarkOptions(watermark=3)


def test_constructor_validation() -> None:
    with pytest.raises(ValueError, match="Invalid value for parameter `type`"):
        gr.Image(type="bytes")
    with pytest.raises(ValueError, match="sources"):
        gr.Image(sources=["microphone"])
    with pytest.raises(ValueError, match="streaming only available"):
        gr.Image(streaming=True, sources=["upload", "webcam"])
    assert gr.Image(sources="webcam").sources == ["webcam"]


def test_image_shortcut_string() -> None:
    demo = gr.Interface(lambda x: x, "image", "image")
    types = [c["type"] for c in demo.config["components"]]
    assert types.count("image") == 2


# -- Gallery ------------------------------------------------------------------------------
def test_gallery_postprocess_paths_captions_and_arrays(tmp_path: Path) -> None:
    src = tmp_path / "cat.png"
    src.write_bytes(png_bytes(RGBA))
    out = gr.Gallery().postprocess([str(src), (src, "a cat"), (np.zeros((2, 2, 3), np.uint8), "zeros"),
                                    "https://example.com/v.mp4"])
    assert out[0] == {"image": {"path": str(src), "url": None, "size": None, "orig_name": "cat.png",
                                "mime_type": "image/png", "is_stream": False,
                                "meta": {"_type": "gradio.FileData"}}, "caption": None}
    assert out[1]["caption"] == "a cat"
    assert out[2]["image"]["path"].endswith(".webp") and out[2]["caption"] == "zeros"
    assert out[3]["video"]["url"] == "https://example.com/v.mp4" and out[3]["video"]["mime_type"] == "video/mp4"
    assert gr.Gallery().postprocess(None) == []


def test_gallery_preprocess_types(tmp_path: Path) -> None:
    item = {"image": upload(tmp_path, png_bytes(RGBA), "a.png"), "caption": "cap"}
    video = {"video": upload(tmp_path, b"\x00" * 10, "v.mp4"), "caption": None}
    assert gr.Gallery().preprocess([item, video]) == [(item["image"]["path"], "cap"), (video["video"]["path"], None)]
    arr, cap = gr.Gallery(type="numpy").preprocess([item])[0]
    assert arr.shape == (4, 6, 4) and cap == "cap"
    pil, _ = gr.Gallery(type="pil").preprocess([item])[0]
    assert isinstance(pil, PIL_Image.Image)
    assert gr.Gallery().preprocess([]) is None and gr.Gallery().preprocess(None) is None


def test_gallery_file_types_and_bad_items(tmp_path: Path) -> None:
    item = {"image": upload(tmp_path, b"text", "a.txt"), "caption": None}
    with pytest.raises(Error, match="Invalid file type"):
        gr.Gallery(file_types=["image"]).preprocess([item])
    with pytest.raises(Error, match="Could not read 'a.txt' as an image"):
        gr.Gallery(type="numpy").preprocess([item])
    with pytest.raises(Error, match="must be a list"):
        gr.Gallery().postprocess("one.png")
    with pytest.raises(Error, match="Cannot process type"):
        gr.Gallery().postprocess([3])


# -- AnnotatedImage / ImageSlider -------------------------------------------------------
def test_annotated_image_boxes_and_masks() -> None:
    base = np.zeros((20, 30, 3), np.uint8)
    mask = np.zeros((20, 30))
    mask[15:, :] = 0.5
    comp = gr.AnnotatedImage(color_map={"car": "#00ff00"})
    out = comp.postprocess((base, [((2, 3, 12, 13), "car"), (mask, "road")]))
    assert [a["label"] for a in out["annotations"]] == ["car", "road"]
    box = decode(out["annotations"][0]["image"])
    assert box.shape == (20, 30, 4)
    assert box[3, 2].tolist() == [0, 255, 0, 255]        # border: solid
    assert box[8, 7].tolist() == [0, 255, 0, 127]        # inside: half alpha
    assert box[0, 0].tolist() == [0, 0, 0, 0]            # outside: transparent
    road = decode(out["annotations"][1]["image"])
    assert road[16, 5].tolist() == [255, 0, 0, 127] and road[5, 5, 3] == 0
    base_path, anns = comp.preprocess(out)
    assert base_path == out["image"]["path"] and anns[1] == (out["annotations"][1]["image"]["path"], "road")


def test_annotated_image_bad_values() -> None:
    with pytest.raises(Error, match="mask array or a box"):
        gr.AnnotatedImage().postprocess((np.zeros((4, 4, 3), np.uint8), [("oops", "x")]))
    with pytest.raises(Error, match="does not match the image"):
        gr.AnnotatedImage().postprocess((np.zeros((4, 4, 3), np.uint8), [(np.zeros((2, 2)), "x")]))
    assert gr.AnnotatedImage().postprocess(None) is None


def test_image_slider_pairs(tmp_path: Path) -> None:
    comp = gr.ImageSlider(format="png")
    out = comp.postprocess((np.zeros((2, 3, 3), np.uint8), None))
    assert out[1] is None and decode(out[0]).shape == (2, 3, 3)
    a = upload(tmp_path, png_bytes(RGBA), "a.png")
    left, right = comp.preprocess([a, a])
    assert left.shape == (4, 6, 3) and right.shape == (4, 6, 3)
    with pytest.raises(Error, match="pair"):
        comp.postprocess(np.zeros((2, 2, 3), np.uint8))
