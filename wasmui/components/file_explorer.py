"""``gr.FileExplorer``: pick files (or folders) under ``root_dir`` from a tree.

The view asks Python for one folder's entries at a time through the component
server route (``ls``, Gradio's ``server_fns``); in the browser ``root_dir`` is a
folder of Pyodide's file system (the app folder by default). Values travel as
lists of path segments relative to ``root_dir``; functions receive full paths.
"""

from __future__ import annotations

import fnmatch
import os
from typing import Any, Literal

from wasmui.components.base import Component, component_kwargs, server
from wasmui.exceptions import Error


class FileExplorer(Component):
    """Files under ``root_dir`` matching ``glob`` (minus ``ignore_glob``); value: path(s)."""

    CONFIG_PROPS = ("value", "glob", "file_count", "root_dir", "ignore_glob", "label", "show_label", "container",
                    "scale", "min_width", "height", "max_height", "min_height", "interactive", "visible", "elem_id",
                    "elem_classes", "key", "preserved_by_key", "buttons", "server_fns")
    EVENTS = ["change", "input", "select"]
    PYTHON_TYPE = "List[List[str]]"

    def __init__(
        self,
        glob: str = "**/*",
        *,
        value: str | list[str] | Any | None = None,
        file_count: Literal["single", "multiple"] = "multiple",
        root_dir: str | os.PathLike[str] = ".",
        ignore_glob: str | None = None,
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        height: int | str | None = None,
        max_height: int | str | None = 500,
        min_height: int | str | None = None,
        interactive: bool | None = None,
        visible: bool | str = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: int | str | tuple[int | str, ...] | None = None,
        preserved_by_key: list[str] | str | None = "value",
        buttons: list[Any] | None = None,
    ) -> None:
        abs_root = os.path.abspath(root_dir)
        if not os.path.exists(abs_root):
            raise ValueError(f"The specified root_dir does not exist: {root_dir}")
        if not os.path.isdir(abs_root):
            raise ValueError(f"The specified root_dir is not a directory: {root_dir}")
        if file_count not in ("single", "multiple"):
            raise ValueError(f"Invalid value for parameter `file_count`: {file_count}. "
                             "Please choose from one of: ['single', 'multiple']")
        self.root_dir = abs_root
        self.glob = glob
        self.ignore_glob = ignore_glob
        self.file_count = file_count
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        self.buttons = buttons
        self.server_fns = ["ls"]  # what the view may call through /component_server
        super().__init__(**component_kwargs(locals()))

    # -- paths -------------------------------------------------------------------
    def _safe_join(self, parts: list[str]) -> str:
        """``root_dir`` joined with path segments; anything escaping the root is refused."""
        if not parts:
            return self.root_dir
        if not all(isinstance(p, str) for p in parts):
            raise Error("FileExplorer expects paths as lists of strings.")
        joined = os.path.normpath(os.path.join(self.root_dir, *parts))
        if any(p in ("", "..") or os.path.isabs(p) for p in parts) or \
                os.path.commonpath([joined, self.root_dir]) != self.root_dir:
            raise Error(f"Path {'/'.join(parts)!r} is outside the FileExplorer's root folder.")
        return joined

    def _strip_root(self, path: str) -> str:
        if path.startswith(self.root_dir + os.sep):
            return path[len(self.root_dir) + 1:]
        return path

    # -- the contract ------------------------------------------------------------
    def preprocess(self, payload: Any) -> list[str] | str | None:
        if payload is None:
            return None
        if not isinstance(payload, list) or not all(isinstance(p, list) for p in payload):
            raise Error("FileExplorer expects a list of paths, each a list of folder and file names.")
        if self.file_count == "single":
            if len(payload) > 1:
                raise Error(f"Expected only one file, but {len(payload)} were selected.")
            return self._safe_join(payload[0]) if payload else None
        return [self._safe_join(p) for p in payload]

    def postprocess(self, value: Any) -> list[list[str]] | None:
        if value is None:
            return None
        files = [value] if isinstance(value, (str, os.PathLike)) else list(value)
        return [self._strip_root(os.fspath(f)).split(os.sep) for f in files]

    def process_update(self, update: dict[str, Any], postprocess: bool = True) -> dict[str, Any]:
        if isinstance(update.get("root_dir"), (str, os.PathLike)):
            root = os.path.abspath(update["root_dir"])
            if not os.path.isdir(root):
                raise Error(f"The specified root_dir is not a directory: {update['root_dir']}")
            update["root_dir"] = root
        return super().process_update(update, postprocess)

    @server
    def ls(self, subdirectory: list[str] | None = None) -> list[dict[str, Any]]:
        """One folder's entries: folders first, then files that match ``glob``."""
        folder = self._safe_join(list(subdirectory or []))
        try:
            names = sorted(os.listdir(folder))
        except (FileNotFoundError, NotADirectoryError, PermissionError):
            return []
        files: list[dict[str, Any]] = []
        folders: list[dict[str, Any]] = []
        for name in names:
            full = os.path.join(folder, name)
            try:
                is_file = not os.path.isdir(full)
            except OSError:
                continue
            # Like Gradio: globs match the full path, so "**/*.py" needs a folder above.
            valid = fnmatch.fnmatch(full, self.glob)
            if is_file and not valid:
                continue
            if self.ignore_glob and fnmatch.fnmatch(full, self.ignore_glob):
                continue
            (files if is_file else folders).append({"name": name, "type": "file" if is_file else "folder",
                                                    "valid": valid})
        return folders + files

    def api_info(self) -> dict[str, Any]:
        return {"items": {"items": {"type": "string"}, "type": "array"}, "title": "FileExplorerData", "type": "array",
                "additional_description": None}

    def example_payload(self) -> Any:
        return [["gradio", "app.py"]]

    def example_value(self) -> Any:
        return os.sep.join(["gradio", "app.py"])
