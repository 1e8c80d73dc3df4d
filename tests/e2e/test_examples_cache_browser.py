"""Cached examples in real Chromium. The build computes deterministic example outputs in
CPython and ships them: with Python held back (the Pyodide files never arrive) the page
still shows example 0 and its output at load and answers clicks on cached examples. Once
Python runs, a lazily cached example runs its function once and then answers from the cache."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from e2e_pages import wait_ready
from playwright.sync_api import expect

APP = Path(__file__).resolve().parent / "cached_examples_app"


def test_cached_examples_answer_before_python_is_ready(page: Any, built_site: Any, served: Any) -> None:
    base = served(built_site(APP))
    held: list[Any] = []
    page.route(re.compile(r".*/pyodide/.*"), lambda route: held.append(route))  # Python cannot start
    page.goto(base + "/")
    n, square = page.get_by_label("n", exact=True), page.get_by_label("square", exact=True)
    # Gradio's preload: example 0 and its cached output, shown with no Python at all
    expect(n).to_have_value("3")
    expect(square).to_have_value("9")
    page.get_by_role("button", name="12", exact=True).click()
    expect(n).to_have_value("12")
    expect(square).to_have_value("144")
    timing = page.evaluate("""async () => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
        const root = document.querySelector('wasmui-app').shadowRoot;
        const btn = [...root.querySelectorAll('button.dataset-pick')].find((b) => b.textContent === '4');
        const out = root.querySelector('input[aria-label="square"]') || [...root.querySelectorAll('input')].find((i) => i.value === '144');
        const t0 = performance.now();
        btn.click();
        await new Promise((resolve) => { const tick = () => out.value === '16' ? resolve() : requestAnimationFrame(tick); tick(); });
        return { fcp, clickToOutput: performance.now() - t0, phase: document.querySelector('wasmui-app').phase };
    }""")
    print(f"\ncached example before Python: first paint {timing['fcp']:.0f} ms, click -> output "
          f"{timing['clickToOutput']:.1f} ms, worker phase {timing['phase']}")
    assert timing["phase"] != "ready" and held, "Python was expected to be held back"
    assert timing["clickToOutput"] < 500

    for route in held:
        route.continue_()
    page.unroute(re.compile(r".*/pyodide/.*"))
    page.reload()  # a clean boot (the held requests may have timed out)
    wait_ready(page)
    word, stamped = page.get_by_label("Word", exact=True), page.get_by_label("Stamped", exact=True)
    page.get_by_role("button", name="pear", exact=True).click()
    expect(word).to_have_value("pear")
    # the first Python answer may wait for the worker's memory snapshot
    expect(stamped).to_have_value(re.compile(r"pear #\d+"), timeout=90_000)
    first = stamped.input_value()
    page.get_by_role("button", name="apple", exact=True).click()
    expect(stamped).to_have_value(re.compile(r"apple #\d+"))
    page.get_by_role("button", name="pear", exact=True).click()
    expect(stamped).to_have_value(first)  # lazily cached: the function did not run again
    page.get_by_role("button", name="4", exact=True).click()
    expect(page.get_by_label("square", exact=True)).to_have_value("16")
