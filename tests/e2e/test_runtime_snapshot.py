"""Repeat visits boot from a memory snapshot of the interpreter (taken in a second interpreter that
never serves, after `import wasmui` and the app module ran): made on the first visit, restored on
the next with the app's state fresh (as the module left it, never a visit's) and its files
readable, thrown away after a rebuild; a missing or corrupt snapshot (or a damaged copy of a core
file stored with it: wrong length, or a wasm that does not compile) falls back to a normal boot.
A repeat visit asks the network for none of the core files nor the app's files. An app module
the snapshot cannot hold (it keeps a JS object) is left out of it and runs on each visit."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from e2e_pages import wait_ready

from wasmui import build

APP = '''import os
import random
import tempfile

import gradio as gr

CLICKS = []
# An empty folder the module makes: it must exist again after a restore.
SCRATCH = tempfile.mkdtemp()


def bump() -> str:
    CLICKS.append(1)
    return f"{TITLE} {len(CLICKS)}"


TITLE = "clicks"


def roll() -> str:
    return f"{random.random():.15f}"


def notes() -> str:
    with open("notes.txt", encoding="utf-8") as handle:
        text = handle.read().strip()
    with open(os.path.join(SCRATCH, "copy.txt"), "w", encoding="utf-8") as handle:
        handle.write(text)
    return text

with gr.Blocks() as demo:
    out = gr.Textbox(label="Count")
    gr.Button("Bump").click(bump, None, out, api_name="bump")
    rolled = gr.Textbox(label="Roll")
    gr.Button("Roll").click(roll, None, rolled, api_name="roll")
    gr.Button("Notes").click(notes, None, rolled, api_name="notes")

if __name__ == "__main__":
    demo.launch()
'''

# Every `wasmui-snapshot` event of the page, in order.
RECORD = ("window.__snap = []; window.__snapApp = [];"
          " document.addEventListener('wasmui-snapshot', (e) => { window.__snap.push(e.detail.action); window.__snapApp.push(e.detail.app); });"
          # The page's reads of its snapshot hint (a synchronous round trip to the browser).
          " window.__hintReads = 0; const getItem = Storage.prototype.getItem;"
          " Storage.prototype.getItem = function (key) { if (String(key).startsWith('wasmui-snapshot:')) window.__hintReads++;"
          " return getItem.call(this, key); };")

# The entries are in the origin private file system (web/src/snapshot.ts): a folder per site, in it
# a folder per entry holding `entry.json` (written last: the key and every file's length), the
# snapshot (`snapshot`, stored without its zero pages: web/src/sparse.ts) and the core files.
OPFS = """
async function entries() {
  const found = [];
  let root;
  try {
    root = await (await navigator.storage.getDirectory()).getDirectoryHandle('wasmui-snapshots');
  } catch { return found; }
  for await (const site of root.values()) {
    for await (const folder of site.values()) {
      let entry = null;
      try { entry = JSON.parse(await (await (await folder.getFileHandle('entry.json')).getFile()).text()); } catch {}
      found.push({ folder, entry });
    }
  }
  return found;
}
async function read(folder, name) {
  return new Uint8Array(await (await (await folder.getFileHandle(name)).getFile()).arrayBuffer());
}
async function write(folder, name, bytes) {
  const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
  await writable.write(bytes);
  await writable.close();
}
// Applies `change(bytes) -> bytes` to the file `name` of every entry; `relength` also writes the new
// length into entry.json (so that only the file's own checks can catch it).
async function rewrite(name, change, relength) {
  const found = (await entries()).filter((e) => e.entry && e.entry.files[name] !== undefined);
  for (const { folder, entry } of found) {
    const bytes = change(await read(folder, name));
    if (bytes === null) return -1;
    await write(folder, name, bytes);
    if (relength) {
      entry.files[name] = bytes.length;
      await write(folder, 'entry.json', new TextEncoder().encode(JSON.stringify(entry)));
    }
  }
  return found.length;
}
"""

# A whole sparse snapshot of memory that is not an interpreter's: Pyodide itself must refuse it.
CORRUPT = OPFS + """() => rewrite('snapshot', () => {
  const pages = 16, out = new Uint8Array(16 + 2 + pages * 4096);
  out.set([0x57, 0x53, 0x50, 0x4d]);
  const view = new DataView(out.buffer);
  view.setUint32(4, 1, true); view.setUint32(8, pages * 4096, true); view.setUint32(12, 4096, true);
  out[16] = 0xff; out[17] = 0xff;
  out.fill(7, 18);
  return out;
}, true)"""

# The stored snapshot cut short: `entry.json` still names its whole length.
CUT_SNAPSHOT = OPFS + """() => rewrite('snapshot', (bytes) =>
  String.fromCharCode(...bytes.subarray(0, 4)) === 'WSPM' ? bytes.subarray(0, bytes.length - 1000) : null, false)"""

# The stored snapshot cut short with entry.json agreeing: the sparse form itself must catch it.
CUT_SNAPSHOT_AND_ENTRY = OPFS + """() => rewrite('snapshot', (bytes) => bytes.subarray(0, bytes.length - 1000), true)"""

# The inflated wasm stored next to the snapshot, replaced by bytes that are not a wasm module.
CORRUPT_WASM = OPFS + """() => rewrite('pyodide.asm.wasm', () => new Uint8Array(1000).fill(3), false)"""

# The stored wasm with its length and magic bytes intact but sections that do not compile.
GARBLE_WASM = OPFS + """() => rewrite('pyodide.asm.wasm', (bytes) => { bytes.fill(0xff, 8, 4096); return bytes; }, false)"""

# The stored JS glue cut short (its length no longer the stored one).
CUT_GLUE = OPFS + """() => rewrite('pyodide.asm.mjs', (bytes) => bytes.subarray(0, 5000), false)"""


# The browser cleared the site's storage.
DROP_SNAPSHOTS = """async () => {
  await (await navigator.storage.getDirectory()).removeEntry('wasmui-snapshots', { recursive: true });
  await caches.delete('wasmui-snapshots');
}"""

# An entry whose writing stopped before its last file (entry.json): it is no entry.
UNFINISH = OPFS + """async () => {
  const found = await entries();
  for (const { folder } of found) await folder.removeEntry('entry.json');
  return found.length;
}"""

# Every stored entry: its key and files (null: a folder without a readable entry.json).
ENTRIES = OPFS + """async () => (await entries()).map((e) => e.entry && { key: e.entry.key, files: Object.keys(e.entry.files) })"""


def _bump(page: Any, expected: str) -> None:
    page.get_by_role("button", name="Bump").click()
    page.wait_for_function("(want) => document.querySelector('wasmui-app').shadowRoot.querySelector('textarea').value === want",
                           arg=expected)


def _roll(page: Any) -> str:
    """A number drawn by `random` in the app."""
    page.get_by_role("button", name="Roll").click()
    return str(page.wait_for_function(
        "() => document.querySelector('wasmui-app').shadowRoot.querySelectorAll('textarea')[1].value || null").json_value())


def _notes(page: Any) -> None:
    """The app reads its own file `notes.txt` in an event."""
    page.get_by_role("button", name="Notes").click()
    page.wait_for_function("() => document.querySelector('wasmui-app').shadowRoot.querySelectorAll('textarea')[1].value === 'kept notes'")


def _visit(page: Any, url: str, final: str) -> list[str]:
    """Loads the page, waits for ready and for the snapshot news ``final``; returns the news."""
    page.goto(url)
    wait_ready(page)
    try:
        page.wait_for_function("(want) => window.__snap.includes(want)", arg=final)
    except Exception as error:  # name what the page said instead of a bare timeout
        raise AssertionError(f"no snapshot {final!r}: {page.evaluate('() => window.__snap')} {page.console}") from error
    return list(page.evaluate("() => window.__snap"))


def _run(page: Any, script: str) -> Any:
    """Runs one of the OPFS scripts above (the helpers, then its function)."""
    helpers, call = script[:len(OPFS)], script[len(OPFS):]
    return page.evaluate(f"async () => {{ {helpers}\n return await ({call})(); }}")


def _entries(page: Any) -> list[dict[str, Any]]:
    return list(_run(page, ENTRIES))


def _cached_keys(page: Any) -> list[str]:
    """The Cache Storage markers (the page's inline script looks there before downloading)."""
    return list(page.evaluate("async () => (await (await caches.open('wasmui-snapshots')).keys()).map((r) => r.url)"))


def _damage(page: Any, script: str) -> int:
    return int(_run(page, script))


def _refused(page: Any, url: str, console: list[str], damage: str, said: str, then_restored: bool = False) -> None:
    """`damage` spoils the stored entry: the next visit throws it away, says `said` and that it boots normally, and
    makes a new snapshot; the app answers (and, with `then_restored`, the visit after restores the new one)."""
    assert _damage(page, damage) == 1
    console.clear()
    assert _visit(page, url, "saved") == ["discarded", "saved"]
    assert any(said in text and "booting normally" in text for text in console), console
    _bump(page, "clicks 1")
    if then_restored:
        assert _visit(page, url, "restored") == ["restored"]


def _open(tmp_path: Path, source: str, new_page: Callable[..., Any], served: Callable[[Path], str]) -> tuple[Any, str, list[str], Path]:
    """The app ``source`` (with its notes file) built and served: a recording page, its URL, its
    console lines and the app's folder."""
    app = tmp_path / "app"
    app.mkdir()
    (app / "app.py").write_text(source)
    (app / "notes.txt").write_text("kept notes\n")
    site = tmp_path / "site"
    build.build_site(app, site)
    page = new_page()
    page.add_init_script(RECORD)
    console: list[str] = []
    page.console = console
    page.on("console", lambda msg: console.append(msg.text))
    return page, served(site) + "/", console, app


def test_snapshot_made_restored_fresh_discarded_on_rebuild_and_corruption(
        tmp_path: Path, new_page: Callable[..., Any], served: Callable[[Path], str]) -> None:
    page, url, console, app = _open(tmp_path, APP, new_page, served)

    # First visit: a normal boot, then the snapshot is stored. No service worker controls its page
    # yet: the inline script does not read the hint (it downloads at once).
    assert _visit(page, url, "saved") == ["saved"]
    assert page.evaluate("() => window.__hintReads") == 0
    _bump(page, "clicks 1")
    _bump(page, "clicks 2")
    # It holds the app module already run.
    assert page.evaluate("() => window.__snapApp") == [True]
    # One entry, its marker in Cache Storage under its key (the page's inline script reads it).
    entries = _entries(page)
    assert len(entries) == 1 and entries[0] is not None, entries
    assert _cached_keys(page) == [entries[0]["key"]]

    # The inflated interpreter, stdlib (both zips: the boot streamed the second one in while the
    # interpreter initialised), glue, Pyodide's JS, lock and wheel are stored with it (a restore neither downloads
    # nor inflates them).
    assert sorted(entries[0]["files"]) == [
        "pyodide-lock.json", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs", "python_stdlib.zip", "python_stdlib_rest.zip", "snapshot",
        "wasmui.whl"], entries

    # Second visit: restored with the app module as it left the module (not as the first visit left
    # it: its state starts over), its files readable. Neither the page nor the worker asked the
    # network for a core file, Pyodide's JS, the wheel or the app's files (the HTML, the page's JS
    # and the worker script are all a repeat visit fetches), nor started the decoders' worker
    # (nothing precompressed is downloaded: it only cost CPU during the restore).
    asked: list[str] = []

    def record(request: Any) -> None:
        asked.append(request.url)

    page.context.on("request", record)
    assert _visit(page, url, "restored") == ["restored"]
    assert page.evaluate("() => window.__snapApp") == [True]
    assert page.evaluate("() => [window.__hintReads, !!navigator.serviceWorker.controller]") == [1, True]
    _bump(page, "clicks 1")
    _bump(page, "clicks 2")
    _notes(page)
    page.context.remove_listener("request", record)
    assert page.evaluate("() => document.querySelector('wasmui-app').snapshot") == "restored"
    core_asked = [u for u in asked if "/pyodide/" in u or "/wheels/" in u or "/app/" in u]
    assert any(u.endswith("/") for u in asked) and not core_asked, (core_asked, asked)
    assert not [u for u in asked if "/decodeworker-" in u], asked

    # A restored visit's state never reaches the next one either.
    assert _visit(page, url, "restored") == ["restored"]
    _bump(page, "clicks 1")

    # Two restores of one snapshot draw different random numbers (`random` is reseeded).
    first = _roll(page)
    assert _visit(page, url, "restored") == ["restored"]
    assert _roll(page) != first

    # No snapshot (Cache Storage cleared by the browser): a normal boot, and a new one is made.
    page.evaluate(DROP_SNAPSHOTS)
    assert _entries(page) == []
    assert _visit(page, url, "saved") == ["saved"]
    _bump(page, "clicks 1")

    # A damaged copy of the wasm: refused before Pyodide sees it, both thrown away, a normal boot.
    _refused(page, url, console, CORRUPT_WASM, "damaged")

    # A wasm copy that passes those checks but does not compile: compiled before Pyodide sees it
    # (Pyodide would wait forever on it), so thrown away and a normal boot.
    assert _visit(page, url, "restored") == ["restored"]
    _refused(page, url, console, GARBLE_WASM, "did not restore")

    # A glue copy cut short: refused (its stored length), thrown away, a normal boot.
    assert _visit(page, url, "restored") == ["restored"]
    _refused(page, url, console, CUT_GLUE, "pyodide.asm.mjs is damaged")

    # A corrupt snapshot: thrown away, said in the console, a normal boot, a new snapshot.
    _refused(page, url, console, CORRUPT, "did not restore", then_restored=True)

    # A snapshot cut short (stored without its zero pages): refused, a normal boot.
    _refused(page, url, console, CUT_SNAPSHOT, "truncated", then_restored=True)

    # Cut short with entry.json agreeing: the sparse form's own bounds refuse it.
    _refused(page, url, console, CUT_SNAPSHOT_AND_ENTRY, "sparse snapshot is truncated", then_restored=True)

    # An unfinished entry (no entry.json): no snapshot, a normal boot that replaces it (the files the
    # restore had opened are closed first: an open file can be neither removed nor written).
    assert _damage(page, UNFINISH) == 1
    assert _visit(page, url, "saved") == ["saved"]
    _bump(page, "clicks 1")
    assert _visit(page, url, "restored") == ["restored"]

    # A rebuild (the app changed): the old snapshot is never restored, and it is replaced.
    before = _entries(page)
    (app / "app.py").write_text(APP.replace('TITLE = "clicks"', 'TITLE = "taps"'))
    build.build_site(app, tmp_path / "site")
    assert _visit(page, url, "saved") == ["saved"]
    _bump(page, "taps 1")
    after = _entries(page)
    assert len(after) == 1 and after != before, (before, after)
    assert _cached_keys(page) == [after[0]["key"]]


# An app module keeping a JS object at module level: a snapshot cannot carry it.
JS_APP = APP.replace("import random\n", "import random\n\nimport js\n\nHELD = js.Object.new()\n", 1)


def test_snapshot_without_an_app_it_cannot_hold(tmp_path: Path, new_page: Callable[..., Any], served: Callable[[Path], str]) -> None:
    page, url, console, _ = _open(tmp_path, JS_APP, new_page, served)

    # The snapshot is made without the app (said in the console); the app worked meanwhile.
    assert _visit(page, url, "saved") == ["saved"]
    _bump(page, "clicks 1")
    assert page.evaluate("() => window.__snapApp") == [False]
    assert any("without the app" in text for text in console), console
    # A restore runs the app module (from its files, fetched again): it answers, fresh.
    assert _visit(page, url, "restored") == ["restored"]
    assert page.evaluate("() => window.__snapApp") == [False]
    _bump(page, "clicks 1")
    _notes(page)
