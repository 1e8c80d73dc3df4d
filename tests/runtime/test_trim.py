"""wasmui.trim splits a site's stdlib zip and wasmui wheel into boot archives and on-demand
files without losing a module, and wasmui.lazy_imports loads those files on first import."""

from __future__ import annotations

import importlib
import itertools
import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from wasmui import build, lazy_imports, trim

WEB = build.WEB


def _pyc_modules(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as archive:
        found = set()
        for name in archive.namelist():
            module = trim._module_of(name) or (trim._module_of(legacy) if (legacy := trim._legacy_pyc(name)) else None)
            if module:
                found.add(module[0])
        return found


@pytest.fixture(scope="module")
def trimmed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object], dict[str, str]]:
    if not (WEB / "pyodide" / trim.TRACE).is_file():
        pytest.skip("no import trace in wasmui/_web: run `make web`")
    site = tmp_path_factory.mktemp("trim-site")
    manifest = json.loads((WEB / "wasmui-manifest.json").read_text())
    shutil.copytree(WEB / "pyodide", site / "pyodide")
    shutil.copytree(WEB / "wheels", site / "wheels")
    shutil.copyfile(WEB / "wasmui-manifest.json", site / "wasmui-manifest.json")
    before = {"stdlib": _pyc_modules(site / "pyodide" / "python_stdlib.zip"), "wheel": _pyc_modules(site / manifest["wheel"])}
    boot = trim.traced_modules(site, {"fractions"})
    assert boot is not None
    new = trim.trim_site(site, boot)
    return site, new, {**{m: "stdlib" for m in before["stdlib"]}, **{m: "wheel" for m in before["wheel"]}}


def _rest_parts(site: Path, manifest: dict[str, object], tmp: Path) -> tuple[list[Path], Path]:
    """The second zip's file cut where the manifest says: its first parts and the rest, zips end to end (wasmui.trim)."""
    data = (site / str(manifest["stdlibRest"])).read_bytes()
    split = manifest["stdlibRestWarm"]
    assert isinstance(split, list) and len(split) >= 2 and all(part["bytes"] > 0 for part in split)
    ends = list(itertools.accumulate(part["bytes"] for part in split))
    assert ends[-1] < len(data)
    parts = []
    for i, (start, end) in enumerate(zip([0, *ends], ends)):
        parts.append(tmp / f"warm{i}.zip")
        parts[-1].write_bytes(data[start:end])
    (tmp / "rest.zip").write_bytes(data[ends[-1]:])
    return parts, tmp / "rest.zip"


def test_boot_archives_plus_lazy_files_hold_every_module(trimmed: tuple[Path, dict[str, object], dict[str, str]],
                                                         tmp_path: Path) -> None:
    site, manifest, everything = trimmed
    stdlib = site / "pyodide" / "python_stdlib.zip"
    warm_zips, rest_zip = _rest_parts(site, manifest, tmp_path)
    in_parts = [_pyc_modules(part) for part in warm_zips]
    warm = set().union(*in_parts)
    boot = _pyc_modules(stdlib) | warm | _pyc_modules(rest_zip) | _pyc_modules(site / str(manifest["wheel"]))
    # The stdlib the interpreter waits for holds what its initialisation imports; the rest of the
    # boot set is in the second zip's file: first the packages of the early imports in parts (each
    # imported while the next downloads), then the others; each package whole in one of them
    # (zipimport looks for a package's modules in the zip of its __init__).
    first, second = _pyc_modules(stdlib), _pyc_modules(rest_zip)
    assert {"encodings", "encodings.utf_8", "encodings.aliases"} <= first and len(first) < 15, first
    assert {"asyncio", "asyncio.base_events", "json", "zipfile", "typing", "inspect", "uuid"} <= warm
    assert {"pyodide", "_pyodide", "fractions"} <= second and not {"asyncio", "json"} & second
    tops = [{m.split(".")[0] for m in part} for part in (first, *in_parts, second)]
    assert sum(map(len, tops)) == len(set().union(*tops)), "a package in two zips"
    # Each part's early imports need nothing but the first zip and the parts up to theirs (so they
    # run before the next part is in): what each one loaded in the trace.
    split = manifest["stdlibRestWarm"]
    assert isinstance(split, list)
    trace = json.loads((site / "pyodide" / trim.TRACE).read_text())
    assert split[0]["imports"][:2] == ["re", "typing"]
    assert "asyncio" in split[-1]["imports"] or "asyncio" in split[-2]["imports"]
    for i, part in enumerate(split):
        loaded = {m for name, modules in trace["warm"] if name in part["imports"] for m in modules}
        assert loaded and loaded <= first.union(*in_parts[:i + 1]), (i, loaded - first.union(*in_parts[:i + 1]))
    with zipfile.ZipFile(stdlib) as archive:
        listing = json.loads(archive.read("_wasmui_lazy.json"))
        index = listing["modules"]
        assert archive.read("_wasmui_lazy.py") == Path(lazy_imports.__file__).read_bytes()
    assert set(index) | boot == set(everything)
    assert not set(index) & boot
    for module, (path, _) in index.items():
        assert (site / str(manifest["lazy"]) / path).is_file(), module
    # The traced modules are in the boot archives; an app's own extra (fractions) too.
    assert {"json", "asyncio", "wasmui", "wasmui.server", "fractions"} <= boot
    assert "tomllib" in index and "wasmui.build" in index
    # No folder entries: zipimport would take a left-out package for an empty namespace package.
    with zipfile.ZipFile(stdlib) as archive:
        assert not [name for name in archive.namelist() if name.endswith("/")]
    # The wheel holds no source its .pyc replaces.
    with zipfile.ZipFile(site / str(manifest["wheel"])) as wheel:
        assert "wasmui/blocks.pyc" in wheel.namelist() and "wasmui/blocks.py" not in wheel.namelist()
        # The wasmui modules it holds, which wasmui._pyodide.prepare imports before the snapshot.
        listed = json.loads(wheel.read(trim.BOOT_MODULES))
    assert set(listed) == {m for m in boot if m.split(".")[0] == "wasmui"}
    assert {"wasmui", "wasmui.blocks", "wasmui.server.app"} <= set(listed) and "wasmui.build" not in listed


def test_prepare_imports_the_boot_wheels_modules_only(tmp_path: Path) -> None:
    """A built site's wheel names its wasmui modules; without that list (the trace, a native
    run) prepare() imports wasmui's core only."""
    from wasmui import _pyodide

    assert _pyodide.boot_modules(str(tmp_path)) == []
    (tmp_path / "boot_modules.json").write_text('["wasmui.components.slider_probe", "wasmui.interface"]')
    assert _pyodide.boot_modules(str(tmp_path)) == ["wasmui.components.slider_probe", "wasmui.interface"]
    code = f"""
import sys
from wasmui import _pyodide
_pyodide.boot_modules = lambda folder: ["wasmui.components.dialogue", "wasmui.no_such_module"]
_pyodide.prepare()
print("wasmui.components.dialogue" in sys.modules, "wasmui.components.chatbot" in sys.modules)
"""
    import subprocess

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "False"]
    assert "wasmui.no_such_module not preloaded (ModuleNotFoundError" in result.stderr


def test_lazy_finder_loads_modules_and_packages_on_first_import(tmp_path: Path) -> None:
    served = tmp_path / "served"
    (served / "lib" / "wlazypkg").mkdir(parents=True)
    sources = {"lib/wlazymod.py": "VALUE = 41 + 1\n", "lib/wlazypkg/__init__.py": "NAME = 'pkg'\n",
               "lib/wlazypkg/inner.py": "from . import NAME\nINNER = NAME + '.inner'\n"}
    for relative, source in sources.items():
        code = compile(source, relative, "exec")
        import importlib.util
        import marshal

        data = importlib.util.MAGIC_NUMBER + (0b01).to_bytes(4, "little") + importlib.util.source_hash(source.encode()) \
            + marshal.dumps(code)
        (served / (relative + "c")).write_bytes(data)
    fetched: list[str] = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        return (served / url.removeprefix("http://site/lazy/")).read_bytes()

    index = {"wlazymod": ["lib/wlazymod.pyc", False], "wlazypkg": ["lib/wlazypkg/__init__.pyc", True],
             "wlazypkg.inner": ["lib/wlazypkg/inner.pyc", False], "wlazygone": ["lib/wlazygone.pyc", False]}
    finder = lazy_imports.install("http://site/lazy/", index, {"lib": str(tmp_path / "fs")}, fetch)
    try:
        assert importlib.import_module("wlazymod").VALUE == 42
        assert importlib.import_module("wlazypkg.inner").INNER == "pkg.inner"
        assert fetched == ["http://site/lazy/lib/wlazymod.pyc", "http://site/lazy/lib/wlazypkg/__init__.pyc",
                           "http://site/lazy/lib/wlazypkg/inner.pyc"]
        with pytest.raises(ImportError, match="could not be fetched"):
            importlib.import_module("wlazygone")
        again = lazy_imports.install("http://site/lazy/", index, {"lib": str(tmp_path / "fs")}, fetch)
        assert finder not in sys.meta_path and sys.meta_path[-1] is again
    finally:
        sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, lazy_imports.LazyFinder)]
        for name in ("wlazymod", "wlazypkg", "wlazypkg.inner"):
            sys.modules.pop(name, None)


def test_the_modules_an_app_adds_are_recorded_and_all_of_the_api_when_it_does_not_load_here(tmp_path: Path) -> None:
    """wasmui.app_inspect: an app's components (and nothing of the build's own machinery) join the
    boot set; an app that cannot load on the build machine gets every public module instead."""
    (tmp_path / "app.py").write_text("import gradio as gr\nwith gr.Blocks() as demo:\n    gr.Slider()\n    gr.Chatbot()\n")
    [spec], _ = build.find_apps(tmp_path)
    config, _packages, look = build.inspect_app_page(spec)
    assert config is not None
    assert {"wasmui.components.number", "wasmui.components.chatbot"} <= look.modules
    assert not {"wasmui.build", "wasmui.trim", "wasmui.interface", "wasmui.components.image_editor"} & look.modules
    (tmp_path / "app.py").write_text("import gradio as gr\nopen('only-in-the-browser.txt')\n")
    config, _packages, look = build.inspect_app_page(spec)
    assert config is None
    assert {"wasmui.interface", "wasmui.chat_interface", "wasmui.components.image_editor", "urllib.request"} <= look.modules


def test_boot_wheel_leaves_sample_media_and_the_readme_out(trimmed: tuple[Path, dict[str, object], dict[str, str]],
                                                           tmp_path: Path) -> None:
    site, manifest, _ = trimmed
    with zipfile.ZipFile(site / "pyodide" / "python_stdlib.zip") as archive:
        files = json.loads(archive.read("_wasmui_lazy.json"))["files"]
    media_root = Path(build.__file__).resolve().parent / "media_assets"
    samples = sorted(p.relative_to(media_root.parent.parent).as_posix() for p in media_root.rglob("*") if p.is_file())
    assert len(samples) > 20 and files == sorted(f"site/{s}" for s in samples)
    for sample in samples:  # served from lazy/, byte for byte
        assert (site / str(manifest["lazy"]) / "site" / sample).read_bytes() == (media_root.parent.parent / sample).read_bytes()
    with zipfile.ZipFile(site / str(manifest["wheel"])) as wheel:
        names = wheel.namelist()
        assert not [n for n in names if "media_assets" in n or n.endswith("/RECORD")], names
        metadata = [n for n in names if n.endswith(".dist-info/METADATA")]
        assert len(metadata) == 1 and len(wheel.read(metadata[0])) < 3000
        wheel.extractall(tmp_path, [n for n in names if ".dist-info/" in n])
    # What the runtime asks of the distribution still answers.
    import importlib.metadata

    dist = importlib.metadata.PathDistribution(tmp_path / metadata[0].rpartition("/")[0])
    assert dist.metadata["Name"] == "wasmui" and dist.version == "0.1.0"
    assert dist.entry_points.select(group="console_scripts")


def test_sample_media_the_app_loaded_stay_in_the_boot_wheel(tmp_path: Path) -> None:
    wheels = sorted((WEB / "wheels").glob("*/wasmui-*.whl"))
    if not wheels:
        pytest.skip("no wasmui wheel in wasmui/_web: run `make web`")
    for keep, kept in (({"audio/cantina.wav"}, {"wasmui/media_assets/audio/cantina.wav"}), (None, None)):
        lazy: dict[str, bytes] = {}
        files: list[str] = []
        boot = zipfile.ZipFile(__import__("io").BytesIO(trim._split_wheel(wheels[0], {"wasmui"}, lazy, {}, files, keep)))
        in_boot = {n for n in boot.namelist() if "media_assets" in n}
        if kept is None:  # an app naming MEDIA_ROOT (a folder it may list) keeps them all
            assert len(in_boot) > 20 and not files
        else:
            assert in_boot == kept and "site/wasmui/media_assets/audio/cantina.wav" not in files
            assert "site/wasmui/media_assets/audio/sax.wav" in files and set(files) <= set(lazy)


def test_wasmui_pyc_have_no_docstrings_but_decorated_classes_keep_theirs() -> None:
    import ast

    wheels = sorted((WEB / "wheels").glob("*/wasmui-*.whl"))
    if not wheels:
        pytest.skip("no wasmui wheel in wasmui/_web: run `make web`")
    with zipfile.ZipFile(wheels[0]) as wheel:
        pyc = {trim._legacy_pyc(n): n for n in wheel.namelist() if trim._legacy_pyc(n)}
        checked = kept = 0
        for source in ("wasmui/media.py", "wasmui/blocks.py", "wasmui/events.py", "wasmui/server/queue.py"):
            compiled = wheel.read(pyc[source + "c"])
            tree = ast.parse(wheel.read(source))
            for node in ast.walk(tree):
                if not isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                doc = ast.get_docstring(node, clean=False)
                if not doc or len(doc) < 30:
                    continue
                # marshal writes a str as UTF-8 (ASCII-only ones as such): its bytes appear verbatim.
                present = doc.encode() in compiled
                if isinstance(node, ast.ClassDef) and node.decorator_list:
                    assert present, (source, node.name)  # @dataclass would compute one at import otherwise
                    kept += 1
                else:
                    assert not present, (source, getattr(node, "name", "module"))
                    checked += 1
        assert checked > 20 and kept > 0, (checked, kept)


def test_lazy_finder_serves_data_files_on_first_use(tmp_path: Path) -> None:
    served = tmp_path / "served" / "site" / "pkg" / "data"
    served.mkdir(parents=True)
    (served / "a.wav").write_bytes(b"RIFF-a")
    (served / "b.wav").write_bytes(b"RIFF-b")
    fetched: list[str] = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        path = tmp_path / "served" / url.removeprefix("http://site/lazy/")
        if not path.is_file():
            raise OSError(f"GET {url} -> 404")
        return path.read_bytes()

    root = tmp_path / "fs" / "site-packages"  # inside the stdlib's folder, as in Pyodide
    finder = lazy_imports.LazyFinder("http://site/lazy/", {}, {"lib": str(tmp_path / "fs"), "site": str(root)}, fetch,
                                     ["site/pkg/data/a.wav", "site/pkg/data/b.wav", "site/pkg/data/gone.wav"])
    folder = root / "pkg" / "data"
    assert finder.lazy_data_names(str(folder)) == ["a.wav", "b.wav", "gone.wav"]
    assert finder.lazy_data_names(str(root / "pkg")) == []
    assert finder.lazy_data_file(str(folder / "a.wav")) and (folder / "a.wav").read_bytes() == b"RIFF-a"
    assert finder.lazy_data_file(str(folder / "a.wav"))  # on disk now: not fetched again
    assert fetched == ["http://site/lazy/site/pkg/data/a.wav"]
    assert not finder.lazy_data_file(str(folder / "other.wav")) and not finder.lazy_data_file("/elsewhere/a.wav")
    with pytest.raises(OSError, match="404"):
        finder.lazy_data_file(str(folder / "gone.wav"))


def test_get_media_fetches_a_sample_left_out_of_the_boot_wheel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a built site: the samples folder is not on disk, the finder serves its files."""
    from wasmui import media

    shipped = Path(media.__file__).resolve().parent / "media_assets"
    monkeypatch.setattr(media, "MEDIA_ROOT", tmp_path / "site-packages" / "wasmui" / "media_assets")
    samples = [f"site/wasmui/media_assets/{p.relative_to(shipped).as_posix()}" for p in shipped.rglob("*") if p.is_file()]
    samples.append("site/wasmui/media_assets/videos/gone.mp4")

    def fetch(url: str) -> bytes:
        relative = url.removeprefix("http://site/lazy/site/wasmui/media_assets/")
        if not (shipped / relative).is_file():
            raise OSError(f"GET {url} -> 404")
        return (shipped / relative).read_bytes()

    roots = {"lib": str(tmp_path), "site": str(tmp_path / "site-packages")}
    finder = lazy_imports.install("http://site/lazy/", {}, roots, fetch, samples)
    try:
        video = media.get_video("world.mp4")
        assert Path(video).read_bytes() == (shipped / "videos" / "world.mp4").read_bytes()
        assert Path(media.get_audio()).parent == media.MEDIA_ROOT / "audio"  # a random one, fetched too
        assert Path(media.get_audio()).is_file()
        with pytest.raises(FileNotFoundError, match="could not be fetched"):
            media.get_video("gone.mp4")
        with pytest.raises(FileNotFoundError):
            media.get_image("../videos/world.mp4")
        with pytest.raises(FileNotFoundError):
            media.get_image("nothing.png")
        assert "videos/world.mp4" in media.samples_used()
        assert finder.fetched[0] == "site/wasmui/media_assets/videos/world.mp4"
    finally:
        sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, lazy_imports.LazyFinder)]


def test_early_imports_leave_ssl_out_and_take_csv_only_when_the_app_imports_it() -> None:
    """asyncio is traced (and imported in the worker) without ``ssl``, which stays in the boot set
    (an app importing it must not fetch it from lazy/: that leaves the interpreter unfit for a
    snapshot) but out of the early imports; ``csv``, the last early import, is in the first part only
    for an app that imports it (Interface's flagging): the list stops there for the others."""
    if not (WEB / "pyodide" / trim.TRACE).is_file():
        pytest.skip("no import trace in wasmui/_web: run `make web`")
    trace = json.loads((WEB / "pyodide" / trim.TRACE).read_text())
    assert {"ssl", "_ssl"} <= set(trace["boot"])
    assert not {"ssl", "_ssl"} & {m for _, modules in trace["warm"] for m in modules}
    assert trace["warm"][-1] == ["csv", ["csv"]] and "csv" not in trace["boot"]
    boot = trim.traced_modules(WEB, set())
    assert boot is not None
    parts = trim.warm_parts(WEB, boot)
    imports = [name for names, _ in parts for name in names]
    tops = set().union(*(tops for _, tops in parts))
    assert imports[:3] == ["re", "typing", "inspect"] and "csv" not in imports and "json" in imports
    assert len(parts) >= 2
    with_csv = trim.warm_parts(WEB, boot | {"csv"})
    assert [name for names, _ in with_csv for name in names] == [*imports, "csv"]
    assert set().union(*(tops for _, tops in with_csv)) == tops | {"csv"}
