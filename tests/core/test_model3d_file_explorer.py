"""gr.Model3D and gr.FileExplorer in Python, and the ``/component_server`` route."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import wasmui as gr
from wasmui import media
from wasmui.exceptions import Error
from wasmui.testing import TestClient


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "deep").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "b.py").write_text("B")
    (tmp_path / "docs" / "c.txt").write_text("C")
    (tmp_path / "docs" / "deep" / "d.md").write_text("D")
    return tmp_path


def test_model3d_values_are_paths() -> None:
    m = gr.Model3D()
    path = media.get_model3d("Duck.glb")
    out = m.postprocess(path)
    assert out is not None and out["path"] == path and out["orig_name"] == "Duck.glb"
    assert m.preprocess({"path": path, "orig_name": "Duck.glb", "meta": {"_type": "gradio.FileData"}}) == path
    assert m.preprocess(None) is None and m.process_example(path) == "Duck.glb"
    with pytest.raises(Error, match="Invalid file type"):
        m.preprocess({"path": media.get_file("sample.txt"), "meta": {"_type": "gradio.FileData"}})
    with pytest.raises(ValueError, match="display_mode"):
        gr.Model3D(display_mode="sketch")  # type: ignore[arg-type]


def test_file_explorer_ls_follows_glob_and_ignore_glob(tree: Path) -> None:
    fe = gr.FileExplorer(glob="**/*.txt", root_dir=tree, ignore_glob="*deep*")
    assert fe.ls() == [{"name": "docs", "type": "folder", "valid": False},
                       {"name": "a.txt", "type": "file", "valid": True}]
    assert fe.ls(["docs"]) == [{"name": "c.txt", "type": "file", "valid": True}]
    assert fe.ls(["missing"]) == []


def test_file_explorer_values_are_full_paths_inside_the_root(tree: Path) -> None:
    fe = gr.FileExplorer(root_dir=tree, value=[str(tree / "docs" / "c.txt")])
    assert fe.value == [["docs", "c.txt"]]
    assert fe.preprocess([["docs", "c.txt"], ["a.txt"]]) == [str(tree / "docs" / "c.txt"), str(tree / "a.txt")]
    for bad in (["..", "x"], ["/etc/passwd"], ["docs", "..", "..", "x"]):
        with pytest.raises(Error, match="outside"):
            fe.preprocess([bad])
    single = gr.FileExplorer(root_dir=tree, file_count="single")
    assert single.preprocess([]) is None and single.preprocess([["a.txt"]]) == str(tree / "a.txt")
    with pytest.raises(Error, match="only one file"):
        single.preprocess([["a.txt"], ["b.py"]])
    with pytest.raises(ValueError, match="does not exist"):
        gr.FileExplorer(root_dir=tree / "nope")


def _ls(client: TestClient, comp: int, data: Any, session: str = "s1", fn: str = "ls") -> Any:
    return client.post("/gradio_api/component_server",
                       json={"session_hash": session, "component_id": comp, "fn_name": fn, "data": data})


def test_component_server_calls_only_declared_functions(tree: Path) -> None:
    with gr.Blocks() as demo:
        fe = gr.FileExplorer(root_dir=tree)
        box = gr.Textbox()
    with TestClient(demo.app) as c:
        r = _ls(c, fe._id, ["docs"])
        assert r.status_code == 200 and [e["name"] for e in r.json()] == ["deep", "c.txt"]
        assert _ls(c, fe._id, None).json()[0] == {"name": "docs", "type": "folder", "valid": True}
        assert _ls(c, fe._id, ["x"], fn="preprocess").status_code == 404  # not a server function
        assert _ls(c, box._id, None, fn="ls").status_code == 404
        assert _ls(c, 99999, None).status_code == 404
        refused = _ls(c, fe._id, ["..", ".."])
        assert refused.status_code == 500 and "outside" in refused.json()["detail"]
        assert c.post("/gradio_api/component_server", json={"component_id": fe._id}).status_code == 422


def test_component_server_sees_the_sessions_prop_updates(tree: Path) -> None:
    with gr.Blocks() as demo:
        fe = gr.FileExplorer(root_dir=tree)
        btn = gr.Button()
        btn.click(lambda: gr.FileExplorer(root_dir=str(tree / "docs"), glob="**/*.md"), None, fe)
    with TestClient(demo.app) as c:
        r = c.post("/gradio_api/queue/join", json={"data": [], "fn_index": 0, "session_hash": "A", "trigger_id": btn._id})
        assert r.status_code == 200
        with c.stream("/gradio_api/queue/data?session_hash=A") as s:
            done = [m.json() for m in s if m.json().get("msg") == "process_completed"]
        assert done[0]["output"]["data"][0]["root_dir"] == str(tree / "docs")
        assert [e["name"] for e in _ls(c, fe._id, None, session="A").json()] == ["deep"]
        assert [e["name"] for e in _ls(c, fe._id, ["deep"], session="A").json()] == ["d.md"]
        # Another session still sees the app's own settings.
        assert [e["name"] for e in _ls(c, fe._id, None, session="B").json()] == ["docs", "a.txt", "b.py"]
