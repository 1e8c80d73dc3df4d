"""Generate the sample media behind ``gradio.media`` into ``wasmui/media_assets/``.

Every file is made here (no downloads): WAVs with ``wave``, PNGs with ``zlib``,
JPEGs with Pillow, 3D models as text/glTF, and short MP4 clips recorded from an
animated canvas with the browser's own ``MediaRecorder`` in Debian's Chromium.
The names are the ones Gradio's demos ask for, so they run unchanged.

    .venv/bin/python tools/make_media_assets.py           # everything
    .venv/bin/python tools/make_media_assets.py --no-video
"""

from __future__ import annotations

import argparse
import base64
import json
import math
import struct
import wave
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "wasmui" / "media_assets"


# -- audio ---------------------------------------------------------------------
def write_tone_wav(path: Path, notes: list[tuple[float, float]], rate: int = 8000) -> None:
    """8-bit mono WAV of (frequency Hz, seconds) notes with a soft envelope."""
    frames = bytearray()
    for freq, secs in notes:
        n = int(rate * secs)
        for i in range(n):
            env = min(1.0, i / (0.02 * rate), (n - i) / (0.05 * rate))
            s = 0.6 * env * (math.sin(2 * math.pi * freq * i / rate) + 0.3 * math.sin(4 * math.pi * freq * i / rate))
            frames.append(max(0, min(255, int(128 + 127 * s / 1.3))))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(rate)
        w.writeframes(bytes(frames))


def make_audio(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    c, d, e, g, a = 262.0, 294.0, 330.0, 392.0, 440.0
    write_tone_wav(folder / "cantina.wav", [(g, 0.25), (c * 2, 0.25), (g, 0.25), (c * 2, 0.25), (g, 0.2), (c * 2, 0.3),
                                            (g, 0.25), (a, 0.25)])
    write_tone_wav(folder / "sax.wav", [(e, 1.0), (g, 1.0), (a, 1.0), (g, 1.0), (e, 1.0), (d, 1.0)] * 2,
                   rate=3000)  # 12 s (a demo seeks to 10 s); Chromium plays nothing below 3000 Hz
    write_tone_wav(folder / "recording1.wav", [(a, 0.6), (e, 0.6)])
    write_tone_wav(folder / "audio_sample.wav", [(440.0, 1.0)])


# -- images --------------------------------------------------------------------
def png_bytes(width: int, height: int, pixel: object) -> bytes:
    """An RGBA PNG whose pixels come from ``pixel(x, y) -> (r, g, b, a)``."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows.extend(pixel(x, y))  # type: ignore[operator]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")


def _spots(x: int, y: int) -> tuple[int, int, int, int]:
    dark = ((x * 7 + y * 3) % 23 < 4) and ((x + y * 5) % 17 < 6)
    return (40, 30, 20, 255) if dark else (225, 170, 70, 255)


def _mane(x: int, y: int) -> tuple[int, int, int, int]:
    r = math.hypot(x - 32, y - 32)
    return (150, 90, 30, 255) if r > 18 else (230, 180, 90, 255)


def _tower(x: int, y: int) -> tuple[int, int, int, int]:
    inside = abs(x - 32) < max(2, (y - 4) // 4) and y > 6
    return (90, 90, 100, 255) if inside else (140, 190, 240, 255)


def _avatar(x: int, y: int) -> tuple[int, int, int, int]:
    r = math.hypot(x - 16, y - 16)
    if r > 15.5:
        return (0, 0, 0, 0)
    return (249, 115, 22, 255) if r > 12 else (255, 237, 213, 255)


def _logo(x: int, y: int) -> tuple[int, int, int, int]:
    band = (x + y) // 8 % 2
    return (249, 209, 0, 255) if band else (249, 119, 0, 255)


def _bus(x: int, y: int) -> tuple[int, int, int, int]:
    if 20 < y < 44 and 6 < x < 58:
        return (200, 200, 255, 255) if 24 < y < 32 and (x - 8) % 10 < 7 else (230, 60, 40, 255)
    if 42 < y < 50 and (abs(x - 16) < 4 or abs(x - 48) < 4):
        return (20, 20, 20, 255)
    return (235, 235, 235, 255)


def _transparent_logo(x: int, y: int) -> tuple[int, int, int, int]:
    r, g, b, a = _logo(x, y)
    # The logo's light background becomes see-through (the "transpng" of Gradio's name).
    return (r, g, b, 0) if (r, g, b) == _logo(0, 0)[:3] else (r, g, b, a)


def _tree(x: int, y: int) -> tuple[int, int, int, int]:
    if y > 40 and 26 < x < 38:
        return (110, 72, 40, 255)
    if (x - 32) ** 2 + (y - 24) ** 2 < 380:
        return (40, 140 + (x * y) % 40, 60, 255)
    return (200, 225, 245, 255)


def make_images(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "avatar.png").write_bytes(png_bytes(32, 32, _avatar))
    (folder / "hf-logo_transpng.png").write_bytes(png_bytes(48, 48, _transparent_logo))
    (folder / "logo.png").write_bytes(png_bytes(48, 48, _logo))
    (folder / "bus.png").write_bytes(png_bytes(64, 64, _bus))
    from PIL import Image  # dev-time only: JPEG needs an encoder

    for name, fn in (("cheetah1.jpg", _spots), ("cheetah.jpg", _spots), ("lion.jpg", _mane), ("tower.jpg", _tower),
                     ("groot.jpeg", _tree)):
        img = Image.new("RGB", (64, 64))
        img.putdata([fn(x, y)[:3] for y in range(64) for x in range(64)])
        img.save(folder / name, "JPEG", quality=80)


# -- data ----------------------------------------------------------------------
def _titanic_rows(count: int) -> str:
    """Made-up passengers with the Kaggle Titanic columns Gradio's titanic.csv has (demos read
    SibSp, Parch, Cabin...): blanks where the real set has them (Age, Cabin, Embarked); women
    and first class survive more often, so a classifier trained on it has something to learn."""
    rows = ["PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked"]
    seed = 12345
    for i in range(1, count + 1):
        seed = (seed * 1103515245 + 12345) % 2**31
        r = [(seed >> s) % 100 for s in (3, 7, 11, 15, 19)]
        pclass = 1 + r[0] % 3
        female = r[1] % 2 == 0
        age = "" if r[2] < 15 else str(1 + (r[2] * 7 + i) % 70)
        sibsp, parch = r[3] % 4 // 2 + (r[3] == 99), r[4] % 5 // 3
        fare = {1: 60.0, 2: 20.0, 3: 8.0}[pclass] + (r[4] * 13 % 50) / 2
        survived = int((60 if female else 15) + (30 if pclass == 1 else 0) > r[3])
        cabin = f"{'ABCDE'[r[0] % 5]}{10 + r[2]}" if pclass == 1 and r[1] < 70 else ""
        embarked = "" if i % 97 == 0 else "SSSCQ"[r[4] % 5]
        name = f"Passenger{i}, {'Mrs.' if female else 'Mr.'} Sample"
        rows.append(f'{i},{survived},{pclass},"{name}",{"female" if female else "male"},{age},{sibsp},{parch},'
                    f"T{1000 + i},{fare:.2f},{cabin},{embarked}")
    return "\n".join(rows) + "\n"


def make_data(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "titanic.csv").write_text(_titanic_rows(240))
    times = ["time,value"] + [f"2024-01-01T{h:02d}:00:00,{round(10 + 5 * math.sin(h / 3), 2)}" for h in range(24)]
    (folder / "time.csv").write_text("\n".join(times) + "\n")
    (folder / "sample.txt").write_text("A small text file from wasmui's sample media.\nSecond line.\n")
    (folder / "s1.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nFirst caption\n\n"
                                   "2\n00:00:01,000 --> 00:00:02,000\nSecond caption\n")
    (folder / "s2.vtt").write_text("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nFirst caption\n\n"
                                   "00:00:01.000 --> 00:00:02.000\nSecond caption\n")
    (folder / "s3.json").write_text(json.dumps([{"text": "First caption", "timestamp": [0, 1]},
                                                {"text": "Second caption", "timestamp": [1, 2]}], indent=1) + "\n")


# -- 3D models -----------------------------------------------------------------
_CUBE_V = [(-1, -1, -1), (1, -1, -1), (1, 1, -1), (-1, 1, -1), (-1, -1, 1), (1, -1, 1), (1, 1, 1), (-1, 1, 1)]
_CUBE_F = [(0, 2, 1), (0, 3, 2), (4, 5, 6), (4, 6, 7), (0, 1, 5), (0, 5, 4), (2, 3, 7), (2, 7, 6), (1, 2, 6),
           (1, 6, 5), (0, 4, 7), (0, 7, 3)]


def _obj(vertices: list[tuple[float, float, float]], faces: list[tuple[int, int, int]], name: str) -> str:
    lines = [f"# {name}: generated by wasmui", f"o {name}"]
    lines += [f"v {x} {y} {z}" for x, y, z in vertices]
    lines += [f"f {a + 1} {b + 1} {c + 1}" for a, b, c in faces]
    return "\n".join(lines) + "\n"


def _octahedron() -> tuple[list[tuple[float, float, float]], list[tuple[int, int, int]]]:
    v = [(1.0, 0.0, 0.0), (-1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, -1.0, 0.0), (0.0, 0.0, 1.0), (0.0, 0.0, -1.0)]
    f = [(0, 2, 4), (2, 1, 4), (1, 3, 4), (3, 0, 4), (2, 0, 5), (1, 2, 5), (3, 1, 5), (0, 3, 5)]
    return v, f


def _stl(vertices: list[tuple[float, float, float]], faces: list[tuple[int, int, int]]) -> str:
    out = ["solid wasmui"]
    for a, b, c in faces:
        out += ["  facet normal 0 0 0", "    outer loop"]
        out += [f"      vertex {vertices[i][0]} {vertices[i][1]} {vertices[i][2]}" for i in (a, b, c)]
        out += ["    endloop", "  endfacet"]
    return "\n".join(out + ["endsolid wasmui"]) + "\n"


def _gltf_parts(vertices: list[tuple[float, float, float]], faces: list[tuple[int, int, int]],
                color: list[float]) -> tuple[dict[str, object], bytes]:
    pos = b"".join(struct.pack("<3f", *v) for v in vertices)
    idx = b"".join(struct.pack("<3H", *f) for f in faces)
    idx += b"\0" * (-len(idx) % 4)
    mins = [min(v[i] for v in vertices) for i in range(3)]
    maxs = [max(v[i] for v in vertices) for i in range(3)]
    doc: dict[str, object] = {
        "asset": {"version": "2.0", "generator": "wasmui make_media_assets"},
        "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1, "material": 0}]}],
        "materials": [{"pbrMetallicRoughness": {"baseColorFactor": color, "metallicFactor": 0.0}}],
        "buffers": [{"byteLength": len(pos) + len(idx)}],
        "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": len(pos), "target": 34962},
                        {"buffer": 0, "byteOffset": len(pos), "byteLength": len(faces) * 6, "target": 34963}],
        "accessors": [{"bufferView": 0, "componentType": 5126, "count": len(vertices), "type": "VEC3",
                       "min": mins, "max": maxs},
                      {"bufferView": 1, "componentType": 5123, "count": len(faces) * 3, "type": "SCALAR"}],
    }
    return doc, pos + idx


def make_models(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    cube = [(float(x), float(y), float(z)) for x, y, z in _CUBE_V]
    octa_v, octa_f = _octahedron()
    (folder / "Bunny.obj").write_text(_obj(cube, _CUBE_F, "Bunny"))
    (folder / "face.obj").write_text(_obj(octa_v, octa_f, "face"))
    (folder / "sofia.stl").write_text(_stl(octa_v, octa_f))
    doc, binary = _gltf_parts(octa_v, octa_f, [0.9, 0.45, 0.1, 1.0])
    doc["buffers"] = [{"byteLength": len(binary),
                       "uri": "data:application/octet-stream;base64," + base64.b64encode(binary).decode()}]
    (folder / "Fox.gltf").write_text(json.dumps(doc, indent=1) + "\n")
    doc, binary = _gltf_parts(cube, _CUBE_F, [0.95, 0.8, 0.1, 1.0])
    text = json.dumps(doc).encode()
    text += b" " * (-len(text) % 4)
    body = struct.pack("<I4s", len(text), b"JSON") + text + struct.pack("<I4s", len(binary), b"BIN\0") + binary
    (folder / "Duck.glb").write_bytes(struct.pack("<4sII", b"glTF", 2, 12 + len(body)) + body)


# -- video ---------------------------------------------------------------------
_RECORD_JS = """async ([seconds, hue, label]) => {
  const canvas = document.createElement('canvas');
  canvas.width = 160; canvas.height = 120;
  document.body.append(canvas);
  const g = canvas.getContext('2d');
  const stream = canvas.captureStream(15);
  const rec = new MediaRecorder(stream, {mimeType: 'video/mp4;codecs=avc1', videoBitsPerSecond: 120000});
  const parts = [];
  rec.ondataavailable = (e) => parts.push(e.data);
  const done = new Promise((r) => (rec.onstop = r));
  const t0 = performance.now();
  rec.start();
  await new Promise((resolve) => {
    const frame = () => {
      const t = (performance.now() - t0) / 1000;
      g.fillStyle = `hsl(${hue}, 60%, 85%)`; g.fillRect(0, 0, 160, 120);
      g.fillStyle = `hsl(${hue}, 70%, 40%)`;
      g.beginPath(); g.arc(80 + 55 * Math.cos(t * 2), 60 + 35 * Math.sin(t * 2), 16, 0, 7); g.fill();
      g.fillStyle = '#222'; g.font = '16px sans-serif'; g.fillText(label + ' ' + t.toFixed(1) + 's', 6, 20);
      if (t < seconds) requestAnimationFrame(frame); else resolve();
    };
    frame();
  });
  rec.stop();
  await done;
  const buf = new Uint8Array(await new Blob(parts).arrayBuffer());
  let s = ''; for (const b of buf) s += String.fromCharCode(b);
  return btoa(s);
}"""


def make_videos(folder: Path) -> None:
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                     args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.set_content("<body></body>")
        for name, seconds, hue in (("world.mp4", 10.0, 210), ("a.mp4", 2.0, 130), ("b.mp4", 2.0, 20)):
            data = base64.b64decode(page.evaluate(_RECORD_JS, [seconds, hue, name.split(".")[0]]))
            (folder / name).write_bytes(data)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-video", action="store_true", help="skip the Chromium-recorded clips")
    args = parser.parse_args()
    make_audio(ROOT / "audio")
    make_images(ROOT / "images")
    make_data(ROOT / "data")
    make_models(ROOT / "models3d")
    if not args.no_video:
        make_videos(ROOT / "videos")
    for path in sorted(ROOT.rglob("*")):
        if path.is_file():
            print(f"{path.relative_to(ROOT)}  {path.stat().st_size} B")


if __name__ == "__main__":
    main()
