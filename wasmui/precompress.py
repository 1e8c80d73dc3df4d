"""Gzip siblings of a site's big files, so the bytes on the wire do not depend on the host.

``wasmui build`` writes ``X.gz`` next to the interpreter (``pyodide.asm.wasm``), the
stdlib zip and the wasmui wheel, and lists them in ``wasmui-manifest.json``
(``precompressed``). The worker fetches the sibling and inflates it with
``DecompressionStream``, so a plain ``python -m http.server`` moves the compressed
bytes. Zip archives are re-stored uncompressed before gzip (same members, same
contents): one solid gzip stream is much smaller than gzip over per-member deflate.
The plain files stay for anything that fetches them directly.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

CACHE = Path(__file__).resolve().parent.parent / "build" / "gz-cache"
# Version of the recipe below: bump to invalidate cached siblings.
RECIPE = b"wasmui-gz-1"


def _restored_zip(data: bytes) -> bytes:
    """``data`` (a zip) with every member stored uncompressed, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.external_attr = info.external_attr
            target.writestr(copy, source.read(info), compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def gzip_sibling(path: Path) -> Path:
    """Writes ``path.gz`` (cached by content under ``build/gz-cache``) and returns it."""
    data = path.read_bytes()
    key = hashlib.sha256(RECIPE + data).hexdigest()[:24]
    cached = CACHE / f"{key}.gz"
    if not cached.exists():
        payload = _restored_zip(data) if path.suffix in (".zip", ".whl") else data
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
        partial.replace(cached)
    target = path.with_name(path.name + ".gz")
    shutil.copyfile(cached, target)
    return target


def precompress_site(site: Path) -> list[str]:
    """Gzip siblings of the site's core files and wasmui wheel; records them in the manifest."""
    manifest_path = site / "wasmui-manifest.json"
    manifest = json.loads(manifest_path.read_text())
    core = manifest.get("pyodide", {}).get("indexURL", "pyodide/")
    candidates = [manifest["wheel"]]
    if not core.startswith(("http://", "https://", "//")):
        candidates += [f"{core.rstrip('/')}/{name}" for name in ("pyodide.asm.wasm", "python_stdlib.zip")]
    done = []
    for relative in candidates:
        path = site / relative
        if path.is_file():
            gzip_sibling(path)
            done.append(relative)
    manifest["precompressed"] = done
    manifest_path.write_text(json.dumps(manifest, indent=1))
    return done
