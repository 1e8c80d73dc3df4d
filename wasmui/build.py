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

With ``pyodide=`` (``--pyodide DIR_OR_URL``) the site runs on that Pyodide
distribution: the packages the app needs (``wasmui.appdeps``) are resolved
through its lock and only their files are copied (``wasmui.webassets``). A
package nothing provides fails the build (:class:`MissingPackagesError`).
"""

from __future__ import annotations

import ast
import hashlib
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

from wasmui import appdeps, publish, reqwheels
from wasmui.distribution import OPTION, Distribution, normalize, open_distribution
from wasmui.precompress import precompress_site
from wasmui.trim import traced_modules, trim_site

WEB = Path(__file__).resolve().parent / "_web"


class MissingPackagesError(RuntimeError):
    """An app needs packages that neither the distribution nor requirements.txt provides."""


def _log(message: str) -> None:
    print(message, file=sys.stderr)


@dataclass
class AppSpec:
    """One app to ship: its folder, entry file and requirements."""

    name: str
    folder: Path
    entry: str = "app.py"
    requirements: list[str] = field(default_factory=list)
    # Folders never published (a build's output inside the app folder).
    exclude: list[Path] = field(default_factory=list)

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
    """Relative paths of the files published with an app (see :mod:`wasmui.publish`)."""
    files = publish.published_files(spec.folder)
    skip = [p.relative_to(spec.folder).as_posix() + "/" for p in spec.exclude if p.is_relative_to(spec.folder)]
    return [f for f in files if not any(f.startswith(s) for s in skip)]


def compute_config(spec: AppSpec, timeout: float = 120.0) -> dict[str, Any] | None:
    """The app's ``/config`` computed with CPython (a subprocess, so apps cannot clash).

    Returns None (the page then asks the worker) when the app cannot load here,
    e.g. it imports a package only installed in the browser.
    """
    return inspect_app(spec, timeout)[0]


@dataclass
class PageLook:
    """What the page itself shows before the app runs: the theme's CSS and the favicon file."""

    theme_css: str | None = None
    favicon: str | None = None
    #: Modules CPython imported for the app beyond the build's own (its part of the boot set,
    #: :mod:`wasmui.trim`).
    modules: set[str] = field(default_factory=set)
    #: Sample media (``audio/cantina.wav``) the app took while loading: kept in the boot wheel.
    media: set[str] = field(default_factory=set)


def inspect_app(spec: AppSpec, timeout: float = 120.0) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
    """The app's config (or None) and the ``(package, component)`` pairs its components need."""
    config, packages, _look = inspect_app_page(spec, timeout)
    return config, packages


def inspect_app_page(spec: AppSpec, timeout: float = 120.0
                     ) -> tuple[dict[str, Any] | None, list[tuple[str, str]], PageLook]:
    """:func:`inspect_app` plus the page's :class:`PageLook`."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "config.json"
        command = [sys.executable, "-m", "wasmui.app_inspect", str(spec.entry_path), str(out)]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path(__file__).resolve().parent.parent),
                                                           os.environ.get("PYTHONPATH", "")]))
        result = subprocess.run(command, cwd=spec.folder, capture_output=True, text=True, timeout=timeout, env=env)
        result_json = json.loads(out.read_text()) if out.exists() else {}
        if result.returncode != 0 or "config" not in result_json:
            _log(f"wasmui build: config of {spec.name} not pre-computed (the page will ask Python):\n"
                 f"{result.stderr.strip()[-2000:]}")
            return None, [], PageLook(modules=set(result_json.get("modules", [])))
        look = PageLook(theme_css=result_json.get("theme_css"), favicon=result_json.get("favicon"),
                        modules=set(result_json.get("modules", [])), media=set(result_json.get("media", [])))
        return result_json["config"], [tuple(p) for p in result_json["packages"]], look


def copy_runtime(out: Path, with_core: bool = True) -> None:
    """Copies the browser runtime (``wasmui/_web``) into ``out``; ``with_core=False`` leaves out
    the default Pyodide core (a site built against another distribution)."""
    if not (WEB / "wasmui-manifest.json").exists():
        raise FileNotFoundError(f"{WEB} is incomplete: run `make web` (npm run build + python -m wasmui.webassets)")
    ignore = None if with_core else (lambda folder, names: ["pyodide"] if Path(folder) == WEB else [])
    shutil.copytree(WEB, out, dirs_exist_ok=True, ignore=ignore)


def _json_script(kind: str, value: Any) -> str:
    # `</` would end the script element early.
    text = json.dumps(value, separators=(",", ":")).replace("</", "<\\/").replace("<!--", "<\\!--")
    return f'<script type="application/json" data-wasmui="{kind}">{text}</script>'


def early_boot(spec: AppSpec, manifest: dict[str, Any], *, site: str, files_dir: str, web: Path = WEB) -> str:
    """The page's inline boot script (``web/src/early.ts``) and its JSON: the worker starts and the
    interpreter, stdlib and app files download while the HTML parses (no request chain
    before the wasm). Empty when the runtime has no early script (an older ``make web``)."""
    script = web / "assets" / "early.js"
    workers = sorted((web / "assets").glob("worker-*.js"))
    if not script.is_file() or len(workers) != 1:
        return ""
    precompressed = manifest.get("precompressed")
    encodings: dict[str, str] = dict(precompressed) if isinstance(precompressed, dict) else {}
    core = str(manifest.get("pyodide", {}).get("indexURL", "pyodide/"))
    paths: list[str] = []
    if not core.startswith(("http://", "https://", "//")):
        core = core.rstrip("/") + "/"
        names = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
        if "pyodide" not in manifest and core + "pyodide.asm.mjs" in encodings:
            names.append("pyodide.asm.mjs")  # imported from a blob only when precompressed
        paths += [core + name for name in names]
    # Not the wheel: the worker fetches it once the wasm is in, so it does not slow the files the
    # interpreter waits for (it is needed only after Python has started).
    fetch: list[list[Any]] = [[site + path, encodings.get(path)] for path in paths]
    fetch += [[files_dir + path, None] for path in app_files(spec)]
    spec_json = {"name": spec.name, "worker": site + workers[0].relative_to(web).as_posix(), "manifest": manifest,
                 "fetch": fetch}
    text = json.dumps(spec_json, separators=(",", ":")).replace("<", "\\u003c")  # nothing can end the script
    code = script.read_text().strip()
    return f'<script type="application/json" id="wasmui-early">{text}</script>\n<script>{code}</script>\n'


def page_entry(web: Path = WEB) -> tuple[str, list[str]]:
    """The page entry built pages load (``assets/wasmui-<hash>.js``, or ``assets/wasmui.js`` from an
    older ``make web``) and the chunks it imports statically (preloaded from the HTML: a first visit
    asks for them with the entry instead of after it), paths relative to the site root."""
    hashed = sorted((web / "assets").glob("wasmui-*.js"))
    entry = hashed[0] if len(hashed) == 1 else web / "assets" / "wasmui.js"
    head = entry.read_text(errors="replace")[:4000] if entry.is_file() else ""
    imports = dict.fromkeys(re.findall(r"""(?:\bfrom|\bimport)\s*["'`]\./([\w.-]+\.js)["'`]""", head))
    return f"assets/{entry.name}", [f"assets/{name}" for name in imports if (web / "assets" / name).is_file()]


def _entry_tags(site: str, web: Path) -> str:
    entry, imports = page_entry(web)
    preloads = "".join(f'<link rel="modulepreload" href="{html.escape(site + path)}">\n' for path in imports)
    return f'<script type="module" src="{html.escape(site + entry)}"></script>\n{preloads}'


#: Stands for the page's own hash in ``<meta name="wasmui-page">`` until :func:`stamp_page`.
PAGE_PLACEHOLDER = "0" * 16


def stamp_page(page: str) -> str:
    """``page`` with its own content hash in ``<meta name="wasmui-page">``: the service worker
    serves a repeat visit's page from its cache and compares this hash with the network's copy
    to see a rebuild (``service-worker/assetcache.ts``)."""
    digest = hashlib.sha256(page.encode()).hexdigest()[:16]
    return page.replace(f'<meta name="wasmui-page" content="{PAGE_PLACEHOLDER}">',
                        f'<meta name="wasmui-page" content="{digest}">', 1)


def render_page(spec: AppSpec, config: dict[str, Any] | None, *, site: str, files_dir: str,
                extra_body: str = "", asgi: str | None = None, packages: list[str] | None = None,
                requirements: list[str] | None = None, theme_css: str | None = None,
                favicon: str | None = None, early: str = "", web: Path = WEB) -> str:
    """The HTML page of one app. ``site`` is the relative URL of the site root.

    ``packages``: the Pyodide packages the worker loads (fetched while Python starts);
    ``requirements``: what micropip installs (default: all of requirements.txt);
    ``theme_css``: the app's theme stylesheet (so the first paint has the theme);
    ``favicon``: the icon's URL relative to the page;
    ``early``: the inline boot script (:func:`early_boot`);
    ``web``: the runtime the page loads (the site's copy of it).
    """
    files = {path: f"{files_dir}{path}" for path in app_files(spec) if path != spec.entry}
    parts = [_json_script("config", config) if config is not None else "", _json_script("files", files)]
    if packages is not None:
        parts.append(_json_script("packages", packages))
    requirements = spec.requirements if requirements is None else requirements
    if requirements:
        parts.append(f'<script type="text/plain" data-wasmui="requirements">{html.escape(chr(10).join(requirements))}</script>')
    if theme_css:
        # `</` would end the script element early; `<\/` is the same in CSS.
        safe_css = theme_css.replace("</", "<\\/")
        parts.append(f'<script type="text/css" data-wasmui="theme">{safe_css}</script>')
    title = str((config or {}).get("title") or spec.name)
    attrs = f'src="{html.escape(files_dir + spec.entry)}" root="./" name="{html.escape(spec.name)}"'
    if asgi:
        attrs += f' asgi="{html.escape(asgi)}"'
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="wasmui-page" content="{PAGE_PLACEHOLDER}">
<title>{html.escape(title)}</title>
<link rel="icon" href="{html.escape(favicon or 'data:,')}">
{early}{_entry_tags(site, web)}{_page_style((config or {}).get("body_css"))}
</head>
<body>
<wasmui-app {attrs}>
{chr(10).join(p for p in parts if p)}
</wasmui-app>
{extra_body}
</body>
</html>
"""


def _page_style(body_css: Any) -> str:
    """The page around the app: the theme's background from the first paint, light or dark
    (``?__theme=`` read before anything renders), so no band of another colour shows."""
    colours = body_css if isinstance(body_css, dict) else {}

    def value(key: str, default: str) -> str:
        text = str(colours.get(key) or default)
        return re.sub(r"[;{}<>]", "", text)  # a declaration value, nothing more

    light_bg, light_fg = value("body_background_fill", "#fff"), value("body_text_color", "#27272a")
    dark_bg, dark_fg = value("body_background_fill_dark", "#09090b"), value("body_text_color_dark", "#f4f4f5")
    return (
        "<script>(function(){var t=new URLSearchParams(location.search).get('__theme');"
        "if(t==='dark'||t==='light')document.documentElement.classList.add(t)})()</script>\n"
        f"<style>html{{background:{light_bg};color:{light_fg};color-scheme:light}}"
        f"html.dark{{background:{dark_bg};color:{dark_fg};color-scheme:dark}}"
        f"@media (prefers-color-scheme:dark){{html:not(.light){{background:{dark_bg};color:{dark_fg};color-scheme:dark}}}}"
        "body{margin:0;font-family:system-ui,sans-serif;min-height:100vh}"
        "wasmui-app{display:block;max-width:1100px;margin:0 auto;padding:16px}</style>"
    )


def _summary(spec: AppSpec) -> str:
    """First line of the app's module docstring (shown in the gallery)."""
    try:
        doc = ast.get_docstring(ast.parse(spec.entry_path.read_text(encoding="utf-8")))
    except (SyntaxError, UnicodeDecodeError):
        return ""
    return (doc or "").strip().split("\n", 1)[0]


GALLERY_CSS = """
:root{color-scheme:light dark;--bg:#f7f7f8;--card:#fff;--text:#1f2328;--muted:#59636e;--line:#e4e6ea;
--accent:#f97316;--pbg:#fff;--shadow:0 1px 2px rgba(16,24,40,.06),0 4px 14px rgba(16,24,40,.06)}
@media (prefers-color-scheme:dark){:root{--bg:#0b0f19;--card:#111827;--text:#e5e7eb;--muted:#9ca3af;
--line:#1f2937;--pbg:#0b0f19;--shadow:0 1px 2px rgba(0,0,0,.4),0 6px 18px rgba(0,0,0,.35)}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
header{max-width:1160px;margin:0 auto;padding:48px 24px 8px}
header h1{margin:0;font-size:28px;letter-spacing:-.01em}
header p{margin:6px 0 0;color:var(--muted)}
main{max-width:1160px;margin:0 auto;padding:24px;display:grid;gap:22px;
grid-template-columns:repeat(auto-fill,minmax(300px,1fr))}
.card{display:flex;flex-direction:column;background:var(--card);border:1px solid var(--line);border-radius:14px;
overflow:hidden;color:inherit;text-decoration:none;box-shadow:var(--shadow);transition:transform .15s,border-color .15s}
.card:hover,.card:focus-visible{transform:translateY(-2px);border-color:var(--accent);outline:none}
.preview{position:relative;aspect-ratio:16/10;overflow:hidden;border-bottom:1px solid var(--line);background:var(--pbg)}
.preview .scaler{position:absolute;top:0;left:0;width:1100px;transform-origin:0 0;transform:scale(var(--s,.3));
pointer-events:none}
.preview .fallback{position:absolute;inset:0;display:grid;place-items:center;font-size:56px;font-weight:700;
color:#fff;background:linear-gradient(135deg,#f97316,#db2777)}
.meta{padding:14px 16px 16px}
.meta h2{margin:0;font-size:16px}
.meta p{margin:4px 0 8px;color:var(--muted);font-size:14px}
.meta code{font-size:12px;color:var(--muted)}
.meta p code{font-size:13px;padding:1px 4px;border-radius:4px;background:var(--bg);color:var(--text)}
"""

GALLERY_JS = """
const fit = (box) => box.style.setProperty("--s", String(box.clientWidth / 1100));
const ro = new ResizeObserver((entries) => entries.forEach((e) => fit(e.target)));
document.querySelectorAll(".preview").forEach((box) => { fit(box); ro.observe(box); });
"""


def _gallery_card(spec: AppSpec, title: str, config: dict[str, Any] | None, theme_css: str | None) -> str:
    """One app: a live first-paint preview (its config and theme, no Python) or a lettered tile."""
    name = html.escape(spec.name)
    if config is not None:
        safe_css = (theme_css or "").replace("</", "<\\/")  # `</` would end the script element
        theme = f'<script type="text/css" data-wasmui="theme">{safe_css}</script>' if theme_css else ""
        preview = (f'<div class="scaler" inert><wasmui-app preview name="{name}" root="apps/{name}/">'
                   f'{_json_script("config", config)}{theme}</wasmui-app></div>')
    else:
        preview = f'<div class="fallback" aria-hidden="true">{html.escape(title[:1].upper() or "?")}</div>'
    summary = _summary(spec)
    return (f'<a class="card" href="apps/{name}/"><div class="preview">{preview}</div>'
            f'<div class="meta"><h2>{html.escape(title)}</h2>'
            + (f"<p>{_inline_code(summary)}</p>" if summary else "")
            + f"<code>{name}</code></div></a>")


def _inline_code(text: str) -> str:
    """Escaped text with Markdown's `code` spans as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


def _gallery_page(entries: list[tuple[AppSpec, str, dict[str, Any] | None, str | None]], extra_body: str,
                  web: Path = WEB) -> str:
    cards = "\n".join(_gallery_card(*entry) for entry in entries)
    count = f"{len(entries)} app{'s' if len(entries) != 1 else ''}"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>wasmui apps</title>
<link rel="icon" href="data:,">
<style>{GALLERY_CSS}</style>
{_entry_tags("", web)}</head>
<body>
<header><h1>wasmui apps</h1><p>{count}, each running entirely in your browser: Python on Pyodide, no server.</p></header>
<main>
{cards}
</main>
<script type="module">{GALLERY_JS}</script>
{extra_body}
</body>
</html>
"""


@dataclass
class _Plan:
    """What one app's page gets: its config, packages and micropip requirements."""

    spec: AppSpec
    files: list[str]
    config: dict[str, Any] | None
    scan: appdeps.ImportScan
    components: list[tuple[str, str]]
    look: PageLook = field(default_factory=PageLook)
    needs: appdeps.Needs = field(default_factory=lambda: appdeps.Needs([], [], [], []))


def _plan(spec: AppSpec, dist: Distribution, configs: bool) -> _Plan:
    files = app_files(spec)
    _log(f"wasmui build: publishing {spec.name} ({spec.folder}):\n{publish.listing(spec.folder, files)}")
    config, components, look = inspect_app_page(spec) if configs else (None, [], PageLook())
    if configs and config is None and not dist.default:
        _log(f"wasmui build: {spec.name} did not load here, so what its components need (e.g. Pillow for "
             "gr.Image) is unknown: list such packages in requirements.txt if the page reports a missing module.")
    return _Plan(spec, files, config, appdeps.scan_app(spec.folder, files), components, look)


def _boot_media(plans: list[_Plan]) -> set[str] | None:
    """The sample media the boot wheel keeps: those the apps took while loading; all of them
    (None) when an app names ``MEDIA_ROOT`` (a folder it may list, e.g. a FileExplorer's root)."""
    for plan in plans:
        for name in plan.files:
            if name.endswith(".py") and "MEDIA_ROOT" in (plan.spec.folder / name).read_text(errors="replace"):
                return None
    return {sample for plan in plans for sample in plan.look.media}


def _wanted_from_pypi(plan: _Plan, dist: Distribution) -> list[str]:
    """What ``plan``'s app asks of PyPI: its requirements the lock lacks, and the packages its
    components need that the lock lacks (jinja2 for a pandas Styler)."""
    lines = [r for r in plan.spec.requirements
             if dist.key(appdeps.requirement_name(r)) is None and not appdeps.is_runtime_requirement(r)]
    named = {normalize(appdeps.requirement_name(r)) for r in lines}
    return lines + sorted({p for p, _ in plan.components
                           if dist.key(p) is None and normalize(p) in reqwheels.FROM_PYPI and normalize(p) not in named})


def _resolve_needs(plan: _Plan, dist: Distribution, fetched: reqwheels.Fetched) -> appdeps.Needs:
    """``plan``'s packages once its PyPI wheels are known: the lock packages those wheels depend
    on ship too, and component packages fetched from PyPI are installed with micropip."""
    wanted = _wanted_from_pypi(plan, dist)
    projects, lock = fetched.closure(appdeps.requirement_name(r) for r in wanted)
    modules = appdeps.wheel_modules(fetched.wheels[p] for p in sorted(projects))
    requirements = [*plan.spec.requirements, *(w for w in wanted if w not in plan.spec.requirements)]
    needs = appdeps.app_needs(dist, plan.scan, appdeps.local_modules(plan.files), requirements, plan.components,
                              modules)
    if lock:
        needs.direct = sorted(set(needs.direct) | lock)
        needs.packages = dist.resolve(needs.direct)
    return needs


def missing_message(plans: list[_Plan], dist: Distribution) -> str:
    """Names what no package provides and how to provide it."""
    lines = [f"wasmui build: {p.spec.name} needs {', '.join(p.needs.missing)}" for p in plans if p.needs.missing]
    lines.append(f"Neither {dist.describe()} nor requirements.txt provides these packages. Pass {OPTION} "
                 "with a full Pyodide distribution that has them (a folder, or the base URL of one), "
                 "or list pure-Python wheels in requirements.txt.")
    for p in plans:
        if p.needs.missing_imports:
            # The build installs only what it is told (as `pip install` comes before a Gradio
            # server runs an app): an import name is not always its PyPI project's name.
            req = p.spec.folder / "requirements.txt"
            lines.append(f"A package from PyPI is fetched only when listed: add its PyPI project name (not always "
                         f"the import name: sklearn is scikit-learn) to {req}, one per line, for example:\n"
                         + "\n".join(f"    {m}" for m in p.needs.missing_imports)
                         + "\nThe build then downloads its pure-Python wheel and dependencies into the site.")
    return "\n".join(lines)


def build_site(app_path: str | os.PathLike[str], out_dir: str | os.PathLike[str], *,
               extra_body: str = "", configs: bool = True, pyodide: str | os.PathLike[str] | None = None) -> Path:
    """Writes the static site for ``app_path`` into ``out_dir`` and returns it.

    ``pyodide``: a folder or base URL of a full Pyodide distribution (default: the npm core).
    Raises :class:`MissingPackagesError` when an app needs a package nothing provides.
    """
    specs, gallery = find_apps(app_path)
    dist = open_distribution(pyodide)
    out = Path(out_dir).resolve()
    for spec in specs:
        spec.exclude.append(out)
    out.mkdir(parents=True, exist_ok=True)
    copy_runtime(out, with_core=dist.default)
    plans = [_plan(spec, dist, configs) for spec in specs]
    wanted = [w for p in plans for w in _wanted_from_pypi(p, dist)]
    local = [spec.folder / "wheels" for spec in specs if (spec.folder / "wheels").is_dir()]
    fetched = reqwheels.fetch(dict.fromkeys(wanted), dist, out / "wheels" / "reqs", local) if wanted else reqwheels.Fetched()
    reqwheels.write_index(fetched.wheels.values(), out / "simple")
    for plan in plans:
        plan.needs = _resolve_needs(plan, dist, fetched)
    if any(p.needs.missing for p in plans):
        raise MissingPackagesError(missing_message(plans, dist))
    keys = sorted({k for p in plans for k in p.needs.packages})
    if any(p.needs.requirements for p in plans):
        keys = dist.resolve([*keys, "micropip"])
    if not dist.default:
        from wasmui.webassets import install_distribution

        entry = install_distribution(dist, out, keys)
        _report_distribution(dist, out, keys, entry)
    for plan in plans:
        files_dir = (out / "apps" / plan.spec.name if gallery else out) / "app"
        shutil.rmtree(files_dir, ignore_errors=True)
        for path in plan.files:
            target = files_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(plan.spec.folder / path, target)
    from wasmui.webassets import stamp_build

    boot = traced_modules(out, {m for p in plans for m in p.look.modules}) if dist.default else None
    if boot is not None:
        trim_site(out, boot, _boot_media(plans))
    precompress_site(out)
    stamp_build(out)
    # The pages inline the final manifest (the build hash ignores index.html for that reason).
    manifest = json.loads((out / "wasmui-manifest.json").read_text())
    entries: list[tuple[AppSpec, str, dict[str, Any] | None, str | None]] = []
    for plan in plans:
        spec = plan.spec
        page_dir = out / "apps" / spec.name if gallery else out
        site = "../../" if gallery else "./"
        page = render_page(spec, plan.config, site=site, files_dir="app/", extra_body=extra_body,
                           packages=plan.needs.direct, requirements=plan.needs.requirements,
                           theme_css=plan.look.theme_css, favicon=_place_favicon(plan, page_dir),
                           early=early_boot(spec, manifest, site=site, files_dir="app/", web=out), web=out)
        (page_dir / "index.html").write_text(stamp_page(page))
        title = str((plan.config or {}).get("title") or "")
        if not title or title == "Gradio":  # Gradio's default title says nothing: use the folder's name
            title = re.sub(r"[-_]+", " ", spec.name).strip().capitalize() or spec.name
        entries.append((spec, title, plan.config, plan.look.theme_css))
    if gallery:
        (out / "index.html").write_text(_gallery_page(entries, extra_body, out))
    return out


def _place_favicon(plan: _Plan, page_dir: Path) -> str | None:
    """The page-relative URL of ``launch(favicon_path=...)``: the published copy when the file is
    part of the app, else a copy next to the page."""
    if not plan.look.favicon:
        return None
    path = Path(plan.look.favicon)
    if not path.is_file():
        _log(f"wasmui build: favicon {path} not found; the page has none")
        return None
    if path.is_relative_to(plan.spec.folder.resolve()):
        rel = path.relative_to(plan.spec.folder.resolve()).as_posix()
        if rel in plan.files:
            return f"app/{rel}"
    shutil.copyfile(path, page_dir / f"favicon{path.suffix}")
    return f"favicon{path.suffix}"


def _report_distribution(dist: Distribution, out: Path, keys: list[str], entry: dict[str, Any]) -> None:
    if not entry.get("offline"):
        _log(f"wasmui build: Pyodide {dist.version} and its packages ({', '.join(keys) or 'none'}) load from "
             f"{dist.location} at run time: this site is NOT offline (pass a folder to {OPTION.split()[0]} for that).")
        return
    sizes = [(dist.packages[k]["file_name"], (out / "pyodide" / dist.packages[k]["file_name"]).stat().st_size) for k in keys]
    width = max((len(name) for name, _ in sizes), default=0)
    listing = "\n".join(f"  {name.ljust(width)}  {publish.human_size(size):>9}" for name, size in sizes) or "  (none)"
    _log(f"wasmui build: {dist.describe()}, packages shipped ({publish.human_size(sum(s for _, s in sizes))}):\n{listing}")
