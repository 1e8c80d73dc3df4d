"""An app with requirements.txt: micropip is loaded (only then) and installs the
requirement from the site's own package index, offline."""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path
from typing import Any

from e2e_pages import foreign_requests, wait_ready

APP = """import gradio as gr
import tinyshout

demo = gr.Interface(lambda s: tinyshout.shout(s), gr.Textbox(label="In"), gr.Textbox(label="Out"), api_name="predict")
demo.launch()
"""


def _wheel(folder: Path, name: str, version: str, files: dict[str, str]) -> Path:
    """A minimal pure-Python wheel."""
    dist = f"{name}-{version}.dist-info"
    meta = {f"{dist}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
            f"{dist}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    entries = {**files, **meta}
    record = []
    for path, text in entries.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(text.encode())}")
    record.append(f"{dist}/RECORD,,")
    target = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(target, "w") as whl:
        for path, text in entries.items():
            whl.writestr(path, text)
        whl.writestr(f"{dist}/RECORD", "\n".join(record) + "\n")
    return target


def test_requirements_install_from_the_site_with_micropip(page: Any, built_site: Any, served: Any, tmp_path: Path) -> None:
    app = tmp_path / "req"
    (app / "wheels").mkdir(parents=True)
    (app / "app.py").write_text(APP)
    (app / "requirements.txt").write_text("tinyshout==1.0\n")
    _wheel(app / "wheels", "tinyshout", "1.0", {"tinyshout/__init__.py": "def shout(s):\n    return (s or '').upper() + '!'\n"})
    site = built_site(app)
    assert (site / "simple" / "tinyshout" / "index.html").is_file()
    base = served(site)
    page.goto(base + "/")
    wait_ready(page)
    page.get_by_label("In").fill("quiet")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_function("(el) => el.value === 'QUIET!'", arg=page.get_by_label("Out").element_handle())
    assert any("/pyodide/micropip-" in url for url in page.requests)
    assert foreign_requests(page, base) == []


def test_apps_without_requirements_never_load_micropip(page: Any, built_site: Any, served: Any) -> None:
    from e2e_pages import EXAMPLES

    page.goto(served(built_site(EXAMPLES / "hello")) + "/")
    wait_ready(page)
    assert not any("micropip" in url for url in page.requests)
