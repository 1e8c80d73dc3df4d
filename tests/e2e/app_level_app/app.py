"""For tests/e2e/test_app_level_browser.py: a gr.DeepLinkButton next to values worth sharing;
an eagerly cached example table whose answers change per run (so the build cannot ship them
and the browser caches them at boot, as Gradio does at launch); a batch=True function; a
second page whose load event reads the page URL's query (gr.Request.query_params) and whose
button reads the browser's headers (gr.Request.headers, Gradio's request_ip_headers demo)."""

import asyncio
import itertools

import gradio as gr

calls = itertools.count(1)
batch_sizes = []


def tag(word):
    return f"{word} #{next(calls)}"


async def double(numbers):
    batch_sizes.append(len(numbers))
    await asyncio.sleep(1.5)  # the next clicks queue up meanwhile and run as one batch
    seen = ",".join(map(str, batch_sizes))
    return [[n * 2 for n in numbers], [seen] * len(numbers)]


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
    with gr.Row():
        n = gr.Number(4, label="n")
        doubled = gr.Number(label="Doubled")
        sizes = gr.Textbox(label="Batch sizes")
    gr.Button("Double").click(double, n, [doubled, sizes], batch=True, max_batch_size=3, trigger_mode="multiple")



def option(request: gr.Request):
    return request.query_params.get("option") or "none"


def agent(request: gr.Request):
    return request.headers["user-agent"], request.headers.get("accept-language", "")


with demo.route("Second", "second") as second:
    chosen = gr.Textbox(label="Option")
    second.load(option, None, chosen)
    user_agent = gr.Textbox(label="User agent")
    languages = gr.Textbox(label="Languages")
    gr.Button("Who am I").click(agent, None, [user_agent, languages])

if __name__ == "__main__":
    demo.launch()
