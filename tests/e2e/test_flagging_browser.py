"""Flagging in real Chromium: the Flag buttons of an Interface write a CSV (and copy the
uploaded file next to it) in the worker, the data outlives a reload (IndexedDB), and the
footer link downloads it all as a zip."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from e2e_pages import foreign_requests, wait_ready

APP = Path(__file__).resolve().parent / "flagging_app"


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
        page.get_by_role("button", name="Download flagged data").click()
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
