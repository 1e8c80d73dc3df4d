"""Compressed siblings of a site's big files, so the bytes on the wire do not depend on the host.

``wasmui build`` writes ``X.xz`` or ``X.zst`` next to the interpreter
(``pyodide.asm.wasm`` and its JS glue ``pyodide.asm.mjs``), the stdlib zip and the
wasmui wheel, and lists them in ``wasmui-manifest.json`` (``precompressed``: path ->
``"xz"``, ``"zst"`` or ``"gz"``). The worker fetches the sibling and inflates it itself
(``web/src/precompressed.ts``), so a plain ``python -m http.server`` moves the
compressed bytes, and a compressing host moves fewer bytes than its own gzip would.

The interpreter's wasm, the boot stdlib's second zip and the wasmui wheel are xz (LZMA2 preset 9e, Python's own ``lzma``)
when that saves at least ``XZ_MARGIN`` over Zstandard (level 19); the rest is Zstandard.
Measured on Pyodide 314's files (hello world): xz -9e makes the 9.6 MB wasm 2,636 kB where
zstd -19 makes it 2,894 kB (gzip -9: 3.5 MB), the wheel 370 kB against 392, and in Chromium
the worker's xz decoder (xz-embedded in wasm) inflates as fast as fzstd does (~40 MB/s).
xz would also save on the boot stdlib (716 kB against 768) and the JS glue (206 against 216),
but that decoder inflates one stream at a time (``web/src/xzstream.ts``): the glue must be
inflated before the wasm is read (both xz: a deadlock), and the stdlib would wait for the whole
wasm (measured with both ends of each xz stream read eagerly: 52 kB fewer, but on 4G the
interpreter was up ~190 ms later). The boot stdlib's second zip (``wasmui.trim``) and the wheel
are asked for as the wasm's last bytes arrive, and each is needed only after the one before has
been read, so they are xz too: at most their first bytes wait for the decoder. Without an encoder on
the build machine (no ``lzma`` module, neither the ``zstandard`` package nor the ``zstd``
program) the siblings are gzip, inflated by the browser's ``DecompressionStream``.

Zip archives are re-stored uncompressed first (same members, same contents): one solid
stream is much smaller than per-member deflate. The plain files stay for anything that
fetches them directly.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

from wasmui.trim import REST_STDLIB

try:
    import lzma
except ImportError:  # a Python built without liblzma: zstd or gzip siblings
    lzma = None  # type: ignore[assignment]

CACHE = Path(__file__).resolve().parent.parent / "build" / "gz-cache"
# Version of the recipe below: bump to invalidate cached siblings.
RECIPE = b"wasmui-precompress-5"
ZSTD_LEVEL = 19
# xz is chosen only when it is at least this much smaller than zstd (its decoder is one more
# download, 9 kB gzipped, and one more code path), and only for the wasm and the wheel (see above).
XZ_MARGIN = 0.02


def _restored_zip(data: bytes) -> bytes:
    """``data`` (a zip) with every member stored uncompressed, in the same order; ``data`` itself
    when they are stored already (the boot stdlib's second zip, which may be two zips end to end,
    ``wasmui.trim``: the worker splits the inflated file where the manifest says)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        if all(info.compress_type == zipfile.ZIP_STORED for info in source.infolist()):
            return data
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.external_attr = info.external_attr
            target.writestr(copy, source.read(info), compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def _zstd(payload: bytes) -> bytes | None:
    """``payload`` as one Zstandard frame (content size recorded), or None without an encoder."""
    try:
        import zstandard  # a build-time tool; the browser side never needs it
    except ImportError:
        zstd = shutil.which("zstd")
        if zstd is None:
            return None
        result = subprocess.run([zstd, "-q", f"-{ZSTD_LEVEL}", "-c"], input=payload, capture_output=True)
        return result.stdout if result.returncode == 0 else None
    return bytes(zstandard.ZstdCompressor(level=ZSTD_LEVEL, write_content_size=True).compress(payload))


def _dict_size(size: int) -> int:
    """The smallest LZMA2 dictionary holding ``size`` bytes (2**n or 3 * 2**(n-1), at least 4 KiB).

    The decoder allocates the whole dictionary the header names: preset 9's 64 MiB would cost the
    browser 64 MiB of memory per file, where the file itself fits in far less."""
    n = 12
    while True:
        for candidate in (1 << n, 3 << (n - 1)):
            if candidate >= size:
                return candidate
        n += 1


def xz(payload: bytes) -> bytes | None:
    """``payload`` as one .xz stream: LZMA2 preset 9e, no integrity check (like the zstd frames:
    the wasm is validated when compiled, zip members carry their CRC), pb=0 (measured: 0.2% smaller
    on each file; lc/lp variations and a larger dictionary gained nothing), the dictionary no larger than the payload. None without ``lzma``."""
    if lzma is None:
        return None
    options: dict[str, int] = {"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME,
                               "pb": 0, "dict_size": _dict_size(len(payload))}
    return lzma.compress(payload, format=lzma.FORMAT_XZ, check=lzma.CHECK_NONE, filters=[options])


def _packed(payload: bytes, allow_xz: bool) -> tuple[bytes, str]:
    """The smallest sibling of ``payload`` this machine can write, and its encoding."""
    zstd = _zstd(payload)
    packed = xz(payload) if allow_xz else None
    if packed is not None and (zstd is None or len(packed) <= len(zstd) * (1 - XZ_MARGIN)):
        return packed, "xz"
    if zstd is not None:
        return zstd, "zst"
    return gzip.compress(payload, compresslevel=9, mtime=0), "gz"


def compress_sibling(path: Path, *, allow_xz: bool = False) -> tuple[Path, str]:
    """Writes ``path.xz`` (if ``allow_xz`` and smaller), ``.zst`` or ``.gz``, cached by content under ``build/gz-cache``; returns it and its encoding."""
    data = path.read_bytes()
    key = hashlib.sha256(RECIPE + bytes([allow_xz]) + data).hexdigest()[:24]
    for encoding in ("xz", "zst", "gz"):
        cached = CACHE / f"{key}.{encoding}"
        if cached.exists():
            break
    else:
        payload = _restored_zip(data) if path.suffix in (".zip", ".whl") else data
        packed, encoding = _packed(payload, allow_xz)
        CACHE.mkdir(parents=True, exist_ok=True)
        cached = CACHE / f"{key}.{encoding}"
        partial = cached.with_suffix(".part")
        partial.write_bytes(packed)
        partial.replace(cached)
    target = path.with_name(f"{path.name}.{encoding}")
    shutil.copyfile(cached, target)
    for other in ("xz", "zst", "gz"):  # a rebuild into the same folder leaves no stale sibling
        if other != encoding:
            path.with_name(f"{path.name}.{other}").unlink(missing_ok=True)
    return target, encoding


def precompress_site(site: Path) -> dict[str, str]:
    """Compressed siblings of the site's core files and wasmui wheel; records them in the manifest."""
    manifest_path = site / "wasmui-manifest.json"
    manifest = json.loads(manifest_path.read_text())
    core = manifest.get("pyodide", {}).get("indexURL", "pyodide/")
    candidates = [manifest["wheel"]]
    if not core.startswith(("http://", "https://", "//")):
        names: tuple[str, ...] = ("pyodide.asm.wasm", "python_stdlib.zip", REST_STDLIB)
        if "pyodide" not in manifest:
            # The default core's JS glue is an ES module the worker may import from a blob.
            names += ("pyodide.asm.mjs",)
        candidates += [f"{core.rstrip('/')}/{name}" for name in names]
    done: dict[str, str] = {}
    sizes: dict[str, list[int]] = {}
    for relative in candidates:
        path = site / relative
        if path.is_file():
            xz_ok = relative == manifest["wheel"] or path.name in ("pyodide.asm.wasm", REST_STDLIB)
            sibling, done[relative] = compress_sibling(path, allow_xz=xz_ok)
            sizes[relative] = [path.stat().st_size, sibling.stat().st_size]
    manifest["precompressed"] = done
    # [inflated, sibling] bytes: the worker starts the next download one round trip before one ends.
    manifest["sizes"] = sizes
    manifest_path.write_text(json.dumps(manifest, indent=1))
    return done
