"""Streaming inputs: webcam frames and microphone chunks into `.stream` listeners."""

import gradio as gr
import numpy as np


def frame_seen(frame: np.ndarray, n: int) -> tuple[str, int]:
    return f"{frame.shape[1]}x{frame.shape[0]}", n + 1


def chunk_heard(chunk: tuple[int, np.ndarray] | None, n: int, total: int) -> tuple[str, int, int]:
    if chunk is None:
        return "none", n, total
    rate, samples = chunk
    return f"rate={rate} samples={len(samples)}", n + 1, total + len(samples)


with gr.Blocks() as demo:
    with gr.Row():
        live = gr.Image(label="Live", sources=["webcam"], streaming=True)
        size = gr.Textbox(label="Frame size")
        frames = gr.Number(0, label="Frames")
    live.stream(frame_seen, [live, frames], [size, frames], stream_every=0.2)
    with gr.Row():
        short = gr.Image(label="Short", sources=["webcam"], streaming=True)
        short_frames = gr.Number(0, label="Short frames")
    # preprocess=False: no image decoding, so the first frame is not slowed by imports.
    short.stream(lambda f, n: n + 1, [short, short_frames], short_frames, stream_every=0.2, time_limit=3,
                 preprocess=False)
    with gr.Row():
        mic = gr.Audio(sources=["microphone"], label="Mic")  # `.stream` makes it stream, as in Gradio
        heard = gr.Textbox(label="Heard")
        chunks = gr.Number(0, label="Chunks")
        samples = gr.Number(0, label="Samples")
    mic.stream(chunk_heard, [mic, chunks, samples], [heard, chunks, samples], stream_every=0.3)

if __name__ == "__main__":
    demo.launch()
