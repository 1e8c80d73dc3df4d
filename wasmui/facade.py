"""The one marked façade behind ``Blocks``' Gradio-API entry points.

``Blocks.launch``, ``Blocks.get_config``, ``Blocks.get_api_info`` and ``Blocks.app``
are Gradio's API on the block tree (layer 1), but their work is done by higher
layers: ``wasmui.config`` and ``wasmui.api_info`` (3), ``wasmui.server`` with the
job runner ``wasmui.processing`` (4) and ``wasmui.launching`` (5). Rather than the
block tree importing upwards, this top-layer module implements
``wasmui.blocks.AppFacade`` and installs it; ``wasmui/__init__`` imports it.
"""

from __future__ import annotations

from typing import Any

from wasmui import launching, processing
from wasmui.api_info import api_info
from wasmui.blocks import Blocks, install_facade
from wasmui.config import blocks_config
from wasmui.server import create_app


class Facade:
    """``AppFacade`` wired to the real config, API info, server and launcher."""

    def launch(self, blocks: Blocks, **options: Any) -> Blocks:
        return launching.launch(blocks, **options)

    def config(self, blocks: Blocks, root: str) -> dict[str, Any]:
        return blocks_config(blocks, root)

    def api_info(self, blocks: Blocks, all_endpoints: bool) -> dict[str, Any]:
        return api_info(blocks, all_endpoints=all_endpoints)

    def create_app(self, blocks: Blocks) -> Any:
        # The server knows nothing of the core: the job runner is passed in.
        return create_app(blocks, runner=processing)


install_facade(Facade())
