"""gr.Dialogue: editable lines with tags and a submit button, a text-mode dialogue with a custom
formatter, and a read-only coloured output."""

import json

import wasmui as gr


def show(lines):
    return json.dumps(lines)


def upper_format(speaker: str, text: str) -> str:
    return f"{speaker.upper()}: {text}"


def upper_unformat(line: str, default: str) -> dict:
    speaker, _, text = line.partition(": ")
    return {"speaker": speaker.title(), "text": text}


with gr.Blocks() as demo:
    dd = gr.Dialogue(
        value=[{"speaker": "Speaker 1", "text": "Hello, how are you?"},
               {"speaker": "Speaker 2", "text": "I'm fine, thank you!"}],
        speakers=["Speaker 1", "Speaker 2"], tags=["(laughs)", "(sighs)", "(clears throat)"],
        type="list", interactive=True, submit_btn="Send", buttons=["copy"], label="Script",
    )
    got = gr.Textbox(label="Submitted")
    changes = gr.Number(0, label="Changes")
    dd.submit(show, dd, got)
    dd.change(lambda n: n + 1, changes, changes)
    text_dd = gr.Dialogue(speakers=["Ann", "Bob"], formatter=upper_format, unformatter=upper_unformat,
                          separator="\n", interactive=True, submit_btn=True, label="Text form")
    text_out = gr.Textbox(label="As text")
    text_dd.submit(lambda s: s, text_dd, text_out)
    out = gr.Dialogue(label="Transcript", speakers=["Ann", "Bob"], interactive=False, ui_mode="dialogue")
    gr.Button("Transcribe").click(
        lambda: [{"speaker": "Ann", "text": "hi <b>there</b>"}, {"speaker": "Bob", "text": "hey"},
                 {"speaker": "Ann", "text": "bye"}], None, out)

if __name__ == "__main__":
    demo.launch()
