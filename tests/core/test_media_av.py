"""Audio, Video, UploadButton, DownloadButton values and ``gradio.media``, natively."""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

import pytest

import wasmui as gr
from wasmui import wav
from wasmui.exceptions import Error


def write_tone(path: Path, seconds: float, rate: int = 8000, channels: int = 1, width: int = 2) -> Path:
    n = int(rate * seconds)
    if width == 2:
        samples = array.array("h", (int(10000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(n) for _ in range(channels)))
        frames = samples.tobytes()
    else:
        frames = bytes(128 + int(100 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(n) for _ in range(channels))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(frames)
    return path


def upload(path: Path, name: str | None = None) -> dict:
    return {"path": str(path), "orig_name": name or path.name, "meta": {"_type": "gradio.FileData"}}


# -- WAV with the standard library ---------------------------------------------------
def test_wav_round_trip_keeps_rate_length_and_samples(tmp_path: Path) -> None:
    samples = array.array("h", [0, 1000, -1000, 32767, -32768, 5])
    wav.write_wav(tmp_path / "a.wav", 22050, samples.tobytes())
    info = wav.read_wav(tmp_path / "a.wav")
    assert (info.sample_rate, info.channels, info.sample_width, info.n_frames) == (22050, 1, 2, 6)
    assert list(wav.to_int16_samples(info)) == list(samples)
    assert wav.wav_duration(write_tone(tmp_path / "t.wav", 1.25)) == pytest.approx(1.25)


def test_eight_bit_wav_reads_as_int16(tmp_path: Path) -> None:
    info = wav.read_wav(write_tone(tmp_path / "u8.wav", 0.01, width=1))
    ints = wav.to_int16_samples(info)
    assert len(ints) == 80 and ints[0] == 0 and max(ints) > 20000


def test_non_wav_names_its_format(tmp_path: Path) -> None:
    mp3 = tmp_path / "song.mp3"
    mp3.write_bytes(b"ID3\x03\x00" + b"\x00" * 64)
    with pytest.raises(wav.AudioFormatError, match="Cannot decode mp3 audio"):
        wav.read_wav(mp3)
    with pytest.raises(wav.AudioFormatError, match="Cannot encode audio as mp3"):
        wav.numpy_to_wav_file(8000, [0, 1, 2], "mp3")


def test_corrupt_wav_is_named_as_such(tmp_path: Path) -> None:
    bad = tmp_path / "broken.wav"
    bad.write_bytes(b"not a wav at all, just text")
    with pytest.raises(wav.AudioFormatError, match="broken.wav: it is not a valid WAV file"):
        wav.read_wav(bad)
    truncated = tmp_path / "short.wav"
    truncated.write_bytes(write_tone(tmp_path / "ok.wav", 0.1).read_bytes()[:30])
    with pytest.raises(Error, match="short.wav"):
        wav.read_wav(truncated)


def test_sample_list_writes_wav_without_numpy(tmp_path: Path) -> None:
    path = wav.numpy_to_wav_file(8000, [0, 100, -100, 99999], cache_dir=tmp_path)
    info = wav.read_wav(path)
    assert list(wav.to_int16_samples(info)) == [0, 100, -100, 32767]
    assert Path(path).name == "audio.wav"


# -- gr.Audio --------------------------------------------------------------------------
def test_audio_filepath_in_and_out(tmp_path: Path) -> None:
    tone = write_tone(tmp_path / "in.wav", 0.5)
    audio = gr.Audio(type="filepath")
    assert audio.preprocess(upload(tone)) == str(tone)
    assert audio.preprocess(None) is None
    out = audio.postprocess(str(tone))
    assert out["path"] == str(tone) and out["orig_name"] == "in.wav" and out["meta"] == {"_type": "gradio.FileData"}
    assert audio.postprocess(None) is None
    url = audio.postprocess("https://example.com/x.wav")
    assert url["url"] == "https://example.com/x.wav" and url["orig_name"] is None


def test_audio_bytes_output_is_saved_with_its_format(tmp_path: Path) -> None:
    data = write_tone(tmp_path / "b.wav", 0.1).read_bytes()
    out = gr.Audio().postprocess(data)
    assert Path(out["path"]).suffix == ".wav" and Path(out["path"]).read_bytes() == data


def test_audio_format_conversions_that_need_ffmpeg_name_the_format(tmp_path: Path) -> None:
    tone = write_tone(tmp_path / "in.wav", 0.1)
    # A WAV file where mp3 was asked for is handed over as it is, with a warning naming why
    # (Gradio's stream_audio_out demo reads it with pydub; the browser plays it).
    with pytest.warns(UserWarning, match="converting it to mp3 needs ffmpeg"):
        assert gr.Audio(type="filepath", format="mp3").preprocess(upload(tone)) == str(tone)
    with pytest.warns(UserWarning, match="converting it to mp3 needs ffmpeg"):
        assert gr.Audio(format="mp3").postprocess(str(tone))["path"] == str(tone)
    mp3 = tmp_path / "x.mp3"
    mp3.write_bytes(b"ID3" + b"\x00" * 32)
    with pytest.raises(Error, match="Cannot decode mp3 audio"):
        gr.Audio(type="filepath", format="wav").preprocess(upload(mp3))
    with pytest.raises(Error, match="Cannot decode mp3 audio"):
        gr.Audio(type="numpy").preprocess(upload(mp3))
    with pytest.raises(Error, match="mp3"):
        gr.Audio(format="mp3").postprocess((8000, [0, 1, 2]))


def test_audio_argument_checks() -> None:
    with pytest.raises(ValueError, match="streaming only available"):
        gr.Audio(sources=["upload"], streaming=True)
    with pytest.raises(ValueError, match="`sources` must"):
        gr.Audio(sources=["webcam"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="type"):
        gr.Audio(type="pil")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="format"):
        gr.Audio(format="ogg")  # type: ignore[arg-type]
    assert gr.Audio(streaming=True).sources == ["microphone"]
    assert gr.Audio(sources="microphone").sources == ["microphone"]
    assert "stop_recording" in gr.Audio.EVENTS and hasattr(gr.Audio(), "start_recording")
    assert gr.Audio().process_example("/a/b/c.wav") == "c.wav" and gr.Audio().process_example((1, [])) == "(audio)"


def test_audio_config_value_and_subtitles(tmp_path: Path) -> None:
    tone = write_tone(tmp_path / "v.wav", 0.1)
    with gr.Blocks() as demo:
        a = gr.Audio(str(tone), subtitles=[{"text": "hi", "timestamp": [0, 1]}])
    entry = next(c for c in demo.get_config()["components"] if c["id"] == a._id)
    assert entry["props"]["value"]["url"].endswith("/v.wav") and "/gradio_api/file=" in entry["props"]["value"]["url"]
    assert entry["props"]["subtitles"] == [{"start": 0, "end": 1, "text": "hi"}]
    with pytest.raises(ValueError, match="missing required 'timestamp'"):
        gr.Audio(subtitles=[{"text": "x"}])




def test_audio_numpy_in_and_out(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy")
    stereo = write_tone(tmp_path / "s.wav", 0.25, rate=16000, channels=2)
    rate, data = gr.Audio().preprocess(upload(stereo))
    assert rate == 16000 and data.dtype == np.int16 and data.shape == (4000, 2)
    rate, mono = gr.Audio().preprocess(upload(write_tone(tmp_path / "m.wav", 0.5)))
    assert rate == 8000 and mono.shape == (4000,)
    # int16 out is written unchanged
    out = gr.Audio().postprocess((rate, mono))
    assert out["orig_name"] == "audio.wav"
    rate2, back = gr.Audio().preprocess(upload(Path(out["path"])))
    assert rate2 == 8000 and np.array_equal(back, mono)
    # floats are peak-normalised to the int16 range, as Gradio does
    ramp = np.linspace(-0.5, 0.25, 100, dtype=np.float32)
    _, norm = gr.Audio().preprocess(upload(Path(gr.Audio().postprocess((8000, ramp))["path"])))
    assert norm.min() == -32767 and norm.max() == 16383
    stereo_out = gr.Audio().postprocess((44100, np.zeros((10, 2), np.float64)))
    assert wav.read_wav(stereo_out["path"]).channels == 2


# -- gr.Video ----------------------------------------------------------------------------
def test_video_values(tmp_path: Path) -> None:
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    video = gr.Video()
    assert video.preprocess(upload(clip)) == str(clip)
    assert video.postprocess(str(clip))["orig_name"] == "clip.mp4"
    assert video.postprocess((str(clip), None))["path"] == str(clip)
    assert video.postprocess(None) is None and video.postprocess((None, None)) is None
    with pytest.raises(Error, match="to webm in the browser"):
        gr.Video(format="webm").preprocess(upload(clip))
    with pytest.raises(Error, match="watermark"):
        gr.Video(watermark="logo.png").postprocess(str(clip))
    assert gr.Video(sources=["webcam"]).include_audio is False
    assert gr.Video().include_audio is True


def test_video_subtitles_become_vtt(tmp_path: Path) -> None:
    srt = tmp_path / "s.srt"
    srt.write_text("1\n00:00:00,500 --> 00:00:01,000\nHello\n\n2\n00:00:01,000 --> 00:00:02,000\nWorld\n")
    ref = gr.Video(subtitles=str(srt)).subtitles
    vtt = Path(ref["path"]).read_text()
    assert vtt.startswith("WEBVTT") and "00:00:00.500 --> 00:00:01.000\nHello" in vtt
    listed = gr.Video(subtitles=[{"text": "Hi", "timestamp": [1.5, 62]}]).subtitles
    assert "00:00:01.500 --> 00:01:02.000\nHi" in Path(listed["path"]).read_text()
    with pytest.raises(ValueError, match="extensions"):
        gr.Video(subtitles=str(tmp_path / "x.txt"))


# -- buttons ------------------------------------------------------------------------------
def test_upload_button_types_and_file_types(tmp_path: Path) -> None:
    f = tmp_path / "notes.txt"
    f.write_text("hello")
    assert gr.UploadButton().preprocess(upload(f)) == str(f)
    assert gr.UploadButton(type="binary").preprocess(upload(f)) == b"hello"
    assert gr.UploadButton(file_count="multiple").preprocess([upload(f), upload(f)]) == [str(f), str(f)]
    with pytest.raises(Error, match=r"Invalid file type: notes.txt.*\['.png'\]"):
        gr.UploadButton(file_types=[".png"]).preprocess(upload(f))
    assert gr.UploadButton(file_types=["text"]).preprocess(upload(f)) == str(f)
    out = gr.UploadButton().postprocess(str(f))
    assert out["orig_name"] == "notes.txt" and out["size"] == 5
    assert [d["orig_name"] for d in gr.UploadButton().postprocess([str(f)])] == ["notes.txt"]


def test_download_button_value(tmp_path: Path) -> None:
    f = tmp_path / "report.csv"
    f.write_text("a,b\n")
    btn = gr.DownloadButton("Get", value=str(f))
    assert btn.value["orig_name"] == "report.csv" and btn.label == "Get"
    assert btn.preprocess(upload(f)) == str(f)
    with gr.Blocks() as demo:
        d = gr.DownloadButton(value=str(f))
    props = next(c for c in demo.get_config()["components"] if c["id"] == d._id)["props"]
    assert props["value"]["url"].endswith("/report.csv")


# -- gradio.media --------------------------------------------------------------------------
def test_media_samples_exist_and_unknown_names_fail() -> None:
    from wasmui import media

    for getter, name in ((media.get_image, "cheetah1.jpg"), (media.get_video, "world.mp4"),
                         (media.get_audio, "cantina.wav"), (media.get_model3d, "Duck.glb"),
                         (media.get_file, "titanic.csv")):
        path = Path(getter(name))
        assert path.is_file() and 0 < path.stat().st_size < 64_000, path
        assert Path(getter()).parent == path.parent  # random pick from the same folder
    assert wav.wav_duration(media.get_audio("sax.wav")) >= 10  # the playback_position demo seeks to 10 s
    for sample in Path(media.get_audio("sax.wav")).parent.glob("*.wav"):
        assert wav.read_wav(sample).sample_rate >= 3000, f"{sample.name}: browsers refuse rates below 3000 Hz"
    assert media.MEDIA_PATHS[0] == media.MEDIA_ROOT / "images"
    for bad in ("nope.wav", "../images/lion.jpg", "/etc/passwd"):
        with pytest.raises(FileNotFoundError):
            media.get_audio(bad)
    assert media.get_video("https://example.com/v.mp4") == "https://example.com/v.mp4"


def test_titanic_sample_has_the_columns_gradio_demos_read() -> None:
    """titanic_survival reads SibSp/Parch/Embarked and trains a classifier on a 20 % split."""
    import csv

    from wasmui import media

    with open(media.get_file("titanic.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["PassengerId", "Survived", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Ticket",
                             "Fare", "Cabin", "Embarked"]
    assert len(rows) >= 200 and {r["Survived"] for r in rows} == {"0", "1"}
    assert any(r["Age"] == "" for r in rows) and any(r["Embarked"] == "" for r in rows)


def test_media_is_importable_as_gradio_media() -> None:
    import subprocess
    import sys

    code = ("import wasmui.compat as c; c.install(force=True); from gradio.media import get_audio, MEDIA_PATHS; "
            "import wasmui.media as m; assert get_audio is m.get_audio; print(len(MEDIA_PATHS))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "5"


def test_media_samples_are_real_files_of_their_type() -> None:
    from wasmui import media

    assert media.get_image("logo.png") and Path(media.get_image("logo.png")).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert Path(media.get_image("lion.jpg")).read_bytes()[:3] == b"\xff\xd8\xff"
    assert Path(media.get_video("a.mp4")).read_bytes()[4:8] == b"ftyp"
    assert Path(media.get_model3d("Duck.glb")).read_bytes()[:4] == b"glTF"
    assert Path(media.get_file("s2.vtt")).read_text().startswith("WEBVTT")


def test_samples_ship_in_the_browser_wheel() -> None:
    import zipfile

    from wasmui import build

    wheels = sorted((build.WEB / "wheels").glob("*/wasmui-*.whl"))
    if not wheels:
        pytest.skip("browser runtime not built (make web)")
    names = set(zipfile.ZipFile(wheels[-1]).namelist())
    for sample in ("wasmui/media_assets/audio/cantina.wav", "wasmui/media_assets/videos/world.mp4",
                   "wasmui/media_assets/images/cheetah1.jpg", "wasmui/media_assets/models3d/Duck.glb",
                   "wasmui/media_assets/data/titanic.csv", "wasmui/media.py"):
        assert sample in names


# -- component-typed parameters (Gradio's component_prop_inputs) -----------------------
def test_component_typed_parameter_receives_every_prop(run) -> None:
    # Gradio's playback_position demo: `def f(a: gr.Audio)` reads a.playback_position.
    def position(a: gr.Audio):
        return a.playback_position

    def described(n: gr.Number, text):
        return f"{n.value}|{n.label}|{text}"

    with gr.Blocks() as demo:
        audio = gr.Audio(playback_position=2.0)
        out = gr.Number()
        n, t, o = gr.Number(3, label="n", precision=0), gr.Textbox(), gr.Textbox()
        gr.Button().click(position, audio, out)
        gr.Button().click(described, [n, t], o)
        gr.Button().click(lambda x: x, t, o)
    deps = demo.get_config()["dependencies"]
    assert [d["component_prop_inputs"] for d in deps] == [[0], [0], []]
    assert run(demo, 0, [{"value": None, "playback_position": 4.25, "label": "Audio"}])[-1].data == [4.25]
    # The value inside is preprocessed as usual (precision=0 rounds), other inputs are bare values.
    assert run(demo, 1, [{"value": 2.6, "label": "n"}, "hi"])[-1].data == ["3|n|hi"]
