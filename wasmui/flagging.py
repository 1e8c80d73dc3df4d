"""Flagging: ``gr.CSVLogger``, ``gr.SimpleCSVLogger``, ``gr.ClassicCSVLogger`` and ``FlagMethod``.

A callback is set up with the components whose values it records and a folder,
then ``flag(values)`` appends one CSV row (files are copied next to the CSV, in a
folder per component label, as Gradio 6.31 does) and returns the number of rows.

Every folder a callback sets up is registered here. In the browser the Pyodide
bridge mounts persistent storage (IndexedDB) at those folders and saves them after
each flag (``set_write_hook``), and the page downloads them as one zip
(:func:`flagged_zip`).
"""

from __future__ import annotations

import asyncio
import csv
import datetime
import io
import json
import os
import re
import secrets
import shutil
import threading
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from wasmui.context import Context
from wasmui.files import is_file_data
from wasmui.helpers import LikeData, update

# -- the folders flagging writes to ----------------------------------------------------
_dirs: list[Path] = []
_write_hook: Callable[[Path], None] | None = None
_flush_hook: Callable[[], Awaitable[None]] | None = None
#: What earlier visits flagged, being loaded from persistent storage (the browser loads it
#: while the app already answers; a flag and the download wait for it).
_loading: Awaitable[None] | None = None


def register_dir(folder: str | os.PathLike[str]) -> Path:
    """Remember ``folder`` (absolute) as one that holds flagged data, also for the app
    being built (its config then offers the download); returns it."""
    path = Path(os.path.abspath(folder))
    if path not in _dirs:
        _dirs.append(path)
    app = Context.root_block
    if app is not None and path not in app.flagging_dirs:
        app.flagging_dirs.append(path)
    return path


def flagging_dirs() -> list[Path]:
    """The folders callbacks have been set up with, in order."""
    return list(_dirs)


def set_write_hook(hook: Callable[[Path], None] | None, flush: Callable[[], Awaitable[None]] | None = None) -> None:
    """``hook(folder)`` runs after every flag (the browser saves the folder to IndexedDB);
    ``await flush()`` waits until those saves are done (a Flag button waits for it)."""
    global _write_hook, _flush_hook
    _write_hook, _flush_hook = hook, flush


def set_loading(loading: Awaitable[None] | None) -> None:
    """``loading`` finishes when earlier visits' flagged data is in the folders."""
    global _loading
    _loading = loading


async def loaded() -> None:
    """Wait until earlier visits' flagged data is in the folders (at once when there is none)."""
    if _loading is not None:
        await _loading


async def saved() -> None:
    """Wait until every flag so far is in persistent storage (at once when there is none)."""
    if _flush_hook is not None:
        await _flush_hook()


def _written(folder: Path) -> None:
    if _write_hook is not None:
        _write_hook(Path(os.path.abspath(folder)))


def flagged_zip(dirs: Sequence[Path]) -> bytes | None:
    """A zip of the flagging folders ``dirs`` (top-level entries named after each folder),
    or None when they hold nothing."""
    import zipfile  # only the flagged-data download zips: not loaded at boot

    folders = [d for d in dirs if d.is_dir() and any(d.iterdir())]
    if not folders:
        return None
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for folder in folders:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    zf.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    return buf.getvalue()


# -- cell values -----------------------------------------------------------------------
_UNSAFE_PREFIXES = ("=", "+", "-", "@", "\t", "\n")
_UNSAFE_SEQUENCES = (",=", ",+", ",-", ",@", ",\t", ",\n")
_FORBIDDEN = re.compile(r'[\x00-\x1f/\\<>:"|?*]')


def sanitize_value_for_csv(value: Any) -> Any:
    """Neutralise CSV injection (a leading ``=``, ``+``, ``-``, ``@``) as Gradio does."""
    if isinstance(value, (int, float)):
        return value
    if not isinstance(value, str):
        value = str(value)
    if value.startswith(("{", "[")):
        try:
            return json.dumps(json.loads(value))
        except ValueError:
            pass
    if value.startswith(_UNSAFE_PREFIXES) or any(s in value for s in _UNSAFE_SEQUENCES):
        return f"'{value}"
    return value


def sanitize_list_for_csv(values: list[Any]) -> list[Any]:
    """:func:`sanitize_value_for_csv` over a row."""
    return [sanitize_value_for_csv(v) for v in values]


def _folder_name(label: str) -> str:
    return _FORBIDDEN.sub("", label)[:200] or "component"


def _copy_files(value: Any, folder: Path) -> Any:
    """``value`` with every FileData whose file exists copied to ``folder/<random>/<name>``."""
    if is_file_data(value) and isinstance(value.get("path"), str):
        src = value["path"]
        if not os.path.isfile(src):
            return value
        target = folder / secrets.token_hex(10) / os.path.basename(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, target)
        return {**value, "path": str(target), "url": None}
    if isinstance(value, list):
        return [_copy_files(v, folder) for v in value]
    if isinstance(value, dict):
        return {k: _copy_files(v, folder) for k, v in value.items()}
    return value


def _simplify(value: Any) -> Any:
    """FileData dicts replaced by their path (what ``simplify_file_data`` writes)."""
    if is_file_data(value) and isinstance(value.get("path"), str):
        return value["path"]
    if isinstance(value, list):
        return [_simplify(v) for v in value]
    if isinstance(value, dict):
        return {k: _simplify(v) for k, v in value.items()}
    return value


def flag_value(payload: Any, folder: Path, simplify_file_data: bool = True) -> str:
    """One CSV cell for a component's payload: files copied into ``folder``, JSON for the rest."""
    if payload is None:
        return ""
    if isinstance(payload, dict) and "update" in str(payload.get("__type__", "")):
        return str(payload)
    payload = _copy_files(payload, folder)
    if simplify_file_data:
        payload = _simplify(payload)
    if isinstance(payload, str):
        return payload
    return json.dumps(payload, default=str)


def _label(component: Any, index: int) -> str:
    return str(getattr(component, "label", None) or f"component {index}")


def _count_rows(path: Path) -> int:
    with open(path, encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.reader(f)) - 1


# -- callbacks -------------------------------------------------------------------------
class FlaggingCallback(ABC):
    """Base class: ``setup(components, flagging_dir)`` once, then ``flag(flag_data)`` per flag."""

    @abstractmethod
    def setup(self, components: Sequence[Any], flagging_dir: str) -> None:
        """Remember the components and the folder."""

    @abstractmethod
    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        """Record one sample; return how many samples are stored."""


class SimpleCSVLogger(FlaggingCallback):
    """The smallest logger: one row of values per flag in ``log.csv`` (no header row)."""

    def __init__(self) -> None:
        self.components: Sequence[Any] = []
        self.flagging_dir: str | Path = ".gradio/flagged"

    def setup(self, components: Sequence[Any], flagging_dir: str | Path) -> None:
        """Remember ``components`` and create ``flagging_dir``."""
        self.components = components
        self.flagging_dir = flagging_dir
        os.makedirs(flagging_dir, exist_ok=True)
        register_dir(flagging_dir)

    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        """Append one row to ``log.csv``; return the number of rows."""
        folder = Path(self.flagging_dir)
        row = []
        for component, sample in zip(self.components, flag_data):
            save_dir = folder / _folder_name(str(getattr(component, "label", None) or ""))
            save_dir.mkdir(parents=True, exist_ok=True)
            row.append(flag_value(sample, save_dir, simplify_file_data=False))
        log = folder / "log.csv"
        with open(log, "a", encoding="utf-8", newline="") as f:
            csv.writer(f).writerow(sanitize_list_for_csv(row))
        count = _count_rows(log)
        _written(folder)
        return count


class ClassicCSVLogger(FlaggingCallback):
    """Gradio 4's logger: ``log.csv`` with headers, then ``flag``, ``username``, ``timestamp``."""

    def __init__(self, simplify_file_data: bool = True) -> None:
        self.simplify_file_data = simplify_file_data
        self.components: Sequence[Any] = []
        self.flagging_dir: str | Path = ".gradio/flagged"

    def setup(self, components: Sequence[Any], flagging_dir: str | Path) -> None:
        """Remember ``components`` and create ``flagging_dir``."""
        self.components = components
        self.flagging_dir = flagging_dir
        os.makedirs(flagging_dir, exist_ok=True)
        register_dir(flagging_dir)

    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        """Append one row to ``log.csv`` (headers first time); return the number of rows."""
        folder = Path(self.flagging_dir)
        log = folder / "log.csv"
        is_new = not log.exists()
        headers = [_label(c, i) for i, c in enumerate(self.components)] + ["flag", "username", "timestamp"]
        row: list[Any] = [flag_value(sample, folder / _folder_name(_label(c, i)), self.simplify_file_data)
                          for i, (c, sample) in enumerate(zip(self.components, flag_data))]
        row += [flag_option, username if username is not None else "", str(datetime.datetime.now())]
        with open(log, "a", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            if is_new:
                writer.writerow(sanitize_list_for_csv(headers))
            writer.writerow(sanitize_list_for_csv(row))
        count = _count_rows(log)
        _written(folder)
        return count


class CSVLogger(FlaggingCallback):
    """Gradio 5+'s default logger: ``dataset1.csv`` (a new ``datasetN.csv`` when the headers
    change); ``flag`` and ``username`` columns only when given; a ``timestamp`` column."""

    def __init__(self, simplify_file_data: bool = True, verbose: bool = True,
                 dataset_file_name: str | None = None) -> None:
        self.simplify_file_data = simplify_file_data
        self.verbose = verbose
        self.dataset_file_name = dataset_file_name
        self.lock = threading.Lock()
        self.components: Sequence[Any] = []
        self.flagging_dir = Path(".gradio/flagged")
        self.first_time = True
        self.dataset_filepath = self.flagging_dir / "dataset1.csv"

    def setup(self, components: Sequence[Any], flagging_dir: str | Path) -> None:
        """Remember ``components`` and ``flagging_dir`` (created on the first flag)."""
        self.components = components
        self.flagging_dir = Path(flagging_dir)
        self.first_time = True
        register_dir(flagging_dir)

    def _create_dataset_file(self, additional_headers: list[str]) -> None:
        os.makedirs(self.flagging_dir, exist_ok=True)
        headers = sanitize_list_for_csv(
            [_label(c, i) for i, c in enumerate(self.components)] + additional_headers + ["timestamp"])
        existing = list(self.flagging_dir.glob("dataset*.csv"))
        if self.dataset_file_name:
            self.dataset_filepath = self.flagging_dir / self.dataset_file_name
        elif existing:
            def number(p: Path) -> int:
                found = re.findall(r"\d+", p.stem)
                return int(found[0]) if found else 0
            latest = max(existing, key=number)
            with open(latest, newline="", encoding="utf-8") as f:
                old_headers = next(csv.reader(f), None)
            self.dataset_filepath = latest if old_headers == headers else \
                self.flagging_dir / f"dataset{number(latest) + 1}.csv"
        else:
            self.dataset_filepath = self.flagging_dir / "dataset1.csv"
        if not self.dataset_filepath.exists():
            with open(self.dataset_filepath, "w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerow(headers)
            if self.verbose:
                print("Created dataset file at:", self.dataset_filepath)
        elif self.verbose:
            print("Using existing dataset file at:", self.dataset_filepath)

    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        """Append one row; return the number of data rows."""
        if self.first_time:
            extra = (["flag"] if flag_option is not None else []) + (["username"] if username is not None else [])
            self._create_dataset_file(extra)
            self.first_time = False
        row: list[Any] = [flag_value(sample, self.flagging_dir / _folder_name(_label(c, i)), self.simplify_file_data)
                          for i, (c, sample) in enumerate(zip(self.components, flag_data))]
        if flag_option is not None:
            row.append(flag_option)
        if username is not None:
            row.append(username)
        row.append(str(datetime.datetime.now()))
        with self.lock:
            with open(self.dataset_filepath, "a", newline="", encoding="utf-8") as f:
                csv.writer(f).writerow(sanitize_list_for_csv(row))
            count = _count_rows(self.dataset_filepath)
        _written(self.flagging_dir)
        return count


class ChatCSVLogger:
    """Likes and dislikes of a ``ChatInterface(flagging_mode="manual")``: one row per
    reaction in ``log.csv`` (the conversation as JSON, the message index, the feedback)."""

    def __init__(self) -> None:
        self.flagging_dir: str | Path = ".gradio/flagged"

    def setup(self, flagging_dir: str | Path) -> None:
        """Create ``flagging_dir``."""
        self.flagging_dir = flagging_dir
        os.makedirs(flagging_dir, exist_ok=True)
        register_dir(flagging_dir)

    def flag(self, like_data: LikeData, messages: list[Any]) -> None:
        """Append the reaction ``like_data`` to the conversation ``messages``."""
        log = Path(self.flagging_dir) / "log.csv"
        is_new = not log.exists()
        liked = like_data.liked
        feedback = "Like" if liked is True else "Dislike" if liked is False else liked
        row = [json.dumps(messages, default=str), like_data.index, feedback, str(datetime.datetime.now())]
        with open(log, "a", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            if is_new:  # Gradio's header (it names five columns for the four values it writes)
                writer.writerow(["conversation", "index", "value", "flag", "timestamp"])
            writer.writerow(sanitize_list_for_csv(row))
        _written(Path(self.flagging_dir))


class FlagMethod:
    """The function behind a Flag button: records the sample, then puts the button back.

    ``visual_feedback=False`` (``flagging_mode="auto"``) records silently.
    """

    def __init__(self, flagging_callback: FlaggingCallback, label: str, value: str | None,
                 visual_feedback: bool = True) -> None:
        self.flagging_callback = flagging_callback
        self.label = label
        self.value = value
        self.__name__ = "Flag"
        self.visual_feedback = visual_feedback

    async def __call__(self, *flag_data: Any) -> Any:
        try:
            await loaded()  # a row written before earlier ones are loaded would be lost
            self.flagging_callback.flag(list(flag_data), flag_option=self.value)
            await saved()  # the button comes back once the row survives a reload
        except Exception as e:  # the button says so; the app keeps working
            print(f"Error while flagging: {e}")
            return "Error!" if self.visual_feedback else None
        if not self.visual_feedback:
            return None
        await asyncio.sleep(0.8)  # long enough to see "Saving..." (Gradio's pause)
        return self.reset()

    def reset(self) -> Any:
        """The button as it was before the click."""
        return update(value=self.label, interactive=True)

    def listeners(self) -> tuple[Callable[[], Any], Callable[[], Any]]:
        """The two extra listeners of a Flag button: "Saving..." at once, and the reset a
        Clear click does; named ``lambda`` and ``reset`` like Gradio's endpoints."""
        async def saving() -> Any:
            return update(value="Saving...", interactive=False)

        async def reset() -> Any:
            return self.reset()

        saving.__name__ = "lambda"
        return saving, reset
