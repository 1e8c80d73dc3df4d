"""Image values: decoding uploaded files and encoding function results.

The pure conversions behind ``gr.Image`` and ``gr.Gallery`` (and later the
other image components). numpy and Pillow are imported inside the functions
that need them, so ``import wasmui`` stays stdlib-only; an app that never
touches an image never loads them.

Files written here go to a content-addressed folder (``save_bytes``), the
same layout as the app's file store, so the server serves them without a
second copy when the store shares that root.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import urllib.parse
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, Literal

from wasmui.exceptions import Error

ImageType = Literal["numpy", "pil", "filepath"]
IMAGE_TYPES: tuple[str, ...] = ("numpy", "pil", "filepath")
IMAGE_MODES: tuple[str, ...] = ("1", "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F")
POSITIONS: tuple[str, ...] = ("top-left", "top-right", "bottom-left", "bottom-right")

# A writer of encoded bytes: (data, file name) -> absolute path of the stored file.
Saver = Callable[[bytes, str], str]


def cache_dir() -> Path:
    """Folder for images encoded by components (inside the system temp dir, which
    the file store accepts as an output source)."""
    folder = Path(tempfile.gettempdir()) / "wasmui-images"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_bytes(data: bytes, name: str) -> str:
    """Default ``Saver``: ``<cache>/<sha256>/<name>``, written once per content."""
    folder = cache_dir() / hashlib.sha256(data).hexdigest()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if not target.exists():
        tmp = target.with_name(f"{name}.part")
        tmp.write_bytes(data)
        tmp.replace(target)
    return str(target)


# -- type checks that never import numpy / Pillow ---------------------------------
def is_ndarray(value: Any) -> bool:
    """True for a numpy array (without importing numpy when it is not loaded)."""
    np = sys.modules.get("numpy")
    return np is not None and isinstance(value, np.ndarray)


def is_pil_image(value: Any) -> bool:
    """True for a PIL image (without importing Pillow when it is not loaded)."""
    mod = sys.modules.get("PIL.Image")
    return mod is not None and isinstance(value, mod.Image)


def is_url(value: str) -> bool:
    """http(s) and data: URLs are displayed as they are."""
    return value.startswith(("http://", "https://", "data:"))


# -- numpy arrays -> 8-bit ------------------------------------------------------------
def to_uint8(arr: Any) -> Any:
    """An array as uint8 pixels, with the scaling Gradio applies.

    Floats are read as [0, 1] (values in [-1, 1] are allowed, negatives clip to 0),
    booleans as {0, 255}; integers that already fit in 0..255 are kept, wider ones
    are rescaled by their bit depth.
    """
    import numpy as np

    a = np.asarray(arr)
    kind = a.dtype.kind
    if a.dtype == np.uint8:
        return a
    if kind == "b":
        return a.astype(np.uint8) * np.uint8(255)
    if kind == "f":
        if a.size and (np.nanmin(a) < -1.0 or np.nanmax(a) > 1.0):
            raise Error("Images of type float must be between -1 and 1.")
        out = np.multiply(a, 255.0, dtype=np.float64)
        np.rint(out, out=out)
        np.clip(out, 0, 255, out=out)
        return out.astype(np.uint8)
    if kind in "ui":
        pos = np.maximum(a, 0) if kind == "i" else a  # negatives clip to 0
        if not a.size or int(pos.max()) < 256:
            return pos.astype(np.uint8)  # values already 8-bit (e.g. int64 from arithmetic): kept
        # Wider values: the type's bit depth (unsigned, or the positive range of signed) maps onto 8 bits.
        shift = 8 * a.dtype.itemsize - (8 if kind == "u" else 9)
        return (pos >> shift).astype(np.uint8)
    raise Error(f"Cannot display an array of type {a.dtype} as an image.")


# -- decoding (preprocess) -----------------------------------------------------------
def _split_name(orig_name: str | None) -> tuple[str, str]:
    """``(stem, format)`` of an uploaded file name, as Gradio names converted files."""
    if not orig_name:
        return "image", "webp"
    p = Path(orig_name)
    suffix = p.suffix.replace(".", "").lower()
    if suffix in ("jpg", "jpeg"):
        suffix = "jpeg"
    return p.stem or "image", suffix


def open_image_file(path: str | BinaryIO, display_name: str | None = None) -> Any:
    """``PIL.Image.open`` (of a path or a binary stream) with a readable error for anything that is not an image."""
    import PIL.Image

    name = display_name or (Path(path).name if isinstance(path, str) else "image")
    try:
        im = PIL.Image.open(path)
        im.load()
    except PIL.Image.DecompressionBombError as exc:
        raise Error(f"The image '{name}' is too large to open ({exc}).") from exc
    except FileNotFoundError as exc:
        raise Error(f"The image '{name}' was not found.") from exc
    except (PIL.UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise Error(f"Could not read '{name}' as an image: the file is corrupt or not an image format "
                    "Pillow understands.") from exc
    return im


def _exif_transpose(im: Any) -> Any:
    from PIL import ImageOps

    try:
        if im.getexif().get(274, 1) != 1:  # 274 = orientation; 1 = already upright
            return ImageOps.exif_transpose(im)
    except Exception:  # a broken EXIF block must not lose the image
        warnings.warn("Failed to transpose the image based on its EXIF data.", stacklevel=2)
    return im


def decode_data_url(url: str) -> bytes:
    """The bytes of a ``data:`` URL (base64 or percent-encoded)."""
    import base64

    header, _, body = url.partition(",")
    if header.endswith(";base64"):
        return base64.b64decode(body)
    return urllib.parse.unquote_to_bytes(body)


def load_image(
    path: str | None,
    *,
    orig_name: str | None,
    url: str | None = None,
    image_mode: str | None,
    type: ImageType,
    save: Saver = save_bytes,
) -> Any:
    """An uploaded image file as the value a function receives (``gr.Image.preprocess``)."""
    import io

    import PIL.Image

    if url and url.startswith("data:"):
        try:
            im = PIL.Image.open(io.BytesIO(decode_data_url(url)))
            im.load()
        except Exception as exc:
            raise Error("Could not read the image: the data URL is not a valid image.") from exc
        # Gradio skips image_mode here; the documented contract (load as image_mode) wins.
        im = _exif_transpose(im)
        if image_mode is not None:
            im = im.convert(image_mode)
        return format_image(im, type, "image", "webp", save)
    if not path:
        raise Error("Image path is None.")
    stem, suffix = _split_name(orig_name)
    if suffix == "svg":
        if type == "filepath":
            return path
        raise Error("SVG files are not supported as input images for this app.")
    im = open_image_file(path, orig_name)
    if type == "filepath" and image_mode in (None, im.mode):
        return path
    im = _exif_transpose(im)
    if suffix != "gif" and image_mode is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            im = im.convert(image_mode)
    return format_image(im, type, stem, suffix, save)


def format_image(im: Any, type: ImageType, name: str, format: str, save: Saver = save_bytes) -> Any:
    """A decoded PIL image as ``type`` (a filepath is written with ``save``)."""
    if type == "pil":
        return im
    if type == "numpy":
        import numpy as np

        return np.array(im)
    if type == "filepath":
        data, ext = encode_pil(im, format)
        return save(data, f"{name}.{ext}")
    raise ValueError(f"Unknown type: {type}. Please choose from: 'numpy', 'pil', 'filepath'.")


# -- encoding (postprocess) -----------------------------------------------------------
def encode_pil(im: Any, format: str) -> tuple[bytes, str]:
    """``(bytes, extension)`` of a PIL image in ``format``; PNG when Pillow cannot write it."""
    fmt = (format or "webp").lower().lstrip(".")
    if fmt == "jpg":
        fmt = "jpeg"
    try:
        return _encode(im, fmt), fmt
    except (KeyError, ValueError, OSError):
        return _encode(im, "png"), "png"


def _encode(im: Any, fmt: str) -> bytes:
    import io

    from PIL import ImageSequence

    buf = io.BytesIO()
    if fmt == "gif" and getattr(im, "n_frames", 1) > 1:
        frames = [f.copy() for f in ImageSequence.Iterator(im)]
        frames[0].save(buf, format="gif", save_all=True, append_images=frames[1:], loop=0)
        return buf.getvalue()
    img = im
    if fmt == "jpeg" and img.mode not in ("RGB", "L", "CMYK"):
        img = img.convert("RGB")  # JPEG has no alpha or palette
    params: dict[str, Any] = {}
    if fmt == "png":
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        for key, value in (getattr(im, "info", None) or {}).items():
            if isinstance(key, str) and isinstance(value, str):
                info.add_text(key, value)
        params["pnginfo"] = info
    else:
        exif = im.getexif() if hasattr(im, "getexif") else None
        if exif:
            params["exif"] = exif.tobytes()
    img.save(buf, format=fmt, **params)
    return buf.getvalue()


def to_pil(value: Any) -> Any:
    """An array, PIL image or image file path as a PIL image."""
    import PIL.Image

    if is_pil_image(value):
        return value
    if is_ndarray(value):
        return PIL.Image.fromarray(to_uint8(value))
    if isinstance(value, (str, Path)):
        return open_image_file(str(value))
    raise Error(f"Expected an image (numpy array, PIL image or file path), got {type(value).__name__}.")


def image_to_file(value: Any, format: str, save: Saver = save_bytes) -> str:
    """A numpy array or PIL image written as an image file; paths and URLs pass through."""
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, str):
        return value
    if is_ndarray(value):
        import PIL.Image

        try:
            im = PIL.Image.fromarray(to_uint8(value))
        except TypeError as exc:
            raise Error(f"Cannot display an array of shape {tuple(value.shape)} and type {value.dtype} "
                        "as an image (expected (height, width) or (height, width, 3 or 4)).") from exc
        data, ext = encode_pil(im, format)
        return save(data, f"image.{ext}")
    if is_pil_image(value):
        data, ext = encode_pil(value, format)
        return save(data, f"image.{ext}")
    raise Error(f"Cannot process this value as an Image, it is of type: {type(value)}")


def svg_data_url(path: str) -> str:
    """An SVG file as a ``data:image/svg+xml`` URL (displayed inline, never executed:
    the view shows it in an ``<img>``)."""
    text = Path(path).read_text(encoding="utf-8")
    return f"data:image/svg+xml,{urllib.parse.quote(text)}"


def add_watermark(base: Any, watermark: Any, position: tuple[int, int] | str = "bottom-right") -> Any:
    """``base`` with ``watermark`` pasted at ``position`` (10 px from the named corner)."""
    base_img = to_pil(base)
    mark = to_pil(watermark)
    bw, bh = base_img.size
    ww, wh = mark.size
    pad = 10
    corners = {
        "top-left": (pad, pad),
        "top-right": (bw - ww - pad, pad),
        "bottom-left": (pad, bh - wh - pad),
        "bottom-right": (bw - ww - pad, bh - wh - pad),
    }
    x, y = corners.get(position, corners["bottom-right"]) if isinstance(position, str) else position
    if x < 0 or y < 0 or x + ww > bw or y + wh > bh:
        x, y = bw - ww - pad, bh - wh - pad
    mode = base_img.mode
    out = base_img.convert("RGBA")
    rgba = mark.convert("RGBA")
    out.paste(rgba, (int(x), int(y)), mask=rgba)
    return out.convert(mode)
