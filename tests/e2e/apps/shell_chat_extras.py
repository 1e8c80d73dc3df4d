"""Chatbot options for tests/e2e/test_chat_extras.py: copy-all, rtl, resizable,
layout="panel", group_consecutive_messages=False, line_breaks=False, options
(option_select) and autoscroll that stops when the reader scrolls up."""

import json
import time

import wasmui as gr

HISTORY = [
    {"role": "user", "content": "salut"},
    {"role": "assistant", "content": "first line\nsame paragraph"},
    {"role": "assistant", "content": "second answer"},
    {
        "role": "assistant",
        "content": "Pick one",
        "options": [{"value": "apple", "label": "Apple"}, {"value": "pear"}],
    },
]


def on_option(evt: gr.SelectData):
    return json.dumps({"event": "option_select", "index": evt.index, "value": evt.value})


def on_copy(evt: gr.CopyData):
    return json.dumps({"event": "copy", "value": evt.value})


def stream(history):
    history = list(history or [])
    for i in range(80):
        history = history + [{"role": "assistant", "content": f"line {i}"}]
        time.sleep(0.2)
        yield history


with gr.Blocks() as demo:
    bot = gr.Chatbot(
        HISTORY,
        label="Options bot",
        buttons=["copy_all"],
        rtl=True,
        resizable=True,
        layout="panel",
        group_consecutive_messages=False,
        line_breaks=False,
        height=400,
    )
    events = gr.Textbox(label="Event log")
    bot.option_select(on_option, None, events)
    bot.copy(on_copy, None, events)
    scroller = gr.Chatbot(label="Scroll bot", height=200)
    gr.Button("Stream lines").click(stream, scroller, scroller)

if __name__ == "__main__":
    demo.launch()
