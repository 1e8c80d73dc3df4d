"""wasmui's wire output for the suite app equals real Gradio 6.31's, scenario by scenario.

The golden file was recorded with ``tools/wire_golden.py`` on real Gradio; the
same scenarios run here in process. Values that differ per run (event ids, times,
temp paths, root URL) are normalised; everything else, key order included, must match.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from wasmui.runner import load_app
from wasmui.testing import TestClient

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).with_name("golden") / "wire.json"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wire_golden", REPO / "tools" / "wire_golden.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class InProcess:
    """The scenarios' transport over wasmui.testing."""

    def __init__(self, client: TestClient, root: str) -> None:
        self.client = client
        self.root = root

    def request(self, method: str, path: str, json_body: Any = None,
                files: dict[str, tuple[str, bytes, str]] | None = None) -> tuple[int, str]:
        r = self.client.request(method, path, json=json_body, files=files)
        return r.status_code, r.content.decode("utf-8", "replace")

    def raw(self, method: str, path: str, headers: dict[str, str] | None = None,
            body: bytes | None = None) -> tuple[int, dict[str, str], str]:
        r = self.client.request(method, path, headers=headers, data=body)
        return r.status_code, r.headers, r.content.decode("utf-8", "replace")

    @contextmanager
    def sse(self, path: str) -> Iterator[Iterator[str]]:
        with self.client.stream(path) as stream:
            yield (m.raw[:-2] for m in stream)


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    tool = _tool()
    blocks = load_app(tool.SUITE_APP)
    with TestClient(blocks.app, base_url="http://127.0.0.1:7860") as client:
        return tool.run_scenarios(InProcess(client, "http://127.0.0.1:7860"))


GOLDEN_DATA: dict[str, Any] = json.loads(GOLDEN.read_text())
SCENARIOS = [k for k in GOLDEN_DATA if not k.startswith("_")]


# Known differences owned by other modules; strict, so a fix shows up as XPASS.
# Scenarios where wasmui knowingly differs from Gradio (none at the moment).
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("scenario", [
    pytest.param(s, marks=pytest.mark.xfail(reason=KNOWN[s], strict=True)) if s in KNOWN else s
    for s in SCENARIOS
])
def test_wire_matches_gradio(scenario: str, results: dict[str, Any]) -> None:
    expected = json.dumps(GOLDEN_DATA[scenario], indent=1)
    actual = json.dumps(results[scenario], indent=1)
    assert actual == expected
