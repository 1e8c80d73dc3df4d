"""Which Pyodide packages an app needs, found without running it.

Every Python file the app publishes is parsed with :mod:`ast` (never executed)
and its absolute imports collected. Each top-level module name is then, in order:
one of the app's own modules; part of Python or of the runtime (``gradio``,
``wasmui``, ``js``, the stdlib); provided by a package of the distribution's lock
(its ``imports`` field maps ``PIL`` to ``pillow``); or provided by a wheel of
``requirements.txt``. Anything else is *missing* — unless it is imported under
``try: ... except ImportError`` (optional) or ``if TYPE_CHECKING:``.
Requirements the lock has (``numpy`` in requirements.txt) and the packages the
app's components ask for (``Component.required_packages()``) are added.
"""

from __future__ import annotations

import ast
import re
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wasmui.distribution import Distribution, normalize

# Importable in every wasmui page without a package: the runtime itself and Pyodide's modules.
RUNTIME_MODULES = frozenset({"gradio", "wasmui", "js", "pyodide", "pyodide_js", "_pyodide", "__future__"})
# Requirement lines naming these projects are the runtime itself (skipped, whatever their extras).
_RUNTIME_PROJECTS = frozenset({"gradio", "wasmui"})
_OPTIONAL_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})


@dataclass
class ImportScan:
    """Top-level modules an app imports; ``where`` gives the first ``file:line`` of each."""

    required: set[str] = field(default_factory=set)
    optional: set[str] = field(default_factory=set)
    where: dict[str, str] = field(default_factory=dict)


@dataclass
class Needs:
    """What one app needs from a distribution."""

    packages: list[str]  # lock keys, closed over ``depends``
    direct: list[str]  # lock keys the app asks for itself
    missing: list[str]  # human descriptions of what nothing provides
    requirements: list[str]  # requirements.txt lines left for micropip (not in the lock)
    missing_imports: list[str] = field(default_factory=list)  # the top-level modules of ``missing``


class _Visitor(ast.NodeVisitor):
    def __init__(self, scan: ImportScan, label: str) -> None:
        self.scan = scan
        self.label = label
        self.optional_depth = 0

    def _add(self, module: str, node: ast.AST) -> None:
        top = module.split(".", 1)[0]
        if not top:
            return
        target = self.scan.optional if self.optional_depth else self.scan.required
        target.add(top)
        self.scan.where.setdefault(top, f"{self.label}:{getattr(node, 'lineno', 0)}")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level == 0 and node.module:
            self._add(node.module, node)

    def visit_Try(self, node: ast.Try) -> None:
        self._visit_try(node)

    def visit_TryStar(self, node: ast.TryStar) -> None:
        self._visit_try(node)

    def _visit_try(self, node: ast.Try | ast.TryStar) -> None:
        guarded = any(_catches_import_error(h.type) for h in node.handlers)
        self.optional_depth += guarded
        for statement in node.body:
            self.visit(statement)
        self.optional_depth -= guarded
        for child in [*node.handlers, *node.orelse, *node.finalbody]:
            self.visit(child)

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        name = test.id if isinstance(test, ast.Name) else test.attr if isinstance(test, ast.Attribute) else ""
        if name == "TYPE_CHECKING":  # never true at run time
            for statement in node.orelse:
                self.visit(statement)
            return
        self.generic_visit(node)


def _catches_import_error(handler: ast.expr | None) -> bool:
    if handler is None:
        return True
    names = handler.elts if isinstance(handler, ast.Tuple) else [handler]
    return any((n.id if isinstance(n, ast.Name) else getattr(n, "attr", "")) in _OPTIONAL_ERRORS for n in names)


def scan_source(source: str, label: str, scan: ImportScan | None = None) -> ImportScan:
    """Adds the imports of one file's ``source`` to ``scan``; a file that does not parse adds nothing."""
    scan = scan if scan is not None else ImportScan()
    try:
        tree = ast.parse(source, filename=label)
    except (SyntaxError, ValueError):
        return scan
    _Visitor(scan, label).visit(tree)
    return scan


def scan_app(folder: Path, files: Iterable[str]) -> ImportScan:
    """The imports of every ``.py`` file among ``files`` (paths relative to ``folder``)."""
    scan = ImportScan()
    for path in files:
        if path.endswith(".py"):
            scan_source((folder / path).read_text(encoding="utf-8", errors="replace"), path, scan)
    scan.optional -= scan.required
    return scan


def local_modules(files: Iterable[str]) -> set[str]:
    """Top-level names the app's own files make importable (``helpers.py``, ``pkg/``)."""
    names: set[str] = set()
    for path in files:
        first = path.split("/", 1)[0]
        names.add(first[:-3] if first.endswith(".py") and "/" not in path else first)
    return names


def requirement_name(line: str) -> str:
    """The project name of a requirements.txt line (``pandas>=2; python_version>'3'`` -> ``pandas``)."""
    return re.split(r"[\s<>=!~;\[@(]", line.strip(), maxsplit=1)[0]


def is_runtime_requirement(line: str) -> bool:
    """Whether a requirements.txt line names the runtime itself (``gradio[oauth]``, ``gradio>=5``):
    the app's gradio is wasmui; PyPI's is a server, never fetched."""
    return normalize(requirement_name(line)) in _RUNTIME_PROJECTS


def wheel_modules(wheels: Iterable[Path]) -> set[str]:
    """Top-level importable names inside pure-Python wheels."""
    names: set[str] = set()
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            for entry in archive.namelist():
                first = entry.split("/", 1)[0]
                if first.endswith((".dist-info", ".data")):
                    continue
                names.add(first[:-3] if first.endswith(".py") else first)
    return names


def app_needs(dist: Distribution, scan: ImportScan, local: set[str], requirements: Iterable[str],
              components: Iterable[tuple[str, str]] = (), requirement_modules: set[str] | None = None) -> Needs:
    """Resolves an app's imports, requirements and component needs against ``dist``'s lock.

    ``components`` holds ``(package, why)`` pairs from ``Component.required_packages()``;
    ``requirement_modules`` the modules the requirements' wheels provide (if known).
    """
    index = dist.import_index()
    direct: set[str] = set()
    missing: list[str] = []
    missing_imports: list[str] = []
    pip: list[str] = []
    provided = {normalize(m) for m in (requirement_modules or set())}
    for line in requirements:
        if is_runtime_requirement(line):
            continue
        key = dist.key(requirement_name(line))
        if key is not None:
            direct.add(key)
        else:
            pip.append(line)
            provided.add(normalize(requirement_name(line)))
    for module in sorted(scan.required | scan.optional):
        if module in local or module in RUNTIME_MODULES:
            continue
        if module in index:
            direct.add(index[module])
        elif module in sys.stdlib_module_names or normalize(module) in provided:
            continue
        elif module in scan.required:
            missing.append(f"{module} (imported in {scan.where.get(module, '?')})")
            missing_imports.append(module)
    for package, why in components:
        key = dist.key(package)
        if key is not None:
            direct.add(key)
        elif normalize(package) not in provided:
            missing.append(f"{package} (needed by {why})")
    return Needs(packages=dist.resolve(direct), direct=sorted(direct), missing=missing, requirements=pip,
                 missing_imports=missing_imports)
