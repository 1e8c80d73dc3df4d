"""One Blocks app with the shapes real clients must handle: several inputs and
outputs, a generator, gr.Error, a file in/out, and a gr.State counter."""

import time

import wasmui as gr


def combine(text: str, times: float, shout: bool) -> tuple[str, float]:
    out = text * int(times)
    return (out.upper() if shout else out), len(out)


def spell(word: str):
    for i in range(1, len(word) + 1):
        yield word[:i]


def fail(text: str) -> str:
    raise gr.Error("custom failure", duration=5, title="Oops")


def crash(text: str) -> str:
    raise ValueError("hidden detail")


def reverse_file(path: str) -> str:
    with open(path, "rb") as f:
        data = f.read()
    out = path + ".reversed.txt"
    with open(out, "wb") as f:
        f.write(data[::-1])
    return out


def ticker(start: str):
    i = 0
    while True:  # runs until cancelled
        yield f"{start}{i}"
        i += 1
        time.sleep(0.05)


def careful(text: str) -> str:
    gr.Warning("careful")
    gr.Info("fyi")
    return text


def steps(n: float, progress=gr.Progress()) -> str:
    for _ in progress.tqdm(range(int(n)), desc="stepping"):
        time.sleep(0.05)
    return "done"


def count(total: int) -> tuple[int, int]:
    total = (total or 0) + 1
    return total, total


with gr.Blocks() as demo:
    text = gr.Textbox(label="Text", value="ab")
    times = gr.Number(label="Times", value=2)
    shout = gr.Checkbox(label="Shout")
    combined = gr.Textbox(label="Combined")
    length = gr.Number(label="Length")
    gr.Button("Combine").click(combine, [text, times, shout], [combined, length], api_name="combine")

    # queue=False: the JS client calls POST /gradio_api/run/upper instead of the queue.
    gr.Button("Upper").click(str.upper, text, combined, api_name="upper", queue=False)

    word = gr.Textbox(label="Word")
    spelled = gr.Textbox(label="Spelled")
    gr.Button("Spell").click(spell, word, spelled, api_name="spell")

    err_out = gr.Textbox()
    gr.Button("Fail").click(fail, text, err_out, api_name="fail")
    gr.Button("Crash").click(crash, text, err_out, api_name="crash")

    file_in = gr.File(label="In")
    file_out = gr.File(label="Out")
    gr.Button("Reverse").click(reverse_file, file_in, file_out, api_name="reverse_file")

    ticks = gr.Textbox(label="Ticks")
    gr.Button("Tick").click(ticker, text, ticks, api_name="ticker")

    gr.Button("Careful").click(careful, text, combined, api_name="careful")
    gr.Button("Steps").click(steps, times, combined, api_name="steps")

    state = gr.State(0)
    shown = gr.Number(label="Count")
    gr.Button("Count").click(count, state, [state, shown], api_name="count")

if __name__ == "__main__":
    demo.launch()
