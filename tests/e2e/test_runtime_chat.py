"""gr.ChatInterface in the real browser runtime (Pyodide in a worker, offline):
thoughts then a streamed answer with Markdown and highlighted code, an example
click, and Stop keeping the partial answer."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from e2e_pages import EXAMPLES, foreign_requests, wait_ready


def _chat(page: Any, built_site: Any, served: Any) -> str:
    base = served(built_site(EXAMPLES / "chatbot"))
    page.goto(base + "/")
    wait_ready(page)
    return base


def test_chat_streams_thoughts_markdown_and_code_offline(page: Any, built_site: Any, served: Any) -> None:
    base = _chat(page, built_site, served)
    page.evaluate(
        """() => { window.__seen = []; const root = document.querySelector('wasmui-app').shadowRoot;
        const poll = () => { const b = [...root.querySelectorAll('.message.bot')].pop();
          const t = b ? b.innerText.trim() : ''; if (t && window.__seen[window.__seen.length - 1] !== t) window.__seen.push(t);
          requestAnimationFrame(poll); }; poll(); }"""
    )
    box = page.locator(".block-textbox").first.get_by_role("textbox")
    box.fill("abc")
    box.press("Enter")
    bot = page.locator(".message.bot").last
    expect(bot.locator("pre code .hljs-string")).to_have_text("'cba'", timeout=30_000)
    expect(bot.locator("strong")).to_have_text("abc")
    expect(page.locator(".thought-title")).to_have_text("Thinking")
    seen = page.evaluate("window.__seen")
    assert any("Reading your message" in s for s in seen), seen  # the pending thought showed first
    # Words streamed before the end: a partial answer showed before its last word ("letter:") had
    # arrived. Which partial states a loaded machine paints varies, so none is named exactly.
    assert any("You" in s and "letter:" not in s for s in seen), seen
    assert foreign_requests(page, base) == []


def test_example_runs_and_stop_keeps_the_partial_answer(page: Any, built_site: Any, served: Any) -> None:
    _chat(page, built_site, served)
    page.get_by_role("button", name="hello world").click()
    expect(page.locator(".message.user")).to_have_text(["hello world"])
    bot = page.locator(".message.bot").last
    expect(bot).to_contain_text("You said", timeout=30_000)
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("button", name="Submit")).to_be_visible()
    partial = bot.locator(".md").last.inner_text().strip()
    assert "print(" not in partial, partial  # stopped before the end
    # The next message works and the stopped answer stays above it.
    box = page.locator(".block-textbox").first.get_by_role("textbox")
    box.fill("next")
    box.press("Enter")
    expect(page.locator(".message.bot").last.locator("pre code")).to_contain_text("txen", timeout=30_000)
    expect(page.locator(".message.user")).to_have_text(["hello world", "next"])
    expect(page.locator(".message.bot").first.locator(".md").last).to_have_text(partial)
