"""Building Gradio's ``/gradio_api/info`` JSON (the API page and clients use it)."""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any

from wasmui.components.base import Component
from wasmui.helpers import special_param_kind

if TYPE_CHECKING:
    from wasmui.blocks import Blocks
    from wasmui.events import BlockFunction

_RESERVED = {"api_name", "fn_index", "result_callbacks"}


def function_params(fn: Any) -> list[tuple[str, bool, Any]]:
    """``(name, has_default, default)`` for the user-facing parameters of ``fn``."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return []
    out: list[tuple[str, bool, Any]] = []
    for p in sig.parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            break
        if special_param_kind(p) is not None:
            continue
        has_default = p.default is not p.empty
        out.append((p.name, has_default, p.default if has_default else None))
    return out


def _description(fn: BlockFunction) -> str:
    if fn.api_description is False:
        return ""
    if isinstance(fn.api_description, str):
        return fn.api_description
    doc = inspect.getdoc(fn.fn) or ""
    return doc.split("\n\n")[0].strip() if doc else ""


def endpoint_info(blocks: Blocks, fn: BlockFunction) -> dict[str, Any]:
    """The ``named_endpoints["/<api_name>"]`` entry for one dependency."""
    params = function_params(fn.fn)
    parameters = []
    for index, block in enumerate(fn.inputs):
        if block.skip_api or not isinstance(block, Component):
            continue
        info = block.api_info()
        name = params[index][0] if index < len(params) and params[index][0] not in _RESERVED else f"param_{index}"
        value = block.value
        if value is not None:
            has_default, default = True, value
        elif index < len(params) and params[index][1] and params[index][2] is None:
            has_default, default = True, None
        else:
            has_default, default = False, None
        parameters.append({
            "label": block.label if getattr(block, "label", None) else f"parameter_{block._id}",
            "parameter_name": name,
            "parameter_has_default": has_default,
            "parameter_default": default,
            "type": info,
            "python_type": {"type": block.python_type()["type"], "description": info.get("additional_description", "")},
            "component": block.get_block_class().capitalize(),
            "example_input": block.example_payload(),
        })
    returns = []
    for block in fn.outputs:
        if block.skip_api or not isinstance(block, Component):
            continue
        info = block.api_info()
        returns.append({
            "label": block.label if getattr(block, "label", None) else f"value_{block._id}",
            "type": info,
            "python_type": {"type": block.python_type()["type"], "description": info.get("description", "")},
            "component": block.get_block_class().capitalize(),
        })
    return {"parameters": parameters, "returns": returns, "api_visibility": fn.api_visibility,
            "description": _description(fn)}


def api_info(blocks: Blocks, all_endpoints: bool = False) -> dict[str, Any]:
    """``{"named_endpoints": {...}, "unnamed_endpoints": {}}``."""
    named: dict[str, Any] = {}
    for fn in blocks.fns.values():
        if fn.fn is None or fn.api_visibility == "private" or fn.rendered_in is not None:
            continue
        if not all_endpoints and fn.api_visibility != "public":
            continue
        named[f"/{fn.api_name}"] = endpoint_info(blocks, fn)
    return {"named_endpoints": named, "unnamed_endpoints": {}}
