"""gr.Image / gr.Gallery through the official ``gradio_client`` against ``wasmui serve --native``."""

from __future__ import annotations

from pathlib import Path

import pytest
from native_server import REPO, native_server

pytest.importorskip("gradio_client")
np = pytest.importorskip("numpy")
PIL_Image = pytest.importorskip("PIL.Image")
from gradio_client import Client, handle_file  # noqa: E402
from gradio_client.exceptions import AppError  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with native_server(REPO / "tests" / "apps" / "image_app.py") as url:
        yield Client(url + "/", verbose=False)


def write_png(path: Path, arr) -> str:
    PIL_Image.fromarray(arr).save(path)
    return str(path)


def test_sepia_pixels_round_trip(client: Client, tmp_path: Path) -> None:
    arr = np.zeros((4, 5, 3), np.uint8)
    arr[..., 0] = 255  # pure red
    arr[0, 0] = (255, 255, 255)
    result = client.predict(handle_file(write_png(tmp_path / "in.png", arr)), api_name="/sepia")
    with PIL_Image.open(result) as im:
        got = np.array(im)
    assert got.shape == (4, 5, 3)
    # white → the largest value (1.0 → 255); red → the red column of the filter, scaled the same way.
    assert got[0, 0].tolist() == [255, 227, 177]
    white = np.array([255, 255, 255]) @ np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168],
                                                  [0.272, 0.534, 0.131]]).T
    expected = np.rint(np.array([255, 0, 0]) @ np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168],
                                                        [0.272, 0.534, 0.131]]).T / white.max() * 255)
    assert got[2, 3].tolist() == expected.astype(int).tolist()


def test_pil_input_and_corrupt_file_then_next_call_works(client: Client, tmp_path: Path) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    with pytest.raises(AppError, match="Could not read 'bad.png' as an image"):
        client.predict(handle_file(str(bad)), api_name="/size")
    rgba = np.zeros((3, 7, 4), np.uint8)
    assert client.predict(handle_file(write_png(tmp_path / "ok.png", rgba)), api_name="/size") == "7x3 RGB"


def test_gallery_out_and_in(client: Client) -> None:
    result = client.predict(3, api_name="/tiles")
    assert [item["caption"] for item in result] == ["tile 0", "tile 1", "tile 2"]
    with PIL_Image.open(result[2]["image"]) as im:
        assert np.array(im)[0, 0].tolist() == [80, 80, 80]
    items = [{"image": handle_file(r["image"]), "caption": r["caption"]} for r in result]
    assert client.predict(items, api_name="/captions") == "tile 0:webp, tile 1:webp, tile 2:webp"
