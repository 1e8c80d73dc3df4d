"""``gr.I18n`` on the wire: the markers and tables real Gradio 6.31 puts in the config
(recorded by hand from gradio 6.31.0: a Textbox label, a Button value, Radio choices)."""

from __future__ import annotations

import json

import pytest

import wasmui as gr

MARK = {"__type__": "translation_metadata", "key": "greet"}


def test_config_carries_gradio_markers_and_the_tables() -> None:
    i18n = gr.I18n(en={"greet": "Hello", "btn": "Go"}, fr={"greet": "Bonjour", "btn": "Aller"})
    with gr.Blocks() as demo:
        gr.Textbox(label=i18n("greet"), placeholder=i18n("btn"))
        gr.Button(i18n("btn"))
        gr.Radio(choices=[(i18n("greet"), "a"), ("x", "b")], label="r")
    demo.launch(i18n=i18n, prevent_thread_lock=True)
    config = demo.get_config()
    props = {c["type"]: c["props"] for c in config["components"]}
    assert props["textbox"]["label"] == MARK
    assert props["textbox"]["placeholder"] == {"__type__": "translation_metadata", "key": "btn"}
    assert props["button"]["value"] == '__i18n__{"__type__": "translation_metadata", "key": "btn"}'
    # Gradio writes the marker dict inside Radio choices; wasmui the marker string (the page translates both)
    assert props["radio"]["choices"][0][0] == "__i18n__" + json.dumps(MARK)
    assert config["i18n_translations"] == {"en": {"greet": "Hello", "btn": "Go"}, "fr": {"greet": "Bonjour", "btn": "Aller"}}


def test_i18n_data_is_a_string_marker_with_its_key() -> None:
    data = gr.I18n(en={"greet": "Hello"})("greet")
    assert data == "__i18n__" + json.dumps(MARK) and data.key == "greet" and data.to_dict() == MARK
    assert gr.I18n(en={"greet": "Hello"}).default_text("greet") == "Hello"
    with pytest.raises(ValueError, match="locale"):
        gr.I18n(**{"not a locale": {}})
