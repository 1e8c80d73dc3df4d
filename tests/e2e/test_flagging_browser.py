"""Flagging in real Chromium: the Flag buttons of an Interface write a CSV (and copy the
uploaded file next to it) in the worker, the data outlives a reload (IndexedDB), and the
footer link downloads it all as a zip."""

from __future__ import annotations

import csv
import io
import os
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from e2e_pages import foreign_requests, wait_ready
from playwright.sync_api import expect

APP = Path(__file__).resolve().parent / "flagging_app"
CHECKOUT = Path(os.environ.get("WASMUI_GRADIO_CHECKOUT", "/work/.mirror/gradio-app+gradio/repo"))


def _submit(page: Any, name: str, doc: Path) -> None:
    page.get_by_label("Name").fill(name)
    page.get_by_label("Doc").set_input_files(str(doc))
    page.get_by_text(doc.name).first.wait_for()
    page.get_by_role("button", name="Submit").click()
    out = page.get_by_label("Summary").element_handle()
    page.wait_for_function("([el, want]) => el.value === want", arg=[out, f"{name}: {doc.stat().st_size} bytes"])


def _flag(page: Any, label: str) -> None:
    button = page.get_by_role("button", name=label, exact=True)
    button.click()
    # "Saving..." while the row is written and saved to IndexedDB, then the button is back.
    page.get_by_role("button", name="Saving...").wait_for()
    button.wait_for()
    page.wait_for_function("(el) => !el.disabled", arg=button.element_handle())


def _download(page: Any) -> zipfile.ZipFile:
    with page.expect_download() as info:
        page.get_by_role("link", name="Download flagged data").click()
    download = info.value
    assert download.suggested_filename == "flagged-data.zip"
    return zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes()))


def test_flags_persist_across_reloads_and_download_as_zip(page: Any, built_site: Any, served: Any,
                                                          tmp_path: Path) -> None:
    base = served(built_site(APP))
    page.goto(base + "/")
    wait_ready(page)
    doc = tmp_path / "notes.txt"
    doc.write_bytes(b"flag these bytes")
    _submit(page, "Ada", doc)
    _flag(page, "Flag as good")
    _flag(page, "Flag as bad")

    page.reload()
    wait_ready(page)
    _submit(page, "Bo", doc)
    _flag(page, "Flag as good")  # appends to the restored dataset1.csv
    archive = _download(page)

    names = archive.namelist()
    with archive.open("flagged/dataset1.csv") as f:
        rows = list(csv.reader(io.TextIOWrapper(f, encoding="utf-8")))
    assert rows[0] == ["Name", "Doc", "Summary", "flag", "timestamp"]
    assert [r[0] for r in rows[1:]] == ["Ada", "Ada", "Bo"] and [r[3] for r in rows[1:]] == ["good", "bad", "good"]
    assert rows[1][2] == "Ada: 16 bytes"
    copied = [n for n in names if n.startswith("flagged/Doc/") and n.endswith("/notes.txt")]
    assert len(copied) == 3 and archive.read(copied[0]) == b"flag these bytes"
    # each row names the copy of its file, inside the flagging folder
    assert all(r[1].endswith("/notes.txt") and "/flagged/Doc/" in r[1] for r in rows[1:])
    assert foreign_requests(page, base) == []


def _png(width: int, height: int) -> bytes:
    """A small valid RGB PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 40 % 256, y * 40 % 256, 128))
                    for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_gradio_blocks_flag_demo_unchanged(page: Any, built_site: Any, served: Any, pyodide_dist: Path,
                                           tmp_path: Path) -> None:
    """Gradio's own ``blocks_flag`` demo (numpy sepia + its own ``gr.CSVLogger``): the Flag
    button's raw payloads become a dataset row with both images copied next to the CSV."""
    try:
        source = subprocess.run(["git", "-C", str(CHECKOUT), "show", "HEAD:demo/blocks_flag/run.py"],
                                check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip(f"no Gradio checkout at {CHECKOUT}")
    app = tmp_path / "blocks_flag"
    app.mkdir()
    (app / "app.py").write_text(source)
    base = served(built_site(app, pyodide=pyodide_dist))
    page.goto(base + "/")
    wait_ready(page)
    photo = tmp_path / "photo.png"
    photo.write_bytes(_png(24, 16))
    page.locator("input[type=file]").first.set_input_files(str(photo))
    expect(page.locator(".block-image").nth(1).get_by_test_id("image-display")).to_be_visible(timeout=120_000)
    page.get_by_role("button", name="Flag").click()
    page.wait_for_function("() => document.querySelector('wasmui-app').serviceWorker")
    # the click has no output to watch: the zip route answers once the row exists
    page.wait_for_function("async () => (await fetch('/gradio_api/wasmui/flagged.zip')).status === 200",
                           timeout=60_000, polling=250)
    archive = _download(page)
    with archive.open("flagged_data_points/dataset1.csv") as f:
        rows = list(csv.reader(io.TextIOWrapper(f, encoding="utf-8")))
    assert rows[0] == ["component 0", "component 1", "component 2", "timestamp"] and len(rows) == 2
    inp, strength, out = rows[1][:3]
    assert strength == "0.5"
    for cell, folder in ((inp, "component 0"), (out, "component 2")):
        # a path relative to the app's folder, as Gradio writes it for a relative flagging_dir
        assert cell.startswith(f"flagged_data_points/{folder}/"), cell
        head = archive.read(cell)[:12]
        assert head[:8] == b"\x89PNG\r\n\x1a\n" or head[8:12] == b"WEBP", (cell, head)
    assert foreign_requests(page, base) == []
