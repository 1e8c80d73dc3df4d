"""Record the API endpoints real Gradio names for Interface, TabbedInterface and ChatInterface.

    /work/gradio-venv/bin/python tools/make_golden_endpoints.py tests/core/golden/endpoints.json

Gradio 6.31 names an Interface's prediction endpoint after its function (``/greet``,
``/lambda``), not ``/predict``; ``tests/core/test_interface_endpoints.py`` builds the same
apps with wasmui and compares every dependency's api name and visibility and the named
endpoints of ``view_api``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

# Name -> Python source that defines `demo` (with `gr` in scope).
CASES: dict[str, str] = {
    "interface_named_fn": "def greet(name, intensity):\n    return name\n"
                          "demo = gr.Interface(greet, ['text', 'slider'], 'text', examples=[['Ann', 2]])",
    "interface_lambda": "demo = gr.Interface(lambda x: x, 'text', 'text')",
    "interface_api_name": "def f(x):\n    return x\ndemo = gr.Interface(f, 'text', 'text', api_name='custom')",
    "interface_live": "def shout(x):\n    return x.upper()\ndemo = gr.Interface(shout, 'text', 'text', live=True)",
    "interface_callable_object": "class Model:\n    def __call__(self, x):\n        return x\n"
                                 "demo = gr.Interface(Model(), 'text', 'text')",
    "tabbed_two_lambdas": "demo = gr.TabbedInterface([gr.Interface(lambda x: x, 'text', 'text'),\n"
                          "                           gr.Interface(lambda x: x, 'text', 'text')])",
    "tabbed_named": "def hello(x):\n    return x\ndef bye(x):\n    return x\n"
                    "demo = gr.TabbedInterface([gr.Interface(hello, 'text', 'text'), gr.Interface(bye, 'text', 'text')])",
    "interface_deep_link": "def greet(x):\n    return x\ndemo = gr.Interface(greet, 'text', 'text', deep_link=True)",
    "interface_deep_link_label": "def greet(x):\n    return x\n"
                                 "demo = gr.Interface(greet, 'text', 'text', deep_link='Share it', flagging_mode='never')",
    "chat_named_fn": "def echo(message, history):\n    return message\ndemo = gr.ChatInterface(echo)",
    "chat_api_name": "def echo(message, history):\n    return message\ndemo = gr.ChatInterface(echo, api_name='chat')",
}


def build(gr: Any, name: str) -> dict[str, Any]:
    """The endpoint names of case ``name`` built with ``gr`` (real Gradio or wasmui)."""
    scope: dict[str, Any] = {"gr": gr}
    exec(CASES[name], scope)  # noqa: S102 - fixed test sources above
    demo = scope["demo"]
    config = demo.get_config_file() if hasattr(demo, "get_config_file") else demo.get_config()
    deps = [[d["api_name"], d["api_visibility"]] for d in config["dependencies"]]
    return {"dependencies": deps, "named_endpoints": sorted(demo.get_api_info()["named_endpoints"])}


def main(out: str) -> None:
    import gradio as gr

    cases = {name: build(gr, name) for name in CASES}
    lines = [f" {json.dumps(name)}: {json.dumps(case)}" for name, case in cases.items()]
    with open(out, "w") as f:
        f.write(f'{{"gradio": {json.dumps(gr.__version__)}, "cases": {{\n' + ",\n".join(lines) + "\n}}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/core/golden/endpoints.json")
