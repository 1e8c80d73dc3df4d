"""Python type hints <-> JSON schema, as Gradio describes ``gr.api`` endpoints.

``python_type_to_json_schema(int | None)`` gives ``{"oneOf": [{"type": "null"}, {"type":
"integer"}]}``; ``json_schema_to_python_type`` turns a schema back into the type text the
API page and clients show (``"None | int"``).
"""

from __future__ import annotations

import enum
import inspect
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

_SIMPLE: dict[Any, dict[str, Any]] = {
    type(None): {"type": "null"}, str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"},
    bool: {"type": "boolean"}, dict: {"type": "object", "additionalProperties": {}},
    list: {"type": "array", "items": {}}, tuple: {"type": "array"},
    set: {"type": "array", "uniqueItems": True}, frozenset: {"type": "array", "uniqueItems": True},
    bytes: {"type": "string", "format": "byte"}, bytearray: {"type": "string", "format": "byte"},
}


def python_type_to_json_schema(hint: Any) -> dict[str, Any]:
    """The JSON schema of a type hint (``{}`` for ``Any`` or what it cannot describe)."""
    try:
        return _schema(hint)
    except Exception:  # noqa: BLE001 - an exotic hint is described as "anything", like Gradio
        return {}


def _schema(hint: Any) -> dict[str, Any]:
    if hint is Any:
        return {}
    if hint in _SIMPLE:
        return dict(_SIMPLE[hint])
    origin, args = get_origin(hint), get_args(hint)
    if origin is Literal:
        return {"const": args[0]} if len(args) == 1 else {"enum": list(args)}
    if origin is Union or origin is types.UnionType:
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return {"oneOf": [{"type": "null"}, _schema(other)]}
        return {"anyOf": [_schema(a) for a in args]}
    if origin is list:
        return {"type": "array", "items": _schema(args[0]) if args else {}}
    if origin is tuple:
        if not args:
            return {"type": "array"}
        if len(args) == 2 and args[1] is ...:
            return {"type": "array", "items": _schema(args[0])}
        return {"type": "array", "prefixItems": [_schema(a) for a in args], "minItems": len(args),
                "maxItems": len(args)}
    if origin in (set, frozenset):
        return {"type": "array", "uniqueItems": True, **({"items": _schema(args[0])} if args else {})}
    if origin is dict:
        if not args:
            return {"type": "object", "additionalProperties": {}}
        if args[0] is not str:
            raise ValueError("JSON Schema only supports string keys in objects")
        return {"type": "object", "additionalProperties": _schema(args[1])}
    if inspect.isclass(hint) and issubclass(hint, enum.Enum):
        return {"enum": [item.value for item in hint]}
    if inspect.isclass(hint) and getattr(hint, "__annotations__", None):
        hints = typing.get_type_hints(hint)
        return {"type": "object", "properties": {k: _schema(v) for k, v in hints.items()},
                "required": list(hints)}
    raise ValueError(f"no JSON schema for {hint!r}")


def json_schema_to_python_type(schema: Any) -> str:
    """The type text for a schema (``"list[str]"``, ``"None | int"``, ``"Any"``)."""
    if not isinstance(schema, dict) or not schema:
        return "Any"
    if "const" in schema:
        return f"Literal[{schema['const']}]"
    if "enum" in schema:
        return "Literal[" + ", ".join(f"'{v}'" for v in schema["enum"]) + "]"
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return " | ".join(json_schema_to_python_type(s) for s in schema[key])
    kind = schema.get("type")
    simple = {"null": "None", "integer": "int", "string": "str", "boolean": "bool", "number": "float"}
    if kind in simple:
        return simple[kind]
    if kind == "array":
        if "prefixItems" in schema:
            return "tuple[" + ", ".join(json_schema_to_python_type(s) for s in schema["prefixItems"]) + "]"
        return f"list[{json_schema_to_python_type(schema.get('items', {}))}]"
    if kind == "object":
        props = schema.get("properties", {})
        fields = [f"{name}: {json_schema_to_python_type(s)}" for name, s in props.items()]
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            fields.append(f"str, {json_schema_to_python_type(extra)}")
        return f"dict({', '.join(fields)})"
    return "Any"
