"""One contract test over every component class wasmui has.

Parametrised over every ``Component`` subclass defined in ``wasmui`` (found by walking
the class tree), so a new component is covered the moment it exists: its example
payload goes through ``preprocess``, its example value through ``postprocess`` to JSON,
its ``api_info`` has Gradio's shape, its declared props exist, and its config entry
equals real Gradio 6.31's for every golden case recorded for it.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path
from typing import Any

import pytest

import wasmui as gr
from wasmui.components.base import Component

GOLDEN = json.loads((Path(__file__).parent / "golden" / "components.json").read_text())
SIGNATURES = json.loads((Path(__file__).parent / "golden" / "signatures.json").read_text())
# Plain JSON-schema keywords one of which every api_info must carry (Gradio's pydantic shapes).
_SCHEMA_KEYS = {"type", "enum", "anyOf", "oneOf", "$ref", "items", "properties", "const"}
# Classes that are wasmui's own plumbing, with no Gradio counterpart to compare to
# (each with its reason). Every other class needs Gradio's signature and a golden case.
# Not a top-level ``gr.`` name in Gradio 6.31 (so no signature or golden case is recorded):
# ``Api`` is gradio.components.api_component.Api, made by ``gr.api`` (checked in test_api_endpoint.py).
_NOT_GRADIO: set[str] = {"Api"}
# Components whose api_info is ``{}`` in real Gradio 6.31 too (their value is page settings;
# an ``Api`` made without a type hint is "anything").
_EMPTY_API_INFO = {"Navbar", "Api"}


def import_every_component_module() -> None:
    """``import wasmui`` loads a component's module only when the app names it: load them all."""
    import wasmui.components

    for module in pkgutil.iter_modules(wasmui.components.__path__, "wasmui.components."):
        importlib.import_module(module.name)


def component_classes() -> list[type[Component]]:
    """Every concrete component class defined in the wasmui package."""
    import_every_component_module()
    found: dict[str, type[Component]] = {}
    stack: list[type[Component]] = [Component]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("wasmui.") and not sub.__name__.startswith("_") and sub.__name__ not in (
                    "FormComponent", "FileComponent", "NativePlot"):  # bases (NativePlot: of the three plots)
                found[sub.__name__] = sub
    return [found[k] for k in sorted(found)]


CLASSES = component_classes()
IDS = [c.__name__ for c in CLASSES]


def _png_1x1() -> bytes:
    """A valid one-pixel PNG built with the standard library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + \
        chunk(b"IEND", b"")


def localise(payload: Any, folder: Path) -> Any:
    """Example payloads name public URLs; tests run offline, so point them at local copies."""
    if isinstance(payload, list):
        return [localise(p, folder) for p in payload]
    if not isinstance(payload, dict):
        return payload
    out = {k: localise(v, folder) for k, v in payload.items()}
    path = out.get("path")
    if isinstance(path, str) and path.startswith(("http://", "https://")):
        local = folder / path.rsplit("/", 1)[-1]
        if local.suffix == ".wav":
            from wasmui.wav import write_wav

            write_wav(local, 8000, b"\x00\x00" * 80)  # a real (silent) WAV, as the URL names one
        else:
            local.write_bytes(_png_1x1() if local.suffix == ".png" else b"sample file")
        out["path"], out["url"] = str(local), None
    return out


def make(cls: type[Component]) -> Component:
    with gr.Blocks():
        return cls()


def as_json(value: Any) -> Any:
    """Round-trip through strict JSON (no NaN, no custom types)."""
    return json.loads(json.dumps(value, allow_nan=False))


def test_discovery_sees_the_catalogue() -> None:
    assert {"Textbox", "File", "State", "Dropdown"} <= set(IDS)


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_example_payload_preprocesses(cls: type[Component], tmp_path: Path) -> None:
    comp = make(cls)
    if comp.stateful:
        return  # a stateful value never arrives as a payload
    try:
        comp.preprocess(localise(comp.example_payload(), tmp_path))
    except gr.Error:
        # Allowed only when the default instance has nothing to choose from (no samples).
        assert cls.__name__ == "Dataset", f"{cls.__name__} refuses its own example payload"


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_example_value_postprocesses_to_json(cls: type[Component]) -> None:
    comp = make(cls)
    if cls.__name__ == "AnnotatedImage":
        # Its example draws boxes over a remote image: the pixels (and so the size) of the base
        # image are needed, and nothing remote can be fetched here; the error says so.
        with pytest.raises(gr.Error, match="URLs cannot be fetched"):
            comp.postprocess(comp.example_value())
        return
    out = comp.postprocess(comp.example_value())
    assert as_json(out) == out
    none = comp.postprocess(None)
    assert as_json(none) == none


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_api_info_has_gradio_shape(cls: type[Component]) -> None:
    comp = make(cls)
    info = comp.api_info()
    assert isinstance(info, dict) and as_json(info) == info
    if not comp.skip_api and cls.__name__ not in _EMPTY_API_INFO:
        assert _SCHEMA_KEYS & set(info), f"{cls.__name__}.api_info() is not a JSON schema: {info}"
        assert set(comp.python_type()) == {"type", "description"}
        assert as_json(comp.example_payload()) == comp.example_payload()


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_config_entry_is_declared_and_json(cls: type[Component]) -> None:
    with gr.Blocks() as demo:
        comp = cls()
    missing = [p for p in cls.CONFIG_PROPS if not hasattr(comp, p)]
    assert not missing, f"{cls.__name__} declares props it never sets: {missing}"
    entry = next(c for c in demo.get_config()["components"] if c["id"] == comp._id)
    assert as_json(entry) == entry
    assert entry["props"]["name"] in (cls.get_block_name(), cls.__name__.lower())
    assert isinstance(comp.required_packages(), set)


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_gradio_signature_and_events(cls: type[Component]) -> None:
    """Every constructor argument and event real Gradio 6.31 has, wasmui has too."""
    want = SIGNATURES["classes"].get(cls.__name__)
    if want is None:
        assert cls.__name__ in _NOT_GRADIO, f"gradio 6.31 has no {cls.__name__}: list it in _NOT_GRADIO with a reason"
        return
    import inspect

    params = inspect.signature(cls.__init__).parameters
    takes_any = any(p.kind == p.VAR_KEYWORD for p in params.values())
    missing = [p for p in want["params"] if p not in params and not takes_any]
    assert not missing, f"{cls.__name__} lacks Gradio's arguments {missing}"
    assert not set(want["events"]) - set(cls.EVENTS), f"{cls.__name__} lacks Gradio's events"


def _golden_cases_for(cls: type[Component]) -> list[str]:
    out = []
    for name, case in GOLDEN["cases"].items():
        head = case["expr"].split("(", 1)[0]
        if head in (f"gr.{cls.__name__}", f"gr._simple_templates.{cls.__name__}"):
            out.append(name)
    return out


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_config_matches_recorded_gradio_cases(cls: type[Component]) -> None:
    from test_golden_config import check_case  # tests/core is on sys.path (pytest rootdir-less import)

    cases = _golden_cases_for(cls)
    if not cases:
        assert cls.__name__ in _NOT_GRADIO, (
            f"no golden case for {cls.__name__}: add one to tools/make_golden_configs.py and run it with a real "
            "gradio 6.31 (see docs/architecture.md, 'Adding a component')")
        return
    for name in cases:
        check_case(name)
