"""Cached examples for tests/e2e/test_examples_cache_browser.py: a deterministic Interface
(answers shipped by the build) and a lazily cached table whose answers change per run."""

import itertools

import gradio as gr

runs = itertools.count(1)


def square(n):
    return n * n


def stamp(word):
    return f"{word} #{next(runs)}"


with gr.Blocks() as demo:
    gr.Interface(square, gr.Number(label="n"), gr.Number(label="square"), examples=[[3], [4], [12]],
                 cache_examples=True, flagging_mode="never")
    with gr.Row():
        word = gr.Textbox(label="Word")
        stamped = gr.Textbox(label="Stamped")
    gr.Examples([["apple"], ["pear"]], word, stamped, fn=stamp, cache_examples="lazy")

if __name__ == "__main__":
    demo.launch()
