"""Pure-Python wheels for what an app asks of PyPI, fetched when the site is built.

Each wanted project is downloaded alone (``pip download --no-deps``) and its
dependencies are read from the wheel's ``METADATA`` and followed one by one, so
those the Pyodide distribution already provides come from its lock instead
(``vega_datasets`` needs pandas: a plain ``pip download`` would look for a
pure-Python pandas and fail). A project that publishes no pure-Python wheel is
built from its source distribution with the C compiler switched off; packages
whose C code is an optional speed-up (MarkupSafe, which Jinja2 and so pandas'
``Styler`` need) then build as plain Python. One that cannot fails the build
with a readable message.

The wheels go to ``wheels/reqs/`` with a PEP 503 index under ``simple/`` that
micropip reads in the browser (offline, from the site itself).
"""

from __future__ import annotations

import email.parser
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wasmui.distribution import Distribution, normalize


# Packages a component may need (``Component.required_packages()``) that the build fetches
# from PyPI when the distribution lacks them: pure Python, so they work in any Pyodide.
FROM_PYPI = frozenset({"jinja2"})


class RequirementError(RuntimeError):
    """A requirement has no pure-Python wheel and its source does not build as one."""


@dataclass
class Fetched:
    """The wheels shipped for some requirements and what each one needs."""

    wheels: dict[str, Path] = field(default_factory=dict)  # project (normalised) → wheel
    depends: dict[str, set[str]] = field(default_factory=dict)  # project → projects it needs (fetched ones)
    lock: dict[str, set[str]] = field(default_factory=dict)  # project → lock keys it needs

    def closure(self, names: Iterable[str]) -> tuple[set[str], set[str]]:
        """``(projects, lock keys)`` that ``names`` need, themselves included."""
        seen: set[str] = set()
        todo = [normalize(n) for n in names]
        while todo:
            name = todo.pop()
            if name in seen or name not in self.wheels:
                continue
            seen.add(name)
            todo.extend(self.depends.get(name, ()))
        return seen, {key for name in seen for key in self.lock.get(name, ())}


def _packaging() -> Any:
    """``packaging.requirements`` (pip always carries a copy when the package is absent)."""
    try:
        from packaging import requirements
    except ImportError:  # pragma: no cover - depends on the build machine
        from pip._vendor.packaging import requirements  # type: ignore[no-redef]
    return requirements


def pyodide_environment(python: str) -> dict[str, str]:
    """PEP 508 marker values of a Pyodide interpreter running Python ``python``."""
    version = ".".join(python.split(".")[:2]) or "3.12"
    return {"python_version": version, "python_full_version": python or version + ".0",
            "sys_platform": "emscripten", "platform_system": "Emscripten", "os_name": "posix",
            "platform_machine": "wasm32", "implementation_name": "cpython",
            "platform_python_implementation": "CPython", "extra": ""}


def wheel_requires(wheel: Path) -> list[str]:
    """The ``Requires-Dist`` lines of a wheel's METADATA."""
    with zipfile.ZipFile(wheel) as archive:
        name = next((n for n in archive.namelist() if n.endswith(".dist-info/METADATA")), None)
        if name is None:
            return []
        text = archive.read(name).decode("utf-8", errors="replace")
    return email.parser.Parser().parsestr(text, headersonly=True).get_all("Requires-Dist") or []


def needed(lines: Iterable[str], extras: Iterable[str], python: str) -> list[Any]:
    """The requirements among ``lines`` that apply in Pyodide (with the ``extras`` asked for)."""
    requirements = _packaging()
    env = pyodide_environment(python)
    wanted = []
    for line in lines:
        req = requirements.Requirement(line)
        if req.marker is None or any(req.marker.evaluate({**env, "extra": e}) for e in ["", *extras]):
            wanted.append(req)
    return wanted


def project_of(wheel: Path) -> str:
    """The normalised project name of a wheel file."""
    return normalize(wheel.name.split("-")[0])


def _pip(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, env=env)


def _download(spec: str, name: str, folder: Path, python: str, sources: list[str]) -> Path:
    """One pure-Python wheel for ``spec`` in ``folder``: downloaded, else built from source."""
    version = ".".join(python.split(".")[:2]) or "3.12"
    got = _pip(["download", "-q", "--no-deps", "--only-binary=:all:", "--python-version", version,
                "--implementation", "py", "--abi", "none", "--platform", "any", "-d", str(folder), *sources, spec])
    found = _find(folder, name)
    if got.returncode == 0 and found is not None:
        return found
    with tempfile.TemporaryDirectory() as tmp:
        # CC=false makes any C extension fail to compile; packages whose C code is optional
        # (they catch the failure) then build plain Python, the rest fail here.
        env = dict(os.environ, CC="false", CXX="false", LDSHARED="false")
        built = _pip(["wheel", "-q", "--no-deps", "--no-binary", name, "-w", tmp, *sources, spec], env=env)
        wheels = list(Path(tmp).glob("*.whl"))
        if built.returncode != 0 or not wheels or not wheels[0].name.endswith("-none-any.whl"):
            detail = (got.stderr.strip().splitlines() or [""])[-1]
            raise RequirementError(
                f"wasmui build: {spec} has no pure-Python wheel and does not build as one from source "
                f"({detail}); the browser can only install pure-Python wheels that way. Use a Pyodide "
                "distribution that includes it (--pyodide).")
        target = folder / wheels[0].name
        wheels[0].replace(target)
        return target


def _find(folder: Path, name: str) -> Path | None:
    return next((w for w in sorted(folder.glob("*.whl")) if project_of(w) == name), None)


def fetch(wanted: Iterable[str], dist: Distribution, folder: Path, local: Iterable[Path] = ()) -> Fetched:
    """Pure-Python wheels for ``wanted`` (requirement lines) and their dependencies the
    distribution lacks, in ``folder``. ``local`` folders of wheels make the fetch offline."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [f"--find-links={d}" for d in local]
    if sources:
        # Apps that ship their wheels build offline and never pick a same-named package from PyPI.
        sources.insert(0, "--no-index")
    fetched = Fetched()
    extras: dict[str, set[str]] = {}
    todo = needed(wanted, [], dist.python)
    while todo:
        req = todo.pop(0)
        name = normalize(req.name)
        extras.setdefault(name, set()).update(req.extras)
        if name in fetched.wheels:
            continue
        wheel = _download(str(req), name, folder, dist.python, sources)
        fetched.wheels[name] = wheel
        fetched.depends[name] = set()
        fetched.lock[name] = set()
        for dep in needed(wheel_requires(wheel), extras[name], dist.python):
            key = dist.key(dep.name)
            if key is not None:
                fetched.lock[name].add(key)
            else:
                fetched.depends[name].add(normalize(dep.name))
                todo.append(dep)
    return fetched


def write_index(wheels: Iterable[Path], index: Path, link_prefix: str = "../../wheels/reqs/") -> None:
    """A PEP 503 simple index of ``wheels`` under ``index`` (one page per project)."""
    pages: dict[str, list[str]] = {}
    for wheel in sorted(wheels):
        pages.setdefault(re.sub(r"[-_.]+", "-", project_of(wheel)), []).append(wheel.name)
    for project, names in pages.items():
        page = index / project / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("".join(f'<a href="{link_prefix}{n}">{n}</a>\n' for n in names))
