"""Completes the browser assets in ``wasmui/_web/`` after ``npm run build``.

``python -m wasmui.webassets`` adds what Vite does not build:

* ``pyodide/``: the Pyodide core files from ``node_modules/pyodide`` (never a CDN; the glue
  with a cheaper start-up, :mod:`wasmui.gluepatch`)
  and a lock trimmed to the packages the site serves (micropip at most), so a
  missing package fails loudly instead of a silent "Failed to fetch". The stdlib
  zip is recompiled to .pyc by Pyodide itself under Node (``web/src/tools/compile_pyc.mjs``):
  Pyodide ships sources only, so every boot would compile ~200 modules again;
* ``wheels/<hash>/wasmui-<version>-py3-none-any.whl``: this checkout as a wheel
  (``pip wheel --no-deps``, without ``_web``), in a content-addressed folder so
  browsers never run a stale cached copy;
* ``wasmui-manifest.json``: what the worker loads;
* the build's content hash, written into ``sw.js`` (service-worker versioning).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from wasmui.distribution import Distribution, copy_packages
from wasmui.gluepatch import patched_or_original
from wasmui.mplfonts import fix_font_list

ROOT = Path(__file__).resolve().parent.parent
WEB = Path(__file__).resolve().parent / "_web"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
MICROPIP = "micropip==0.11.1"
HASH_PLACEHOLDER = "__WASMUI_BUILD_HASH__"
COMPILE_PYC = ROOT / "web" / "src" / "tools" / "compile_pyc.mjs"


def compile_pyc(mode: str, source: Path, target: Path, pyodide_dir: Path | None = None,
                strip_docstrings: bool = False) -> bool:
    """Runs compile_pyc.mjs (``mode`` stdlib or wheel); False when Node cannot (then keep sources).

    ``pyodide_dir`` compiles with that distribution's interpreter instead of the npm core:
    .pyc files only load on the Python version that wrote them. ``strip_docstrings`` (wheel
    mode; the stdlib always loses them) is for wasmui's own wheel: nothing reads wasmui's
    docstrings at run time (``/info`` descriptions come from the app's functions, compiled
    from source in the browser), and they were 7% of its .pyc bytes (92 kB of hello's boot wheel).
    """
    return compile_many(mode, [(source, target)], pyodide_dir, strip_docstrings)[0]


def compile_many(mode: str, pairs: list[tuple[Path, Path]], pyodide_dir: Path | None = None,
                 strip_docstrings: bool = False) -> list[bool]:
    """:func:`compile_pyc` for several files, with one interpreter for all that are not cached."""
    if not COMPILE_PYC.is_file():  # an installed wasmui without its checkout: ship sources
        return [False] * len(pairs)
    cache = ROOT / "build" / "pyc-cache"
    cache.mkdir(parents=True, exist_ok=True)
    interpreter = b""
    if pyodide_dir is not None:
        interpreter = b"".join((pyodide_dir / name).read_bytes() for name in ("pyodide.mjs", "pyodide-lock.json"))
    options = ["--strip-docstrings"] if strip_docstrings else []
    salt = COMPILE_PYC.read_bytes() + mode.encode() + interpreter + " ".join(options).encode()
    cached = [cache / f"{hashlib.sha256(source.read_bytes() + salt).hexdigest()[:24]}.zip" for source, _ in pairs]
    todo = [(source, entry) for (source, _), entry in zip(pairs, cached) if not entry.exists()]
    if todo:
        extra = ["--pyodide", str(pyodide_dir)] if pyodide_dir is not None else []
        extra += options
        arguments = [str(p) for pair in todo for p in pair]
        result = subprocess.run(["node", str(COMPILE_PYC), mode, *arguments, *extra],
                                capture_output=True, text=True, cwd=ROOT)
        if result.returncode != 0:
            for _, entry in todo:
                entry.unlink(missing_ok=True)
            print(f"wasmui.webassets: no .pyc for {', '.join(s.name for s, _ in todo)} (shipping sources):\n"
                  f"{result.stderr.strip()[-1500:]}", file=sys.stderr)
    done: list[bool] = []
    for (_, target), entry in zip(pairs, cached):
        if entry.exists():
            shutil.copyfile(entry, target)
        done.append(entry.exists())
    return done


def trace_imports(wheel: Path, target: Path) -> bool:
    """Writes ``target``: the modules Pyodide holds after its boot, ``import wasmui`` and one event
    of a small app (``compile_pyc.mjs trace``; cached by wheel and script). ``wasmui build`` ships
    those in the boot archives (:mod:`wasmui.trim`). False when Node cannot run it (no trimming)."""
    if not COMPILE_PYC.is_file():
        return False
    cache = ROOT / "build" / "pyc-cache"
    cache.mkdir(parents=True, exist_ok=True)
    salt = COMPILE_PYC.read_bytes() + (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").read_bytes()
    cached = cache / f"trace-{hashlib.sha256(wheel.read_bytes() + salt).hexdigest()[:24]}.json"
    if not cached.exists():
        partial = cached.with_suffix(".part")
        result = subprocess.run(["node", str(COMPILE_PYC), "trace", str(wheel), str(partial)],
                                capture_output=True, text=True, cwd=ROOT)
        if result.returncode != 0 or not partial.exists():
            print(f"wasmui.webassets: no import trace (sites ship the whole stdlib):\n{result.stderr.strip()[-1500:]}",
                  file=sys.stderr)
            return False
        partial.replace(cached)
    shutil.copyfile(cached, target)
    return True


def _copy_pyodide(node_modules: Path, micropip_wheel: Path | None) -> None:
    source = node_modules / "pyodide"
    target = WEB / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        if name == "pyodide.asm.mjs":
            glue = (source / name).read_bytes().decode("utf-8")  # as is: no newline translation
            wasm = (source / "pyodide.asm.wasm").read_bytes()
            (target / name).write_bytes(patched_or_original(glue, wasm).encode("utf-8"))
        elif name != "python_stdlib.zip" or not compile_pyc("stdlib", source / name, target / name):
            shutil.copyfile(source / name, target / name)
    lock = json.loads((source / "pyodide-lock.json").read_text())
    packages: dict[str, object] = {}
    if micropip_wheel is not None:
        shutil.copyfile(micropip_wheel, target / micropip_wheel.name)
        entry = dict(lock["packages"]["micropip"])
        entry.update(file_name=micropip_wheel.name,
                     sha256=hashlib.sha256(micropip_wheel.read_bytes()).hexdigest(), depends=[])
        packages["micropip"] = entry
    (target / "pyodide-lock.json").write_text(json.dumps({"info": lock["info"], "packages": packages}))


def _micropip_wheel(cache: Path) -> Path | None:
    """micropip for Pyodide's Python, downloaded once into ``cache`` (None when offline)."""
    found = sorted(cache.glob("micropip-*.whl"))
    if found:
        return found[-1]
    cache.mkdir(parents=True, exist_ok=True)
    # micropip needs Python >= 3.13: ask for the browser's Python, not the host's.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
         "--python-version", "3.14", "-d", str(cache), MICROPIP],
        capture_output=True, text=True)
    if result.returncode != 0:
        print(f"wasmui.webassets: micropip unavailable, apps with requirements.txt will not boot:\n"
              f"{result.stderr.strip()}", file=sys.stderr)
        return None
    return sorted(cache.glob("micropip-*.whl"))[-1]


def build_wheel(dest: Path) -> Path:
    """Builds the wasmui wheel of this checkout, without ``wasmui/_web``, into ``dest``."""
    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp) / "src"
        stage.mkdir()
        for name in ("pyproject.toml", "README.md", "LICENSE"):
            if (ROOT / name).exists():
                shutil.copyfile(ROOT / name, stage / name)
        shutil.copytree(ROOT / "wasmui", stage / "wasmui",
                        ignore=shutil.ignore_patterns("_web", "__pycache__", "*.pyc"))
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(Path(tmp) / "dist"), str(stage)],
            capture_output=True, text=True, cwd=tmp)
        if result.returncode != 0:
            raise RuntimeError(f"pip wheel failed:\n{result.stdout}\n{result.stderr}")
        built = next((Path(tmp) / "dist").glob("wasmui-*.whl"))
        wheel = Path(tmp) / built.name
        if not compile_pyc("wheel", built, wheel, strip_docstrings=True):
            wheel = built
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:16]
        target = dest / digest / wheel.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(wheel, target)
        return target


def install_distribution(dist: Distribution, out: Path, keys: list[str]) -> dict[str, Any]:
    """Puts a distribution into the site ``out`` and returns the manifest's ``pyodide`` entry.

    A folder distribution is copied: its core (the stdlib compiled to .pyc by its own
    interpreter), the files of the packages ``keys`` and a lock trimmed to them, so the
    site stays offline. A URL distribution is only referred to: the page loads Pyodide
    and the packages from there. The wasmui wheel gets .pyc of the distribution's Python.
    """
    entry: dict[str, Any] = {"version": dist.version, "python": dist.python, "packages": sorted(keys)}
    manifest = json.loads((out / "wasmui-manifest.json").read_text())
    if dist.folder is None:
        manifest["pyodide"] = {**entry, "indexURL": dist.location, "offline": False}
    else:
        _copy_distribution(dist, out / "pyodide", keys)
        default_wheel = out / manifest["wheel"]
        manifest["wheel"] = _wheel_for(dist.folder, WEB / manifest["wheel"], out / "wheels")
        if out / manifest["wheel"] != default_wheel:
            shutil.rmtree(default_wheel.parent, ignore_errors=True)
        manifest["pyodide"] = {**entry, "indexURL": "pyodide/", "offline": True}
    manifest["micropip"] = "micropip" in keys
    (out / "wasmui-manifest.json").write_text(json.dumps(manifest, indent=1))
    return dict(manifest["pyodide"])


def _copy_distribution(dist: Distribution, target: Path, keys: list[str]) -> None:
    """The core and the packages ``keys``; package wheels get .pyc (their sha256 updated in the lock)."""
    assert dist.folder is not None
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in ("pyodide.mjs", dist.asm_js(), "pyodide.asm.wasm"):
        shutil.copyfile(dist.folder / name, target / name)
    stdlib = dist.folder / "python_stdlib.zip"
    if not compile_pyc("stdlib", stdlib, target / stdlib.name, dist.folder):
        shutil.copyfile(stdlib, target / stdlib.name)
    copy_packages(dist, keys, target)
    lock = dist.trimmed_lock(keys)
    if "matplotlib" in keys:  # a font list stamped with another version is rebuilt on every page load
        wheel = target / lock["packages"]["matplotlib"]["file_name"]
        if wheel.suffix == ".whl" and fix_font_list(wheel):
            lock["packages"]["matplotlib"] = {**lock["packages"]["matplotlib"],
                                              "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest()}
    # Distributions ship package sources only: importing pandas compiled ~300 modules on every
    # boot (measured: the app phase of a numpy+pandas app went from 7.8-13.5 s to 3.3-4.2 s).
    wheels = [k for k in keys if lock["packages"][k]["file_name"].endswith(".whl")]
    files = [target / lock["packages"][k]["file_name"] for k in wheels]
    compiled = compile_many("wheel", [(f, f.with_suffix(".pyc.whl")) for f in files], dist.folder)
    for key, path, ok in zip(wheels, files, compiled):
        if ok:
            path.with_suffix(".pyc.whl").replace(path)
            lock["packages"][key] = {**lock["packages"][key], "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    (target / "pyodide-lock.json").write_text(json.dumps(lock))


def _wheel_for(pyodide_dir: Path, built: Path, wheels: Path) -> str:
    """The wasmui wheel with .pyc of ``pyodide_dir``'s Python, under ``wheels/<hash>/``; its site path."""
    with tempfile.TemporaryDirectory() as tmp:
        wheel = Path(tmp) / built.name
        if not compile_pyc("wheel", built, wheel, pyodide_dir, strip_docstrings=True):
            wheel = built
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:16]
        (wheels / digest).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(wheel, wheels / digest / wheel.name)
    return f"wheels/{digest}/{built.name}"


def content_hash(folder: Path, skip: tuple[str, ...] = ("sw.js", "BUILD")) -> str:
    """sha256 over every file's path and bytes (sw.js excluded: it receives the hash)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in skip):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def stamp_build(site: Path) -> str:
    """Writes the site's content hash into its manifest (``build``): what the worker keys its
    memory snapshot by, so a rebuilt site never restores the interpreter of an older one."""
    manifest_path = site / "wasmui-manifest.json"
    # index.html is left out: built pages inline the manifest, so they are written after it.
    build = content_hash(site, skip=("sw.js", "BUILD", "index.html", manifest_path.name))
    manifest = json.loads(manifest_path.read_text())
    manifest["build"] = build
    manifest_path.write_text(json.dumps(manifest, indent=1))
    return build


def main() -> int:
    """Adds Pyodide, the wheel, the manifest and the hash to ``wasmui/_web``."""
    if not (WEB / "assets" / "wasmui.js").exists() or not (WEB / "sw.js").exists():
        print("wasmui.webassets: run `npm run build` first", file=sys.stderr)
        return 1
    micropip = _micropip_wheel(ROOT / "build" / "wheelcache")
    _copy_pyodide(ROOT / "node_modules", micropip)
    shutil.rmtree(WEB / "wheels", ignore_errors=True)
    wheel = build_wheel(WEB / "wheels")
    trace_imports(wheel, WEB / "pyodide" / "trace.json")
    version = wheel.name.split("-")[1]
    manifest = {"version": version, "wheel": wheel.relative_to(WEB).as_posix(), "micropip": micropip is not None}
    (WEB / "wasmui-manifest.json").write_text(json.dumps(manifest, indent=1))
    stamp_build(WEB)
    build_hash = content_hash(WEB)
    sw = WEB / "sw.js"
    sw.write_text(sw.read_text().replace(HASH_PLACEHOLDER, build_hash))
    (WEB / "BUILD").write_text(build_hash + "\n")
    print(f"wasmui.webassets: {WEB} ready (build {build_hash})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
