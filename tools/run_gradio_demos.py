#!/usr/bin/env python3
"""Run Gradio's own demo apps natively through wasmui and call every endpoint
with the official ``gradio_client``.

    python tools/run_gradio_demos.py /path/to/gradio            # checkout or bare repo
    python tools/run_gradio_demos.py /path/to/gradio hello_world calculator --json

The whole corpus in real Chromium on Pyodide (build / boot / answer table, resumable):

    python tools/run_gradio_demos.py /path/to/gradio --corpus --pyodide DIR [--only a,b]

(``--corpus`` hands every other option to ``tools/demo_corpus.py``; see its ``--help``.)

Each ``demo/<name>/run.py`` is read from the checkout (``git show`` for a bare
repo), written to a temp dir, and served with ``python -m wasmui serve --native``
(``import gradio`` resolves to wasmui). Known demos have expected results (what a
real Gradio server answers); every other endpoint is called with its
``example_input`` values and must not fail unexpectedly. Nothing from the demo
sources is kept.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "clients"))

DEMOS = ["hello_world", "hello_world_3", "calculator", "no_input", "hello_blocks",
         "blocks_chained_events", "count_generator", "simple_state", "progress_simple"]


@dataclass
class Call:
    """One expected call: ``expect`` is a value, a predicate, or ``Raises(msg)``."""

    api_name: str
    args: list[Any]
    expect: Any
    outputs: list[Any] | None = None  # every yielded value, for generators


@dataclass
class Raises:
    """The call must fail with an ``AppError`` whose message contains ``text``."""

    text: str


SENTENCES = {"Good morning!", "Prayers are with you, have a safe day!", "I love you!"}

EXPECTED: dict[str, list[Call]] = {
    "hello_world": [Call("/predict", ["World"], "Hello World!")],
    "hello_world_3": [Call("/predict", ["Ann", True, 50], ("Good morning Ann. It is 50 degrees today", 10.0))],
    "calculator": [Call("/predict", [45, "add", 3], 48.0), Call("/predict", [3, "divide", 2], 1.5),
                   Call("/predict", [1, "divide", 0], Raises("Cannot divide by zero!"))],
    # Gradio 6 names an Interface's endpoint after its function unless api_name is given.
    "no_input": [Call("/random_sentence", [], lambda v: v in SENTENCES)],
    "hello_blocks": [Call("/greet", ["Ann"], "Hello Ann!")],
    # Endpoints without outputs return () to gradio_client, State outputs are dropped.
    "blocks_chained_events": [Call("/success", [], ()),
                              Call("/failure", [], Raises("This should fail!")),
                              Call("/exception", [], Raises("Something went wrong")),
                              Call("/warning_fn", [], ()), Call("/info_fn", [], ())],
    "count_generator": [Call("/count", [3], "2", outputs=["0", "1", "2"]), Call("/show", [3], "[0, 1, 2]")],
    "simple_state": [Call("/add_items", [["Milk", "Water"]], ()), Call("/lambda", [], 2.0)],
    "progress_simple": [Call("/predict", ["abc"], "cba")],
}


@dataclass
class CallResult:
    """What one endpoint call returned."""

    api_name: str
    ok: bool
    detail: str


@dataclass
class DemoResult:
    """All calls of one demo."""

    name: str
    ok: bool = True
    calls: list[CallResult] = field(default_factory=list)
    error: str | None = None


def demo_source(checkout: Path, name: str) -> str:
    """``demo/<name>/run.py`` from a work tree or (bare) git repository."""
    path = checkout / "demo" / name / "run.py"
    if path.is_file():
        return path.read_text()
    return subprocess.run(["git", "-C", str(checkout), "show", f"HEAD:demo/{name}/run.py"],
                          check=True, capture_output=True, text=True).stdout


def _check(call: Call, value: Any, outputs: list[Any] | None) -> tuple[bool, str]:
    expect = call.expect
    ok = expect(value) if callable(expect) else value == expect
    if ok and call.outputs is not None:
        ok = outputs == call.outputs
        return ok, f"outputs={outputs!r}"
    return ok, f"got {value!r}" if callable(expect) else f"got {value!r}, expected {expect!r}"


def _run_call(client: Any, call: Call) -> CallResult:
    from gradio_client.exceptions import AppError

    try:
        job = client.submit(*call.args, api_name=call.api_name)
        value = job.result(timeout=60)
    except AppError as exc:
        if isinstance(call.expect, Raises) and call.expect.text in str(exc):
            return CallResult(call.api_name, True, f"raised {str(exc)!r} as expected")
        return CallResult(call.api_name, False, f"AppError {exc}")
    except Exception as exc:  # a protocol failure: report, keep going
        return CallResult(call.api_name, False, f"{type(exc).__name__}: {exc}")
    if isinstance(call.expect, Raises):
        return CallResult(call.api_name, False, f"expected an error, got {value!r}")
    ok, detail = _check(call, value, [o for o in job.outputs()] if call.outputs is not None else None)
    return CallResult(call.api_name, ok, detail)


def _generic_calls(client: Any, known: set[str]) -> list[Call]:
    """Endpoints without expectations: call with the documented example inputs."""
    info = client.view_api(return_format="dict", print_info=False)
    calls = []
    for api_name, endpoint in info["named_endpoints"].items():
        if api_name in known:
            continue
        args = [p.get("example_input", p.get("parameter_default")) for p in endpoint["parameters"]]
        calls.append(Call(api_name, args, lambda v: True))
    return calls


def run_demo(checkout: Path, name: str, workdir: Path) -> DemoResult:
    """Serve one demo natively and call all of its endpoints."""
    from gradio_client import Client
    from native_server import native_server

    result = DemoResult(name)
    app = workdir / name / "run.py"
    app.parent.mkdir(parents=True, exist_ok=True)
    try:
        app.write_text(demo_source(checkout, name))
        with native_server(app) as url:
            client = Client(url + "/", verbose=False)
            calls = list(EXPECTED.get(name, []))
            calls += _generic_calls(client, {c.api_name for c in calls})
            for call in calls:
                result.calls.append(_run_call(client, call))
    except Exception as exc:
        result.error = f"{type(exc).__name__}: {exc}"
    result.ok = result.error is None and all(c.ok for c in result.calls)
    return result


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--corpus" in argv:
        argv.remove("--corpus")
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import demo_corpus

        return demo_corpus.main(argv)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkout", type=Path, help="gradio git checkout or bare repository")
    parser.add_argument("demos", nargs="*", default=DEMOS, help="demo names (default: the standard set)")
    parser.add_argument("--json", action="store_true", help="print a JSON summary")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wasmui-demos-") as tmp:
        results = [run_demo(args.checkout, name, Path(tmp)) for name in args.demos]
    if args.json:
        print(json.dumps([{"name": r.name, "ok": r.ok, "error": r.error,
                           "calls": [c.__dict__ for c in r.calls]} for r in results]))
    else:
        for r in results:
            print(f"{'PASS' if r.ok else 'FAIL'} {r.name}")
            if r.error:
                lines = [ln for ln in r.error.splitlines() if ln.strip()]
                print("    " + lines[0] + ("\n    ... " + "\n    ".join(lines[-3:]) if len(lines) > 1 else ""))
            for c in r.calls:
                print(f"    {'ok ' if c.ok else 'BAD'} {c.api_name}: {c.detail}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
