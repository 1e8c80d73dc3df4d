"""Audio, Video, UploadButton and DownloadButton in the browser (no numpy: stdlib WAV)."""

import math
import tempfile
import wave
from pathlib import Path

import gradio as gr
from gradio.media import get_file, get_image, get_video


def tone(seconds: float) -> str:
    """A 440 Hz WAV of the given length, written with the standard library."""
    rate = 8000
    path = Path(tempfile.mkdtemp()) / f"tone-{seconds}.wav"
    frames = b"".join(int(8000 * math.sin(2 * math.pi * 440 * i / rate)).to_bytes(2, "little", signed=True)
                      for i in range(int(rate * seconds)))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)
    return str(path)


def describe_recording(path: str | None) -> str:
    if path is None:
        return "none"
    with wave.open(path, "rb") as w:
        return f"rate={w.getframerate()} seconds={w.getnframes() / w.getframerate():.2f} channels={w.getnchannels()}"


def read_text(path: str) -> str:
    return Path(path).read_text()[:100]


def offer_download(path: str):
    return gr.DownloadButton(label=f"Download {Path(path).name}", value=path, visible=True)


with gr.Blocks() as demo:
    with gr.Tab("Audio"):
        seconds = gr.Number(1.5, label="Seconds")
        make = gr.Button("Make tone")
        tone_out = gr.Audio(label="Tone", type="filepath", interactive=False)
        make.click(tone, seconds, tone_out)
        plays = gr.Number(0, label="Plays")
        tone_out.play(lambda n: n + 1, plays, plays)
        mic = gr.Audio(sources=["microphone"], type="filepath", label="Mic")
        heard = gr.Textbox(label="Heard")
        mic.stop_recording(describe_recording, mic, heard)
    with gr.Tab("Video"):
        vin = gr.Video(label="Video in", sources=["upload"])
        vout = gr.Video(label="Video out")
        vin.upload(lambda v: v, vin, vout)
        sample = gr.Video(get_video("world.mp4"), label="Sample video", interactive=False, playback_position=2,
                          subtitles=get_file("s2.vtt"))
    with gr.Tab("Webcam"):
        cam = gr.Video(sources=["webcam"], label="Camera")
        clip = gr.Textbox(label="Clip")
        cam.stop_recording(lambda p: f"{Path(p).suffix} {Path(p).stat().st_size > 1000}", cam, clip)
    with gr.Tab("Formats"):
        # What Gradio does with ffmpeg: here a readable error naming the format or feature.
        mp4_only = gr.Video(label="Mp4 only", format="mp4", sources=["upload"])
        mp4_got = gr.Textbox(label="Mp4 got")
        mp4_only.upload(lambda p: Path(p).name, mp4_only, mp4_got)
        marked = gr.Video(label="Marked", watermark=get_image("logo.png"))
        gr.Button("Mark video").click(lambda: get_video("world.mp4"), None, marked)
        # A webcam Video with a format records in that container where the browser can.
        webm_cam = gr.Video(sources=["webcam"], format="webm", label="Webm camera")
        webm_clip = gr.Textbox(label="Webm clip")
        webm_cam.stop_recording(lambda p: Path(p).suffix, webm_cam, webm_clip)
    with gr.Tab("Buttons"):
        up = gr.UploadButton("Upload a text file", file_types=[".txt"])
        content = gr.Textbox(label="Content")
        down = gr.DownloadButton("Download", visible=False)
        up.upload(read_text, up, content).success(offer_download, up, down)
        echo = gr.Textbox(label="Echo")
        again = gr.Button("Echo")
        again.click(lambda: "still works", None, echo)

if __name__ == "__main__":
    demo.launch()
