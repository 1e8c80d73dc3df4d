"""wasmui.precompress: the interpreter's wasm and the wasmui wheel get an xz sibling (LZMA2
preset 9e) when that is meaningfully smaller than zstd, with a dictionary no larger than the file
(the browser's decoder allocates what the header names); the other files stay zstd (or gzip
without an encoder)."""

from __future__ import annotations

import io
import lzma
import random
import zipfile
from pathlib import Path

import pytest

from wasmui import precompress

PYODIDE = Path(precompress.__file__).resolve().parent / "_web" / "pyodide"
WASM = PYODIDE / "pyodide.asm.wasm"
needs_wasm = pytest.mark.skipif(not WASM.is_file(), reason="browser runtime not built (make web)")


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(precompress, "CACHE", tmp_path / "cache")


def _wasm_like(size: int) -> bytes:
    """Compressible but not trivial bytes (a few hundred distinct 'instructions')."""
    rng = random.Random(7)
    words = [bytes(rng.randrange(256) for _ in range(rng.randrange(2, 9))) for _ in range(400)]
    out = bytearray()
    while len(out) < size:
        out += rng.choice(words)
    return bytes(out[:size])


def test_dictionary_sizes_are_the_smallest_lzma2_can_name() -> None:
    assert precompress._dict_size(1) == 4096
    assert precompress._dict_size(4097) == 6144
    assert precompress._dict_size(8193) == 12288
    assert precompress._dict_size(9_598_218) == 12 << 20  # Pyodide 314's wasm: 12 MiB, not preset 9's 64


@needs_wasm
def test_the_wasm_sibling_is_xz_and_decodes_within_its_own_size_of_memory(tmp_path: Path) -> None:
    wasm = tmp_path / "pyodide.asm.wasm"
    data = WASM.read_bytes()[: 1 << 20]  # real code, 1 MB of it (preset 9e is slow)
    wasm.write_bytes(data)
    (tmp_path / "pyodide.asm.wasm.zst").write_bytes(b"stale")  # an earlier build's sibling
    target, encoding = precompress.compress_sibling(wasm, allow_xz=True)
    assert (target.name, encoding) == ("pyodide.asm.wasm.xz", "xz")
    assert not (tmp_path / "pyodide.asm.wasm.zst").exists()
    packed = target.read_bytes()
    zstd = precompress._zstd(data)
    if zstd is not None:
        assert len(packed) <= len(zstd) * (1 - precompress.XZ_MARGIN)
    # Preset 9's 64 MiB dictionary would need more memory than this to decode.
    decoder = lzma.LZMADecompressor(format=lzma.FORMAT_XZ, memlimit=4 << 20)
    assert decoder.decompress(packed) == data and decoder.eof
    # Cached by content: a second build copies it.
    wasm.with_name("pyodide.asm.wasm.xz").unlink()
    assert precompress.compress_sibling(wasm, allow_xz=True)[0].read_bytes() == packed


@needs_wasm
def test_other_files_stay_zstd_even_where_xz_is_smaller(tmp_path: Path) -> None:
    stdlib = tmp_path / "python_stdlib.zip"
    with zipfile.ZipFile(stdlib, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("code.bin", WASM.read_bytes()[: 1 << 20])
    target, encoding = precompress.compress_sibling(stdlib)
    assert encoding == ("gz" if precompress._zstd(b"x") is None else "zst")
    assert target.name == f"python_stdlib.zip.{encoding}"


def test_xz_must_win_by_a_margin(monkeypatch: pytest.MonkeyPatch) -> None:
    payload = _wasm_like(1 << 16)
    xz = precompress.xz(payload)
    assert xz is not None
    monkeypatch.setattr(precompress, "_zstd", lambda data: xz[: int(len(xz) * 0.99)])  # zstd nearly as small
    assert precompress._packed(payload, allow_xz=True)[1] == "zst"
    monkeypatch.setattr(precompress, "_zstd", lambda data: xz + bytes(len(xz) // 10))
    assert precompress._packed(payload, allow_xz=True) == (xz, "xz")
    monkeypatch.setattr(precompress, "_zstd", lambda data: None)  # no zstd encoder: xz still
    assert precompress._packed(payload, allow_xz=True) == (xz, "xz")
    monkeypatch.setattr(precompress, "lzma", None)  # a Python without lzma, no zstd: gzip
    assert precompress._packed(payload, allow_xz=True)[1] == "gz"


def test_two_stored_zips_end_to_end_are_sent_as_they_are(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The boot stdlib's second zip is two zips end to end (wasmui.trim): re-storing it would keep
    the second only (zipfile reads the last directory); its members are stored already, so its
    sibling inflates to the file itself, which the worker cuts where the manifest says."""
    parts = []
    for names in (("asyncio/__init__.pyc", "zipfile/__init__.pyc"), ("pyodide/__init__.pyc",)):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name in names:
                archive.writestr(zipfile.ZipInfo(name), _wasm_like(60_000))
        parts.append(buffer.getvalue())
    rest = tmp_path / "python_stdlib_rest.zip"
    rest.write_bytes(parts[0] + parts[1])
    monkeypatch.setattr(precompress, "_zstd", lambda data: None)  # xz, whichever would win here
    sibling, encoding = precompress.compress_sibling(rest, allow_xz=True)
    assert encoding == "xz"
    assert lzma.decompress(sibling.read_bytes()) == parts[0] + parts[1]
    # A deflated zip is still re-stored (one solid stream compresses better).
    deflated = tmp_path / "deflated.zip"
    with zipfile.ZipFile(deflated, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.pyc", bytes(50_000))
    with zipfile.ZipFile(io.BytesIO(precompress._restored_zip(deflated.read_bytes()))) as archive:
        assert [info.compress_type for info in archive.infolist()] == [zipfile.ZIP_STORED]
