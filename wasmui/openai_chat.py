"""``gr.load_chat``: a ChatInterface answered by an OpenAI-compatible endpoint.

The chat function posts the conversation to ``{base_url}/chat/completions``
and, with ``streaming=True``, reads the server-sent events as they arrive so
each token shows at once. In the browser the request is the page's own
``fetch`` (Pyodide's ``pyfetch``, its body read chunk by chunk), so the
endpoint must allow the page's origin (CORS); natively it is ``urllib``.
Text files attached to a message are appended to the prompt, images are
sent as ``data:`` URLs, as Gradio does.
"""

from __future__ import annotations

import asyncio
import base64
import json
import mimetypes
import sys
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Literal

from wasmui.chat_interface import ChatInterface
from wasmui.components.chatbot import Chatbot
from wasmui.components.multimodal_textbox import MultimodalTextbox
from wasmui.exceptions import Error

TEXT_FILE_EXTENSIONS = (
    ".doc", ".docx", ".rtf", ".epub", ".odt", ".odp", ".pptx", ".txt", ".md", ".py", ".ipynb", ".js", ".jsx",
    ".html", ".css", ".java", ".cs", ".php", ".c", ".cc", ".cpp", ".cxx", ".cts", ".h", ".hh", ".hpp", ".rs",
    ".R", ".Rmd", ".swift", ".go", ".rb", ".kt", ".kts", ".ts", ".tsx", ".m", ".mm", ".mts", ".scala", ".dart",
    ".lua", ".pl", ".pm", ".t", ".sh", ".bash", ".zsh", ".bat", ".coffee", ".csv", ".log", ".ini", ".cfg",
    ".config", ".json", ".proto", ".yaml", ".yml", ".toml", ".sql",
)
IMAGE_FILE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp")
_TEXT_LOWER = tuple(e.lower() for e in TEXT_FILE_EXTENSIONS)

Message = dict[str, Any]


# -- the conversation in OpenAI's shape ------------------------------------------------
def _is_text_file(path: str) -> bool:
    return path.lower().endswith(_TEXT_LOWER)


def _text_file_prompt(path: str) -> str:
    return f"\n## {Path(path).name}\n{Path(path).read_text(encoding='utf-8', errors='replace')}"


def _data_url(path: str) -> str:
    if path.startswith(("http://", "https://", "data:")):
        return path
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(Path(path).read_bytes()).decode()}"


def _part(part: Any) -> dict[str, Any]:
    """One content part of a history message as OpenAI expects it."""
    if isinstance(part, str):
        return {"type": "text", "text": part}
    if not isinstance(part, dict) or "type" not in part:
        raise ValueError(f"Invalid message format: {part!r}. Each element must have a type key.")
    if part["type"] == "file":
        path = str(part["file"]["path"])
        if _is_text_file(path):
            return {"type": "text", "text": _text_file_prompt(path)}
        return {"type": "image_url", "image_url": {"url": _data_url(path)}}
    return dict(part)


def format_conversation(history: list[Message], message: str | dict[str, Any]) -> list[Message]:
    """``history`` + the new ``message`` (text, or ``{"text", "files"}``) as OpenAI chat messages."""
    out: list[Message] = []
    for m in history:
        content = m.get("content")
        parts = [_part(p) for p in (content if isinstance(content, list) else [content])]
        out.append({"role": m["role"], "content": parts})
    text, files = (message, []) if isinstance(message, str) else (message.get("text") or "", message.get("files") or [])
    paths = [str(f["path"] if isinstance(f, dict) else f) for f in files]
    for image in (p for p in paths if not _is_text_file(p)):
        out.append({"role": "user", "content": [{"type": "image_url", "image_url": {"url": _data_url(image)}}]})
    texts = [p for p in paths if _is_text_file(p)]
    if text or texts:
        out.append({"role": "user", "content": [{"type": "text", "text": text + "\n".join(_text_file_prompt(p) for p in texts)}]})
    return out


# -- transport: the page's fetch in the browser, urllib natively ----------------------
def _endpoint(base_url: str) -> str:
    return base_url.rstrip("/") + "/chat/completions"


def _headers(token: str | None) -> dict[str, str]:
    return {"Content-Type": "application/json", "Authorization": f"Bearer {token or '***'}"}


def _http_error(url: str, status: int, text: str) -> Error:
    try:
        detail = json.loads(text).get("error", {}).get("message") or text
    except (ValueError, AttributeError):
        detail = text
    return Error(f"The chat endpoint {url} answered {status}: {str(detail)[:300]}")


async def _chunks_browser(url: str, body: bytes, headers: dict[str, str]) -> AsyncIterator[bytes]:
    from pyodide.http import pyfetch  # only exists inside Pyodide

    try:
        resp = await pyfetch(url, method="POST", headers=headers, body=body.decode())
    except Exception as e:  # a refused connection or a CORS refusal: the browser gives no detail
        raise Error(f"Could not reach the chat endpoint {url} ({e}). Is it running, and does it allow this "
                    f"page's origin (CORS)?") from None
    if not resp.ok:
        raise _http_error(url, resp.status, await resp.string())
    reader = resp.js_response.body.getReader()
    try:
        while True:
            chunk = await reader.read()
            if chunk.done:
                return
            yield bytes(chunk.value.to_bytes())
    finally:  # Stop closes this generator: cancelling the body ends the HTTP stream too
        reader.cancel()


async def _chunks_native(url: str, body: bytes, headers: dict[str, str]) -> AsyncIterator[bytes]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        resp = await asyncio.to_thread(urllib.request.urlopen, request, timeout=60)
    except urllib.error.HTTPError as e:
        raise _http_error(url, e.code, e.read().decode(errors="replace")) from None
    except OSError as e:
        raise Error(f"Could not reach the chat endpoint {url} ({e}).") from None
    with resp:
        while True:
            line = await asyncio.to_thread(resp.readline)
            if not line:
                return
            yield line


def _chunks(url: str, body: bytes, headers: dict[str, str]) -> AsyncIterator[bytes]:
    if sys.platform == "emscripten":
        return _chunks_browser(url, body, headers)
    return _chunks_native(url, body, headers)


async def _sse_deltas(chunks: AsyncIterator[bytes]) -> AsyncIterator[str]:
    """The ``delta.content`` strings of an OpenAI streaming answer (``data: {...}`` lines until ``[DONE]``)."""
    buffer = b""
    async for chunk in chunks:
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for raw in lines:
            line = raw.strip()
            if not line.startswith(b"data:"):
                continue
            data = line[5:].strip()
            if data == b"[DONE]":
                return
            event = json.loads(data)
            if event.get("error"):
                raise Error(f"The chat endpoint reported an error: {event['error'].get('message', event['error'])}")
            choices = event.get("choices") or []
            content = choices[0].get("delta", {}).get("content") if choices else None
            if content:
                yield content


# -- gr.load_chat ---------------------------------------------------------------------
def load_chat(
    base_url: str,
    model: str,
    token: str | None = None,
    *,
    file_types: Literal["text_encoded", "image"] | list[Literal["text_encoded", "image"]] | None = "text_encoded",
    system_message: str | None = None,
    streaming: bool = True,
    **kwargs: Any,
) -> ChatInterface:
    """A ChatInterface whose answers come from the OpenAI-compatible endpoint at ``base_url``."""
    url = _endpoint(base_url)
    start = [{"role": "system", "content": system_message}] if system_message else []
    kinds = [file_types] if isinstance(file_types, str) else list(file_types or [])

    def request_body(message: Any, history: list[Message] | None, stream: bool) -> bytes:
        # The system message leads every request (Gradio sends it with the first one only).
        conversation = format_conversation([*start, *(history or [])], message)
        return json.dumps({"model": model, "messages": conversation, "stream": stream}).encode()

    async def open_api_stream(message: Any, history: list[Message] | None) -> AsyncIterator[str]:
        response = ""
        async for token_text in _sse_deltas(_chunks(url, request_body(message, history, True), _headers(token))):
            response += token_text
            yield response

    async def open_api(message: Any, history: list[Message] | None) -> str | None:
        raw = b"".join([c async for c in _chunks(url, request_body(message, history, False), _headers(token))])
        try:
            content: str | None = json.loads(raw)["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise Error(f"The chat endpoint {url} sent an answer that is not a chat completion.") from None
        return content

    extensions: list[str] = []
    for kind in kinds:
        if kind == "text_encoded":
            extensions += TEXT_FILE_EXTENSIONS
        elif kind == "image":
            extensions += IMAGE_FILE_EXTENSIONS
        else:
            raise ValueError(f"Invalid file type: {kind}. Must be 'text_encoded' or 'image'.")
    if "chatbot" not in kwargs:
        kwargs["chatbot"] = Chatbot(scale=1, allow_tags=True)
    textbox = kwargs.pop("textbox", None)
    if textbox is None and kinds:
        textbox = MultimodalTextbox(file_types=extensions)
    return ChatInterface(open_api_stream if streaming else open_api, multimodal=bool(kinds), textbox=textbox,
                         **kwargs)
