"""ChatInterface options for tests/e2e/test_chat_extras.py: run_examples_on_click=False,
additional_outputs, fill_width, autofocus and concurrency_limit=2 (two "pair"
messages from two pages meet inside the function only if both run at once)."""

import threading

import wasmui as gr

_lock = threading.Condition()
_arrived: dict[str, int] = {}


def answer(message, history):
    if message.startswith("pair "):
        # "pair TOKEN WHO": the two messages sharing TOKEN wait for each other.
        token = message.split(" ")[1]
        with _lock:
            _arrived[token] = _arrived.get(token, 0) + 1
            _lock.notify_all()
            met = _lock.wait_for(lambda: _arrived[token] >= 2, timeout=45)
        return f"{message}: met={met}", str(len(message))
    return f"echo {message}", str(len(message))


length = gr.Textbox(label="Length", render=False)
demo = gr.ChatInterface(
    answer,
    examples=["example one"],
    run_examples_on_click=False,
    additional_outputs=[length],
    fill_width=True,
    concurrency_limit=2,
)
with demo:
    # Gradio's pattern: the additional output is rendered by the app, here under the chat.
    length.render()

if __name__ == "__main__":
    demo.launch()
