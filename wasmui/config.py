"""Building Gradio's ``/config`` JSON from a ``Blocks``."""

from __future__ import annotations

import copy
import hashlib
from typing import Any

from wasmui.blocks import Block, BlockContext, Blocks
from wasmui.components.base import Component
from wasmui.outputs import serve_files
from wasmui.exceptions import InvalidPathError
from wasmui.version import GRADIO_VERSION
from wasmui import i18n, themes



def layout_of(block: Block) -> dict[str, Any]:
    """The ``{"id", "children"}`` tree below ``block``."""
    if not isinstance(block, BlockContext):
        return {"id": block._id}
    return {"id": block._id, "children": [layout_of(c) for c in block.children]}


def block_type(block: Block) -> str:
    """The config ``type``; an embedded Blocks (e.g. an Interface in a Tab) is a column."""
    return "column" if isinstance(block, Blocks) else block.get_block_name()


def _serve_static(item: Any, blocks: Blocks, root: str) -> Any:
    """An avatar/icon/example file prop; a missing file keeps its FileData without a URL (as Gradio)."""
    try:
        return serve_files(copy.deepcopy(item), blocks, root)
    except InvalidPathError:
        return item


def component_config(blocks: Blocks, block: Block, root: str) -> dict[str, Any]:
    """One entry of ``config.components``."""
    if isinstance(block, Blocks):
        props: dict[str, Any] = {"name": "column", "scale": 1, "min_width": 0, "variant": "default", "visible": True}
    else:
        props = {k: i18n.config_value(v, k) for k, v in block.get_config().items() if v is not None}
    if props.get("value") is not None:
        props["value"] = serve_files(copy.deepcopy(props["value"]), blocks, root)
    for name in getattr(block, "FILE_PROPS", ()):
        if isinstance(props.get(name), list):
            props[name] = [_serve_static(item, blocks, root) for item in props[name]]
    skip = bool(block.skip_api)
    entry: dict[str, Any] = {
        "id": block._id,
        "type": block_type(block),
        "props": props,
        "skip_api": skip,
        "component_class_id": getattr(block, "component_class_id", None),
        "key": block.key,
    }
    if not skip and isinstance(block, Component):
        info = block.api_info()
        entry["api_info"] = info
        entry["api_info_as_input"] = info
        entry["api_info_as_output"] = info
        entry["example_inputs"] = block.example_payload()
    return entry


def connect_heartbeat(blocks: Blocks) -> bool:
    """Clients open ``/heartbeat`` when sessions hold state worth cleaning up."""
    if any(b.stateful for b in blocks.blocks.values()):
        return True
    return any(e in ("unload", "stream") for f in blocks.fns.values() for _, e in f.targets)


def required_packages(blocks: Blocks) -> set[str]:
    """Pyodide packages the app's components need as configured (the build ships them)."""
    needed: set[str] = set()
    inputs = {block._id for fn in blocks.fns.values() for block in fn.inputs}
    for block in blocks.blocks.values():
        if isinstance(block, Component):
            needed |= block.required_packages()
            if block._id in inputs:
                needed |= block.required_input_packages()
    return needed


def render_config(blocks: Blocks, renderable: Any, container: BlockContext, session: str,
                  root: str = "") -> dict[str, Any]:
    """``render_config`` of a finished ``@gr.render`` run: the container and what it now holds."""
    layout = layout_of(container)
    components = []
    for block in [container, *_descendants(container)]:
        entry = component_config(blocks, block, root)
        entry["renderable"] = renderable.id
        if block is not container:
            entry["rendered_in"] = renderable.id
        components.append(entry)
    dependencies = [f.get_config() for f in list(blocks.fns.values())
                    if f.rendered_in == renderable.id and f.render_session == session]
    return {
        "page": {getattr(renderable, "page", ""): {"layout": {"id": blocks._id, "children": layout["children"]},
                      "components": [c["id"] for c in components], "dependencies": [d["id"] for d in dependencies]}},
        "components": components,
        "dependencies": dependencies,
        "layout": layout,
        "render_id": renderable.id,
    }


def _descendants(block: BlockContext) -> list[Block]:
    out: list[Block] = []
    for child in block.children:
        out.append(child)
        if isinstance(child, BlockContext):
            out.extend(_descendants(child))
    return out


def pages_config(blocks: Blocks, layout: dict[str, Any], components: list[dict[str, Any]],
                 dependencies: list[dict[str, Any]]) -> dict[str, Any]:
    """``config.page``: per page (``demo.route``) its top-level layout, components and dependencies."""
    pages: dict[str, Any] = {p[0]: {"layout": {"id": layout["id"], "children": []}, "components": [],
                                    "dependencies": []} for p in blocks.pages}

    def page_of(block_id: int) -> str:
        block = blocks.blocks.get(block_id)
        page = getattr(block, "page", "") if block is not None else ""
        return page if page in pages else ""

    for child in layout.get("children", []):
        pages[page_of(child["id"])]["layout"]["children"].append(child)
    for comp in components:
        pages[page_of(comp["id"])]["components"].append(comp["id"])
    for dep in dependencies:
        fn = blocks.fns.get(dep["id"])
        page = fn.page if fn is not None and fn.page in pages else ""
        pages[page]["dependencies"].append(dep["id"])
    return pages


def blocks_config(blocks: Blocks, root: str = "") -> dict[str, Any]:
    """The full ``/config`` JSON for ``blocks`` served at ``root``.

    Blocks and listeners a ``@gr.render`` created belong to one session's page and
    reach it through ``render_config``; the app's config never lists them.
    """
    components = [component_config(blocks, b, root) for b in list(blocks.blocks.values())
                  if getattr(b, "rendered_in", None) is None]
    dependencies = [f.get_config() for f in list(blocks.fns.values()) if f.rendered_in is None]
    layout = layout_of(blocks)
    return {
        "version": GRADIO_VERSION,
        "api_prefix": "/gradio_api",
        "mode": blocks.mode,
        "app_id": blocks.app_id,
        "dev_mode": False,
        "vibe_mode": False,
        "analytics_enabled": False,
        "components": components,
        "css": blocks.full_css(),
        "connect_heartbeat": connect_heartbeat(blocks),
        "js": blocks.js,
        "head": blocks.full_head(),
        "title": blocks.title or "Gradio",
        "space_id": None,
        "enable_queue": True,
        "show_error": blocks.show_error,
        "footer_links": ["api", "gradio", "settings"],
        "run_history": False,
        "is_colab": False,
        "max_file_size": blocks.max_file_size,
        "stylesheets": [],
        "theme": blocks.theme.name,
        "protocol": "sse_v3",
        "body_css": themes.body_css(blocks.theme),
        "fill_height": blocks.fill_height,
        "fill_width": blocks.fill_width,
        "theme_hash": hashlib.sha256(blocks.theme_css.encode("utf-8")).hexdigest(),
        "pwa": False,
        "pages": [list(p) for p in blocks.pages],
        "page": pages_config(blocks, layout, components, dependencies),
        "mcp_server": False,
        "i18n_translations": blocks.i18n_instance.translations if blocks.i18n_instance is not None else None,
        "layout": layout,
        "dependencies": dependencies,
        "root": root,
        "username": None,
        # Not Gradio's: the shell offers the flagged data for download (wasmui.flagging).
        **({"wasmui_flagging": True} if blocks.flagging_dirs else {}),
    }

