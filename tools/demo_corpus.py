#!/usr/bin/env python3
"""Gradio's whole ``demo/`` folder through wasmui, in real Chromium on Pyodide.

    python tools/demo_corpus.py GRADIO_CHECKOUT --pyodide DIR [--only a,b] [--results FILE.jsonl]

For every demo whose imports the Pyodide distribution provides, three questions:

1. **builds natively** — ``wasmui build`` succeeds and CPython could run the app to
   pre-compute its config;
2. **boots** — the page in Chromium reaches "ready" with no Python traceback, no error
   toast and no uncaught page error (views still missing are counted, not failures);
3. **answers** — a default interaction: click its first example (if any; else give its
   empty textboxes some text, its radio groups their first choice and its first upload a
   sample file it accepts, or a microphone-only Audio a second recorded from Chromium's fake
   microphone) and then its main button (the first primary button, else one
   named Submit/Run/…, among the buttons some event listens to); without a button, type
   into its first empty textbox and press Enter (when a text input has an event); else pick
   another radio choice (when a radio group has one); else click its first button with an event.
   It answers when an event ran to its end without failing (the shell counts ended and
   failed runs on its element), with no error toast; if the app's config cannot be read,
   when a loading status came and went or the page changed (the typed box left out).
   A heuristic: "no" can also mean the default interaction does nothing in that app.

Speed (measured on the shared 2-core machine): a demo built and opened on its own took
~17-35 s, of which ~4.5 s was ``wasmui build`` (copying and stamping the distribution for one
app) and up to 60 s more for a click that started nothing. Now demos are built ``--batch`` at a
time into one multi-app site (``wasmui build`` of a folder of apps: one copy of Pyodide, each
app at ``apps/<name>/``), the next batch builds while the browser checks this one, one browser
context serves a batch (its HTTP cache is shared, as on a real multi-app site), and a click
that shows no event status and changes nothing is given up after ``QUIET_SECONDS``. A batch
whose build fails as a whole is redone demo by demo.

Results are appended to a JSON-lines file as each demo finishes, so a run can stop and
resume (demos already in the file are skipped; ``--retry`` redoes them). Every step is
bounded (build timeout, boot timeout, answer timeout). ``--table`` writes the Markdown
table (also written at the end of each run). Demos are read from a work tree or a bare
git repository (``git show``; files whose blobs are absent are skipped).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from wasmui import appdeps  # noqa: E402
from wasmui.distribution import Distribution, open_distribution  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_page import VIEWPORT, _sample_for, _tail, check_in_browser, check_page  # noqa: E402,F401  (_sample_for: tests)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic",
                 # Camera and microphone demos get Chromium's fake devices (a test pattern, a beep).
                 "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                 # Each boot compiles the 9.6 MB interpreter: V8's background optimising tier
                 # re-compiles it and took CPU the 2-core machine lacks (boots measured
                 # 5.9 s mean instead of 7.9 s with the baseline compiler only).
                 "--js-flags=--liftoff-only"]


@dataclass
class DemoResult:
    """One row of the table."""

    name: str
    eligible: bool = False
    missing: list[str] = field(default_factory=list)
    built: bool = False
    precomputed: bool = False
    build_error: str | None = None
    booted: bool = False
    boot_error: str | None = None
    unsupported: list[str] = field(default_factory=list)
    interaction: str = "none"
    answered: bool | None = None
    answer_error: str | None = None
    seconds: float = 0.0
    run: str = ""  # which run measured this row (date + wasmui commit); "" for rows from before runs were named


# -- demo sources ----------------------------------------------------------------
def _git(checkout: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(checkout), *args], capture_output=True)


def demo_names(checkout: Path) -> list[str]:
    """Every ``demo/<name>`` that has a ``run.py``."""
    if (checkout / "demo").is_dir():
        return sorted(p.parent.name for p in (checkout / "demo").glob("*/run.py"))
    out = _git(checkout, "ls-tree", "-r", "--name-only", "HEAD", "demo").stdout.decode()
    return sorted({line.split("/")[1] for line in out.splitlines() if line.count("/") == 2 and line.endswith("/run.py")})


def extract_demo(checkout: Path, name: str, target: Path) -> None:
    """Writes ``demo/<name>`` into ``target`` (blobs a partial mirror lacks are skipped)."""
    target.mkdir(parents=True, exist_ok=True)
    src = checkout / "demo" / name
    if src.is_dir():
        shutil.copytree(src, target, dirs_exist_ok=True)
        return
    listing = _git(checkout, "ls-tree", "-r", "HEAD", f"demo/{name}/").stdout.decode()
    for line in listing.splitlines():
        meta, path = line.split("\t", 1)
        blob = _git(checkout, "cat-file", "blob", meta.split()[2])
        if blob.returncode == 0:
            dest = target / Path(path).relative_to(f"demo/{name}")
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(blob.stdout)


def prepare(folder: Path, requirements: bool = False) -> None:
    """Drops what the corpus does not use: the notebook copy and (unless ``requirements``, when
    the build fetches their pure-Python wheels) requirements.txt (imports decide). Gradio runs
    its demos from the repository root, so a demo may name its own files ``demo/<name>/x``:
    those files are also put there (the app folder plays the root; run.py is unchanged)."""
    for extra in ("run.ipynb", *(() if requirements else ("requirements.txt",)), "setup.sh", "packages.txt"):
        (folder / extra).unlink(missing_ok=True)
    source = (folder / "run.py").read_text(errors="replace") if (folder / "run.py").is_file() else ""
    for found in re.finditer(rf"""["']demo/{re.escape(folder.name)}/([^"']+)["']""", source):
        own = folder / found.group(1)
        if own.is_file():
            dest = folder / "demo" / folder.name / found.group(1)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(own, dest)


def missing_imports(folder: Path, dist: Distribution) -> list[str]:
    """What the app imports that neither the standard library, ``dist`` nor a requirements.txt
    line (if kept) provides."""
    files = [p.relative_to(folder).as_posix() for p in folder.rglob("*.py")]
    scan = appdeps.scan_app(folder, files)
    req = folder / "requirements.txt"
    lines = [x.split("#", 1)[0].strip() for x in req.read_text().splitlines()] if req.is_file() else []
    return appdeps.app_needs(dist, scan, appdeps.local_modules(files), [x for x in lines if x]).missing


# -- build -------------------------------------------------------------------------
def build_demo(folder: Path, out: Path, pyodide: str | None, timeout: float) -> tuple[bool, bool, str | None]:
    """``(built, config pre-computed, error tail)`` of ``wasmui build``."""
    cmd = [sys.executable, "-m", "wasmui", "build", str(folder / "run.py"), "-o", str(out)]
    if pyodide:
        cmd += ["--pyodide", pyodide]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=folder)
    except subprocess.TimeoutExpired:
        return False, False, f"build timed out after {timeout:.0f} s"
    err = proc.stderr.strip()
    if proc.returncode != 0:
        return False, False, _tail(err)
    precomputed = "not pre-computed" not in err
    if precomputed:
        return True, True, None
    # The traceback CPython gave, up to the build's next message.
    reason = err.split("not pre-computed", 1)[1].splitlines()[1:]
    cut = next((i for i, ln in enumerate(reason) if ln.startswith("wasmui")), len(reason))
    return True, False, _tail("\n".join(reason[:cut]))


# -- the run -----------------------------------------------------------------------
def load_results(path: Path) -> dict[str, DemoResult]:
    """Results recorded so far (the last line per demo wins)."""
    done: dict[str, DemoResult] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if line.strip():
                data = json.loads(line)
                done[data["name"]] = DemoResult(**data)
    return done


_NOISE = {"×", "!", "Error", "Traceback", "Warning"}


def headline(text: str) -> str:
    """The most telling line of an error: its last ``SomethingError: …`` line, else its first line."""
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and ln not in _NOISE and not ln.startswith(("wasmui", "File ", "^", "~"))]
    errors = [ln for ln in lines if re.match(r"^[A-Za-z_.]*(Error|Exception|Exit)\b", ln)]
    return (errors or lines or [""])[-1 if errors else 0]


def write_table(results: dict[str, DemoResult], path: Path, meta: dict[str, Any]) -> None:
    """The Markdown table: the three counts, then one row per demo."""
    rows = sorted(results.values(), key=lambda r: r.name)
    eligible = [r for r in rows if r.eligible]
    built = sum(r.built and r.precomputed for r in eligible)
    booted = sum(r.booted for r in eligible)
    answered = sum(bool(r.answered) for r in eligible)
    lines = [
        "# Gradio's demos in the browser (wasmui)",
        "",
        f"Gradio checkout: `{meta.get('checkout')}` · Pyodide: `{meta.get('pyodide')}` · tool: `tools/demo_corpus.py`"
        f" · {meta.get('date')}",
        "",
        f"Demos seen: **{len(rows)}**; whose imports the distribution provides: **{len(eligible)}**.",
        "",
        "| | count |",
        "|---|---|",
        f"| builds natively (build + config pre-computed by CPython) | **{built}** |",
        f"| boots in Chromium with no traceback | **{booted}** |",
        f"| first example / main button answers | **{answered}** |",
        "",
    ]
    runs = sorted({r.run for r in eligible if r.run}, reverse=True)
    labels = {run: chr(ord("B") + i) for i, run in enumerate(sorted(runs))}
    unnamed = sum(not r.run for r in eligible)
    if runs:
        lines += ["Rows come from these runs (column *run*): " + "; ".join(
            f"**{labels[run]}** = {run} ({sum(r.run == run for r in eligible)} rows)" for run in sorted(runs)) +
            (f"; **A** = the earlier whole-corpus runs of session 4 ({unnamed} rows), whose *answers* also "
             "counted a page that merely changed and clicked buttons no event listens to (named runs count "
             "only an event that ran to its end without failing)" if unnamed else "") + ".", ""]
    lines += [
        "| demo | builds | boots | answers | via | missing views | first problem | run |",
        "|---|---|---|---|---|---|---|---|",
    ]

    def mark(v: bool | None) -> str:
        return "–" if v is None else ("yes" if v else "**no**")

    for r in eligible:
        problem = r.build_error if not (r.built and r.precomputed) else (r.boot_error or r.answer_error or "")
        cell = headline(problem or "").replace("|", "\\|")[:140]
        views = ", ".join(sorted({u.split()[2] if len(u.split()) > 2 else u for u in r.unsupported}))
        lines.append(f"| {r.name} | {mark(r.built and r.precomputed)} | {mark(r.booted if r.built else None)} | "
                     f"{mark(r.answered)} | {r.interaction} | {views} | {cell} | {labels.get(r.run, 'A')} |")
    skipped = [r for r in rows if not r.eligible]
    if skipped:
        lines += ["", f"Not built ({len(skipped)}; the distribution lacks an import): " +
                  ", ".join(f"{r.name} ({', '.join(m.split(' ')[0] for m in r.missing)})" for r in skipped)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def run_one(checkout: Path, name: str, dist: Distribution, args: argparse.Namespace, browser: Any,
            work: Path) -> DemoResult:
    """All three checks for one demo, built alone (its files and site are deleted afterwards)."""
    start = time.monotonic()
    result = DemoResult(name)
    folder, site = work / "demos" / name, work / "sites" / name
    try:
        extract_demo(checkout, name, folder)
        prepare(folder, args.requirements)
        result.missing = missing_imports(folder, dist)
        result.eligible = not result.missing
        if not result.eligible:
            return result
        result.built, result.precomputed, result.build_error = build_demo(folder, site, args.pyodide, args.build_timeout)
        if result.built and browser is not None:
            check_in_browser(browser, site, result, args.boot_timeout, args.answer_timeout)
    finally:
        result.seconds = round(time.monotonic() - start, 1)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
            shutil.rmtree(site, ignore_errors=True)
    return result


# -- batches: several demos in one multi-app site ------------------------------------
@dataclass
class Batch:
    """Demos built together into one ``wasmui build`` gallery site (one copy of Pyodide for all)."""

    number: int
    results: list[DemoResult]
    apps: Path
    site: Path
    built: bool = False
    build_seconds: float = 0.0


def build_notes(stderr: str) -> dict[str, str]:
    """``{app: CPython's traceback}`` for every app whose config the build could not pre-compute."""
    notes: dict[str, str] = {}
    blocks = re.split(r"^(?=wasmui build: )", stderr, flags=re.M)
    for block in blocks:
        found = re.match(r"wasmui build: config of (\S+) not pre-computed[^\n]*\n", block)
        if found:
            notes[found.group(1)] = _tail(block[found.end():])
    return notes


def build_batch(batch: Batch, pyodide: str | None, timeout: float) -> None:
    """``wasmui build`` of the batch's folder of apps: each demo's ``run.py`` is also its ``app.py``
    (the gallery's entry name; the file is unchanged and ``run.py`` stays for demos that read it).
    Fills each result's build columns; leaves ``batch.built`` False when the build as a whole failed."""
    start = time.monotonic()
    for result in batch.results:
        folder = batch.apps / result.name
        shutil.copyfile(folder / "run.py", folder / "app.py")
    cmd = [sys.executable, "-m", "wasmui", "build", str(batch.apps), "-o", str(batch.site)]
    if pyodide:
        cmd += ["--pyodide", pyodide]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout * len(batch.results),
                              cwd=batch.apps)
    except subprocess.TimeoutExpired:
        return
    finally:
        batch.build_seconds = time.monotonic() - start
    if proc.returncode != 0:
        return
    batch.built = True
    notes = build_notes(proc.stderr)
    for result in batch.results:
        result.built = True
        result.precomputed = result.name not in notes
        result.build_error = notes.get(result.name)


def check_batch(browser: Any, batch: Batch, args: argparse.Namespace, done: Any) -> None:
    """Every demo of a built batch in one browser context (the site's HTTP cache and the
    interpreter's memory snapshot are shared, as on a real multi-app site); ``done(result)`` after each."""
    from wasmui.devserver import start_static_server

    server, _ = start_static_server(batch.site)
    context = browser.new_context(viewport=VIEWPORT)
    try:
        for result in batch.results:
            start = time.monotonic()
            url = f"http://127.0.0.1:{server.server_address[1]}/apps/{result.name}/"
            check_page(context, url, result, args.boot_timeout, args.answer_timeout)
            result.seconds = round(time.monotonic() - start + batch.build_seconds / len(batch.results), 1)
            done(result)
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def plan_batches(checkout: Path, names: list[str], dist: Distribution, work: Path, size: int,
                 done: Any, requirements: bool = False) -> list[Batch]:
    """Extracts every demo; the ineligible ones are ``done`` at once, the rest grouped in batches."""
    eligible: list[DemoResult] = []
    for name in names:
        result = DemoResult(name)
        folder = work / "apps" / name
        shutil.rmtree(folder, ignore_errors=True)
        extract_demo(checkout, name, folder)
        prepare(folder, requirements)
        result.missing = missing_imports(folder, dist)
        result.eligible = not result.missing
        if result.eligible:
            eligible.append(result)
        else:
            shutil.rmtree(folder, ignore_errors=True)
            done(result)
    batches = []
    for number, first in enumerate(range(0, len(eligible), size)):
        apps, site = work / f"batch-{number}", work / f"site-{number}"
        shutil.rmtree(apps, ignore_errors=True)  # left by a stopped run in the same --workdir
        shutil.rmtree(site, ignore_errors=True)
        apps.mkdir(parents=True)
        for result in eligible[first:first + size]:
            (work / "apps" / result.name).rename(apps / result.name)
        batches.append(Batch(number, eligible[first:first + size], apps, site))
    return batches


def run_batches(batches: list[Batch], args: argparse.Namespace, browser: Any, done: Any) -> None:
    """Builds batch k+1 while the browser checks batch k; a batch whose build failed as a whole
    is built again demo by demo (one bad demo cannot take the others down)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(build_batch, batches[0], args.pyodide, args.build_timeout) if batches else None
        for i, batch in enumerate(batches):
            assert pending is not None
            pending.result()
            if i + 1 < len(batches):
                pending = pool.submit(build_batch, batches[i + 1], args.pyodide, args.build_timeout)
            if batch.built and browser is not None:
                check_batch(browser, batch, args, done)
            elif batch.built:
                for result in batch.results:
                    done(result)
            else:
                for result in batch.results:
                    start = time.monotonic()
                    folder = batch.apps / result.name
                    (folder / "app.py").unlink(missing_ok=True)
                    site = batch.site.with_name(f"{batch.site.name}-{result.name}")
                    result.built, result.precomputed, result.build_error = build_demo(
                        folder, site, args.pyodide, args.build_timeout)
                    if result.built and browser is not None:
                        check_in_browser(browser, site, result, args.boot_timeout, args.answer_timeout)
                    result.seconds = round(time.monotonic() - start, 1)
                    shutil.rmtree(site, ignore_errors=True)
                    done(result)
            if not args.keep:
                shutil.rmtree(batch.apps, ignore_errors=True)
                shutil.rmtree(batch.site, ignore_errors=True)


def _wasmui_commit() -> str:
    """This work tree's commit (``+`` when it has uncommitted changes): which code a row measured."""
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True)
    return (head.stdout.strip() or "unknown") + ("+" if dirty.stdout.strip() else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkout", type=Path, help="gradio work tree or (bare) git repository")
    parser.add_argument("--pyodide", help="full Pyodide distribution folder (wasmui build --pyodide); "
                        "default: the npm core, which has no numpy/pandas/Pillow")
    parser.add_argument("--only", help="comma-separated demo names")
    parser.add_argument("--limit", type=int, help="at most this many demos (after --only)")
    parser.add_argument("--results", type=Path, default=REPO / "bench" / "results" / "gradio_demos.jsonl")
    parser.add_argument("--table", type=Path, default=REPO / "bench" / "results" / "gradio_demos.md")
    parser.add_argument("--retry", action="store_true", help="redo demos already in the results file")
    parser.add_argument("--keep", action="store_true", help="keep each demo's folder and built site")
    parser.add_argument("--workdir", type=Path, help="where demos are built (default: a temp dir)")
    parser.add_argument("--build-only", action="store_true",
                        help="only the first question (builds natively); no browser, quick triage")
    parser.add_argument("--requirements", action="store_true",
                        help="keep each demo's requirements.txt: the build fetches pure-Python wheels "
                             "for what the distribution lacks (needs PyPI at build time)")
    parser.add_argument("--batch", type=int, default=12,
                        help="demos per multi-app site (one Pyodide copy, one browser context, built while the "
                        "previous batch runs in the browser); 1 builds and opens each demo on its own")
    parser.add_argument("--build-timeout", type=float, default=240.0)
    parser.add_argument("--boot-timeout", type=float, default=150.0)
    parser.add_argument("--answer-timeout", type=float, default=60.0)
    args = parser.parse_args(argv)

    from wasmui import build

    if not (build.WEB / "wasmui-manifest.json").exists():
        parser.error(f"the browser runtime is not built ({build.WEB}): run `make web` first")
    dist = open_distribution(args.pyodide)
    names = demo_names(args.checkout)
    if args.only:
        wanted = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = sorted(set(wanted) - set(names))
        if unknown:
            parser.error(f"no such demos: {', '.join(unknown)}")
        names = wanted
    if args.limit:
        names = names[: args.limit]
    results = load_results(args.results)
    todo = [n for n in names if args.retry or n not in results]
    meta = {"checkout": args.checkout, "pyodide": args.pyodide or "npm core",
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    run_label = f"{meta['date']} wasmui {_wasmui_commit()}"
    print(f"{len(names)} demos, {len(todo)} to run ({len(names) - len(todo)} already in {args.results})", flush=True)

    if not todo:
        write_table(results, args.table, meta)
        print(f"nothing to run; table: {args.table}")
        return 0
    from playwright.sync_api import sync_playwright

    work = args.workdir or Path(tempfile.mkdtemp(prefix="wasmui-corpus-"))
    args.results.parent.mkdir(parents=True, exist_ok=True)
    counter = iter(range(1, len(todo) + 1))

    def done(result: DemoResult) -> None:
        result.run = run_label
        results[result.name] = result
        with open(args.results, "a", encoding="utf-8") as f:
            f.write(json.dumps(asdict(result)) + "\n")
        status = ("skip (needs " + ", ".join(result.missing) + ")") if not result.eligible else \
            f"built={result.built and result.precomputed} booted={result.booted} answered={result.answered}"
        print(f"[{next(counter)}/{len(todo)}] {result.name}: {status} ({result.seconds} s)", flush=True)
        write_table(results, args.table, meta)

    with sync_playwright() as pw:
        browser = None if args.build_only else \
            pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            if args.batch > 1:
                run_batches(plan_batches(args.checkout, todo, dist, work, args.batch, done, args.requirements), args, browser, done)
            else:
                for name in todo:
                    done(run_one(args.checkout, name, dist, args, browser, work))
        finally:
            if browser is not None:
                browser.close()
            if not args.workdir and not args.keep:
                shutil.rmtree(work, ignore_errors=True)
    write_table(results, args.table, meta)  # every demo in the results file, not only this run's
    print(f"table: {args.table}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
