"""``gr.api``: an API-only endpoint whose inputs and outputs come from the function's type
hints, and ``gr.Api``, the invisible component that stands for each of them."""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from typing import Any, ClassVar, get_args, get_origin

from wasmui import events
from wasmui.components.base import Component
from wasmui.context import Context
from wasmui.helpers import special_param_kind
from wasmui.typeschema import json_schema_to_python_type, python_type_to_json_schema


class Api(Component):
    """Holds any JSON value; used only by ``gr.api`` endpoints (nothing shows in the page)."""

    CONFIG_PROPS = ("value", "_api_info", "label", "name", "_selectable")
    EVENTS: ClassVar[list[str]] = []

    def __init__(self, value: Any = None, _api_info: dict[str, Any] | None = None, label: str = "API") -> None:
        self._api_info = {} if _api_info is None else _api_info
        self.name = "api"
        super().__init__(value=value, label=label)
        self._selectable = False

    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> Any:
        return value

    def api_info(self) -> dict[str, Any]:
        return self._api_info

    def python_type(self) -> dict[str, str]:
        return {"type": json_schema_to_python_type(self._api_info), "description": ""}

    def example_payload(self) -> Any:
        return self.value if self.value is not None else "..."

    def example_value(self) -> Any:
        return self.value if self.value is not None else "..."


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _params(fn: Callable[..., Any]) -> list[tuple[str, bool, Any, Any]]:
    """``(name, has_default, default, hint)`` of the parameters a caller fills."""
    try:
        hints = typing.get_type_hints(fn)
    except Exception:  # noqa: BLE001 - unresolvable hints count as missing
        hints = {}
    out = []
    for p in inspect.signature(fn).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            break
        if special_param_kind(p) is not None:
            continue
        has_default = p.default is not p.empty
        out.append((p.name, has_default, p.default if has_default else None, hints.get(p.name)))
    return out


def _return_types(fn: Callable[..., Any]) -> list[Any]:
    try:
        hint = typing.get_type_hints(fn).get("return", inspect.Signature.empty)
    except Exception:  # noqa: BLE001
        hint = inspect.signature(fn).return_annotation
    if hint in (inspect.Signature.empty, None, type(None)):
        return []
    if get_origin(hint) is tuple:
        return list(get_args(hint))
    return [hint]


def api(
    fn: Callable[..., Any] | str = "decorator",
    *,
    api_name: str | None = None,
    api_description: str | None = None,
    queue: bool = True,
    batch: bool = False,
    max_batch_size: int = 4,
    concurrency_limit: int | None | str = "default",
    concurrency_id: str | None = None,
    api_visibility: str = "public",
    time_limit: int | None = None,
    stream_every: float = 0.5,
) -> Any:
    """An endpoint for ``fn`` with no component or trigger in the page (``gr.api``); its
    parameters and returns are typed from ``fn``'s type hints. Works as a decorator too."""
    options = dict(api_name=api_name, api_description=api_description, queue=queue, batch=batch,
                   max_batch_size=max_batch_size, concurrency_limit=concurrency_limit,
                   concurrency_id=concurrency_id, api_visibility=api_visibility, time_limit=time_limit,
                   stream_every=stream_every)
    if isinstance(fn, str):
        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            api(func, **options)  # type: ignore[arg-type]

            @functools.wraps(func)
            def inner(*args: Any, **kwargs: Any) -> Any:
                return func(*args, **kwargs)
            return inner
        return decorator
    root = Context.root_block
    if root is None:
        raise Exception("Cannot call api() outside of a gradio.Blocks context.")
    params = _params(fn)
    if any(hint is None for *_, hint in params):
        raise ValueError("API endpoints must have type hints. Please specify a type hint for all parameters.")
    inputs = [Api(default if has_default else None, python_type_to_json_schema(hint), _ordinal(i + 1))
              for i, (_, has_default, default, hint) in enumerate(params)]
    outputs = [Api(None, python_type_to_json_schema(hint), _ordinal(i + 1))
               for i, hint in enumerate(_return_types(fn))]
    block_fn, _ = root.set_event_trigger(
        [], fn, inputs, outputs, preprocess=False, postprocess=False, scroll_to_output=False,
        show_progress="hidden", api_name=api_name, api_description=api_description, js=None,
        concurrency_limit=concurrency_limit, concurrency_id=concurrency_id, queue=queue, batch=batch,
        max_batch_size=max_batch_size, api_visibility=api_visibility, trigger_mode=None,
        time_limit=time_limit, stream_every=stream_every)
    return events.Dependency(block_fn, None)
