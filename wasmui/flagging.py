"""Flagging callbacks: ``gr.CSVLogger``, ``gr.SimpleCSVLogger``, ``gr.ClassicCSVLogger``.

A callback is set up with the components whose values it records and a folder,
then ``flag(values)`` appends one CSV row and returns the number of rows. In the
browser the folder lives in the app's in-memory file system.
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import shutil
import uuid
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Any


class FlaggingCallback(ABC):
    """Base class: ``setup(components, flagging_dir)`` once, then ``flag(flag_data)`` per flag."""

    @abstractmethod
    def setup(self, components: Sequence[Any], flagging_dir: str) -> None:
        """Remember the components and create the folder."""

    @abstractmethod
    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        """Record one sample; return how many samples are stored."""


def _label(component: Any, index: int) -> str:
    return str(getattr(component, "label", None) or f"{type(component).__name__.lower()} {index}")


def _cell(value: Any, folder: Path, simplify_file_data: bool) -> str:
    """One CSV cell: files are copied next to the CSV and referenced by path."""
    if isinstance(value, dict) and isinstance(value.get("path"), str) and os.path.isfile(value["path"]):
        target = folder / "files" / f"{uuid.uuid4().hex[:8]}-{os.path.basename(value['path'])}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(value["path"], target)
        return str(target.relative_to(folder)) if simplify_file_data else json.dumps({**value, "path": str(target)})
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, default=str)
    except (TypeError, ValueError):
        return str(value)


class CSVLogger(FlaggingCallback):
    """Appends each flagged sample to ``dataset.csv`` (labels, ``flag``, ``username``, ``timestamp``)."""

    def __init__(self, simplify_file_data: bool = True, verbose: bool = True, dataset_file_name: str | None = None) -> None:
        self.simplify_file_data = simplify_file_data
        self.verbose = verbose
        self.dataset_file_name = dataset_file_name or "dataset.csv"
        self.components: list[Any] = []
        self.flagging_dir = Path(".gradio/flagged")

    def setup(self, components: Sequence[Any], flagging_dir: str | Path) -> None:
        """Remember ``components`` and create ``flagging_dir``."""
        self.components = list(components)
        self.flagging_dir = Path(flagging_dir)
        self.flagging_dir.mkdir(parents=True, exist_ok=True)

    @property
    def dataset_file(self) -> Path:
        """The CSV file rows are appended to."""
        return self.flagging_dir / self.dataset_file_name

    def headers(self) -> list[str]:
        """Column names: one per component, then flag, username and timestamp."""
        return [_label(c, i) for i, c in enumerate(self.components)] + ["flag", "username", "timestamp"]

    def flag(self, flag_data: list[Any], flag_option: str | None = None, username: str | None = None) -> int:
        """Append one row; return the number of data rows."""
        new = not self.dataset_file.exists()
        row = [_cell(v, self.flagging_dir, self.simplify_file_data) for v in flag_data]
        row += [flag_option or "", username or "", datetime.datetime.now().isoformat(sep=" ")]
        with open(self.dataset_file, "a", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            if new:
                writer.writerow(self.headers())
            writer.writerow(row)
        with open(self.dataset_file, newline="", encoding="utf-8") as f:
            count = sum(1 for _ in csv.reader(f)) - 1
        if self.verbose:
            print(f"Saved flagged sample #{count} to {self.dataset_file}")
        return count


class ClassicCSVLogger(CSVLogger):
    """Gradio 4's logger: one ``log.csv`` per flagging folder."""

    def __init__(self, simplify_file_data: bool = True) -> None:
        super().__init__(simplify_file_data=simplify_file_data, verbose=False, dataset_file_name="log.csv")


class SimpleCSVLogger(CSVLogger):
    """The smallest logger: values only, no username column semantics, into ``log.csv``."""

    def __init__(self) -> None:
        super().__init__(simplify_file_data=True, verbose=False, dataset_file_name="log.csv")
