"""Send only what runs: a built site's stdlib zip and wasmui wheel hold the modules traced at
build time; a module left out (here `fractions`, imported inside an event) loads on first
import from the site's `lazy/` folder — behind a host that compresses nothing, with every
request outside the site refused, and again on a visit restored from the memory snapshot.
wasmui's sample media (`gr.get_image()` and friends) are lazy files too: fetched on first use,
except those the app took while loading, which the build keeps in the boot wheel."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any, Callable

from e2e_pages import BOOT_TIMEOUT_MS, wait_ready
from test_runtime_precompressed import plain_server  # noqa: F401  (a fixture)

from wasmui import build

APP = '''import os

import gradio as gr


def third(text: str) -> str:
    import fractions  # not imported at boot: fetched on its first import

    return f"{fractions.Fraction(1, 3) + fractions.Fraction(1, 6)} {text}"


def many() -> str:
    import argparse, decimal, email.mime.text, http.client, importlib.metadata, sqlite3, statistics  # noqa: E401
    import tomllib, unittest, xml.etree.ElementTree, zoneinfo  # noqa: E401

    importlib.invalidate_caches()  # walks every finder (micropip does this)
    return (f"{statistics.mean([1, 2, 3])} {decimal.Decimal('1.5') * 2} {tomllib.loads('a = 1')['a']} "
            f"{importlib.metadata.version('wasmui')}")


def samples() -> tuple[str, str, str]:
    image, audio = gr.get_image("cheetah1.jpg"), gr.get_audio("cantina.wav")  # fetched on first use
    video = gr.get_video()  # a random one: the names come from the site's index
    return video, audio, " ".join(str(os.path.getsize(path)) for path in (image, audio, video))


with gr.Blocks() as demo:
    box = gr.Textbox(label="In")
    out = gr.Textbox(label="Out")
    gr.Button("Go").click(third, box, out)
    gr.Button("Many").click(many, None, out)
    gr.Audio(gr.get_audio("sax.wav"), label="Boot sample", type="filepath")  # taken while loading: in the boot wheel
    clip = gr.Video(label="Clip")
    sound = gr.Audio(label="Sound", type="filepath")
    gr.Button("Samples").click(samples, None, [clip, sound, out])

if __name__ == "__main__":
    demo.launch()
'''


def _modules(zip_path: Path) -> set[str]:
    with zipfile.ZipFile(zip_path) as archive:
        return {name[:-4] for name in archive.namelist() if name.endswith(".pyc")}


SAMPLES_SHOWN = """() => {
    const root = document.querySelector('wasmui-app').shadowRoot;
    return /^2460 16044 (7631|7732|37009)$/.test(root.querySelectorAll('textarea')[1].value)
        && [...root.querySelectorAll('audio')].some((a) => a.src.includes('cantina.wav'))
        && [...root.querySelectorAll('video')].some((v) => v.src.includes('.mp4'));
}"""
# The app serves the fetched files like any other (/file= through the service worker).
SERVED_SIZES = """async () => {
    const root = document.querySelector('wasmui-app').shadowRoot;
    const audio = [...root.querySelectorAll('audio')].find((a) => a.src.includes('cantina.wav'));
    const video = [...root.querySelectorAll('video')].find((v) => v.src.includes('.mp4'));
    return [(await (await fetch(audio.src)).arrayBuffer()).byteLength, (await (await fetch(video.src)).arrayBuffer()).byteLength];
}"""


def _samples(page: Any) -> None:
    page.get_by_role("button", name="Samples").click()
    page.wait_for_function(SAMPLES_SHOWN, timeout=BOOT_TIMEOUT_MS)
    audio, video = page.evaluate(SERVED_SIZES)
    assert audio == 16044 and video in (7631, 7732, 37009), (audio, video)


def _go(page: Any, text: str) -> None:
    page.get_by_label("In").fill(text)
    page.get_by_role("button", name="Go").click()
    page.wait_for_function("(want) => document.querySelector('wasmui-app').shadowRoot.querySelectorAll('textarea')[1].value === want",
                           arg=f"1/2 {text}", timeout=BOOT_TIMEOUT_MS)  # a loaded machine: generous waits


def test_trimmed_site_imports_the_rest_on_demand_offline_and_after_a_snapshot(
        tmp_path: Path, new_page: Callable[..., Any], plain_server: Callable[[Path], str]) -> None:  # noqa: F811
    app = tmp_path / "lazyapp"
    app.mkdir()
    (app / "app.py").write_text(APP)
    site = build.build_site(app, tmp_path / "site")
    manifest = json.loads((site / "wasmui-manifest.json").read_text())
    boot, full = _modules(site / "pyodide" / "python_stdlib.zip"), _modules(build.WEB / "pyodide" / "python_stdlib.zip")
    assert "fractions" not in boot and "fractions" in full
    assert len(boot) < len(full) / 2, (len(boot), len(full))
    assert (site / manifest["lazy"] / "lib" / "fractions.pyc").is_file()
    media = "wasmui/media_assets/"
    with zipfile.ZipFile(site / manifest["wheel"]) as wheel:
        in_boot = [name for name in wheel.namelist() if "media_assets" in name]
    assert in_boot == [media + "audio/sax.wav"], in_boot
    assert (site / manifest["lazy"] / "site" / media / "images" / "cheetah1.jpg").is_file()

    base = plain_server(site)
    page = new_page()
    refused: list[str] = []

    def offline(route: Any) -> None:
        if route.request.url.startswith((base, "blob:", "data:")):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.context.route("**/*", offline)
    page.goto(base + "/")
    wait_ready(page)
    assert not [url for url in page.requests if "/lazy/" in url], page.requests  # the boot needed nothing lazy
    _go(page, "a")
    assert any(url.endswith("/lib/fractions.pyc") for url in page.requests), page.requests
    page.get_by_role("button", name="Many").click()  # packages and modules left out, several levels deep
    page.wait_for_function("() => document.querySelector('wasmui-app').shadowRoot.querySelectorAll('textarea')[1].value === '2 3.0 1 0.1.0'", timeout=BOOT_TIMEOUT_MS)
    _samples(page)
    assert any(url.endswith("/site/wasmui/media_assets/images/cheetah1.jpg") for url in page.requests), page.requests
    assert not [url for url in page.requests if "/lazy/" in url and "sax.wav" in url]
    page.wait_for_function("() => document.querySelector('wasmui-app').snapshot === 'saved'", timeout=BOOT_TIMEOUT_MS)

    again = page.context.new_page()
    again.goto(base + "/")
    wait_ready(again)
    assert again.evaluate("() => document.querySelector('wasmui-app').snapshot") == "restored"
    _go(again, "b")  # the snapshot holds the finder, not the files it wrote: fetched again
    _samples(again)
    assert refused == []
