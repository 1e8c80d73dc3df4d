"""Streamed Audio and Video outputs fed by generators (the browser tests drive it).

* Stream tones: N half-second tones, alternately WAV bytes and (sample_rate, int16 array).
* Stream bytes: a 1.6 s WAV file read in 6,001-byte pieces (the first carries the header,
  the rest continue it; odd sizes split samples between chunks).
* Stream mp3: an mp3 chunk, which needs ffmpeg: a readable error.
* Stream video: the bundled a.mp4 then b.mp4 (about 2 s each).
* Stream TS: the same two clips as MPEG-TS (a.ts, b.ts next to this file, remuxed once
  from the mp4 files with ``ffmpeg -c copy -bsf:v h264_mp4toannexb -f mpegts``).
"""

import io
import math
import tempfile
import wave
from pathlib import Path

import numpy as np

import gradio as gr

RATE = 8000


def tone(freq: float, seconds: float = 0.5) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    return (np.sin(2 * math.pi * freq * t) * 9000).astype(np.int16)


def wav_bytes(samples: np.ndarray) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.tobytes())
    return out.getvalue()


def stream_tones(n):
    for i in range(int(n)):
        samples = tone(330 + 110 * i)
        yield wav_bytes(samples) if i % 2 == 0 else (RATE, samples)


def stream_bytes():
    path = Path(tempfile.gettempdir()) / "stream-out-long.wav"
    path.write_bytes(wav_bytes(np.concatenate([tone(440, 0.8), tone(660, 0.8)])))
    with open(path, "rb") as f:
        while chunk := f.read(6001):
            yield chunk


def stream_mp3():
    path = Path(tempfile.gettempdir()) / "stream-out-chunk.mp3"
    path.write_bytes(b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 64)
    yield str(path)


def stream_video():
    for name in ("a.mp4", "b.mp4"):
        yield gr.get_video(name)


def stream_ts():
    for name in ("a.ts", "b.ts"):
        yield str(Path(__file__).parent / name)


with gr.Blocks() as demo:
    with gr.Row():
        with gr.Column():
            n = gr.Number(4, label="Chunks", precision=0)
            tones_btn = gr.Button("Stream tones")
            bytes_btn = gr.Button("Stream bytes")
            mp3_btn = gr.Button("Stream mp3")
            audio = gr.Audio(label="Streamed audio", streaming=True, autoplay=True, elem_id="streamed-audio")
        with gr.Column():
            video_btn = gr.Button("Stream video")
            video = gr.Video(label="Streamed video", streaming=True, autoplay=True, elem_id="streamed-video")
            ts_btn = gr.Button("Stream TS")
            ts_video = gr.Video(label="Streamed TS", streaming=True, autoplay=True, elem_id="streamed-ts")
    tones_btn.click(stream_tones, n, audio)
    bytes_btn.click(stream_bytes, None, audio)
    mp3_btn.click(stream_mp3, None, audio)
    video_btn.click(stream_video, None, video)
    ts_btn.click(stream_ts, None, ts_video)

if __name__ == "__main__":
    demo.launch()
