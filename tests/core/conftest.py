"""Helpers for core tests: run a dependency to completion in-process."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from wasmui.processing import run_job


def run_events(blocks: Any, fn_index: int, data: list[Any], session_hash: str = "s1", **kwargs: Any) -> list[Any]:
    """All job events of one run (raises what the function raised)."""

    async def collect() -> list[Any]:
        session = blocks.sessions.get(session_hash)
        return [ev async for ev in run_job(blocks, fn_index, data, session, **kwargs)]

    return asyncio.run(collect())


@pytest.fixture
def run() -> Any:
    return run_events
