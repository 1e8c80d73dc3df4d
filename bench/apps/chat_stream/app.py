"""The chat benchmark's app: a ChatInterface streaming N tokens with no sleeps (N = the message,
e.g. "1000"). The same file runs under real Gradio (native) and wasmui (in the browser)."""

import gradio as gr


def stream(message, history):
    n = int(message) if str(message).strip().isdigit() else 1000
    answer = ""
    for i in range(n):
        answer += f"tok{i} "
        yield answer


demo = gr.ChatInterface(stream, title="Streaming benchmark")

if __name__ == "__main__":
    demo.launch()
