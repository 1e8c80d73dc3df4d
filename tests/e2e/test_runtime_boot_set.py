"""A site's boot archives hold what its app uses, and nothing is fetched late: ``import wasmui``
loads only the components an app names (wasmui.lazy_names), the build records those per app
(wasmui.app_inspect) and ships them in the boot wheel. Hello world, a 10-component Blocks app and
an Interface made of string shortcuts boot and answer their first event without one request to
the site's ``lazy/`` folder -- on a first visit and on a visit restored from the memory snapshot,
whose interpreter already holds the app's components (wasmui._pyodide.prepare)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any, Callable

from e2e_pages import BOOT_TIMEOUT_MS, EXAMPLES, ROOT, wait_ready

SHORTCUTS_APP = '''import sys

# The app's modules the interpreter holds before the app runs: none on a first visit, all of
# them on a visit restored from the memory snapshot (prepare() imported the boot wheel's).
PRELOADED = [m for m in ("wasmui.interface", "wasmui.components.number") if m in sys.modules]

import gradio as gr


def describe(text: str, count: float) -> str:
    return f"{text} x{count:g} [{' '.join(PRELOADED)}]"


demo = gr.Interface(describe, ["text", "number"], "textarea")

if __name__ == "__main__":
    demo.launch()
'''

SSL_APP = '''import sys

import asyncio.sslproto

# The worker imported asyncio with ssl kept out (stdlibrest.ts warmImports): asyncio has no TLS.
AT_START = f"ssl loaded: {'ssl' in sys.modules}, asyncio's ssl: {asyncio.sslproto.ssl}"

import gradio as gr


def check(text: str) -> str:
    import ssl  # the app's own import still works

    return f"{text}; {AT_START}; {ssl.PROTOCOL_TLS_CLIENT.name}"


demo = gr.Interface(check, "text", "text")

if __name__ == "__main__":
    demo.launch()
'''


def _lazy(page: Any) -> list[str]:
    return [url for url in page.requests if "/lazy/" in url]


def _boot_wheel_modules(site: Path) -> list[str]:
    manifest = json.loads((site / "wasmui-manifest.json").read_text())
    with zipfile.ZipFile(site / manifest["wheel"]) as wheel:
        return list(json.loads(wheel.read("wasmui/boot_modules.json")))


def _visit(page: Any, base: str, event: Callable[[Any], None]) -> None:
    """Boot, then one event: neither may need a module from lazy/."""
    page.goto(base + "/")
    wait_ready(page)
    assert _lazy(page) == [], "boot fetched modules outside the boot archives"
    event(page)
    assert _lazy(page) == [], "the first event fetched modules outside the boot archives"


def _hello(page: Any) -> None:
    page.get_by_label("Name").fill("boot set")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_function("(el) => el.value === 'Hello, boot set!'", arg=page.get_by_label("Greeting").element_handle(),
                           timeout=BOOT_TIMEOUT_MS)


def _blocks10(page: Any) -> None:
    page.get_by_label("Name").fill("Ada")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_function("(el) => el.value === 'Summary for Ada'", arg=page.get_by_label("Summary").element_handle(),
                           timeout=BOOT_TIMEOUT_MS)


def _saved(page: Any) -> None:
    page.wait_for_function("() => document.querySelector('wasmui-app').snapshot === 'saved'", timeout=BOOT_TIMEOUT_MS)


def _restored(page: Any) -> None:
    assert page.evaluate("() => document.querySelector('wasmui-app').snapshot") == "restored"


def test_hello_world_needs_nothing_lazy_first_and_restored(new_page: Callable[..., Any], built_site: Any,
                                                           served: Any) -> None:
    site = built_site(EXAMPLES / "hello")
    own = _boot_wheel_modules(site)
    assert {"wasmui.interface", "wasmui.components.textbox", "wasmui.components.markdown"} <= set(own)
    unused = {"wasmui.components.image_editor", "wasmui.chat_interface", "wasmui.examples", "wasmui.components.dataset"}
    assert not unused & set(own)
    base = served(site)
    page = new_page()
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    _visit(page, base, _hello)
    # The early imports (the stdlib's second zip's first parts, one after the other) ran before its
    # last zip was in, and none failed (each needs only what that part and the ones before hold).
    marks = page.evaluate("() => document.querySelector('wasmui-app').timings")
    assert marks["initialised"] <= marks["stdlib-warm-in"] <= marks["stdlib-part-in"] <= marks["stdlib-warm"] <= marks["stdlib-rest"], marks
    assert not [text for text in warnings if "early import" in text], warnings
    _saved(page)
    again = page.context.new_page()
    again.requests = []
    page.context.on("request", lambda request: again.requests.append(request.url))
    _visit(again, base, _hello)
    _restored(again)


def test_a_blocks_app_ships_its_components_and_not_interface(new_page: Callable[..., Any], built_site: Any,
                                                             served: Any) -> None:
    site = built_site(ROOT / "bench" / "apps" / "blocks10")
    own = set(_boot_wheel_modules(site))
    assert {"wasmui.components.number", "wasmui.components.choices", "wasmui.components.json_component"} <= own
    assert not {"wasmui.interface", "wasmui.examples", "wasmui.flagging", "wasmui.components.image"} & own
    page = new_page()
    _visit(page, served(site), _blocks10)


def test_string_shortcuts_are_preloaded_in_the_snapshot(new_page: Callable[..., Any], built_site: Any, served: Any,
                                                        tmp_path_factory: Any) -> None:
    app = tmp_path_factory.mktemp("shortcuts")
    (app / "app.py").write_text(SHORTCUTS_APP)
    base = served(built_site(app))

    def event(page: Any) -> str:
        page.get_by_label("text", exact=True).fill("seven")
        page.get_by_label("count").fill("7")
        page.get_by_role("button", name="Submit").click()
        output = page.get_by_label("output").element_handle()
        page.wait_for_function("(el) => el.value.startsWith('seven x7')", arg=output, timeout=BOOT_TIMEOUT_MS)
        return str(output.evaluate("(el) => el.value"))

    page = new_page()
    seen: list[str] = []
    _visit(page, base, lambda p: seen.append(event(p)))
    assert seen == ["seven x7 []"]  # a first visit: the app imported them itself
    _saved(page)
    again = page.context.new_page()
    again.requests = []
    page.context.on("request", lambda request: again.requests.append(request.url))
    _visit(again, base, lambda p: seen.append(event(p)))
    _restored(again)
    assert seen[-1] == "seven x7 [wasmui.interface wasmui.components.number]"


def test_asyncio_boots_without_ssl_which_the_app_can_still_import(new_page: Callable[..., Any], built_site: Any,
                                                                   served: Any, tmp_path_factory: Any) -> None:
    app = tmp_path_factory.mktemp("ssl")
    (app / "app.py").write_text(SSL_APP)
    page = new_page()
    page.goto(served(built_site(app)) + "/")
    wait_ready(page)
    page.get_by_label("text", exact=True).fill("go")
    page.get_by_role("button", name="Submit").click()
    output = page.get_by_label("output").element_handle()
    page.wait_for_function("(el) => el.value.startsWith('go;')", arg=output, timeout=BOOT_TIMEOUT_MS)
    assert output.evaluate("(el) => el.value") == "go; ssl loaded: False, asyncio's ssl: None; PROTOCOL_TLS_CLIENT"
