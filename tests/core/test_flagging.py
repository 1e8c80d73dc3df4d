"""Flagging as Gradio 6.31 does it: Interface flag buttons, the three CSV loggers, files
copied next to the CSV, the zip download route, unknown file paths refused."""

from __future__ import annotations

import csv
import json
import io
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

import wasmui as gr
from wasmui.files import file_data
from wasmui.testing import TestClient


def _dep(cfg: dict[str, Any], name: str) -> dict[str, Any]:
    return next(d for d in cfg["dependencies"] if d["api_name"] == name)


def _rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def _buttons(cfg: dict[str, Any]) -> list[str]:
    return [c["props"]["value"] for c in cfg["components"] if c["type"] == "button"]


def test_default_mode_is_manual_with_one_flag_button(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GRADIO_FLAGGING_MODE", raising=False)
    demo = gr.Interface(lambda x: x, "text", "text", flagging_dir=str(tmp_path / "f"))
    cfg = demo.get_config()
    assert demo.flagging_mode == "manual"
    assert _buttons(cfg) == ["Clear", "Submit", "Flag"]  # what real Gradio 6.31 shows
    assert cfg["wasmui_flagging"] is True
    assert [(d["api_name"], d["api_visibility"], d["queue"]) for d in cfg["dependencies"][3:]] == [
        ("lambda_1", "undocumented", False), ("Flag", "undocumented", False), ("reset", "undocumented", False)]


def test_modes_and_options(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    never = gr.Interface(lambda x: x, "text", "text", flagging_mode="never").get_config()
    assert _buttons(never) == ["Clear", "Submit"] and "wasmui_flagging" not in never
    opts = gr.Interface(lambda x: x, "text", "text", flagging_options=["good", "bad"],
                        flagging_dir=str(tmp_path)).get_config()
    assert _buttons(opts) == ["Clear", "Submit", "Flag as good", "Flag as bad"]
    pairs = gr.Interface(lambda x: x, "text", "text", flagging_options=[("Up", "1")], flagging_dir=str(tmp_path))
    assert _buttons(pairs.get_config())[-1] == "Up"
    monkeypatch.setenv("GRADIO_FLAGGING_MODE", "never")
    assert gr.Interface(lambda x: x, "text", "text").flagging_mode == "never"
    with pytest.raises(ValueError, match="flagging_mode"):
        gr.Interface(lambda x: x, "text", "text", flagging_mode="sometimes")
    with pytest.raises(ValueError, match="flagging_options"):
        gr.Interface(lambda x: x, "text", "text", flagging_options="good")


def test_flag_button_writes_csv_and_puts_the_button_back(run, tmp_path: Path) -> None:
    folder = tmp_path / "flags"
    demo = gr.Interface(lambda name, n: f"{name}{n}", ["text", "number"], "text",
                        flagging_options=["good", "bad"], flagging_dir=str(folder))
    cfg = demo.get_config()
    flags = [d for d in cfg["dependencies"] if d["api_name"].startswith("Flag")]
    saving = [d for d in cfg["dependencies"] if d["api_name"].startswith("lambda") and not d["inputs"]]
    assert run(demo, saving[0]["id"], [])[-1].data[0]["value"] == "Saving..."
    done = run(demo, flags[1]["id"], ["=cmd", 3, "=cmd3"])[-1].data[0]
    assert done["value"] == "Flag as bad" and done["interactive"] is True
    run(demo, flags[0]["id"], ["Ann", -2, "Ann-2"])
    rows = _rows(folder / "dataset1.csv")
    assert rows[0] == ["name", "n", "output", "flag", "timestamp"]
    # CSV injection neutralised as Gradio does; numbers are JSON, the option value is stored
    assert rows[1][:4] == ["'=cmd", "3", "'=cmd3", "bad"]
    assert rows[2][:4] == ["Ann", "'-2", "Ann-2", "good"]


def test_auto_mode_flags_every_successful_submit(run, tmp_path: Path) -> None:
    demo = gr.Interface(lambda x: x.upper(), "text", "text", flagging_mode="auto", flagging_dir=str(tmp_path))
    cfg = demo.get_config()
    assert _buttons(cfg) == ["Clear", "Submit"]
    auto = next(d for d in cfg["dependencies"] if d["api_name"] == "Flag")
    assert auto["trigger_after"] == _dep(cfg, "lambda")["id"] and auto["trigger_only_on_success"] is True
    run(demo, auto["id"], ["hi", "HI"])
    assert _rows(tmp_path / "dataset1.csv")[1][:2] == ["hi", "HI"]


def test_files_are_copied_next_to_the_csv_and_zipped(run, tmp_path: Path) -> None:
    folder = tmp_path / "flagged"
    demo = gr.Interface(lambda f: f, gr.File(label="doc"), "text", flagging_dir=str(folder))
    stored = demo.file_store.save_upload("notes.txt", b"hello flag")
    payload = file_data(stored, "")
    flag = _dep(demo.get_config(), "Flag")
    run(demo, flag["id"], [payload, "out"])
    rows = _rows(folder / "dataset1.csv")
    copied = Path(rows[1][0])
    assert copied.read_bytes() == b"hello flag"
    assert copied.parent.parent == folder / "doc" and copied.name == "notes.txt"
    with TestClient(demo.app) as client:
        res = client.get("/gradio_api/wasmui/flagged.zip")
        assert res.status_code == 200 and res.headers["content-type"] == "application/zip"
        names = zipfile.ZipFile(io.BytesIO(res.content)).namelist()
    assert "flagged/dataset1.csv" in names
    assert f"flagged/doc/{copied.parent.name}/notes.txt" in names


def test_flag_refuses_files_the_app_does_not_own(run, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("no")
    demo = gr.Interface(lambda f: f, gr.File(label="doc"), "text", flagging_dir=str(tmp_path / "f"))
    flag = _dep(demo.get_config(), "Flag")
    with pytest.raises(Exception, match="not uploaded"):
        run(demo, flag["id"], [file_data(str(secret), ""), "x"])
    assert not (tmp_path / "f" / "doc").exists()


def test_zip_route_is_404_before_any_flag(tmp_path: Path) -> None:
    demo = gr.Interface(lambda x: x, "text", "text", flagging_dir=str(tmp_path / "empty"))
    with TestClient(demo.app) as client:
        assert client.get("/gradio_api/wasmui/flagged.zip").status_code == 404


def test_csv_logger_new_dataset_file_when_headers_change(tmp_path: Path) -> None:
    a, b = gr.Textbox(label="a"), gr.Textbox(label="b")
    first = gr.CSVLogger(verbose=False)
    first.setup([a], str(tmp_path))
    assert first.flag(["x"]) == 1 and first.flag(["y"]) == 2
    again = gr.CSVLogger(verbose=False)
    again.setup([a], str(tmp_path))
    assert again.flag(["z"]) == 3  # same headers: appends to dataset1.csv
    other = gr.CSVLogger(verbose=False)
    other.setup([a, b], str(tmp_path))
    assert other.flag(["x", "y"], flag_option="o", username="u") == 1
    assert _rows(tmp_path / "dataset2.csv")[0] == ["a", "b", "flag", "username", "timestamp"]
    named = gr.CSVLogger(verbose=False, dataset_file_name="mine.csv")
    named.setup([a], str(tmp_path))
    named.flag(["q"])
    assert _rows(tmp_path / "mine.csv")[1][0] == "q"


def test_classic_and_simple_loggers(tmp_path: Path) -> None:
    box, num = gr.Textbox(label="t"), gr.Number()
    classic = gr.ClassicCSVLogger()
    classic.setup([box, num], str(tmp_path / "c"))
    assert classic.flag(["v", 2], flag_option="opt") == 1
    rows = _rows(tmp_path / "c" / "log.csv")
    assert rows[0] == ["t", "component 1", "flag", "username", "timestamp"] and rows[1][:4] == ["v", "2", "opt", ""]
    simple = gr.SimpleCSVLogger()
    simple.setup([box], str(tmp_path / "s"))
    assert simple.flag(["a"]) == 0 and simple.flag(["b"]) == 1  # no header row: Gradio counts lines - 1
    assert _rows(tmp_path / "s" / "log.csv") == [["a"], ["b"]]
    assert os.path.isdir(tmp_path / "s" / "t")


def test_blocks_app_with_its_own_logger_offers_the_download(tmp_path: Path) -> None:
    logger = gr.CSVLogger(verbose=False)
    with gr.Blocks() as demo:
        box = gr.Textbox(label="text")
        btn = gr.Button("Flag")
        logger.setup([box], str(tmp_path / "points"))
        btn.click(lambda *args: logger.flag(list(args)), [box], None, preprocess=False)
    assert demo.get_config()["wasmui_flagging"] is True
    with gr.Blocks() as plain:
        gr.Textbox()
    assert "wasmui_flagging" not in plain.get_config()


def test_chat_interface_manual_flagging_logs_likes(run, tmp_path: Path) -> None:
    demo = gr.ChatInterface(lambda m, h: "echo " + m, flagging_mode="manual", flagging_dir=str(tmp_path / "chat"))
    cfg = demo.get_config()
    flag = _dep(cfg, "flag")
    assert [t[1] for t in flag["targets"]] == ["like"] and cfg["wasmui_flagging"] is True
    messages = [{"role": "user", "content": [{"type": "text", "text": "hi"}]},
                {"role": "assistant", "content": [{"type": "text", "text": "echo hi"}]}]
    run(demo, flag["id"], [messages], event_data={"index": 1, "value": "echo hi", "liked": False})
    rows = _rows(tmp_path / "chat" / "log.csv")
    assert rows[0] == ["conversation", "index", "value", "flag", "timestamp"]
    assert "echo hi" in json.dumps(json.loads(rows[1][0])[1]) and rows[1][1:3] == ["1", "Dislike"]


def test_a_flag_waits_until_earlier_visits_flags_are_loaded() -> None:
    """The browser loads earlier visits' flags from IndexedDB while the app already answers
    (wasmui._pyodide.boot): a flag made meanwhile is written only after them."""
    import asyncio

    from wasmui import flagging

    order: list[str] = []

    class Recorder:
        def flag(self, data: list[Any], flag_option: str | None = None) -> None:
            order.append("flag")

    async def scenario() -> None:
        gate: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        flagging.set_loading(gate)
        try:
            method = flagging.FlagMethod(Recorder(), "Flag", None, visual_feedback=False)  # type: ignore[arg-type]
            task = asyncio.ensure_future(method("x"))
            for _ in range(3):
                await asyncio.sleep(0)
            order.append("loaded")
            gate.set_result(None)
            await task
        finally:
            flagging.set_loading(None)

    asyncio.run(scenario())
    assert order == ["loaded", "flag"]
