"""Streamed Audio/Video outputs on the wire (no browser): Gradio's is_stream FileData, the
``/gradio_api/stream/{session}/{run}/{component}/`` routes (playlist, segments,
playlist-file), WAV chunk handling (bytes, continued bytes, files, numpy) and the errors
for formats that need ffmpeg."""

from __future__ import annotations

import io
import re
import subprocess
import wave
from pathlib import Path
from typing import Any

import pytest

import wasmui as gr
from wasmui.components.streaming import AudioStreamEncoder, VideoStreamEncoder, mp4_duration, ts_duration
from wasmui.exceptions import Error
from wasmui.media_streams import MediaStream, MediaStreams
from wasmui.processing import explain_missing_program
from wasmui.testing import TestClient
from wasmui.wav import AudioFormatError

VIDEOS = Path(gr.__file__).parent / "media_assets" / "videos"
TS_CLIPS = Path(__file__).resolve().parents[1] / "e2e" / "stream_out_app"  # a.ts, b.ts: the mp4 clips remuxed


def wav(frames: int, rate: int = 8000, width: int = 2, channels: int = 1, fill: int = 1) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(bytes([fill]) * frames * width * channels)
    return out.getvalue()


def frames_of(data: bytes) -> tuple[int, int, bytes]:
    with wave.open(io.BytesIO(data), "rb") as w:
        return w.getframerate(), w.getnframes(), w.readframes(w.getnframes())


def run(client: TestClient, fn_index: int, data: list[Any], session: str = "S") -> list[dict[str, Any]]:
    r = client.post("/gradio_api/queue/join", json={"data": data, "fn_index": fn_index, "session_hash": session})
    assert r.status_code == 200, r.text
    with client.stream(f"/gradio_api/queue/data?session_hash={session}") as s:
        out = []
        for m in s:
            out.append(m.json())
            if out[-1].get("msg") == "process_completed":
                return out
    raise AssertionError(out)


# -- encoders ------------------------------------------------------------------------
def test_wav_bytes_continued_by_raw_bytes_become_whole_segments() -> None:
    data = wav(1000, fill=7)  # 2,000 bytes of samples after a 44-byte header
    stream = MediaStream(AudioStreamEncoder())
    for i in range(0, len(data), 601):  # odd sizes: samples split between chunks
        stream.add(data[i:i + 601])
    assert sum(s.duration for s in stream.segments) == pytest.approx(1000 / 8000)
    assert all(s.extension == ".wav" and frames_of(s.data)[0] == 8000 for s in stream.segments)
    rate, n, samples = frames_of(Path(stream.combined()).read_bytes())
    assert (rate, n, samples) == (8000, 1000, bytes([7]) * 2000)


def test_a_chunk_in_another_format_or_layout_is_refused_by_name(tmp_path: Path) -> None:
    enc = AudioStreamEncoder()
    with pytest.raises(AudioFormatError, match="Cannot stream mp3 audio .*needs ffmpeg"):
        enc.add(b"ID3\x04" + b"\x00" * 40)
    with pytest.raises(AudioFormatError, match="not a WAV file, and no WAV chunk came before"):
        enc.add(b"\x01\x02" * 20)
    mp3 = tmp_path / "x.mp3"
    mp3.write_bytes(b"\xff\xfb\x90\x00" * 10)
    with pytest.raises(AudioFormatError, match="Cannot stream mp3 audio \\(x.mp3\\)"):
        enc.add({"path": str(mp3), "meta": {"_type": "gradio.FileData"}})
    enc.add(wav(10))
    with pytest.raises(AudioFormatError, match="22050 Hz.*began with 8000 Hz"):
        enc.add(wav(10, rate=22050))
    with pytest.raises(Error, match="from a URL"):
        enc.add({"path": "https://example.com/a.wav", "meta": {"_type": "gradio.FileData"}})


def test_mp4_chunks_keep_their_duration_and_cannot_be_joined() -> None:
    assert mp4_duration((VIDEOS / "a.mp4").read_bytes()) == pytest.approx(1.968, abs=0.01)
    assert mp4_duration(b"not an mp4") is None
    enc = VideoStreamEncoder()
    segs = [enc.add({"path": str(VIDEOS / n), "meta": {"_type": "gradio.FileData"}}) for n in ("a.mp4", "b.mp4")]
    assert [s.extension for s in segs if s] == [".mp4", ".mp4"]
    assert Path(enc.combine([segs[0]])).read_bytes() == (VIDEOS / "a.mp4").read_bytes()  # type: ignore[list-item]
    with pytest.raises(Error, match="Cannot join 2 mp4 chunks .*needs ffmpeg"):
        enc.combine(segs)  # type: ignore[arg-type]
    with pytest.raises(Error, match="Cannot stream webm video .*needs ffmpeg"):
        enc.add({"path": "/tmp/x.webm", "meta": {"_type": "gradio.FileData"}})


def test_mpeg_ts_chunks_are_timed_by_their_timestamps_and_joined_byte_wise() -> None:
    clips = [TS_CLIPS / "a.ts", TS_CLIPS / "b.ts"]
    assert ts_duration(clips[0].read_bytes()) == pytest.approx(1.97, abs=0.05)
    assert ts_duration(b"\x47" + b"\x00" * 400) is None
    enc = VideoStreamEncoder()
    segs = [enc.add({"path": str(c), "meta": {"_type": "gradio.FileData"}}) for c in clips]
    assert enc.orig_name == "video-stream.ts" and [s.extension for s in segs if s] == [".ts", ".ts"]
    assert Path(enc.combine(segs)).read_bytes() == b"".join(c.read_bytes() for c in clips)  # type: ignore[arg-type]
    with pytest.raises(Error, match="every chunk of a stream must be mp4, or every chunk MPEG-TS"):
        enc.add({"path": str(VIDEOS / "a.mp4"), "meta": {"_type": "gradio.FileData"}})
    stream = MediaStream(VideoStreamEncoder())
    for c in clips:
        stream.add({"path": str(c), "meta": {"_type": "gradio.FileData"}})
    assert stream.playlist().count("#EXT-X-DISCONTINUITY") == 2


def test_the_store_keeps_a_bounded_number_of_streams() -> None:
    streams = MediaStreams(limit=2)
    for run in range(3):
        streams.open("S", run, 1, AudioStreamEncoder())
    assert streams.get("S", 0, 1) is None and streams.get("S", "2", "1") is not None
    assert streams.get("S", "x", 1) is None


# -- on the wire -----------------------------------------------------------------------
def app() -> gr.Blocks:
    def tones(n: float) -> Any:
        for i in range(int(n)):
            yield wav(400, fill=i + 1)

    def video() -> Any:
        yield str(VIDEOS / "a.mp4")
        yield str(VIDEOS / "b.mp4")

    with gr.Blocks() as demo:
        n = gr.Number(3)
        audio = gr.Audio(streaming=True)
        vid = gr.Video(streaming=True)
        gr.Button("a").click(tones, n, audio)
        gr.Button("v").click(video, None, vid)
    return demo


def test_generator_chunks_become_an_hls_stream_with_gradios_file_data() -> None:
    demo = app()
    with TestClient(demo.app) as c:
        messages = run(c, 0, [3])
        outputs = [m["output"]["data"][0] for m in messages if m.get("msg") in ("process_generating", "process_completed")]
        first, last = outputs[0], outputs[-1]
        # Every message names the same playlist (Gradio's shape); later ones are empty diffs.
        assert first == last
        assert first["is_stream"] is True and first["orig_name"] == "audio-stream.wav"
        assert re.fullmatch(r"S/\d+/\d+/playlist\.m3u8", first["path"])
        assert first["url"] == f"http://127.0.0.1:7860/gradio_api/stream/{first['path']}"
        assert outputs[1:-1] == [[]] * (len(outputs) - 2)
        base = f"/gradio_api/stream/{first['path'].rsplit('/', 1)[0]}"
        playlist = c.get(f"{base}/playlist.m3u8")
        assert playlist.headers["content-type"] == "application/vnd.apple.mpegurl"
        lines = playlist.text.splitlines()
        assert lines[:2] == ["#EXTM3U", "#EXT-X-PLAYLIST-TYPE:EVENT"] and lines[-1] == "#EXT-X-ENDLIST"
        segments = [ln for ln in lines if ln.endswith(".wav")]
        assert len(segments) == 3 and lines.count("#EXTINF:0.050,") == 3
        one = c.get(f"{base}/{segments[1]}")
        assert one.status_code == 200 and frames_of(one.content)[2] == bytes([2]) * 800
        whole = c.get(f"{base}/playlist-file")
        assert whole.status_code == 200 and frames_of(whole.content)[1] == 1200
        assert c.get(f"{base}/nope.wav").status_code == 404
        assert c.get(f"{base}/{segments[0][:-4]}.ts").status_code == 404
        assert c.get("/gradio_api/stream/S/999/1/playlist.m3u8").status_code == 404

        vmsgs = run(c, 1, [])
        vfile = vmsgs[-1]["output"]["data"][0]
        assert vfile["is_stream"] is True and vfile["orig_name"] == "video-stream.mp4"
        vbase = f"/gradio_api/stream/{vfile['path'].rsplit('/', 1)[0]}"
        assert len([ln for ln in c.get(f"{vbase}/playlist.m3u8").text.splitlines() if ln.endswith(".mp4")]) == 2
        refused = c.get(f"{vbase}/playlist-file")
        assert refused.status_code == 501 and "needs ffmpeg" in refused.text


def test_a_streamed_output_sent_back_as_an_input_is_the_whole_stream() -> None:
    def tones() -> Any:
        yield wav(400, fill=1)
        yield wav(400, fill=2)

    with gr.Blocks() as demo:
        audio = gr.Audio(streaming=True)
        seconds = gr.Number()
        gr.Button("a").click(tones, None, audio)
        gr.Button("b").click(lambda a: len(a[1]) / a[0], audio, seconds)
    with TestClient(demo.app) as c:
        streamed = run(c, 0, [])[-1]["output"]["data"][0]
        assert run(c, 1, [streamed])[-1]["output"]["data"] == [0.1]
        gone = {**streamed, "path": "S/999/1/playlist.m3u8"}
        assert "no longer available" in run(c, 1, [gone])[-1]["output"]["error"]
        # Another session cannot read this session's stream.
        assert "no longer available" in run(c, 1, [streamed], session="T")[-1]["output"]["error"]


def test_a_failing_generator_ends_its_playlist_and_the_error_names_the_format() -> None:
    def bad() -> Any:
        yield wav(80)
        yield b"ID3\x04" + b"\x00" * 40

    with gr.Blocks() as demo:
        audio = gr.Audio(streaming=True)
        gr.Button("b").click(bad, None, audio)
    with TestClient(demo.app) as c:
        messages = run(c, 0, [])
        assert messages[-1]["success"] is False and "Cannot stream mp3 audio" in messages[-1]["output"]["error"]
        path = next(m for m in messages if m.get("msg") == "process_generating")["output"]["data"][0]["path"]
        assert c.get(f"/gradio_api/stream/{path}").text.endswith("#EXT-X-ENDLIST\n")


def test_a_program_the_browser_cannot_start_is_named() -> None:
    def export(format: str = "mp3") -> None:  # noqa: A002 - pydub's parameter name
        subprocess.Popen(["ffmpeg-not-here-wasmui", "-i", "x"])

    with pytest.raises(OSError) as caught:
        export()
    error = explain_missing_program(caught.value)
    assert isinstance(error, Error)
    assert "runs the program ffmpeg-not-here-wasmui to convert mp3 media" in error.message
    other = ValueError("x")
    assert explain_missing_program(other) is other

