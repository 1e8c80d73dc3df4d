"""Turning a function's return value into the ``data`` list sent to clients.

Handles the ways Gradio lets a function answer: one value per output, a dict
keyed by output components, ``gr.update(...)``/``gr.skip()``, a component
instance (property update), and ``stateful`` outputs like ``gr.State`` (kept in the session).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

from wasmui.blocks import Block
from wasmui.components.base import Component
from wasmui.exceptions import Error
from wasmui.files import file_url, is_file_data
from wasmui.media_streams import stream_path

if TYPE_CHECKING:
    from wasmui.blocks import Blocks
    from wasmui.events import BlockFunction
    from wasmui.sessions import Session

SKIP = {"__type__": "update"}
# Props that identify a block rather than describe it: never changed by an update.
_NOT_UPDATABLE = {"key", "preserved_by_key", "elem_id"}


def _is_update(value: Any) -> bool:
    return isinstance(value, dict) and value.get("__type__") == "update"


def split_result(fn: BlockFunction, result: Any) -> list[Any]:
    """One raw value per output (dict-by-component results fill gaps with skips)."""
    outputs = fn.outputs
    n = len(outputs)
    if n == 0:
        return []
    if isinstance(result, dict) and result and all(isinstance(k, Block) for k in result):
        unknown = [k for k in result if k not in outputs]
        if unknown:
            raise Error(f"Returned component {unknown[0]!r} is not among this event's outputs.")
        return [result.get(o, SKIP) for o in outputs]
    if n == 1:
        return [result]
    # Gradio 6.31 treats any other value (None included) as the first of too few values.
    values = list(result) if isinstance(result, (list, tuple)) else [result]
    if len(values) > n:
        # Gradio 6.31 warns on the server and uses the first values (e.g. a
        # ``(h, w, channels)`` shape sent to two Numbers gives h and w).
        warnings.warn(f"A function{_fn_label(fn)} returned too many output values (needed: {n}, "
                      f"returned: {len(values)}). Ignoring extra values.", stacklevel=2)
        return values[:n]
    if len(values) < n:
        raise ValueError(too_few_message(fn, values))
    return values


def _fn_label(fn: BlockFunction) -> str:
    """`` (name)`` for Gradio's output-count messages; nothing for a lambda."""
    name = getattr(fn.fn, "__name__", None)
    return f" ({name})" if name and name != "<lambda>" else ""


def too_few_message(fn: BlockFunction, values: list[Any]) -> str:
    """Gradio's text for a result with fewer values than outputs (its double space included).

    A plain ``ValueError`` as in Gradio: the page shows it when ``show_error`` is on (the
    default for an app in the browser), and its traceback is printed either way.
    """
    wanted = ", ".join(o.get_block_class() for o in fn.outputs)
    received = ", ".join(f'"{v}"' if isinstance(v, str) else str(v) for v in values)
    return (f"A  function{_fn_label(fn)} didn't return enough output values "
            f"(needed: {len(fn.outputs)}, returned: {len(values)}).\n"
            f"    Output components:\n        [{wanted}]\n"
            f"    Output values returned:\n        [{received}]")


def component_as_update(value: Block) -> dict[str, Any]:
    """``return gr.Textbox(lines=8)`` → an update with the explicitly given props."""
    update: dict[str, Any] = {"__type__": "update"}
    given = getattr(value, "_constructor_args", {})
    for name in value.update_names(given):
        if name in given and name not in _NOT_UPDATABLE and name not in update:
            update[name] = given[name] if name == "value" else getattr(value, name, given[name])
    return update


def postprocess_one(block: Block, value: Any, fn: BlockFunction) -> Any:
    """The payload for one output that is not ``stateful``."""
    if isinstance(value, Block):
        value = component_as_update(value)
    if not isinstance(block, Component):
        return value  # a layout: updates pass through
    if _is_update(value):
        return block.process_update(dict(value), fn.postprocess)
    return block.postprocess(value) if fn.postprocess else value


def postprocess_outputs(blocks: Blocks, fn: BlockFunction, result: Any, session: Session) -> tuple[list[Any], list[int]]:
    """Return ``(data, changed_state_ids)`` for one function result."""
    data: list[Any] = []
    changed: list[int] = []
    for block, value in zip(fn.outputs, split_result(fn, result)):
        if isinstance(block, Component) and block.stateful:
            if _is_update(value):
                if "value" not in value:
                    data.append(None)
                    continue
                value = value["value"]
            if session.set_state(block, value) and _has_change_listener(blocks, block):
                changed.append(block._id)
            data.append(None)
            continue
        payload = postprocess_one(block, value, fn)
        if isinstance(block, Component) and not _is_update(payload):
            session.values[block._id] = payload
        elif isinstance(block, Component) and "value" in payload:
            session.values[block._id] = payload["value"]
        if getattr(block, "server_fns", None) and _is_update(payload):
            session.props.setdefault(block._id, {}).update(
                {k: v for k, v in payload.items() if k not in ("__type__", "value")})
        data.append(payload)
    return data, changed


def _has_change_listener(blocks: Blocks, block: Block) -> bool:
    return any((block._id, "change") in f.targets for f in blocks.fns.values())


def stream_outputs(blocks: Blocks, fn: BlockFunction, data: list[Any], session: Session, run: int) -> list[Any]:
    """Feed a generator's streaming Audio/Video outputs into their streams (in place).

    Each such output's payload becomes one more segment of the run's stream, and the
    value sent is Gradio's stream FileData (``is_stream``, the playlist's path).
    """
    for i, block in enumerate(fn.outputs):
        make_encoder = getattr(block, "stream_encoder", None)
        if not getattr(block, "streaming", False) or make_encoder is None or _is_update(data[i]):
            continue
        stream = blocks.media_streams.open(session.hash, run, block._id, make_encoder())
        stream.add(data[i])
        data[i] = {"path": stream_path(session.hash, run, block._id), "url": None, "size": None,
                   "orig_name": stream.encoder.orig_name, "mime_type": None, "is_stream": True,
                   "meta": {"_type": "gradio.FileData"}}
        session.values[block._id] = data[i]
    return data


def serve_files(data: Any, blocks: Blocks, root: str) -> Any:
    """Copy every output file into the app's cache and give it a ``/file=`` URL (in place)."""
    if is_file_data(data):
        path = data.get("path")
        if data.get("is_stream") and isinstance(path, str):
            data["url"] = f"{root}/gradio_api/stream/{path}"  # served from memory by the stream routes
        elif isinstance(path, str) and path:
            if path.startswith(("http://", "https://")):
                data["url"] = path
            else:
                cached = blocks.file_store.move_to_cache(path)
                data["path"] = cached
                data["url"] = file_url(cached, root)
        return data
    if isinstance(data, list):
        for item in data:
            serve_files(item, blocks, root)
    elif isinstance(data, dict):
        for item in data.values():
            serve_files(item, blocks, root)
    return data
