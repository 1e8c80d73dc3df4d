"""gr.Markdown with plain headings and paragraphs is drawn at once, without downloading marked and
DOMPurify (web/src/shell/ui/plainmarkdown.ts); a later value with Markdown syntax loads them."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.e2e
APP = "shell_plain_md.py"
LIBS = "() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /marked|purify/.test(n))"


def test_plain_markdown_needs_no_markdown_library(shell):
    page = shell(APP)
    expect(page.get_by_role("heading", name="Plain title", level=1)).to_be_visible()
    expect(page.locator(".prose p")).to_have_text("A few plain words.")
    title = page.get_by_role("heading", name="Interface title", level=1)
    expect(title).to_have_css("text-align", "center")
    expect(page.locator(".prose.pending-render")).to_have_count(0)
    assert page.evaluate(LIBS) == []
    page.get_by_role("button", name="Enrich").click()
    expect(page.locator(".prose strong")).to_have_text("Bold")
    expect(page.get_by_role("link", name="link")).to_have_attribute("target", "_blank")
    assert page.evaluate(LIBS), "a rich value loads marked and DOMPurify"
