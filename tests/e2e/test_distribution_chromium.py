"""Apps on a full Pyodide distribution (0.27, CPython 3.12) in Chromium, offline.

One gallery site holds the numpy/Pillow/pandas/matplotlib app, hello world and an app with
requirements.txt, built once for the module against the distribution of the test extra
(skipped without it).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from e2e_pages import EXAMPLES, foreign_requests, wait_ready
from test_runtime_requirements import APP as REQ_APP
from test_runtime_requirements import _wheel

from wasmui import build
from wasmui.distribution import open_distribution

SCIENCE = Path(__file__).resolve().parents[1] / "apps" / "science_app"
CORE = {"pyodide.mjs", "pyodide.asm.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
        "pyodide.asm.wasm.xz", "pyodide.asm.wasm.zst", "python_stdlib.zip.zst"}  # the build's siblings (wasmui.precompress)
RECORD_DOWNLOADS = "window.__downloads = []; document.addEventListener('wasmui-download', (e) => window.__downloads.push(e.detail));"


@pytest.fixture(scope="module")
def dist_site(pyodide_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    apps = tmp_path_factory.mktemp("dist-apps")
    shutil.copytree(SCIENCE, apps / "science")
    shutil.copytree(EXAMPLES / "hello", apps / "hello")
    # requirements.txt on the distribution: its own micropip (0.9 on Python 3.12) installs from the site.
    (apps / "req" / "wheels").mkdir(parents=True)
    (apps / "req" / "app.py").write_text(REQ_APP)
    (apps / "req" / "requirements.txt").write_text("tinyshout==1.0\n")
    _wheel(apps / "req" / "wheels", "tinyshout", "1.0", {"tinyshout/__init__.py": "def shout(s):\n    return s.upper() + '!'\n"})
    return build.build_site(apps, tmp_path_factory.mktemp("dist-site"), pyodide=str(pyodide_dist))


def _package_files(page: Any, base: str) -> list[str]:
    """Package files (wheels, shared-library zips) the page requested from the distribution."""
    names = [url.split("?")[0].rsplit("/", 1)[-1] for url in page.requests if "/pyodide/" in url]
    return [n for n in names if n not in CORE]


def test_numpy_pillow_pandas_matplotlib_answer_offline(page: Any, served: Any, dist_site: Path, pyodide_dist: Path) -> None:
    page.add_init_script(RECORD_DOWNLOADS)
    base = served(dist_site)
    page.goto(base + "/apps/science/")
    wait_ready(page)
    page.get_by_label("Size", exact=True).fill("6")
    page.get_by_role("button", name="Submit").click()
    result = page.get_by_label("Result", exact=True)
    page.wait_for_function("(el) => el.value.startsWith('{')", arg=result.element_handle(), timeout=120_000)
    values = json.loads(result.input_value())
    assert values == {"numpy": "2.0.2", "sum": 630, "image": [12, 12], "pixel": 2, "y_sum": 55,
                      "y_mean": 55 / 6, "backend": "agg", "png": "89504e470d0a1a0a", "png_bytes": values["png_bytes"]}
    assert values["png_bytes"] > 1000

    assert foreign_requests(page, base) == []
    dist = open_distribution(pyodide_dist)
    needed = dist.resolve(["numpy", "pillow", "pandas", "matplotlib"])
    requested = _package_files(page, base)
    assert sorted(requested) == sorted(dist.packages[k]["file_name"] for k in needed)  # each once, nothing else
    # Downloads start before the interpreter's JS is even requested (the page's boot script asks for
    # the wasm itself, from the HTML), and the page saw them.
    first_package = min(i for i, url in enumerate(page.requests) if url.rsplit("/", 1)[-1] in requested)
    glue = next(i for i, url in enumerate(page.requests) if url.endswith("/pyodide/pyodide.mjs"))
    assert first_package < glue
    last = page.evaluate("window.__downloads[window.__downloads.length - 1]")
    assert last["done"] and sorted(last["packages"]) == needed
    assert last["packages"][:4] == ["matplotlib", "numpy", "pandas", "pillow"]  # what the app asked for first
    assert last["loaded"] == sum((dist_site / "pyodide" / f).stat().st_size for f in requested) == last["total"]


def test_hello_world_on_the_distribution_downloads_no_package(page: Any, served: Any, dist_site: Path) -> None:
    base = served(dist_site)
    page.goto(base + "/apps/hello/")
    wait_ready(page)
    assert _package_files(page, base) == []
    assert any(url.endswith("/pyodide/pyodide.asm.js") for url in page.requests)  # it did run on 0.27
    assert foreign_requests(page, base) == []


def test_requirements_install_with_the_distributions_micropip(page: Any, served: Any, dist_site: Path) -> None:
    base = served(dist_site)
    page.goto(base + "/apps/req/")
    wait_ready(page)
    page.get_by_label("In").fill("quiet")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_function("(el) => el.value === 'QUIET!'", arg=page.get_by_label("Out").element_handle())
    assert any("/pyodide/micropip-0.9.0" in url for url in page.requests)
    assert foreign_requests(page, base) == []


def test_a_package_that_fails_to_load_is_named_with_the_reason(page: Any, served: Any, dist_site: Path) -> None:
    base = served(dist_site)
    page.route("**/pyodide/pandas-*.whl", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(base + "/apps/science/")
    page.wait_for_function("() => document.querySelector('wasmui-app').phase === 'error'", timeout=120_000)
    text = page.evaluate("() => document.querySelector('wasmui-app').shadowRoot.querySelector('.wasmui-error').textContent")
    assert "pandas: GET " in text and "pandas-2.2.3" in text and "404" in text
    assert "numpy:" not in text  # only the package that failed is named


EMBED = """<!doctype html>
<meta charset="utf-8">
<script type="module" src="./assets/wasmui.js"></script>
<wasmui-app name="inline" pyodide="./full-pyodide/">
  <script type="text/x-python">
import numpy as np
import gradio as gr

gr.Interface(lambda n: str(int(np.arange(int(n)).sum())), gr.Number(value=5, label="N"), gr.Textbox(label="Sum")).launch()
  </script>
</wasmui-app>
"""


def test_the_pyodide_attribute_picks_a_distribution_for_inline_code(page: Any, served: Any, dist_site: Path,
                                                                     pyodide_dist: Path) -> None:
    # The untouched distribution next to the site: packages come from its full lock, found from the imports.
    link = dist_site / "full-pyodide"
    if not link.exists():
        link.symlink_to(pyodide_dist, target_is_directory=True)
    (dist_site / "embed.html").write_text(EMBED)
    base = served(dist_site)
    page.goto(base + "/embed.html")
    wait_ready(page)
    page.get_by_label("N", exact=True).fill("10")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_function("(el) => el.value === '45'", arg=page.get_by_label("Sum", exact=True).element_handle())
    assert any("/full-pyodide/numpy-" in url for url in page.requests)
    assert not any("/full-pyodide/pandas-" in url for url in page.requests)
    assert foreign_requests(page, base) == []


NUMPY_APP = """import numpy as np
import gradio as gr

gr.Interface(lambda n: str(int(np.arange(int(n)).sum())), gr.Number(value=5, label="N"), gr.Textbox(label="Sum")).launch()
"""


def test_a_site_built_against_a_url_loads_pyodide_and_packages_from_there(page: Any, served: Any, pyodide_dist: Path,
                                                                         tmp_path: Path) -> None:
    dist_url = served(pyodide_dist) + "/"  # another origin: a CDN stand-in (the static server sends CORS headers)
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "app.py").write_text(NUMPY_APP)
    site = build.build_site(tmp_path / "app", tmp_path / "site", pyodide=dist_url)
    base = served(site)
    page.goto(base + "/")
    wait_ready(page)
    page.get_by_label("N", exact=True).fill("10")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_function("(el) => el.value === '45'", arg=page.get_by_label("Sum", exact=True).element_handle())
    foreign = foreign_requests(page, base)
    assert foreign and all(url.startswith(dist_url) for url in foreign)
    assert any(url.startswith(dist_url + "numpy-") for url in foreign)
    assert any(url == dist_url + "pyodide.asm.wasm" for url in foreign)
