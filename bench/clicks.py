"""The first click that makes a wasmui page's TTI, made the way a visitor's click arrives.

A visitor's click and typing reach the page as trusted input events from the browser; the page
runs no script of the benchmark's. Playwright's own actions (``locator.fill``/``click``) first
evaluate its injected script in the page (~40 ms) and check actionability over several frames: on
2 vCPUs that work competes with the app's worker while it boots. So the benchmark finds the input
box and the button with one plain ``evaluate`` (their on-screen centres), then sends the mouse and
the text through CDP's ``Input`` domain, which the browser delivers as it delivers a visitor's.
Warm visits, interleaved, TTI medians with Playwright's actions against this way: hello 430 / 411
ms and 408 / 422 ms (10 pairs each), blocks10 518 / 473 ms (8 pairs): within the noise for hello,
sooner for blocks10; the answer is the same.
"""

from __future__ import annotations

import weakref
from typing import Any

# The click that makes TTI, per wasmui page: (input label, text, button, output label, expected).
CLICK = {
    "hello": ("Name", "bench", "Submit", "Greeting", "Hello, bench!"),
    "blocks10": ("Name", "bench", "Submit", "Summary", "Summary for bench"),
}
# First paint: the browser's first contentful paint once the shell has mounted the app (the shell's
# `wasmui-mounted` comes after its DOM is built but before the browser lays it out and paints it).
FIRST_PAINT = ("() => { const fcp = performance.getEntriesByName('first-contentful-paint')[0];"
               " return window.__fp == null || !fcp ? null : Math.max(window.__fp, fcp.startTime); }")
# Settles once the page has painted, without Playwright's injected script (~40 ms to evaluate, held the page's thread
# while it mounted: hello cold local, 16 visits a side, first paint 198 -> 168 ms; visitors have no such script).
PAINTED = ("() => new Promise((resolve) => { const check = () => window.__fp != null && performance.getEntriesByName("
           "'first-contentful-paint').length && resolve(true); new PerformanceObserver(check).observe({ type: 'paint', buffered: true });"
           " document.addEventListener('wasmui-mounted', () => setTimeout(check), { once: true }); check(); setTimeout(resolve, 120000, false); })")
MOUNTED = ("document.addEventListener('wasmui-mounted', () => { window.__fp = performance.now(); });"
           "document.addEventListener('wasmui-snapshot', (e) => { (window.__snap ??= []).push(e.detail); });")

# Resolves to the centres of the input labelled `label` and of the button `button`, once each is the
# element a click there reaches (checked each frame: nothing may cover them yet, e.g. a dialog);
# rejects after 60 s.
LOCATE = """([label, button]) => new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error(`no box '${label}' and button '${button}' to click after 60 s`)), 60000);
  const centre = (root, element) => {
    element.scrollIntoView({ block: 'nearest' });
    const r = element.getBoundingClientRect();
    const x = r.x + r.width / 2, y = r.y + r.height / 2;
    const hit = root.elementFromPoint(x, y);
    return hit && (hit === element || element.contains(hit)) ? [x, y] : null;
  };
  const find = () => {
    const root = document.querySelector('wasmui-app')?.shadowRoot;
    const named = root && [...root.querySelectorAll('label')].find((l) => l.textContent.trim() === label);
    const box = named && (named.control ?? root.getElementById(named.htmlFor));
    const submit = root && [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === button);
    const at = box && submit ? [centre(root, box), centre(root, submit)] : null;
    if (at && at[0] && at[1]) resolve(at); else requestAnimationFrame(find);
  };
  find();
})"""
# Resolves (and sets window.__tti) once an input or text area shows `want`; rejects after 300 s
# (the visit then counts as failed, as a timeout did with Playwright's waits).
ANSWERED = """(want) => new Promise((resolve, reject) => {
  const app = document.querySelector('wasmui-app');
  const check = () => [...app.shadowRoot.querySelectorAll('textarea, input')].some((e) => e.value === want);
  if (check()) { resolve(window.__tti = performance.now()); return; }
  const timer = setInterval(() => { if (check()) { clearInterval(timer); resolve(window.__tti = performance.now()); } }, 5);
  setTimeout(() => { clearInterval(timer); reject(new Error(`no answer '${want}' after 300 s`)); }, 300000);
})"""

_sessions: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def _input_session(page: Any) -> Any:
    """The page's CDP session for input, made once per page (a warm visit reuses its cold visit's)."""
    session = _sessions.get(page)
    if session is None:
        session = _sessions[page] = page.context.new_cdp_session(page)
    return session


def _press(session: Any, x: float, y: float) -> None:
    for kind in ("mousePressed", "mouseReleased"):
        session.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})


def click_for_tti(page: Any, kind: str) -> None:
    """Makes the page's first click (``CLICK[kind]``) once it has painted (``PAINTED``; the page needs
    ``MOUNTED``) and waits for its answer; ``window.__tti`` is then the page time the answer was on screen."""
    session = _input_session(page)
    page.evaluate(PAINTED)
    label, text, button, _output, expected = CLICK[kind]
    (box_x, box_y), (button_x, button_y) = page.evaluate(LOCATE, [label, button])
    _press(session, box_x, box_y)  # focuses the box, as a visitor's click does
    session.send("Input.insertText", {"text": text})
    _press(session, button_x, button_y)
    page.evaluate(ANSWERED, expected)
