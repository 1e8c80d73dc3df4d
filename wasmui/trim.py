"""Send only what runs: boot archives holding the traced modules, everything else on demand.

Pyodide's stdlib is ~600 modules and wasmui ~130, but hello world imports ~320 of them.
``wasmui build`` knows which (:func:`traced_modules`):

* the modules Pyodide holds after its boot, ``import wasmui`` and one event of a small app,
  traced once per interpreter and wheel by ``make web`` (``pyodide/trace.json``, written by
  ``web/src/tools/compile_pyc.mjs trace``, which also records the modules the interpreter's
  own initialisation imports);
* the modules CPython holds after loading each app of the site and computing its config
  (``wasmui.build`` records them in the same subprocess).

:func:`trim_site` rewrites the site's stdlib zip and wasmui wheel to hold only those
modules (as ``.pyc``; the wheel drops the sources the ``.pyc`` replace) and writes every
other module as one ``.pyc`` file under ``lazy/<hash>/`` (``lib/`` the stdlib, ``site/``
site-packages), with an index.

The boot stdlib is two zips: ``python_stdlib.zip`` holds what the interpreter's own
initialisation imports (``encodings``), :data:`REST_STDLIB` the rest of the boot set
(manifest ``stdlibRest``), which the worker puts on ``sys.path`` before Pyodide's bootstrap
imports from it (``web/src/stdlibrest.ts``). The interpreter starts once the wasm and the small
zip are in, so linking the wasm and initialising the interpreter overlap the second zip's
download instead of following it (hello world: 666 kB of Zstandard in one zip before; 14 +
653 kB split). The second zip's file is several zips end to end (manifest ``stdlibRestWarm``: each
part's length and what it is for): the first ones hold the stdlib packages a few early imports need
(``re``, ``asyncio``, ``zipfile``..., the trace's ``warm``, cut into parts of ~800 kB), which the
worker imports part by part as each is in, while the next and the last (Pyodide's own modules, the
rest) still download, so Pyodide's bootstrap finds most of its imports done. The worker installs
:mod:`wasmui.lazy_imports` (copied into the zip as ``_wasmui_lazy``), which fetches those on first
import.

Data files stay, except wasmui's sample media (``wasmui/media_assets/``, ~150 kB that hello
world never reads): they are lazy files too, fetched by :mod:`wasmui.media` on first use
(those the app used while the build loaded it stay in the boot wheel). The wheel's
``METADATA`` keeps its headers (``importlib.metadata.version("wasmui")``) without the
README, and its ``RECORD`` goes: it lists the sources and hashes of the wheel before this
split, and nothing in the browser uninstalls wasmui.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

TRACE = "trace.json"
#: The second boot stdlib zip, next to ``python_stdlib.zip``: what the interpreter's initialisation does not import.
REST_STDLIB = "python_stdlib_rest.zip"
#: Members of the wasmui wheel served from ``lazy/`` unless the app used them while loading.
LAZY_DATA = "wasmui/media_assets/"
FINDER = Path(__file__).resolve().parent / "lazy_imports.py"
FINDER_MODULE = "_wasmui_lazy"
#: In the boot wheel: the wasmui modules it holds, which ``wasmui._pyodide.prepare`` imports
#: before the memory snapshot (a repeat visit then finds the app's components loaded).
BOOT_MODULES = "wasmui/boot_modules.json"


def traced_modules(site: Path, app_modules: set[str]) -> set[str] | None:
    """The boot set: the site's Pyodide trace plus ``app_modules``; None when there is no trace."""
    trace = site / "pyodide" / TRACE
    if not trace.is_file():
        return None
    names = set(_trace(trace)["boot"]) | app_modules
    return _with_parents(names)


def _trace(path: Path) -> dict[str, Any]:
    """The trace: ``{"init": [...], "warm": [[import, [modules]], ...], "boot": [...]}`` (an older
    one is the boot list alone)."""
    data = json.loads(path.read_text())
    return {"boot": data, "init": []} if isinstance(data, list) else data


def _with_parents(names: Collection[str]) -> set[str]:
    """``names`` and their parent packages (a module needs them)."""
    return {".".join(name.split(".")[:i]) for name in names for i in range(1, name.count(".") + 2)}


def init_modules(site: Path) -> set[str]:
    """The modules the interpreter's initialisation imports (from the site's trace; empty when not recorded)."""
    trace = site / "pyodide" / TRACE
    return _with_parents(_trace(trace).get("init", [])) if trace.is_file() else set()


#: The early imports' modules held in the first parts of the second zip, at most (bytes of ``.pyc``,
#: uncompressed): what downloads while the interpreter starts (measured on 4G hello world, all
#: of the trace's early imports: ~2.4 MB).
WARM_BUDGET = 2_500_000
#: A part of those closes once its modules reach this many bytes: the worker imports each part as
#: soon as it is in, while the next downloads (on 4G ~0.2 s for 800 kB of ``.pyc`` sent as xz).
WARM_PART = 800_000


def warm_parts(site: Path, boot: Collection[str]) -> list[tuple[list[str], set[str]]]:
    """The early imports (the trace's ``warm``, in order, while their modules fit :data:`WARM_BUDGET`
    by the site's stdlib zip), cut into parts of about :data:`WARM_PART` bytes: each part's imports
    and the top-level packages they need first. The list stops at the first import loading a module
    outside ``boot`` (the parts would miss it: ``csv``, traced last, in an app that does not flag; a
    stale trace)."""
    trace = site / "pyodide" / TRACE
    warm = _trace(trace).get("warm", []) if trace.is_file() else []
    sizes: dict[str, int] = {}
    with zipfile.ZipFile(site / "pyodide" / "python_stdlib.zip") as archive:
        for info in archive.infolist():
            module = _module_of(info.filename)
            if module:
                sizes[module[0]] = info.file_size
    parts: list[tuple[list[str], set[str]]] = []
    tops: set[str] = set()
    total = part = 0
    for name, modules in warm:
        if not set(modules) <= set(boot):
            break
        new = {m.split(".")[0] for m in modules} - tops
        cost = sum(size for module, size in sizes.items() if module.split(".")[0] in new and module in boot)
        if total + cost > WARM_BUDGET:
            break
        if not parts or part >= WARM_PART:
            parts.append(([], set()))
            part = 0
        total += cost
        part += cost
        tops |= new
        parts[-1][0].append(name)
        parts[-1][1].update(new)
    return parts


def _module_of(path: str, prefix: str = "") -> tuple[str, bool] | None:
    """``email/mime/text.pyc`` -> (``email.mime.text``, False); ``email/__init__.pyc`` -> (``email``, True)."""
    if not path.endswith(".pyc") or not path.startswith(prefix):
        return None
    parts = path[len(prefix):-4].split("/")
    if "__pycache__" in parts:
        return None
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _legacy_pyc(path: str) -> str | None:
    """``pkg/__pycache__/mod.cpython-314.pyc`` -> ``pkg/mod.pyc`` (loadable without its source)."""
    folder, _, name = path.rpartition("/")
    if not folder.endswith("__pycache__") or not name.endswith(".pyc"):
        return None
    parent = folder[: -len("__pycache__")]
    return parent + name.split(".", 1)[0] + ".pyc"


def _split_stdlib(source: Path, keep: set[str], lazy: dict[str, bytes], index: dict[str, Any],
                  files: list[str], first: Collection[str] = (),
                  warm: Sequence[Collection[str]] = ()) -> tuple[bytes, bytes | None, list[int]]:
    """The boot stdlib zips: the modules of ``keep`` whose top-level package is in ``first`` (all of
    them when it is empty) with the lazy finder, and the others (None when there is none): those of
    each part of ``warm`` (top-level packages) in a zip of their own, then the others, end to end in
    one file (the lengths of the parts' zips, none when there is none); the other modules go into
    ``lazy`` / ``index`` (``lib/...``). A package's modules stay in one zip: its ``__path__`` is a
    folder of the zip that holds its ``__init__``, where zipimport looks for its submodules."""
    out = _Zip()
    late = _Zip() if first else None
    early = [_Zip() for _ in warm]
    part_of = {top: i for i, tops in enumerate(warm) for top in tops}
    held = 0

    def later(name: str) -> _Zip:
        part = part_of.get(name.split("/")[0].split(".")[0])
        if part is not None:
            return early[part]
        assert late is not None
        return late
    with zipfile.ZipFile(source) as zin:
        for info in zin.infolist():
            if info.is_dir():
                # zipimport reads a folder without __init__ as a namespace package: a package
                # left out (importlib.metadata) would import empty instead of reaching LazyFinder.
                continue
            module = _module_of(info.filename)
            if module is None:
                # A data file makes its folder exist in the zip (a namespace package to zipimport):
                # only beside modules that are kept (the rest are mypy.ini and READMEs).
                folder = info.filename.rpartition("/")[0]
                if not folder or folder.replace("/", ".") in keep:
                    (out if late is None or not folder or folder.split("/")[0] in first else later(folder)).add(
                        info.filename, zin.read(info))
                continue
            if module[0] in keep:
                if late is None or module[0].split(".")[0] in first:
                    out.add(info.filename, zin.read(info))
                else:
                    later(info.filename).add(info.filename, zin.read(info))
                    held += 1
                continue
            lazy[f"lib/{info.filename}"] = zin.read(info)
            index[module[0]] = [f"lib/{info.filename}", module[1]]
    out.add(FINDER_MODULE + ".py", FINDER.read_bytes())
    listing = {"modules": index, "files": sorted(files)}
    out.add(FINDER_MODULE + ".json", json.dumps(listing, separators=(",", ":"), sort_keys=True).encode())
    if late is None or not held:
        return out.bytes(), None, []
    heads = [zip_.bytes() for zip_ in early]
    return out.bytes(), b"".join(heads) + late.bytes(), [len(head) for head in heads]


def _lean_metadata(data: bytes) -> bytes:
    """``METADATA`` without its long description (the README): the headers, which hold
    what ``importlib.metadata`` reads (name, version, requirements)."""
    head = data.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    lines = [line for line in head.split(b"\n") if not line.startswith(b"Description-Content-Type:")]
    return b"\n".join(lines) + b"\n"


def _split_wheel(source: Path, keep: set[str], lazy: dict[str, bytes], index: dict[str, Any],
                 files: list[str], keep_data: Collection[str] | None = ()) -> bytes:
    """The boot wheel: traced modules as sourceless ``.pyc``, untraced ones into ``lazy`` (``site/...``);
    sample media into ``lazy`` and ``files`` but those named in ``keep_data`` (``images/bus.png``; None: all);
    and :data:`BOOT_MODULES` naming the wasmui modules it holds (``wasmui._pyodide.prepare``)."""
    out = _Zip()
    booted: list[str] = []
    with zipfile.ZipFile(source) as zin:
        names = set(zin.namelist())
        compiled = {legacy[:-1]: name for name in names if (legacy := _legacy_pyc(name))}  # pkg/mod.py -> its pyc
        # A folder holding data files exists once unpacked: its package must be there too, or
        # the folder would import as an empty namespace package instead of reaching LazyFinder.
        data_folders = {n.rpartition("/")[0].replace("/", ".") for n in names if not n.endswith((".py", ".pyc"))}
        keep = keep | data_folders
        for name in zin.namelist():
            if name in compiled:
                continue  # the source: its .pyc stands in (boot or lazy)
            legacy = _legacy_pyc(name)
            if legacy is None:
                folder, _, base = name.partition(".dist-info/")
                if base == "RECORD" and "/" not in folder:
                    continue
                if base == "METADATA" and "/" not in folder:
                    out.add(name, _lean_metadata(zin.read(name)))
                elif name.startswith(LAZY_DATA) and keep_data is not None and name[len(LAZY_DATA):] not in keep_data:
                    lazy[f"site/{name}"] = zin.read(name)
                    files.append(f"site/{name}")
                else:
                    out.add(name, zin.read(name))
                continue
            if legacy[:-1] not in names:
                continue  # a stale .pyc without source
            module = _module_of(legacy)
            assert module is not None
            if module[0] in keep:
                out.add(legacy, zin.read(name))
                booted.append(module[0])
            else:
                lazy[f"site/{legacy}"] = zin.read(name)
                index[module[0]] = [f"site/{legacy}", module[1]]
    own = sorted(m for m in booted if m == "wasmui" or m.startswith("wasmui."))
    out.add(BOOT_MODULES, json.dumps(own, separators=(",", ":")).encode())
    return out.bytes()


class _Zip:
    """A zip built in memory, members in insertion order, stored (``writestr`` of a ``ZipInfo``
    keeps its ``ZIP_STORED``): zipimport reads them without inflating, and the files are sent
    compressed as a whole (``wasmui.precompress``)."""

    def __init__(self) -> None:
        import io

        self.buffer = io.BytesIO()
        self.zip = zipfile.ZipFile(self.buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6)

    def add(self, name: str, data: bytes) -> None:
        self.zip.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data)

    def bytes(self) -> bytes:
        self.zip.close()
        return self.buffer.getvalue()


def trim_site(site: Path, modules: set[str], media: Collection[str] | None = ()) -> dict[str, Any]:
    """Splits the site's stdlib zip and wasmui wheel (see the module docstring); updates and
    returns the manifest (``lazy``: the folder of on-demand modules; ``wheel``: the new wheel).
    ``media``: the sample files (``audio/cantina.wav``) that stay in the boot wheel (None: all)."""
    manifest_path = site / "wasmui-manifest.json"
    manifest: dict[str, Any] = json.loads(manifest_path.read_text())
    lazy: dict[str, bytes] = {}
    index: dict[str, Any] = {}
    stdlib = site / "pyodide" / "python_stdlib.zip"
    wheel = site / manifest["wheel"]
    files: list[str] = []
    boot_wheel = _split_wheel(wheel, modules, lazy, index, files, media)
    first = init_modules(site)
    # A part whose packages all went into the first zip has nothing of its own: it is left out.
    tops_first = {m.split(".")[0] for m in first}
    parts = [(imports, own) for imports, tops in warm_parts(site, modules) if (own := tops - tops_first)]
    boot_stdlib, rest_stdlib, lengths = _split_stdlib(stdlib, modules, lazy, index, files, first,
                                                      [tops for _, tops in parts])
    stdlib.write_bytes(boot_stdlib)
    rest_path = stdlib.with_name(REST_STDLIB)
    rest_path.unlink(missing_ok=True)
    manifest.pop("stdlibRest", None)
    manifest.pop("stdlibRestWarm", None)
    if rest_stdlib is not None:
        rest_path.write_bytes(rest_stdlib)
        manifest["stdlibRest"] = rest_path.relative_to(site).as_posix()
        if lengths:
            manifest["stdlibRestWarm"] = [{"bytes": length, "imports": imports}
                                          for length, (imports, _) in zip(lengths, parts, strict=True)]
    # Content-addressed folders: a browser never mixes a cached file of another build.
    digest = hashlib.sha256(boot_wheel).hexdigest()[:16]
    new_wheel = site / "wheels" / digest / wheel.name
    new_wheel.parent.mkdir(parents=True, exist_ok=True)
    new_wheel.write_bytes(boot_wheel)
    if new_wheel.parent != wheel.parent:
        shutil.rmtree(wheel.parent)
    lazy_digest = hashlib.sha256(b"".join(k.encode() + hashlib.sha256(v).digest() for k, v in sorted(lazy.items())))
    lazy_dir = f"lazy/{lazy_digest.hexdigest()[:16]}/"
    shutil.rmtree(site / "lazy", ignore_errors=True)
    for relative, data in lazy.items():
        target = site / lazy_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    manifest.update(wheel=new_wheel.relative_to(site).as_posix(), lazy=lazy_dir)
    manifest_path.write_text(json.dumps(manifest, indent=1))
    return manifest
