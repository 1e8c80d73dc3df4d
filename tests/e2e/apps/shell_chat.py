"""ChatInterface for the chat e2e tests: a streaming echo (slow enough to stop),
examples, editable messages, an additional input, and an error on request."""

import time

import wasmui as gr


def echo(message, history, prefix):
    if message == "fail":
        raise gr.Error("The bot failed on purpose")
    words = f"{prefix}{message}".split(" ")
    out = ""
    for i, w in enumerate(words):
        out = f"{out} {w}" if out else w
        # Slower words after the third so Stop can land in the middle of the answer.
        time.sleep(0.6 if i >= 3 else 0.25)
        yield out


demo = gr.ChatInterface(
    echo,
    additional_inputs=[gr.Textbox("", label="Prefix")],
    examples=[["hello there", None], ["tell me more", None]],
    title="Echo chat",
    editable=True,
)

if __name__ == "__main__":
    demo.launch()
