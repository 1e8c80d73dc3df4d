"""gr.Chatbot in Blocks for the chat e2e tests: Markdown/code/LaTeX, an XSS corpus
in both roles, nested thoughts (pending -> done), an async-generator bot, and the
like/retry/undo/edit/copy/clear/select events with their event data."""

import asyncio
import json

import wasmui as gr

XSS = [
    "<script>window.__xss = 'script'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "[click me](javascript:window.__xss='link')",
    "<a href=\"javascript:window.__xss='a'\">a link</a>",
    "<svg><script>window.__xss='svg'</script></svg>",
    "<svg onload=\"window.__xss='svgload'\"></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss='math'\"></style></mglyph></table></mtext></math>",
    "<iframe src=\"javascript:window.__xss='iframe'\"></iframe>",
    "<details open ontoggle=\"window.__xss='details'\">x</details>",
    "<form><button formaction=\"javascript:window.__xss='form'\">go</button></form>",
    "$$\\href{javascript:window.__xss='katex'}{x}$$",
    # allow_tags (True by default): a custom tag is shown as text, its handler never becomes markup
    "<thinking onclick=\"window.__xss='tag'\">plan</thinking>",
]

RICH = """Here is **bold**, a [link](https://example.org) and a table:

| a | b |
|---|---|
| 1 | 2 |

```python
def add(a, b):
    return a + b
```

Math: $$\\frac{a_1}{b_2}$$
"""



def like(data: gr.LikeData):
    return json.dumps({"event": "like", "index": data.index, "value": data.value, "liked": data.liked})


def retry(history, data: gr.RetryData):
    return history[: data.index] + [{"role": "user", "content": "retried"}, {"role": "assistant", "content": "again"}], \
        json.dumps({"event": "retry", "index": data.index, "value": data.value})


def undo(history, data: gr.UndoData):
    return history[: data.index], json.dumps({"event": "undo", "index": data.index, "value": data.value})


def edit(data: gr.EditData):
    return json.dumps({"event": "edit", "index": data.index, "value": data.value, "previous_value": data.previous_value})


def copy(data: gr.CopyData):
    return json.dumps({"event": "copy", "value": data.value})


def select(data: gr.SelectData):
    return json.dumps({"event": "select", "index": data.index, "value": data.value})


async def think():
    history = [{"role": "user", "content": "Plan a trip"}]
    history.append(gr.ChatMessage("Looking at options", metadata={"title": "Planning", "id": 1, "status": "pending"}))
    yield history
    await asyncio.sleep(1.0)
    history.append(gr.ChatMessage("Checked the weather", metadata={"title": "Weather tool", "id": 2, "parent_id": 1,
                                                                    "status": "pending"}))
    yield history
    await asyncio.sleep(1.0)
    # A Markdown title (rendered, sanitised: the onerror never runs).
    title = "_Weather_ tool <img src=x onerror=\"window.__xss='title'\">"
    history[2] = gr.ChatMessage("Checked the weather: sunny", metadata={"title": title, "id": 2, "parent_id": 1,
                                                                         "status": "done", "duration": 0.4})
    history[1] = gr.ChatMessage("Looking at options", metadata={"title": "Planning", "id": 1, "status": "done",
                                                                "duration": 0.8, "log": "2 steps"})
    yield history
    history.append({"role": "assistant", "content": "Go to the beach."})
    yield history


async def async_bot(message, history):
    history = history + [{"role": "user", "content": message}, {"role": "assistant", "content": ""}]
    for ch in f"Async: {message}":
        history[-1]["content"] += ch
        await asyncio.sleep(0.01)
        yield history, ""


with gr.Blocks() as demo:
    bot = gr.Chatbot(
        [{"role": "user", "content": "Show me something rich"}, {"role": "assistant", "content": RICH}],
        label="Chat",
        editable="user",
        feedback_options=["Like", "Dislike"],
        latex_delimiters=[{"left": "$$", "right": "$$", "display": True}],
        avatar_images=(None, None),
    )
    log = gr.Textbox(label="Event log")
    msg = gr.Textbox(label="Message")
    with gr.Row():
        xss_btn = gr.Button("Load XSS")
        think_btn = gr.Button("Think")
    # The same corpus with sanitize_html=False: nothing may run there either.
    raw = gr.Chatbot(label="Unsanitised", sanitize_html=False)
    xss_btn.click(lambda: [[m for p in XSS for m in ({"role": "user", "content": p}, {"role": "assistant", "content": p})]] * 2,
                  None, [bot, raw])
    think_btn.click(think, None, bot)
    msg.submit(async_bot, [msg, bot], [bot, msg])
    bot.like(like, None, log)
    bot.retry(retry, bot, [bot, log])
    bot.undo(undo, bot, [bot, log])
    bot.edit(edit, None, log)
    bot.copy(copy, None, log)
    bot.select(select, None, log)

if __name__ == "__main__":
    demo.launch()
