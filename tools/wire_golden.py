#!/usr/bin/env python3
"""Record what real Gradio puts on the wire for ``tests/apps/suite_app.py``, as a
golden file that wasmui's server is compared with (``tests/server/test_server_golden_wire.py``).

    /path/to/venv-with-gradio/bin/python tools/wire_golden.py tests/server/golden/wire.json

The same scenarios (raw HTTP: joins, SSE streams, /call, /run, cancel, uploads,
error routes) run against real Gradio here and against wasmui in the test;
both results are normalised (event ids, times, temp paths, root URL) and must
be identical, key order included.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

REPO = Path(__file__).resolve().parents[1]
SUITE_APP = REPO / "tests" / "apps" / "suite_app.py"

TIME_KEYS = {"duration", "average_duration", "avg_time", "cache_duration", "eta", "rank_eta"}
_HEX32 = re.compile(r"\b[0-9a-f]{32}\b")
_CACHE = re.compile(r"/[^\s\"']*?/[0-9a-f]{64}/")


class Transport(Protocol):
    """Minimal HTTP surface the scenarios need (httpx or wasmui.testing)."""

    root: str

    def request(self, method: str, path: str, json_body: Any = None,
                files: dict[str, tuple[str, bytes, str]] | None = None) -> tuple[int, str]: ...

    def raw(self, method: str, path: str, headers: dict[str, str] | None = None,
            body: bytes | None = None) -> tuple[int, dict[str, str], str]: ...

    def sse(self, path: str) -> AbstractContextManager[Iterator[str]]: ...


class Normaliser:
    """Replaces run-specific values (ids, times, paths, root) with stable tokens."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.ids: dict[str, str] = {}

    def text(self, value: str) -> str:
        value = value.replace(self.root, "<ROOT>")
        value = _CACHE.sub("<CACHE>/", value)
        return _HEX32.sub(lambda m: self.ids.setdefault(m.group(0), f"<E{len(self.ids) + 1}>"), value)

    def __call__(self, value: Any, key: str | None = None) -> Any:
        if key in TIME_KEYS and isinstance(value, (int, float)) and not isinstance(value, bool):
            return "<t>"
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self(v) for v in value]
        if isinstance(value, dict):
            return {k: self(v, k) for k, v in value.items()}
        return value


def _blocks(stream: Iterator[str]) -> Iterator[str]:
    """Raw SSE blocks (without the blank line) from a line iterator."""
    lines: list[str] = []
    for line in stream:
        if line == "":
            if lines:
                yield "\n".join(lines)
                lines = []
        else:
            lines.append(line)
    if lines:
        yield "\n".join(lines)


def _data(block: str) -> Any:
    assert block.startswith("data: ") and "\n" not in block, f"bad SSE block {block!r}"
    return json.loads(block[6:])


def run_scenarios(t: Transport) -> dict[str, Any]:
    """Drive the suite app through every scenario; returns normalised results."""
    norm = Normaliser(t.root)
    status, text = t.request("GET", "/config")
    config = json.loads(text)
    fns = {d["api_name"]: d["id"] for d in config["dependencies"]}
    out: dict[str, Any] = {}

    def join(api: str, data: list[Any], session: str) -> tuple[int, Any]:
        status, body = t.request("POST", "/gradio_api/queue/join",
                                 {"data": data, "fn_index": fns[api], "session_hash": session})
        return status, json.loads(body)

    def read(session: str, until: Callable[[list[Any]], bool] | None = None) -> list[Any]:
        messages: list[Any] = []
        with t.sse(f"/gradio_api/queue/data?session_hash={session}") as blocks:
            for block in blocks:
                messages.append(_data(block))
                if until and until(messages):
                    break
        return messages

    def queued(name: str, api: str, data: list[Any], session: str) -> None:
        status, body = join(api, data, session)
        out[name] = norm({"join": [status, body], "messages": read(session)})

    queued("plain", "combine", ["ab", 3, True], "w-plain")
    queued("generator", "spell", ["abc"], "w-gen")
    queued("gr_error", "fail", ["x"], "w-fail")
    queued("hidden_error", "crash", ["x"], "w-crash")
    queued("logs", "careful", ["ok"], "w-logs")
    # Sequential, so that the second estimation knows the first run's time.
    join("count", [None], "w-state")
    first = read("w-state")
    join("count", [None], "w-state")
    out["state_counter"] = norm([first, read("w-state")])

    # Progress: how many updates arrive depends on timing; the shape does not.
    _, body = join("steps", [3], "w-steps")
    messages = read("w-steps")
    kinds = [m["msg"] for m in messages]
    collapsed = [k for i, k in enumerate(kinds) if i == 0 or k != kinds[i - 1]]
    # Which step the last update shows depends on polling (Gradio) vs flushing (wasmui).
    unit = [m for m in messages if m["msg"] == "progress"][-1]["progress_data"][0]
    shape = {k: unit[k] for k in ("length", "unit", "progress", "desc")}
    out["progress"] = norm({"kinds": collapsed, "progress_unit_keys": list(unit), "progress_unit": shape,
                            "done": messages[-2]})

    # Cancel a running generator after its first yield.
    _, body = join("ticker", ["t"], "w-cancel")
    event_id = body["event_id"]
    with t.sse("/gradio_api/queue/data?session_hash=w-cancel") as blocks:
        before: list[Any] = []
        after: list[Any] = []
        for block in blocks:
            message = _data(block)
            (after if before and before[-1]["msg"] == "process_generating" else before).append(message)
            if len(before) == 3 and before[-1]["msg"] == "process_generating" and not after:
                status, text = t.request("POST", "/gradio_api/cancel", {"session_hash": "w-cancel",
                                                                       "fn_index": fns["ticker"],
                                                                       "event_id": event_id})
                out["cancel_response"] = [status, json.loads(text)]
                before.append({"msg": "<cancel sent>"})
    out["cancel"] = norm({"before": before, "after": [m for m in after if m["msg"] != "process_generating"]})

    # Simple /call API: raw text, since its framing (json.dumps spacing) is the point.
    for name, api, data in [("call_ok", "combine", ["ab", 2, False]), ("call_gen", "spell", ["ab"]),
                            ("call_error", "fail", ["x"])]:
        status, body = t.request("POST", f"/gradio_api/call/{api}", {"data": data})
        event_id = json.loads(body)["event_id"]
        with t.sse(f"/gradio_api/call/{api}/{event_id}") as blocks:
            out[name] = norm({"post": status, "blocks": list(blocks)})
    with t.sse("/gradio_api/call/combine/0123456789abcdef0123456789abcdef") as blocks:
        out["call_unknown_event"] = norm(list(blocks))

    # Direct /run (queue=False), unknown session, error routes.
    out["run"] = norm(_pair(t.request("POST", "/gradio_api/run/upper", {"data": ["shout"]})))
    out["run_error"] = norm(_pair(t.request("POST", "/gradio_api/run/fail", {"data": ["x"], "fn_index": fns["fail"]})))
    with t.sse("/gradio_api/queue/data?session_hash=never-joined") as blocks:
        out["unknown_session"] = [_data(b) for b in blocks]
    out["join_no_session"] = _pair(t.request("POST", "/gradio_api/queue/join", {"data": [], "fn_index": 0}))
    out["join_bad_fn"] = _pair(t.request("POST", "/gradio_api/queue/join",
                                         {"data": [], "fn_index": 999, "session_hash": "x"}))
    out["cancel_ok_unknown"] = _pair(t.request("POST", "/gradio_api/cancel",
                                               {"session_hash": "x", "fn_index": 0, "event_id": "y"}))
    out["reset"] = _pair(t.request("POST", "/gradio_api/reset", {"event_id": "y"}))
    out["not_found"] = _pair(t.request("GET", "/gradio_api/no-such-route"))
    out["file_forbidden"] = _pair(t.request("GET", "/gradio_api/file=/etc/passwd"))
    out["file_traversal"] = norm(_pair(t.request("GET", "/gradio_api/file=/tmp/gradio/%2e%2e/%2e%2e/etc/passwd")))
    out["queue_status"] = _pair(t.request("GET", "/gradio_api/queue/status"))

    # Upload, then the file through a queued call, then download it.
    status, body = t.request("POST", "/gradio_api/upload", files={"files": ("note.txt", b"hello file", "text/plain")})
    (path,) = json.loads(body)
    out["upload"] = norm([status, path])
    payload = {"path": path, "orig_name": "note.txt", "meta": {"_type": "gradio.FileData"}}
    _, joined = join("reverse_file", [payload], "w-file")
    messages = read("w-file")
    out["file_roundtrip"] = norm(messages)
    file_data = messages[-2]["output"]["data"][0]
    status, text = t.request("GET", file_data["url"].removeprefix(t.root))
    out["file_download"] = [status, text]

    # Headers that decide how browsers treat files: type, disposition, ranges.
    file_path = file_data["url"].removeprefix(t.root)
    wanted = ("content-type", "content-disposition", "accept-ranges", "content-range", "content-length")

    def pick(response: tuple[int, dict[str, str], str]) -> list[Any]:
        status, headers, body = response
        lowered = {k.lower(): v for k, v in headers.items()}
        return [status, {k: lowered.get(k) for k in wanted}, body]

    out["file_headers"] = norm(pick(t.raw("GET", file_path)))
    out["file_head"] = norm(pick(t.raw("HEAD", file_path)))
    # For 206 only the range itself is compared: Gradio's ranged response drops the
    # charset, filename and Accept-Ranges that its 200 response has; wasmui keeps them.
    status, headers, body = t.raw("GET", file_path, {"range": "bytes=2-5"})
    lowered = {k.lower(): v for k, v in headers.items()}
    out["file_range"] = [status, lowered.get("content-range"), lowered.get("content-length"), body]
    _, html_body = t.request("POST", "/gradio_api/upload", files={"files": ("x.html", b"<b>hi</b>", "text/html")})
    out["file_html_attachment"] = norm(pick(t.raw("GET", "/gradio_api/file=" + json.loads(html_body)[0])))

    # Request validation and other error shapes.
    out["join_missing_data"] = norm(_pair(t.request("POST", "/gradio_api/queue/join",
                                                    {"fn_index": 0, "session_hash": "x"})))
    out["cancel_missing_fields"] = norm(_pair(t.request("POST", "/gradio_api/cancel", {"session_hash": "x"})))
    out["call_missing_data"] = norm(_pair(t.request("POST", "/gradio_api/call/combine", {})))
    out["upload_not_multipart"] = _pair(t.request("POST", "/gradio_api/upload", {"files": []}))
    out["call_v2"] = _call_v2(t, norm)
    with t.sse("/gradio_api/heartbeat/w-heartbeat") as blocks:
        out["heartbeat_first"] = next(iter(blocks))
    out["cors"] = _cors(t)
    out["join_no_fn_index"] = _pair(t.request("POST", "/gradio_api/queue/join", {"data": [], "session_hash": "x"}))
    out["method_not_allowed"] = _pair(t.request("GET", "/gradio_api/queue/join"))
    out["upload_progress_unknown"] = _pair(t.request("GET", "/gradio_api/upload_progress?upload_id=nope"))
    return out


def _cors(t: Transport) -> dict[str, Any]:
    """CORS for a server on 127.0.0.1: only localhost origins are echoed."""
    keys = ("access-control-allow-origin", "access-control-allow-credentials", "access-control-allow-methods",
            "access-control-allow-headers", "access-control-max-age")
    result = {}
    for name, headers, method in [
        ("localhost", {"origin": "http://localhost:5173"}, "GET"),
        ("foreign", {"origin": "https://evil.example"}, "GET"),
        ("preflight", {"origin": "http://localhost:5173", "access-control-request-method": "POST",
                       "access-control-request-headers": "content-type,x-gradio-user"}, "OPTIONS"),
    ]:
        status, got, _ = t.raw(method, "/gradio_api/queue/join" if method == "OPTIONS" else "/config", headers)
        lowered = {k.lower(): v for k, v in got.items()}
        result[name] = [status, {k: lowered.get(k) for k in keys}]
    return result


def _call_v2(t: Transport, norm: Normaliser) -> Any:
    status, body = t.request("POST", "/gradio_api/call/v2/combine", {"text": "xy", "shout": True})
    event_id = json.loads(body)["event_id"]
    with t.sse(f"/gradio_api/call/v2/combine/{event_id}") as blocks:
        return norm({"post": status, "blocks": list(blocks)})


def _pair(response: tuple[int, str]) -> list[Any]:
    status, text = response
    try:
        return [status, json.loads(text)]
    except ValueError:
        return [status, text]


class HttpxTransport:
    """Real sockets (used when recording against real Gradio)."""

    def __init__(self, root: str) -> None:
        import httpx

        self.root = root
        self.client = httpx.Client(timeout=30)

    def request(self, method: str, path: str, json_body: Any = None,
                files: dict[str, tuple[str, bytes, str]] | None = None) -> tuple[int, str]:
        import httpx

        try:
            r = self.client.request(method, self.root + path, json=json_body, files=files)
        except (httpx.ReadError, httpx.RemoteProtocolError):
            # Gradio drops a keep-alive connection after an unhandled 500; retry once.
            r = self.client.request(method, self.root + path, json=json_body, files=files)
        return r.status_code, r.text

    def raw(self, method: str, path: str, headers: dict[str, str] | None = None,
            body: bytes | None = None) -> tuple[int, dict[str, str], str]:
        r = self.client.request(method, self.root + path, headers=headers, content=body)
        return r.status_code, dict(r.headers), r.text

    def sse(self, path: str) -> AbstractContextManager[Iterator[str]]:
        from contextlib import contextmanager

        @contextmanager
        def stream() -> Iterator[Iterator[str]]:
            import httpx

            def lines(r: Any) -> Iterator[str]:
                try:
                    yield from r.iter_lines()
                except httpx.RemoteProtocolError:
                    # Gradio re-raises after an `unexpected_error` message, cutting the
                    # chunked stream; wasmui ends it cleanly. Clients see the same message.
                    return

            with self.client.stream("GET", self.root + path) as r:
                yield _blocks(lines(r))

        return stream()


def record(out_file: Path) -> None:
    """Run the suite app on real Gradio and write the golden file."""
    import runpy

    import gradio

    sys.modules["wasmui"] = gradio  # the app says `import wasmui as gr`
    namespace = runpy.run_path(str(SUITE_APP), run_name="suite_app")
    demo = namespace["demo"]
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=None, quiet=True)
    try:
        time.sleep(0.5)
        root = demo.local_url.rstrip("/")
        results = run_scenarios(HttpxTransport(root))
    finally:
        demo.close()
    results["_recorded_with"] = f"gradio {gradio.__version__}"
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {out_file}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    record(Path(sys.argv[1]))
