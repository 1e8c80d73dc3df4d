"""Gradio's own demos, served natively by wasmui, called with gradio_client.

Needs a gradio checkout: ``GRADIO_CHECKOUT`` or the local mirror (bare repo OK).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from native_server import REPO

MIRROR = Path("/work/.mirror/gradio-app+gradio/repo")


def _checkout() -> Path | None:
    env = os.environ.get("GRADIO_CHECKOUT")
    if env:
        return Path(env)
    return MIRROR if MIRROR.exists() else None


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("run_gradio_demos", REPO / "tools" / "run_gradio_demos.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while executing it
    spec.loader.exec_module(module)
    return module


CHECKOUT = _checkout()
TOOL = _tool()

pytestmark = pytest.mark.skipif(
    CHECKOUT is None,
    reason=f"no gradio checkout: set GRADIO_CHECKOUT=/path/to/gradio (or provide {MIRROR})",
)


@pytest.mark.parametrize("name", TOOL.DEMOS)
def test_demo_endpoints(name: str, tmp_path: Path) -> None:
    assert CHECKOUT is not None
    result = TOOL.run_demo(CHECKOUT, name, tmp_path)
    report = "\n".join(f"{'ok ' if c.ok else 'BAD'} {c.api_name}: {c.detail}" for c in result.calls)
    assert result.error is None, result.error
    assert result.calls, "no endpoint was called"
    assert result.ok, report
