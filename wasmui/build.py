"""``wasmui build``: a self-contained static site for one app or a gallery of apps.

Layout of a single-app site (the app's routes live at the site root)::

    index.html            <wasmui-app> with the config pre-computed by CPython
    app/app.py ...        the app's files, fetched by the worker
    assets/ sw.js         page bundle, worker, service worker
    pyodide/ wheels/      Pyodide core, the wasmui wheel (+ micropip, requirements)
    wasmui-manifest.json

A folder of app folders becomes a gallery: ``index.html`` links each app, which
lives at ``apps/<name>/`` (routes under that prefix). Nothing refers to another
origin, so the folder works from any static server with the network off.
"""

from __future__ import annotations

import ast
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WEB = Path(__file__).resolve().parent / "_web"
SKIP = {"__pycache__", ".git", ".venv", "node_modules", ".pytest_cache", "wheels"}


@dataclass
class AppSpec:
    """One app to ship: its folder, entry file and requirements."""

    name: str
    folder: Path
    entry: str = "app.py"
    requirements: list[str] = field(default_factory=list)

    @property
    def entry_path(self) -> Path:
        return self.folder / self.entry


def find_apps(path: str | os.PathLike[str]) -> tuple[list[AppSpec], bool]:
    """The apps at ``path`` (a file, an app folder, or a folder of app folders) and whether it is a gallery."""
    target = Path(path).resolve()
    if target.is_file():
        return [_spec(target.parent, target.name, name=target.parent.name)], False
    if (target / "app.py").is_file():
        return [_spec(target, "app.py")], False
    apps = [_spec(d, "app.py") for d in sorted(target.iterdir()) if (d / "app.py").is_file()]
    if not apps:
        raise FileNotFoundError(f"no app.py in {target} or its sub-folders")
    return apps, True


def _spec(folder: Path, entry: str, name: str | None = None) -> AppSpec:
    requirements: list[str] = []
    req = folder / "requirements.txt"
    if req.is_file():
        lines = (line.split("#", 1)[0].strip() for line in req.read_text().splitlines())
        requirements = [line for line in lines if line]
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", name or folder.name).strip("-") or "app"
    return AppSpec(name=slug, folder=folder, entry=entry, requirements=requirements)


def app_files(spec: AppSpec) -> list[str]:
    """Relative paths of the files shipped with an app (sources and data, no caches)."""
    files: list[str] = []
    for dirpath, dirnames, filenames in os.walk(spec.folder):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP and not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name.endswith(".pyc"):
                continue
            files.append((Path(dirpath) / name).relative_to(spec.folder).as_posix())
    return files


def compute_config(spec: AppSpec, timeout: float = 120.0) -> dict[str, Any] | None:
    """The app's ``/config`` computed with CPython (a subprocess, so apps cannot clash).

    Returns None (the page then asks the worker) when the app cannot load here,
    e.g. it imports a package only installed in the browser.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "config.json"
        command = [sys.executable, "-m", "wasmui.build", "--config", str(spec.entry_path), str(out)]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path(__file__).resolve().parent.parent),
                                                           os.environ.get("PYTHONPATH", "")]))
        result = subprocess.run(command, cwd=spec.folder, capture_output=True, text=True, timeout=timeout, env=env)
        if result.returncode != 0 or not out.exists():
            print(f"wasmui build: config of {spec.name} not pre-computed (the page will ask Python):\n"
                  f"{result.stderr.strip()[-2000:]}", file=sys.stderr)
            return None
        return json.loads(out.read_text())


def _config_main(app_file: str, out_file: str) -> int:
    """Subprocess side of :func:`compute_config`: load the app, write its config."""
    from wasmui import runner

    real_stdout = sys.stdout
    sys.stdout = sys.stderr  # the app's prints must not end up in the config
    try:
        blocks = runner.load_app(app_file)
        config = blocks.get_config("")
    finally:
        sys.stdout = real_stdout
    if _holds_local_files(config):
        # File values point into this machine's cache, which the browser does not have:
        # the page asks Python (in the worker) for the config instead.
        print("wasmui build: the config holds file values; the page will ask Python for it", file=sys.stderr)
        return 3
    Path(out_file).write_text(json.dumps(config))
    return 0


def _holds_local_files(value: Any) -> bool:
    """True when ``value`` contains a FileData whose path is a local file (not a URL)."""
    from wasmui.files import is_file_data

    if is_file_data(value):
        return not str(value.get("path", "")).startswith(("http://", "https://"))
    if isinstance(value, dict):
        return any(_holds_local_files(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_local_files(v) for v in value)
    return False


def copy_runtime(out: Path) -> None:
    """Copies the browser runtime (``wasmui/_web``) into ``out``."""
    if not (WEB / "wasmui-manifest.json").exists():
        raise FileNotFoundError(f"{WEB} is incomplete: run `make web` (npm run build + python -m wasmui.webassets)")
    shutil.copytree(WEB, out, dirs_exist_ok=True)


def _json_script(kind: str, value: Any) -> str:
    # `</` would end the script element early.
    text = json.dumps(value, separators=(",", ":")).replace("</", "<\\/").replace("<!--", "<\\!--")
    return f'<script type="application/json" data-wasmui="{kind}">{text}</script>'


def render_page(spec: AppSpec, config: dict[str, Any] | None, *, site: str, files_dir: str,
                extra_body: str = "", asgi: str | None = None) -> str:
    """The HTML page of one app. ``site`` is the relative URL of the site root."""
    files = {path: f"{files_dir}{path}" for path in app_files(spec) if path != spec.entry}
    parts = [_json_script("config", config) if config is not None else "", _json_script("files", files)]
    if spec.requirements:
        parts.append(f'<script type="text/plain" data-wasmui="requirements">{html.escape(chr(10).join(spec.requirements))}</script>')
    title = str((config or {}).get("title") or spec.name)
    attrs = f'src="{html.escape(files_dir + spec.entry)}" root="./" name="{html.escape(spec.name)}"'
    if asgi:
        attrs += f' asgi="{html.escape(asgi)}"'
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<link rel="icon" href="data:,">
<script type="module" src="{site}assets/wasmui.js"></script>
<style>body{{margin:0;font-family:system-ui,sans-serif;background:#fff}}wasmui-app{{display:block;max-width:1100px;margin:0 auto;padding:16px}}</style>
</head>
<body>
<wasmui-app {attrs}>
{chr(10).join(p for p in parts if p)}
</wasmui-app>
{extra_body}
</body>
</html>
"""


def _summary(spec: AppSpec) -> str:
    """First line of the app's module docstring (shown in the gallery)."""
    try:
        doc = ast.get_docstring(ast.parse(spec.entry_path.read_text(encoding="utf-8")))
    except (SyntaxError, UnicodeDecodeError):
        return ""
    return (doc or "").strip().split("\n", 1)[0]


def _gallery_page(entries: list[tuple[AppSpec, str]], extra_body: str) -> str:
    items = "\n".join(f'<li><a href="apps/{html.escape(s.name)}/">{html.escape(title)}</a> <code>{html.escape(s.name)}</code>'
                      f'<br><span>{html.escape(_summary(s))}</span></li>' for s, title in entries)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>wasmui apps</title>
<link rel="icon" href="data:,">
<style>body{{font-family:system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 16px}}li{{margin:8px 0}}code{{color:#888}}span{{color:#555;font-size:14px}}</style>
</head>
<body>
<h1>wasmui apps</h1>
<p>Each app runs entirely in your browser (Python on Pyodide).</p>
<ul>
{items}
</ul>
{extra_body}
</body>
</html>
"""


def _ship_requirements(specs: list[AppSpec], out: Path) -> None:
    """Downloads pure-Python wheels for the apps' requirements and indexes them (PEP 503)."""
    wanted = sorted({r for s in specs for r in s.requirements})
    if not wanted:
        return
    wheels = out / "wheels" / "reqs"
    wheels.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", "--python-version", "3.14",
               "--implementation", "py", "--abi", "none", "--platform", "any", "-d", str(wheels)]
    local = [spec.folder / "wheels" for spec in specs if (spec.folder / "wheels").is_dir()]
    if local:
        # Apps that ship their wheels build offline and never pick a same-named package from PyPI.
        command += ["--no-index", *(f"--find-links={folder}" for folder in local)]
    subprocess.run(command + wanted, check=True)
    index = out / "simple"
    for wheel in sorted(wheels.glob("*.whl")):
        project = re.sub(r"[-_.]+", "-", wheel.name.split("-")[0]).lower()
        page = index / project / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        links = page.read_text() if page.exists() else ""
        page.write_text(links + f'<a href="../../wheels/reqs/{wheel.name}">{wheel.name}</a>\n')


def build_site(app_path: str | os.PathLike[str], out_dir: str | os.PathLike[str], *,
               extra_body: str = "", configs: bool = True) -> Path:
    """Writes the static site for ``app_path`` into ``out_dir`` and returns it."""
    specs, gallery = find_apps(app_path)
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    copy_runtime(out)
    _ship_requirements(specs, out)
    entries: list[tuple[AppSpec, str]] = []
    for spec in specs:
        page_dir = out / "apps" / spec.name if gallery else out
        files_dir = page_dir / "app"
        shutil.rmtree(files_dir, ignore_errors=True)
        for path in app_files(spec):
            target = files_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(spec.folder / path, target)
        config = compute_config(spec) if configs else None
        site = "../../" if gallery else "./"
        page = render_page(spec, config, site=site, files_dir="app/", extra_body=extra_body)
        (page_dir / "index.html").write_text(page)
        entries.append((spec, str((config or {}).get("title") or spec.name)))
    if gallery:
        (out / "index.html").write_text(_gallery_page(entries, extra_body))
    return out


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--config":
        raise SystemExit(_config_main(sys.argv[2], sys.argv[3]))
    print("usage: python -m wasmui.build --config APP.py OUT.json  (use `wasmui build` instead)", file=sys.stderr)
    raise SystemExit(2)
