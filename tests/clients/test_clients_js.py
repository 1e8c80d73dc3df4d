"""The official npm ``@gradio/client`` against ``wasmui serve --native``."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from native_server import REPO, native_server

SCRIPT = Path(__file__).with_name("js_client.mjs")
APPS = REPO / "tests" / "apps"

pytestmark = [
    pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed"),
    pytest.mark.skipif(not (REPO / "node_modules" / "@gradio" / "client").is_dir(),
                       reason="npm @gradio/client is not installed (run `npm ci`)"),
]


def run_js(url: str, plan: list[dict[str, Any]]) -> dict[str, Any]:
    proc = subprocess.run(["node", str(SCRIPT), url + "/", json.dumps(plan)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def suite_results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    src = tmp_path_factory.mktemp("js") / "in.txt"
    src.write_text("hello js")
    plan = [
        {"name": "combine", "endpoint": "/combine", "args": ["ab", 3, True]},
        {"name": "spell", "endpoint": "/spell", "args": ["hey"], "stream": True},
        {"name": "fail", "endpoint": "/fail", "args": ["x"]},
        {"name": "crash", "endpoint": "/crash", "args": ["x"]},
        {"name": "file", "endpoint": "/reverse_file", "args": [{"__file__": str(src)}], "fetchFile": True},
        {"name": "count1", "endpoint": "/count", "args": []},
        {"name": "count2", "endpoint": "/count", "args": []},
        {"name": "upper", "endpoint": "/upper", "args": ["shout"]},
        {"name": "careful", "endpoint": "/careful", "args": ["ok"], "stream": True},
        {"name": "steps", "endpoint": "/steps", "args": [4], "stream": True},
    ]
    with native_server(APPS / "suite_app.py") as url:
        yield run_js(url, plan)


def test_hello_world() -> None:
    with native_server(APPS / "hello_app.py") as url:
        out = run_js(url, [{"name": "hello", "endpoint": "/predict", "args": ["World"]}])
    assert out["hello"] == {"ok": True, "data": ["Hello World!"]}


def test_multi_input_multi_output(suite_results: dict[str, Any]) -> None:
    assert suite_results["combine"] == {"ok": True, "data": ["ABABAB", 6]}


def test_generator_diffs_are_applied_by_the_client(suite_results: dict[str, Any]) -> None:
    # Each process_generating becomes a data event (diffs applied), then the completion.
    assert suite_results["spell"]["updates"] == [["h"], ["he"], ["hey"], ["hey"]]


def test_gr_error(suite_results: dict[str, Any]) -> None:
    assert suite_results["fail"] == {"ok": False, "error": "custom failure", "title": "Oops"}


def test_hidden_exception(suite_results: dict[str, Any]) -> None:
    assert suite_results["crash"]["ok"] is False and "hidden detail" not in json.dumps(suite_results["crash"])


def test_file_upload_and_download(suite_results: dict[str, Any]) -> None:
    result = suite_results["file"]
    file_data = result["data"][0]
    assert file_data["meta"] == {"_type": "gradio.FileData"}
    assert file_data["url"].endswith(file_data["path"]) and "/gradio_api/file=" in file_data["url"]
    assert result["fetched"] == {"status": 200, "text": "sj olleh"}


def test_state_counter(suite_results: dict[str, Any]) -> None:
    assert (suite_results["count1"]["data"], suite_results["count2"]["data"]) == ([1], [2])


def test_unqueued_endpoint_uses_run_route(suite_results: dict[str, Any]) -> None:
    assert suite_results["upper"] == {"ok": True, "data": ["SHOUT"]}


def test_info_and_warning_arrive_as_log_events(suite_results: dict[str, Any]) -> None:
    result = suite_results["careful"]
    assert result["updates"] == [["ok"]]
    assert result["logs"] == [{"log": "careful", "level": "warning", "title": "Warning"},
                              {"log": "fyi", "level": "info", "title": "Info"}]


def test_progress_reaches_the_client(suite_results: dict[str, Any]) -> None:
    result = suite_results["steps"]
    assert result["updates"] == [["done"]]
    last = result["progress"][-1][0]
    assert last["desc"] == "stepping" and last["length"] == 4 and last["unit"] == "steps"
