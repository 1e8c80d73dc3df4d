"""A streaming ChatInterface: thoughts shown while it works, Markdown and code in the answer, Stop keeps what was said."""

import time

import gradio as gr


def answer(message, history):
    steps = gr.ChatMessage("Reading your message", metadata={"title": "Thinking", "status": "pending"})
    yield [steps]
    time.sleep(0.3)
    steps = gr.ChatMessage("Read it.", metadata={"title": "Thinking", "status": "done", "duration": 0.3})
    text = ""
    for word in f"You said **{message}**. Here it is reversed, letter by letter:".split(" "):
        text = f"{text} {word}".strip()
        time.sleep(0.15)
        yield [steps, text]
    reversed_ = ""
    for letter in message[::-1]:
        reversed_ += letter
        time.sleep(0.1)
        yield [steps, f"{text} {reversed_}"]
    yield [steps, f"{text} {reversed_}\n\n```python\nprint({message[::-1]!r})\n```"]


demo = gr.ChatInterface(
    answer,
    title="Streaming chat",
    description="Everything runs in your browser. Try an example, or press Stop while it answers.",
    examples=["hello world", "what is 2 + 2?"],
)

if __name__ == "__main__":
    demo.launch()
