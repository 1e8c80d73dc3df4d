"""Gradio's own chat demos (the ones issue 9 names), unchanged, in the browser on Pyodide.

Each ``demo/<name>/`` folder (run.py and its files) is read from a Gradio checkout
(``WASMUI_GRADIO_CHECKOUT``, default: the bare mirror next to the project), all are built
as one gallery site on the full distribution, and each demo's main interaction is driven
in Chromium. Skipped without the checkout or the distribution.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from e2e_pages import foreign_requests, wait_ready
from playwright.sync_api import expect

from wasmui import build

CHECKOUT = Path(os.environ.get("WASMUI_GRADIO_CHECKOUT", "/work/.mirror/gradio-app+gradio/repo"))
LONG = 60_000


def copy_demo(name: str, dest: Path) -> None:
    """``demo/<name>/`` (run.py as app.py, plus its data files) into ``dest``."""
    src = CHECKOUT / "demo" / name
    if src.is_dir():
        files = {p.relative_to(src).as_posix(): p.read_bytes() for p in src.rglob("*") if p.is_file()}
    else:
        tar = subprocess.run(["git", "-C", str(CHECKOUT), "archive", "HEAD", f"demo/{name}"],
                             check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(tar)) as t:
            files = {m.name.split("/", 2)[2]: t.extractfile(m).read()  # type: ignore[union-attr]
                     for m in t.getmembers() if m.isfile()}
    for rel, data in files.items():
        if rel.endswith(".ipynb") or rel in ("requirements.txt", "README.md"):
            continue
        out = dest / ("app.py" if rel == "run.py" else rel)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)


def bots(page: Any) -> Any:
    return page.locator(".message.bot")


def say(page: Any, text: str, placeholder: str | None = None) -> None:
    box = page.get_by_placeholder(placeholder) if placeholder else page.get_by_role("textbox").first
    expect(box).to_be_editable(timeout=LONG)
    box.fill(text)
    box.press("Enter")
    expect(page.locator(".message.user").last).to_contain_text(text, timeout=LONG)


# -- each demo's main interaction ------------------------------------------------------
def chatbot_multimodal(page: Any) -> None:
    say(page, "hello there", "Enter message or upload file...")
    expect(bots(page).last.locator("strong")).to_have_text("That's cool!", timeout=LONG)
    expect(page.get_by_role("button", name="Record audio")).to_be_visible()  # sources=["microphone", "upload"]


def chatbot_streaming(page: Any) -> None:
    say(page, "hi")
    expect(bots(page).last).to_have_text(re.compile(r"^(How are you\?|I love you|I'm very hungry)\s*$"), timeout=LONG)
    page.get_by_role("button", name="Clear", exact=True).last.click()
    expect(page.locator(".message")).to_have_count(0)


def chatbot_feedback(page: Any) -> None:
    page.get_by_role("button", name="Test Liked Loading").click()
    expect(bots(page).last).to_have_text("test assistant message", timeout=LONG)
    expect(page.get_by_role("button", name="Like", exact=True)).to_have_attribute("aria-pressed", "true")


def chatbot_nested_thoughts(page: Any) -> None:  # runs on load
    expect(page.get_by_text("Gathering Weather Websites")).to_be_visible(timeout=LONG)
    expect(bots(page).first).to_contain_text("In order to find the current weather")
    expect(page.locator(".thought-spinner")).to_have_count(0, timeout=LONG)


def chatbot_examples(page: Any) -> None:
    # The example with an icon, a display text and an audio file: text and audio become user messages.
    page.get_by_role("button", name="Display Text Here!").click()
    expect(page.locator(".message.user").first).to_contain_text("Try this example with this audio.", timeout=LONG)
    expect(page.locator(".message.user audio")).to_have_count(1, timeout=LONG)
    expect(bots(page).last).to_contain_text("Cool!", timeout=LONG)
    expect(page.get_by_role("button", name="Option 1")).to_be_visible()
    page.get_by_role("button", name="Clear", exact=True).last.click()
    page.get_by_role("button", name="This is just text, no files!").click()
    expect(page.locator(".message.user")).to_contain_text(["This is just text, no files!"], timeout=LONG)
    expect(bots(page).last).to_contain_text("Cool!", timeout=LONG)


def chatbot_with_tools(page: Any) -> None:
    page.get_by_role("button", name="Get San Francisco Weather").click()
    expect(bots(page).last).to_contain_text("It's a sunny day in San Francisco", timeout=LONG)
    expect(page.get_by_text("Used tool 'Weather'")).to_be_visible()


def chatbot_core_components_simple(page: Any) -> None:
    say(page, "hi", "Enter message or upload file...")
    expect(bots(page).last).to_have_text("Cool!", timeout=LONG)
    page.get_by_label("html").check()
    say(page, "html please", "Enter message or upload file...")
    expect(bots(page).last).to_contain_text(re.compile("harmful|neutral|beneficial"), timeout=LONG)


def chatinterface_echo_multimodal(page: Any) -> None:
    say(page, "hello")  # its own MultimodalTextbox has no placeholder
    expect(bots(page).last).to_contain_text("You wrote: 'hello' and uploaded:", timeout=LONG)


def chatinterface_save_history(page: Any) -> None:
    say(page, "keep this")
    expect(bots(page).last).to_have_text("You wrote: 'keep this' and uploaded: 0 files", timeout=LONG)
    saved = page.get_by_role("button", name="keep this")
    expect(saved).to_be_visible(timeout=LONG)
    page.reload()
    wait_ready(page)
    page.get_by_role("button", name="keep this").click()
    expect(bots(page)).to_have_text(["You wrote: 'keep this' and uploaded: 0 files"], timeout=LONG)


def chatinterface_system_prompt(page: Any) -> None:
    say(page, "hi", "Type a message...")
    # The slider's default (10) caps the answer at 10 characters.
    expect(bots(page).last).to_have_text("System pro", timeout=LONG)
    expect(page.get_by_role("button", name="Additional Inputs")).to_be_visible()


def chatinterface_thoughts(page: Any) -> None:
    say(page, "why?", "Type a message...")
    expect(bots(page).last).to_contain_text("Based on my thoughts and analysis above", timeout=LONG)
    expect(page.locator(".thought-title").first).to_contain_text("Thinking")


def chatinterface_random_response(page: Any) -> None:
    say(page, "yes or no?", "Type a message...")
    expect(bots(page).last).to_have_text(re.compile(r"^\s*(Yes|No)\s*$"), timeout=LONG)


def chatinterface_artifacts(page: Any) -> None:
    page.get_by_role("button", name="Python", exact=True).click()
    expect(bots(page).last).to_have_text("Type Python or JavaScript to see the code.", timeout=LONG)
    expect(page.locator(".block-code").last).to_contain_text("def fib(n):", timeout=LONG)


def test_chatinterface_examples(page: Any) -> None:
    page.get_by_role("button", name="Hey", exact=True).click()
    expect(bots(page).last).to_have_text("Hey", timeout=LONG)


def dialogue_component(page: Any) -> None:
    # The Plain Text switch asks the component's Python (format, via /component_server) for the text.
    page.get_by_role("switch").check()
    expect(page.locator(".block-dialogue textarea")).to_have_value(
        "[Speaker 1] Hello, how are you?\n[Speaker 2] I'm fine, thank you!", timeout=LONG)
    area = page.locator(".block-dialogue textarea")
    area.fill("[Speaker 2] One\n[Speaker 1] Two")
    page.get_by_role("switch").uncheck()
    expect(page.get_by_label("Line 2 (Speaker 1)")).to_have_value("Two", timeout=LONG)


def multimodaltextbox_component(page: Any) -> None:
    box = page.get_by_role("textbox").first
    box.fill("typed")
    expect(box).to_have_value("typed")
    page.locator(".mm-box input[type=file]").set_input_files(
        {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"some notes"})
    expect(page.locator(".mm-chip")).to_contain_text("notes.txt", timeout=LONG)


# Not a Gradio demo: ChatInterface's eager example caching (answered when the app starts).
CACHED_APP = """import gradio as gr

calls = []


def answer(message, history):
    calls.append(message)
    return f"answer #{len(calls)} for {message}"


demo = gr.ChatInterface(answer, examples=["first", "second"], cache_examples=True, cache_mode="eager")
demo.launch()
"""


def cached_examples(page: Any) -> None:
    # Both examples were answered in order when Python started, so "second" clicked first
    # shows #2 and "first" then shows #1 (lazily cached they would say #1, then #2).
    expect(page.locator(".chat-example")).to_have_count(2)
    # Count example buttons (re)mounted from now on: an earlier attempt re-rendered them without end.
    page.evaluate("""() => { window.__mounts = 0; const root = document.querySelector('wasmui-app').shadowRoot;
        new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes)
          if (n.nodeType === 1 && (n.matches('.chat-example') || n.querySelector('.chat-example'))) window.__mounts++; })
        .observe(root, { childList: true, subtree: true }); }""")
    page.get_by_role("button", name="second", exact=True).click()
    expect(bots(page).last).to_have_text("answer #2 for second", timeout=LONG)
    page.get_by_role("button", name="Clear", exact=True).last.click()
    expect(page.locator(".message")).to_have_count(0)
    # Let Clear's own events end first (a loaded machine re-mounts the examples meanwhile).
    expect(page.locator('[aria-busy="true"]')).to_have_count(0, timeout=LONG)
    page.get_by_role("button", name="first", exact=True).click()
    expect(bots(page).last).to_have_text("answer #1 for first", timeout=LONG)
    assert page.evaluate("window.__mounts") <= 4  # shown again once, after Clear


# Files the chatbot_examples demo names; Gradio removed its copies as duplicates of its media assets (#11989).
DEMO_FILES = {"chatbot_examples": {"files/avatar.png": "gradio/media_assets/images/avatar.png",
                                   "files/cantina.wav": "gradio/media_assets/audio/cantina.wav"}}


def add_demo_files(name: str, dest: Path) -> None:
    for rel, src in DEMO_FILES.get(name, {}).items():
        data = subprocess.run(["git", "-C", str(CHECKOUT), "show", f"HEAD:{src}"], check=True,
                              capture_output=True).stdout
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / rel).write_bytes(data)


DEMOS: dict[str, Callable[[Any], None]] = {f.__name__: f for f in (
    chatbot_multimodal, chatbot_streaming, chatbot_feedback, chatbot_nested_thoughts, chatbot_examples,
    chatbot_with_tools, chatbot_core_components_simple, chatinterface_echo_multimodal, chatinterface_save_history,
    chatinterface_system_prompt, chatinterface_thoughts, chatinterface_random_response, chatinterface_artifacts,
    test_chatinterface_examples, dialogue_component, multimodaltextbox_component, cached_examples)}
# Keep pytest from collecting the demo named test_chatinterface_examples as a test of its own.
del test_chatinterface_examples


@pytest.fixture(scope="module")
def demo_site(pyodide_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (CHECKOUT / "demo").is_dir() and not (CHECKOUT / "HEAD").is_file():
        pytest.skip(f"no Gradio checkout at {CHECKOUT} (set WASMUI_GRADIO_CHECKOUT)")
    apps = tmp_path_factory.mktemp("chat-demos")
    for name in DEMOS:
        if name == "cached_examples":
            (apps / name).mkdir()
            (apps / name / "app.py").write_text(CACHED_APP)
            continue
        copy_demo(name, apps / name)
        add_demo_files(name, apps / name)
    return build.build_site(apps, tmp_path_factory.mktemp("chat-demo-site"), pyodide=str(pyodide_dist))


@pytest.mark.parametrize("name", list(DEMOS))
def test_gradio_chat_demo_runs_in_the_browser(name: str, page: Any, served: Any, demo_site: Path) -> None:
    base = served(demo_site)
    page.goto(f"{base}/apps/{name}/")
    wait_ready(page)
    DEMOS[name](page)
    # chatbot_core_components_simple's media are remote URLs it points at; the rest stay on the origin.
    if name != "chatbot_core_components_simple":
        assert foreign_requests(page, base) == []
    assert not re.search(r"Traceback", page.locator("wasmui-app").inner_text())
