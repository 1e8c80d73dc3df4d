"""Compressed siblings of a site's big files, so the bytes on the wire do not depend on the host.

``wasmui build`` writes ``X.zst`` (Zstandard, level 19) next to the interpreter
(``pyodide.asm.wasm`` and its JS glue ``pyodide.asm.mjs``), the stdlib zip and the
wasmui wheel, and lists them in ``wasmui-manifest.json`` (``precompressed``: path ->
``"zst"`` or ``"gz"``). The worker fetches the sibling and inflates it itself
(``web/src/precompressed.ts``), so a plain ``python -m http.server`` moves the
compressed bytes, and a compressing host moves fewer bytes than its own gzip would:
zstd -19 makes the 9.6 MB wasm 2.9 MB where gzip -9 makes it 3.5 MB. Without a zstd
encoder on the build machine (the ``zstandard`` package or the ``zstd`` program) the
siblings are gzip, inflated by the browser's ``DecompressionStream``.

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

CACHE = Path(__file__).resolve().parent.parent / "build" / "gz-cache"
# Version of the recipe below: bump to invalidate cached siblings.
RECIPE = b"wasmui-precompress-2"
ZSTD_LEVEL = 19


def _restored_zip(data: bytes) -> bytes:
    """``data`` (a zip) with every member stored uncompressed, in the same order."""
    out = io.BytesIO()
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


def compress_sibling(path: Path) -> tuple[Path, str]:
    """Writes ``path.zst`` (or ``path.gz``), cached by content under ``build/gz-cache``; returns it and its encoding."""
    data = path.read_bytes()
    key = hashlib.sha256(RECIPE + data).hexdigest()[:24]
    for encoding in ("zst", "gz"):
        cached = CACHE / f"{key}.{encoding}"
        if cached.exists():
            break
    else:
        payload = _restored_zip(data) if path.suffix in (".zip", ".whl") else data
        packed = _zstd(payload)
        encoding = "gz" if packed is None else "zst"
        if packed is None:
            packed = gzip.compress(payload, compresslevel=9, mtime=0)
        CACHE.mkdir(parents=True, exist_ok=True)
        cached = CACHE / f"{key}.{encoding}"
        partial = cached.with_suffix(".part")
        partial.write_bytes(packed)
        partial.replace(cached)
    target = path.with_name(f"{path.name}.{encoding}")
    shutil.copyfile(cached, target)
    return target, encoding


def precompress_site(site: Path) -> dict[str, str]:
    """Compressed siblings of the site's core files and wasmui wheel; records them in the manifest."""
    manifest_path = site / "wasmui-manifest.json"
    manifest = json.loads(manifest_path.read_text())
    core = manifest.get("pyodide", {}).get("indexURL", "pyodide/")
    candidates = [manifest["wheel"]]
    if not core.startswith(("http://", "https://", "//")):
        names: tuple[str, ...] = ("pyodide.asm.wasm", "python_stdlib.zip")
        if "pyodide" not in manifest:
            # The default core's JS glue is an ES module the worker may import from a blob.
            names += ("pyodide.asm.mjs",)
        candidates += [f"{core.rstrip('/')}/{name}" for name in names]
    done: dict[str, str] = {}
    for relative in candidates:
        path = site / relative
        if path.is_file():
            done[relative] = compress_sibling(path)[1]
    manifest["precompressed"] = done
    manifest_path.write_text(json.dumps(manifest, indent=1))
    return done
