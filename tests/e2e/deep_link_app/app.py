"""For tests/e2e/test_deep_link_browser.py: a gr.DeepLinkButton next to values worth sharing,
and an eagerly cached example table whose answers change per run (so the build cannot ship
them and the browser caches them at boot, as Gradio does at launch)."""

import itertools

import gradio as gr

calls = itertools.count(1)


def tag(word):
    return f"{word} #{next(calls)}"


with gr.Blocks() as demo:
    name = gr.Textbox(label="Name")
    times = gr.Slider(1, 5, step=1, value=1, label="Times")
    out = gr.Textbox(label="Out")
    gr.Button("Repeat", variant="primary").click(lambda s, n: s * int(n), [name, times], out)
    gr.DeepLinkButton()
    with gr.Row():
        word = gr.Textbox(label="Word")
        tagged = gr.Textbox(label="Tagged")
    gr.Examples([["apple"], ["pear"], ["plum"]], word, tagged, fn=tag, cache_examples=True, cache_mode="eager")

if __name__ == "__main__":
    demo.launch()
