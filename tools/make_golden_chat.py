"""Record the component tree and dependency chain real Gradio builds for gr.ChatInterface.

    /work/gradio-venv/bin/python tools/make_golden_chat.py tests/core/golden/chat_interface.json

``tests/core/test_chat_interface.py`` builds the same cases with wasmui and compares
them: component types and props, the layout, and each dependency's targets, inputs,
outputs, api name, queueing, cancels and chaining (what clients and the shell see).
"""

from __future__ import annotations

import json
import sys
from typing import Any

# Name → (function source, ChatInterface keyword arguments as Python source).
CASES: dict[str, tuple[str, str]] = {
    "echo": ("def echo(message, history):\n    return message", "{}"),
    "stream_examples": ("def stream(message, history):\n    yield message",
                        "dict(examples=['a', 'b'], title='T', description='D')"),
    "extras_editable": ("def respond(message, history, system, temperature):\n    return message",
                        "dict(additional_inputs=[gr.Textbox(label='sys'), gr.Slider(0, 1)], editable=True)"),
    "multimodal": ("def mm(message, history):\n    return message['text']", "dict(multimodal=True, examples=[{'text': 'hi'}])"),
    "save_history": ("def keep(message, history):\n    return message", "dict(save_history=True)"),
    "flagging": ("def keep(message, history):\n    return message",
                 "dict(flagging_mode='manual', flagging_options=['Like', 'Dislike', 'Spam'], flagging_dir='/tmp/golden-flags')"),
    "cached_eager": ("def keep(message, history):\n    return message",
                     "dict(examples=['a', 'b'], cache_examples=True, cache_mode='eager')"),
    "cached_lazy": ("def stream(message, history):\n    yield message",
                    "dict(examples=['a', 'b'], cache_examples=True, cache_mode='lazy')"),
}
DEP_KEYS = ("targets", "inputs", "outputs", "backend_fn", "queue", "api_name", "api_visibility", "show_progress",
            "cancels", "types", "collects_event_data", "trigger_after", "trigger_only_on_success",
            "trigger_only_on_failure", "trigger_mode")
# Props that differ by design: random secrets, i18n keys (wasmui sends English text), icon paths.
SKIP_PROPS = {"secret", "delete_callback", "time_to_live", "icon", "component_props",
              "components", "component_ids", "headers", "type", "samples"}
# Gradio sends translation keys its frontend resolves; wasmui sends the English text.
I18N = {"chat_interface.chatbot": "Chatbot", "chat_interface.message_placeholder": "Type a message...",
        "chat_interface.new_chat": "New chat", "chat_interface.additional_inputs": "Additional Inputs"}


def english(value: Any) -> Any:
    if type(value).__name__ == "I18nData":
        value = str(value)
    if isinstance(value, str) and value.startswith("__i18n__"):
        return I18N[json.loads(value[len("__i18n__"):])["key"]]
    return value


def build(gr: Any, name: str) -> dict[str, Any]:
    src, kwargs = CASES[name]
    ns: dict[str, Any] = {"gr": gr}
    exec(src, ns)  # noqa: S102 - fixed sources above
    fn = [v for k, v in ns.items() if callable(v) and k != "gr"][0]
    demo = gr.ChatInterface(fn, **eval(kwargs, ns))  # noqa: S307
    cfg = demo.get_config_file() if hasattr(demo, "get_config_file") else demo.get_config()
    # Block ids count up across every Blocks a process builds: number them from the app's root.
    order = {cfg["layout"]["id"]: 0, **{c["id"]: i + 1 for i, c in enumerate(cfg["components"])}}

    def ids(value: Any) -> Any:
        if isinstance(value, list):
            return [ids(v) for v in value]
        return order.get(value, value) if isinstance(value, int) and not isinstance(value, bool) else value

    def layout(node: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"id": order[node["id"]]}
        if "children" in node:
            out["children"] = [layout(c) for c in node["children"]]
        return out

    comps = [{"id": order[c["id"]], "type": c["type"],
              "props": {k: english(v) for k, v in c["props"].items() if k not in SKIP_PROPS}} for c in cfg["components"]]
    for c in comps:  # the key embeds the app's own block id
        if "storage_key" in c["props"]:
            c["props"]["storage_key"] = c["props"]["storage_key"].replace(str(cfg["layout"]["id"]), "<root id>")
    deps = [{k: d.get(k) for k in DEP_KEYS} for d in cfg["dependencies"]]
    for d in deps:
        d["inputs"], d["outputs"] = ids(d["inputs"]), ids(d["outputs"])
        d["targets"] = [[order.get(t[0], t[0]), t[1]] for t in d["targets"]]
    endpoints = sorted(demo.get_api_info()["named_endpoints"])
    return json.loads(json.dumps({"components": comps, "layout": layout(cfg["layout"]), "dependencies": deps,
                                  "endpoints": endpoints, "fill_height": cfg.get("fill_height")}, default=str))


def main(out: str) -> None:
    import gradio as gr

    golden = {name: build(gr, name) for name in CASES}
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"gradio_version": gr.__version__, "cases": golden}, f, indent=1, sort_keys=True)
    print(f"wrote {len(golden)} ChatInterface cases from gradio {gr.__version__} to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/core/golden/chat_interface.json")
