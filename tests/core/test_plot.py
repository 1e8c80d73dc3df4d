"""gr.Plot natively: each figure library's payload against what real Gradio 6.31 sent.

``tests/core/golden/plot_payloads.json`` is recorded by ``tools/record_plot_payloads.py``
under real gradio; the same figure code runs here through wasmui's ``Plot.postprocess``.
"""

from __future__ import annotations

import base64
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import wasmui as gr
from wasmui.exceptions import Error

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from record_plot_payloads import FIGURES  # noqa: E402

GOLDEN = json.loads((Path(__file__).parent / "golden" / "plot_payloads.json").read_text())["cases"]
LIBRARY = {"matplotlib": "matplotlib", "plotly": "plotly", "altair": "altair", "bokeh": "bokeh"}


def _ours(name: str) -> Any:
    kwargs, code = FIGURES[name]
    pytest.importorskip(LIBRARY[name.split("_")[0]])
    scope: dict[str, Any] = {}
    exec(code, scope)  # noqa: S102 - the recorded figure code
    with gr.Blocks():
        plot = gr.Plot(**kwargs)
    return plot.postprocess(scope["fig"])


def _image(data_url: str) -> tuple[str, tuple[int, int]]:
    from PIL import Image

    head, b64 = data_url.split(",", 1)
    with Image.open(io.BytesIO(base64.b64decode(b64))) as img:
        return head, img.size


def _strip_ids(node: Any) -> Any:
    """A Bokeh document without its per-run ids (``p1006``)."""
    if isinstance(node, dict):
        return {k: _strip_ids(v) for k, v in node.items() if k not in ("id", "root_id", "root_ids")}
    if isinstance(node, list):
        return [_strip_ids(v) for v in node]
    return node


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_payload_matches_gradio(name: str) -> None:
    want = GOLDEN[name]["payload"]
    got = _ours(name)
    assert sorted(got) == sorted(want) == ["plot", "type"]
    assert got["type"] == want["type"]
    json.dumps(got, allow_nan=False)
    if want["type"] == "matplotlib":
        # Same header (format), same pixel size; the bytes depend on the matplotlib build.
        assert _image(got["plot"]) == _image(want["plot"])
    elif want["type"] == "bokeh":
        assert _strip_ids(json.loads(got["plot"])) == _strip_ids(json.loads(want["plot"]))
    else:
        assert json.loads(got["plot"]) == json.loads(want["plot"])


def test_matplotlib_figure_is_closed_and_pixels_drawn() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from PIL import Image

    fig, ax = plt.subplots(figsize=(2, 2), dpi=20)
    ax.fill_between([0, 1], [0, 1], color="red")
    out = gr.Plot(format="png").postprocess(fig)
    assert not plt.fignum_exists(fig.number)  # Gradio closes a returned figure
    with Image.open(io.BytesIO(base64.b64decode(out["plot"].split(",", 1)[1]))) as img:
        colours = {c for _, c in img.convert("RGB").getcolors(10_000) or []}
    assert (255, 0, 0) in colours and len(colours) > 2
    # An Axes shows its figure.
    fig2, ax2 = plt.subplots(figsize=(1, 1), dpi=20)
    assert _image(gr.Plot(format="png").postprocess(ax2)["plot"]) == ("data:image/png;base64", (20, 20))


def test_unknown_values_and_payload_passthrough() -> None:
    plot = gr.Plot()
    assert plot.postprocess(None) is None
    ready = {"type": "plotly", "plot": '{"data": [], "layout": {}}'}
    assert plot.postprocess(ready) == ready
    assert plot.preprocess(ready) == ready and plot.preprocess(None) is None
    with pytest.raises(Error, match="cannot show"):
        plot.postprocess(object())
    with pytest.raises(Error, match="Plot expects"):
        plot.preprocess({"type": "svg", "plot": ""})


def test_config_and_api_info() -> None:
    with gr.Blocks() as demo:
        gr.Plot(label="Chart")
    entry = demo.config["components"][0]
    assert entry["type"] == "plot" and entry["props"]["format"] == "webp"
    try:
        from importlib.metadata import version

        expected: str | None = version("bokeh")
    except Exception:
        expected = None
    assert entry["props"].get("bokeh_version") == expected
    assert entry["api_info"]["title"] == "PlotData"
    assert gr.Plot.EVENTS == ["change"]
    assert gr.Interface(lambda: None, [], "plot").output_components[0].get_block_name() == "plot"


def test_import_stays_stdlib_only() -> None:
    import subprocess

    code = ("import sys, wasmui; gr = wasmui; gr.Plot(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'plotly', 'altair', 'bokeh', 'numpy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
