"""gr.load_chat in the real browser runtime: the app's Python (Pyodide, in a worker) streams an
answer from an OpenAI-compatible endpoint with the page's own fetch. The endpoint is a small
stdlib server started by this test (tests/openai_stub.py: `/v1/chat/completions`, SSE, CORS)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from e2e_pages import foreign_requests, wait_ready
from openai_stub import OpenAIStub  # tests/openai_stub.py

APP = """import gradio as gr

# Gradio's own textbox for load_chat has no stop button; an app asks for one like this.
demo = gr.load_chat("{base}", model="tiny", token="sk-test", system_message="Be brief.", title="Local model",
                    textbox=gr.MultimodalTextbox(stop_btn=True, file_types=[".txt", ".md"]))

if __name__ == "__main__":
    demo.launch()
"""


@pytest.fixture(scope="module")
def stub() -> Iterator[OpenAIStub]:
    # A pause between tokens, so a Stop click lands mid-answer.
    with OpenAIStub(delay=0.08) as s:
        yield s


@pytest.fixture(scope="module")
def site(stub: OpenAIStub, tmp_path_factory: pytest.TempPathFactory, built_site: Any, served: Any) -> str:
    app = tmp_path_factory.mktemp("load-chat-app")
    (app / "app.py").write_text(APP.format(base=stub.base_url))
    return served(built_site(app))


def open_chat(page: Any, base: str) -> Any:
    page.goto(base + "/")
    wait_ready(page)
    page.evaluate(
        """() => { window.__seen = []; const root = document.querySelector('wasmui-app').shadowRoot;
        const poll = () => { const b = [...root.querySelectorAll('.message.bot')].pop();
          const t = b ? b.innerText.trim() : ''; if (t && window.__seen[window.__seen.length - 1] !== t) window.__seen.push(t);
          requestAnimationFrame(poll); }; poll(); }""")
    return page.get_by_role("textbox", name="Message")


def test_answer_streams_from_the_endpoint_through_the_pages_fetch(page: Any, site: str, stub: OpenAIStub) -> None:
    box = open_chat(page, site)
    expect(page.get_by_text("Local model")).to_be_visible()
    box.fill("alpha beta gamma delta epsilon")
    box.press("Enter")
    bot = page.locator(".message.bot").last
    expect(bot).to_have_text("echo: alpha beta gamma delta epsilon", timeout=30_000)
    seen = page.evaluate("window.__seen")
    # The answer grew on screen before the last token arrived (a loaded machine may show several
    # tokens in one frame, so which partial answers show varies; at least one does).
    final = "echo: alpha beta gamma delta epsilon"
    assert len(seen) >= 2 and seen[-1] == final and all(final.startswith(s) for s in seen), seen
    req = stub.requests[-1]
    assert req["body"]["stream"] is True and req["body"]["model"] == "tiny"
    assert req["headers"]["Authorization"] == "Bearer sk-test"
    assert req["headers"].get("Origin") == site  # a browser request, from the page's origin
    assert req["body"]["messages"][0] == {"role": "system", "content": [{"type": "text", "text": "Be brief."}]}
    # Only the endpoint is outside the site.
    assert {re.sub(r"(https?://[^/]+).*", r"\1", u) for u in foreign_requests(page, site)} <= {
        stub.base_url.rsplit("/v1", 1)[0]}

    # The second turn sends the first one as history.
    box.fill("again")
    box.press("Enter")
    expect(page.locator(".message.bot").last).to_have_text("echo: again", timeout=30_000)
    sent = stub.requests[-1]["body"]["messages"]
    assert [m["role"] for m in sent] == ["system", "user", "assistant", "user"]
    assert sent[2]["content"] == [{"type": "text", "text": "echo: alpha beta gamma delta epsilon"}]


def test_stop_keeps_the_partial_answer_and_ends_the_http_stream(page: Any, site: str, stub: OpenAIStub) -> None:
    box = open_chat(page, site)
    words = " ".join(f"w{i}" for i in range(60))
    aborted = stub.aborted
    box.fill(words)
    box.press("Enter")
    bot = page.locator(".message.bot").last
    expect(bot).to_contain_text("echo: w0 w1 w2", timeout=30_000)
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("button", name="Submit")).to_be_visible()
    partial = bot.inner_text().strip()
    assert partial.startswith("echo: w0 w1 w2") and "w59" not in partial, partial
    # The fetch body was cancelled: the endpoint's next write fails (waits on that signal, bounded).
    deadline = time.monotonic() + 60
    while stub.aborted == aborted and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert stub.aborted > aborted, "the endpoint kept streaming after Stop"
    expect(bot).to_have_text(partial)
