"""Pure protocol-client logic (diff application, SSE framing) run in real
Chromium through the dev harness, plus list/dict diffs coming off a real
server's generator."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from shell_harness import requests_until_sentinel


pytestmark = pytest.mark.e2e

# (previous value, edits, expected) — semantics of gradio-protocol.md §5.5
DIFF_CASES = [
    ("ab", [["append", [], "cd"]], "abcd"),
    ("ab", [["replace", [], 3]], 3),
    (None, [["replace", [], {"a": 1}]], {"a": 1}),
    ([1, 2, 3], [["delete", [1], None], ["delete", [1], None], ["add", [1], 9]], [1, 9]),
    ([1, [2, "x"]], [["append", [1, 1], "yz"], ["add", [2], {"k": []}]], [1, [2, "xyz"], {"k": []}]),
    ({"a": 1, "b": 2}, [["delete", ["a"], None], ["add", ["c"], 3], ["replace", ["b"], "two"]], {"b": "two", "c": 3}),
    ([["user", "hi"]], [["append", [0, 1], " there"]], [["user", "hi there"]]),
    ({"k": [1]}, [["append", ["k"], [2, 3]]], {"k": [1, 2, 3]}),
]


def test_apply_diff_cases_and_previous_value_is_not_mutated(shell):
    page = shell("shell_events.py")
    results = page.evaluate(
        """(cases) => cases.map(([prev, edits]) => {
            const before = JSON.stringify(prev);
            const out = window.__wasmuiShellUnits.applyDiff(prev, edits);
            return [out, JSON.stringify(prev) === before];
        })""",
        [[p, e] for p, e, _ in DIFF_CASES],
    )
    for (prev, edits, expected), (out, untouched) in zip(DIFF_CASES, results):
        assert out == expected, (prev, edits, out)
        assert untouched, f"previous value mutated by {edits}"


def test_sse_reader_handles_arbitrary_chunking(shell):
    page = shell("shell_events.py")
    messages = [{"msg": "estimation", "event_id": "e1", "rank": 0}, {"msg": "log", "log": "héllo\u2603"}, {"msg": "close_stream"}]
    wire = "".join(f"data: {json.dumps(m)}\n\n" for m in messages) + ": comment\r\n"
    got = page.evaluate(
        """async (wire) => {
            const bytes = new TextEncoder().encode(wire);
            const out = [];
            for (const size of [1, 2, 3, 7, 64, bytes.length]) {
              const body = new ReadableStream({ start(c) {
                for (let i = 0; i < bytes.length; i += size) c.enqueue(bytes.slice(i, i + size));
                c.close();
              }});
              const seen = [];
              for await (const data of window.__wasmuiShellUnits.readSSE(body)) seen.push(JSON.parse(data));
              out.push(seen);
            }
            return out;
        }""",
        wire,
    )
    for seen in got:
        assert seen == messages


def test_streamed_json_lists_and_dicts_arrive_intact(shell):
    """A generator yielding lists/dicts makes the server send add/delete/replace
    edits; every intermediate value the view shows must be the yielded one."""
    page = shell("shell_events.py")
    page.evaluate(
        """() => {
        window.__json = [];
        const poll = () => {
          const root = document.getElementById('app').shadowRoot;
          const block = [...root.querySelectorAll('.block-json')].find(b => b.textContent.includes('Structures'));
          // The JSON view loads lazily: its block may be on the page before it is.
          const text = block?.querySelector('.json-view')?.textContent ?? '';
          if (window.__json[window.__json.length - 1] !== text) window.__json.push(text);
          requestAnimationFrame(poll);
        };
        poll();
      }"""
    )
    page.get_by_role("button", name="Stream structures").click()
    expect(page.get_by_label("Structures echo")).to_have_value(
        json.dumps({"items": ["b", "c", "d"], "meta": {"state": "final"}}, sort_keys=True))
    snapshots = page.evaluate("window.__json")
    mid = [t for t in snapshots if '"mid"' in t]
    assert mid, snapshots
    for t in mid:  # ["a","b"] -> ["b","c"]: delete + add; "extra" key deleted
        assert '"a"' not in t and '"b"' in t and '"c"' in t and "extra" not in t, t
    second = [t for t in snapshots if "extra" in t]
    assert second and all('"a"' in t and '"b"' in t for t in second), snapshots


def test_core_bundle_is_small_and_markdown_libraries_are_lazy(shell_dist):
    import gzip

    assets = shell_dist / "assets"
    chunks = {p.name: p.read_bytes() for p in assets.glob("*.js")}
    # the harness page's own script (lazy chunks may be called shell-* too: CodeMirror's shell mode)
    core = re.findall(r'src="\./assets/([\w.-]+\.js)"', (shell_dist / "shell.html").read_text())
    assert len(core) == 1, core
    size = len(gzip.compress(chunks[core[0]], 9))
    assert size < 60_000, f"shell core is {size} bytes gzipped"
    # marked and DOMPurify live in their own chunks, loaded by dynamic import()
    assert any(n.startswith("marked") for n in chunks) and any(n.startswith("purify") for n in chunks)
    assert b"DOMPurify" not in chunks[core[0]] and b"input parameter is undefined" not in chunks[core[0]]


def test_unmount_removes_everything_and_stops_network(shell):
    page = shell("shell_choices.py", clock=True)  # has a Timer ticking every 0.3 s
    page.clock.run_for(1000)
    expect(page.get_by_label("Ticks")).not_to_have_value("0")
    page.evaluate("window.__wasmuiShell.unmount()")
    assert page.evaluate("document.getElementById('app').shadowRoot.childNodes.length") == 0
    page.clock.run_for(5000)  # timers or heartbeats still set would fire now
    made = requests_until_sentinel(page)
    assert made == [], made


def test_messages_arriving_before_the_join_reply_are_buffered(shell):
    """With a reader already open (a running generator), a second job's SSE
    messages can arrive before its /queue/join reply names its event_id."""
    page = shell("shell_events.py")
    page.get_by_role("button", name="Long task").click()
    expect(page.get_by_label("Long out")).to_have_value(re.compile(r"tick \d"))

    long_out = page.get_by_label("Long out")

    def slow_join(route):
        response = route.fetch()  # the server has accepted the job and is running it
        # Hold the reply until the stream has brought two more messages of the running
        # generator: the instant Echo job's messages come on that stream before them.
        for _ in range(2):
            expect(long_out).not_to_have_value(long_out.input_value())
        route.fulfill(response=response)

    page.route("**/gradio_api/queue/join", slow_join)
    page.get_by_role("button", name="Echo").click()
    expect(page.get_by_label("Echo out")).to_have_value("echo:abcdef")
    page.unroute("**/gradio_api/queue/join")
    page.get_by_role("button", name="Stop").click()
