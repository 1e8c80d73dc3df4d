"""gr.Audio with type="numpy" in the browser (numpy from the full Pyodide distribution)."""

import numpy as np

import gradio as gr


def describe(audio):
    if audio is None:
        return "none"
    rate, data = audio
    return f"rate={rate} seconds={len(data) / rate:.2f} dtype={data.dtype} shape={list(data.shape)[1:]}"


def chirp(seconds: float):
    rate = 16000
    t = np.arange(int(rate * seconds)) / rate
    return rate, (0.4 * np.sin(2 * np.pi * (300 + 400 * t) * t)).astype(np.float32)


with gr.Blocks() as demo:
    mic = gr.Audio(sources=["microphone"], label="Mic")
    heard = gr.Textbox(label="Heard")
    mic.stop_recording(describe, mic, heard)
    uploaded = gr.Audio(sources=["upload"], label="Upload")
    described = gr.Textbox(label="Described")
    uploaded.upload(describe, uploaded, described)
    seconds = gr.Number(0.75, label="Seconds")
    make = gr.Button("Make chirp")
    out = gr.Audio(label="Chirp")
    make.click(chirp, seconds, out)
    as_mp3 = gr.Button("Make mp3")
    mp3 = gr.Audio(label="MP3", format="mp3")
    as_mp3.click(chirp, seconds, mp3)

if __name__ == "__main__":
    demo.launch(max_file_size=200 * gr.FileSize.KB)
