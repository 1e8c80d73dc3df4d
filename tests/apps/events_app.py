"""gr.api endpoints and a batch=True function, for tests/clients/test_clients_events.py."""

import time

import gradio as gr

sizes: list[int] = []


def add_and_slice(a: int, b: int = 2, c: list[str] | None = None) -> tuple[int, list[str]]:
    """Adds a and b, slices c."""
    return a + b, (c or [])[a:b]


def slow_double(numbers):
    sizes.append(len(numbers))
    time.sleep(0.6)
    return [[n * 2 for n in numbers]]


with gr.Blocks() as demo:
    n = gr.Number(label="n")
    doubled = gr.Number(label="doubled")
    gr.Button("Double").click(slow_double, n, doubled, batch=True, max_batch_size=3, api_name="double")
    gr.api(add_and_slice, api_name="add_and_slice")

    @gr.api
    def batch_sizes() -> list[int]:
        return list(sizes)

if __name__ == "__main__":
    demo.launch()
