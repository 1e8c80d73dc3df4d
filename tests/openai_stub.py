"""A tiny OpenAI-compatible chat endpoint for tests: ``POST /v1/chat/completions`` answers
``echo: <last user text>`` word by word (SSE with ``stream: true``), with CORS for browser pages.

``OpenAIStub(delay=...)`` waits between tokens (for Stop tests); ``tokens=N`` in the model name
(``"count-1000"``) streams N numbered tokens instead (the benchmark)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def _last_user_text(messages: list[dict[str, Any]]) -> str:
    for m in reversed(messages):
        if m.get("role") == "user":
            content = m.get("content")
            if isinstance(content, str):
                return content
            return " ".join(p.get("text", "") for p in content if p.get("type") == "text")
    return ""


class OpenAIStub:
    """Runs the endpoint on 127.0.0.1 in a thread; ``requests`` records what it was sent."""

    def __init__(self, delay: float = 0.0, port: int = 0) -> None:
        self.delay = delay
        self.requests: list[dict[str, Any]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _cors(self) -> None:
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "authorization, content-type")
                self.send_header("Access-Control-Allow-Methods", "POST, OPTIONS")

            def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's name
                self.send_response(204)
                self._cors()
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                stub.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                model = str(body.get("model", ""))
                if self.path.rstrip("/") != "/v1/chat/completions" or model == "missing":
                    self._json(404, {"error": {"message": f"no model {model!r}"}})
                    return
                words = stub.words(model, _last_user_text(body.get("messages", [])))
                if not body.get("stream"):
                    self._json(200, {"choices": [{"message": {"role": "assistant", "content": "".join(words)}}]})
                    return
                self.send_response(200)
                self._cors()
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    for w in words:
                        event = {"choices": [{"index": 0, "delta": {"content": w}}]}
                        self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                        self.wfile.flush()
                        if stub.delay:
                            time.sleep(stub.delay)
                    self.wfile.write(b"data: [DONE]\n\n")
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    stub.aborted += 1
                self.close_connection = True

            def _json(self, status: int, payload: Any) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self._cors()
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.aborted = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @staticmethod
    def words(model: str, text: str) -> list[str]:
        """The answer's tokens: ``echo:`` + one per word, or ``count-N`` numbered tokens."""
        if model.startswith("count-"):
            return [f"t{i} " for i in range(int(model.split("-", 1)[1]))]
        return ["echo:"] + [f" {w}" for w in text.split()]

    def __enter__(self) -> OpenAIStub:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()
