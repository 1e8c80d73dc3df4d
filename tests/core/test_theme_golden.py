"""Theme CSS variables of wasmui, compared with real Gradio 6.31's ``theme._get_theme_css()``.

The golden file is produced by ``tools/make_theme_tables.py`` under a real gradio
install; every built-in theme and every recorded case is replayed on wasmui and its
light and dark variable maps must be equal, value for value.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import wasmui as gr
from wasmui import themes

GOLDEN = json.loads((Path(__file__).parent / "golden" / "themes.json").read_text())


def maps(css: str) -> dict[str, dict[str, str]]:
    out = {}
    for selector, key in ((":root {", "light"), (":root.dark, :root .dark {", "dark")):
        start = css.index(selector) + len(selector)
        body = css[start:css.index("\n}", start)]
        out[key] = dict(re.findall(r"^\s*--([\w-]+): (.*);$", body, re.M))
    return out


def check(theme: Any, want: dict[str, Any]) -> None:
    got = maps(theme._get_theme_css())
    light = want["light"]
    assert sorted(got["light"]) == sorted(light)
    wrong = {k: (got["light"][k], v) for k, v in light.items() if got["light"][k] != v}
    assert not wrong, f"light values differ (wasmui, gradio): {wrong}"
    assert sorted(got["dark"]) == want["dark_names"]
    dark_changes = {k: v for k, v in got["dark"].items() if got["light"].get(k) != v}
    assert dark_changes == want["dark_changes"]


@pytest.mark.parametrize("name", sorted(GOLDEN["themes"]))
def test_builtin_theme_variables_match_gradio(name: str) -> None:
    check(getattr(gr.themes, name)(), GOLDEN["themes"][name])


@pytest.mark.parametrize("name", sorted(GOLDEN["cases"]))
def test_theme_case_matches_gradio(name: str) -> None:
    case = GOLDEN["cases"][name]
    check(eval(case["expr"], {"gr": gr}), case)  # noqa: S307 - expressions from the golden file


def test_golden_file_is_from_the_emulated_release() -> None:
    assert GOLDEN["gradio_version"] == gr.GRADIO_VERSION


def test_google_fonts_are_never_fetched() -> None:
    theme = gr.themes.Default(font=[gr.themes.GoogleFont("Inconsolata"), "sans-serif"])
    assert theme._stylesheets == [] and "googleapis" not in theme._get_theme_css()
    assert theme.font == "'Inconsolata', sans-serif"


def test_theme_by_name_and_unknown_variables() -> None:
    assert themes.get_theme("soft").name == "soft"
    assert themes.get_theme("gradio/ocean").name == "ocean"
    assert themes.get_theme(None).name == "default"
    with pytest.warns(UserWarning, match="Hugging Face Hub"):
        assert themes.get_theme("someone/fancy").name == "default"
    with pytest.raises(TypeError, match="button_primery"):
        gr.themes.Base().set(button_primery_background_fill="red")


def test_blocks_config_carries_the_theme() -> None:
    with gr.Blocks(theme="soft", css=":root { --x: 1 }") as demo:
        gr.Button("go", variant="primary")
    config = demo.get_config()
    assert config["theme"] == "soft" and config["body_css"]["body_background_fill"] == "#f9fafb"
    assert len(config["theme_hash"]) == 64 and "--button-primary-background-fill" in demo.theme_css
    demo.launch(prevent_thread_lock=True, theme=gr.themes.Ocean().set(button_primary_background_fill="#abcdef"))
    assert demo.get_config()["theme"] == "ocean" and "--button-primary-background-fill: #abcdef;" in demo.theme_css


def test_dump_and_load_round_trip(tmp_path: Path) -> None:
    theme = gr.themes.Citrus().set(loader_color="#FF0000")
    theme.dump(str(tmp_path / "t.json"))
    loaded = gr.themes.Base.load(str(tmp_path / "t.json"))
    assert maps(loaded._get_theme_css()) == maps(theme._get_theme_css())
