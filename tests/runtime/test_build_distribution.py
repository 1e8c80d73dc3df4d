"""Builds against a Pyodide distribution, on CPython: what an app needs, what a site ships,
what a build publishes, and the failure when nothing provides a package."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from wasmui import appdeps, build, cli, publish
from wasmui.devserver import start_static_server
from wasmui.distribution import Distribution, open_distribution

ROOT = Path(__file__).resolve().parents[2]
SCIENCE = ROOT / "tests" / "apps" / "science_app"
EXAMPLES = ROOT / "examples"
needs_web = pytest.mark.skipif(not (build.WEB / "wasmui-manifest.json").exists(), reason="make web first")
PYC_MAGIC_312 = (3531).to_bytes(2, "little") + b"\r\n"

# A small lock in Pyodide's format: import names differ from package names, shared libraries.
LOCK: dict[str, Any] = {"info": {"version": "0.27.7", "python": "3.12.7"}, "packages": {
    "numpy": {"name": "numpy", "file_name": "numpy.whl", "imports": ["numpy"], "depends": []},
    "pillow": {"name": "Pillow", "file_name": "pillow.whl", "imports": ["PIL"], "depends": []},
    "scipy": {"name": "scipy", "file_name": "scipy.whl", "imports": ["scipy"], "depends": ["numpy", "openblas"]},
    "openblas": {"name": "openblas", "file_name": "openblas.zip", "imports": [], "depends": [],
                 "package_type": "shared_library"},
    "python-dateutil": {"name": "python-dateutil", "file_name": "d.whl", "imports": ["dateutil"], "depends": ["six"]},
    "six": {"name": "six", "file_name": "six.whl", "imports": ["six"], "depends": []},
    "sqlite3": {"name": "sqlite3", "file_name": "sqlite3.whl", "imports": ["sqlite3"], "depends": [],
                "package_type": "cpython_module"},
}}


def _needs(files: dict[str, str], requirements: list[str] = (), components: list[tuple[str, str]] = ()) -> appdeps.Needs:
    dist = Distribution(location="test", lock=LOCK)
    scan = appdeps.ImportScan()
    for name, source in files.items():
        appdeps.scan_source(source, name, scan)
    scan.optional -= scan.required
    return appdeps.app_needs(dist, scan, appdeps.local_modules(files), list(requirements), list(components))


def test_imports_of_every_file_map_to_packages_with_their_dependencies() -> None:
    needs = _needs({
        "app.py": "import gradio as gr\nimport helpers\nfrom PIL import Image\n\ndef f():\n    import scipy.signal\n",
        "helpers.py": "import json, sqlite3\nfrom dateutil import parser\nfrom . import sibling\n",
        "pkg/__init__.py": "import os\n",
    })
    assert needs.direct == ["pillow", "python-dateutil", "scipy", "sqlite3"]
    # depends are followed, shared libraries included.
    assert needs.packages == ["numpy", "openblas", "pillow", "python-dateutil", "scipy", "six", "sqlite3"]
    assert needs.missing == [] and needs.requirements == []


def test_optional_and_type_checking_imports_never_fail_the_build() -> None:
    needs = _needs({"app.py": (
        "from typing import TYPE_CHECKING\n"
        "try:\n    import numpy\nexcept ImportError:\n    numpy = None\n"
        "try:\n    import not_anywhere\nexcept (ModuleNotFoundError, OSError):\n    pass\n"
        "if TYPE_CHECKING:\n    import pandas\n")})
    assert needs.direct == ["numpy"] and needs.missing == []


def test_what_nothing_provides_is_named_with_where_it_is_imported() -> None:
    needs = _needs({"app.py": "import os\n\nimport torch\n"}, components=[("pandas", "gr.Dataframe")])
    assert needs.missing == ["torch (imported in app.py:3)", "pandas (needed by gr.Dataframe)"]


def test_requirements_come_from_the_lock_when_it_has_them_else_from_micropip() -> None:
    needs = _needs({"app.py": "import numpy\nimport tinyshout\n"}, requirements=["NumPy>=2", "tinyshout==1.0"])
    assert needs.direct == ["numpy"] and needs.requirements == ["tinyshout==1.0"] and needs.missing == []


def test_requirement_lines_naming_gradio_are_the_runtime() -> None:
    """Gradio's loginbutton_component demo asks for `gradio[oauth]`: PyPI's gradio (a server, with
    binary dependencies) is never fetched; the app's gradio is wasmui."""
    needs = _needs({"app.py": "import gradio\n"}, requirements=["gradio[oauth]", "Gradio>=5.0,<6.0", "tinyshout"])
    assert needs.requirements == ["tinyshout"] and needs.missing == []


def test_component_packages_are_added() -> None:
    assert _needs({"app.py": "import gradio\n"}, components=[("Pillow", "gr.Image")]).packages == ["pillow"]


def test_published_files_leave_out_secrets_vcs_environments_and_gitignored(tmp_path: Path) -> None:
    app = tmp_path / "app"
    for path in ["app.py", "data/table.csv", "static/logo.png", ".env", ".git/config", ".venv/bin/python",
                 "env/pyvenv.cfg", "env/lib/x.py", "node_modules/x/index.js", "__pycache__/app.cpython-312.pyc",
                 "server.key", "deploy/id_rsa", "certs/site.pem", "prod.env", "build/out.bin", "logs/a.log",
                 "notes/keep.log", "wheels/x-1.0-py3-none-any.whl"]:
        (app / path).parent.mkdir(parents=True, exist_ok=True)
        (app / path).write_text("x")
    (app / ".gitignore").write_text("# build output\n/build/\n*.log\n!notes/keep.log\n")
    assert publish.published_files(app) == ["app.py", "data/table.csv", "notes/keep.log", "static/logo.png"]
    listing = publish.listing(app, publish.published_files(app))
    assert "data/table.csv" in listing and "4 file(s)" in listing


@needs_web
def test_a_build_next_to_env_and_git_does_not_contain_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = tmp_path / "app"
    (app / ".git").mkdir(parents=True)
    (app / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (app / ".env").write_text("API_KEY=k3y-only-in-dot-env\n")  # a value no page text could hold by chance
    (app / "app.py").write_text("import gradio as gr\ngr.Interface(lambda s: s, 'text', 'text').launch()\n")
    out = build.build_site(app, app / "site")  # the output folder inside the app is not published either
    shipped = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert "app/app.py" in shipped
    assert not [p for p in shipped if ".env" in p or ".git" in p or p.startswith("app/site")]
    assert not any(b"k3y-only-in-dot-env" in p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert "app.py" in capsys.readouterr().err  # the list of published files with sizes


@needs_web
def test_a_requirement_on_gradio_fetches_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """loginbutton_component's `gradio[oauth]` line: the build asks PyPI for nothing."""
    from wasmui import reqwheels

    app = tmp_path / "app"
    app.mkdir()
    (app / "app.py").write_text("import gradio as gr\ngr.Interface(lambda s: s, 'text', 'text').launch()\n")
    (app / "requirements.txt").write_text("gradio[oauth]\n")

    def no_pypi(*args: Any, **kwargs: Any) -> Path:
        raise AssertionError(f"asked PyPI for {args[0]}")

    monkeypatch.setattr(reqwheels, "_download", no_pypi)
    out = build.build_site(app, tmp_path / "site")
    assert (out / "app" / "app.py").is_file()


@needs_web
def test_an_app_needing_numpy_without_a_distribution_fails_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["build", str(SCIENCE), "-o", str(tmp_path / "site")])
    err = capsys.readouterr().err
    assert code == 1
    for name in ("numpy", "pandas", "PIL", "matplotlib", "--pyodide DIR_OR_URL", "requirements.txt"):
        assert name in err, (name, err)


@needs_web
def test_an_unlisted_pypi_import_says_which_requirements_line_to_add(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # Gradio's stream_audio_out imports pydub with no requirements.txt: the build fetches only what
    # is listed, so the failure names the file and the line to add.
    app = tmp_path / "app"
    app.mkdir()
    (app / "app.py").write_text("import gradio as gr\nfrom tinyshout import shout\n")
    assert cli.main(["build", str(app), "-o", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert "needs tinyshout (imported in app.py:2)" in err
    assert f"to {app / 'requirements.txt'}, one per line, for example:\n    tinyshout\n" in err


def test_the_installed_distribution_is_read_and_resolved(pyodide_dist: Path) -> None:
    dist = open_distribution(pyodide_dist)
    assert dist.python.startswith("3.12") and dist.asm_js() == "pyodide.asm.js" and not dist.is_url
    assert dist.import_index()["PIL"] == "pillow"
    assert "openblas" in dist.resolve(["scipy"])
    assert {"numpy", "pillow", "kiwisolver"} <= set(dist.resolve(["matplotlib"]))


def test_a_site_built_against_a_folder_ships_only_what_the_app_needs(pyodide_dist: Path, tmp_path: Path) -> None:
    out = build.build_site(SCIENCE, tmp_path / "site", pyodide=str(pyodide_dist))
    dist = open_distribution(pyodide_dist)
    wanted = dist.resolve(["numpy", "pandas", "pillow", "matplotlib"])
    lock = json.loads((out / "pyodide" / "pyodide-lock.json").read_text())
    assert sorted(lock["packages"]) == wanted and lock["info"]["version"] == "0.27.7"
    # Precompressed siblings: the wasm's .xz (or .zst), the stdlib's .zst (or .gz without a zstd encoder).
    siblings = {f"{name}.{ext}" for name in ("pyodide.asm.wasm", "python_stdlib.zip") for ext in ("gz", "zst", "xz")}
    shipped = {p.name for p in (out / "pyodide").iterdir()} - {"pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm",
                                                                 "python_stdlib.zip", "pyodide-lock.json"} - siblings
    assert shipped == {dist.packages[k]["file_name"] for k in wanted}
    assert "scipy" not in wanted and "pyarrow" not in wanted
    page = (out / "index.html").read_text()
    packages = json.loads(re.search(r'data-wasmui="packages">(.*?)</script>', page).group(1))
    assert packages == ["matplotlib", "numpy", "pandas", "pillow"]
    manifest = json.loads((out / "wasmui-manifest.json").read_text())
    assert manifest["pyodide"]["offline"] is True and manifest["pyodide"]["python"] == "3.12.7"
    # .pyc written by the distribution's own interpreter (3.12), never the default core's 3.14.
    wheel = zipfile.ZipFile(out / manifest["wheel"])
    pycs = [n for n in wheel.namelist() if n.endswith(".pyc")]
    assert pycs and all(".cpython-312." in n for n in pycs)
    assert wheel.read(pycs[0])[:4] == PYC_MAGIC_312
    stdlib = zipfile.ZipFile(out / "pyodide" / "python_stdlib.zip")
    assert stdlib.read(next(n for n in stdlib.namelist() if n.endswith(".pyc")))[:4] == PYC_MAGIC_312
    assert len(list((out / "wheels").glob("*/wasmui-*.whl"))) == 1  # the default core's wheel is not shipped
    # Package wheels carry .pyc too, and the trimmed lock has their new checksums.
    for key in wanted:
        shipped_file = out / "pyodide" / lock["packages"][key]["file_name"]
        assert hashlib.sha256(shipped_file.read_bytes()).hexdigest() == lock["packages"][key]["sha256"], key
    pandas = zipfile.ZipFile(out / "pyodide" / lock["packages"]["pandas"]["file_name"]).namelist()
    assert "pandas/__pycache__/__init__.cpython-312.pyc" in pandas and "pandas/__init__.py" in pandas


def test_a_site_built_against_a_url_says_it_is_not_offline(pyodide_dist: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    server, _ = start_static_server(pyodide_dist)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        out = build.build_site(SCIENCE, tmp_path / "site", pyodide=url)
    finally:
        server.shutdown()
    manifest = json.loads((out / "wasmui-manifest.json").read_text())
    assert manifest["pyodide"]["indexURL"] == url and manifest["pyodide"]["offline"] is False
    assert not (out / "pyodide").exists()
    err = capsys.readouterr().err
    assert "NOT offline" in err and url in err and "numpy" in err


@needs_web
def test_what_components_need_counts_even_without_an_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "app.py").write_text("import gradio as gr\ngr.Interface(lambda im: im, gr.Image(), gr.Image()).launch()\n")
    assert cli.main(["build", str(tmp_path), "-o", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert "numpy (needed by gr.Image)" in err and "pillow (needed by gr.Image)" in err


def test_component_packages_go_into_the_page(pyodide_dist: Path, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("import gradio as gr\ngr.Interface(lambda im: im, gr.Image(type='pil'), 'text').launch()\n")
    out = build.build_site(tmp_path, tmp_path / "site", pyodide=str(pyodide_dist))
    packages = json.loads(re.search(r'data-wasmui="packages">(.*?)</script>', (out / "index.html").read_text()).group(1))
    assert packages == ["pillow"]


def test_serve_and_build_take_the_pyodide_option() -> None:
    parser = cli._parser()
    assert parser.parse_args(["serve", "app.py", "--pyodide", "https://host/pyodide/"]).pyodide == "https://host/pyodide/"
    assert parser.parse_args(["build", "app.py", "--pyodide", "dist/"]).pyodide == "dist/"
    assert parser.parse_args(["build", "app.py"]).pyodide is None


def test_a_folder_that_is_no_distribution_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyodide-lock.json").write_text("{}")
    assert cli.main(["build", str(SCIENCE), "-o", str(tmp_path / "site"), "--pyodide", str(tmp_path)]) == 1
    assert "not a Pyodide distribution" in capsys.readouterr().err
