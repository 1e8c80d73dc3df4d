"""gr.load_chat natively: a ChatInterface streaming from a local OpenAI-compatible endpoint
(a stdlib HTTP server in this test), the conversation sent in OpenAI's shape, readable errors.
The same app in real Chromium: tests/e2e/test_runtime_load_chat.py."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import wasmui as gr
from wasmui.exceptions import Error
from wasmui.openai_chat import format_conversation

from openai_stub import OpenAIStub  # tests/openai_stub.py


@pytest.fixture
def stub() -> Iterator[OpenAIStub]:
    with OpenAIStub() as s:
        yield s


def collect(gen: Any) -> list[str]:
    async def run() -> list[str]:
        return [x async for x in gen]
    return asyncio.run(run())


def test_streaming_answer_arrives_token_by_token(stub: OpenAIStub) -> None:
    chat = gr.load_chat(stub.base_url, model="tiny", token="secret", system_message="Be brief.")
    assert isinstance(chat, gr.ChatInterface) and chat.multimodal
    steps = collect(chat.fn({"text": "one two three", "files": []}, []))
    assert steps == ["echo:", "echo: one", "echo: one two", "echo: one two three"]
    req = stub.requests[-1]
    assert req["headers"]["Authorization"] == "Bearer secret"
    assert req["body"]["model"] == "tiny" and req["body"]["stream"] is True
    assert req["body"]["messages"] == [{"role": "system", "content": [{"type": "text", "text": "Be brief."}]},
                                       {"role": "user", "content": [{"type": "text", "text": "one two three"}]}]


def test_not_streaming_and_history_with_a_text_file(stub: OpenAIStub, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# hello")
    chat = gr.load_chat(stub.base_url, model="tiny", streaming=False, file_types=None)
    assert not chat.multimodal
    history = [{"role": "user", "content": [{"type": "file", "file": {"path": str(notes)}}]},
               {"role": "assistant", "content": [{"type": "text", "text": "ok"}]}]
    answer = asyncio.run(chat.fn("again", history))
    assert answer == "echo: again"
    sent = stub.requests[-1]["body"]["messages"]
    assert sent[0]["content"] == [{"type": "text", "text": "\n## notes.md\n# hello"}]
    assert sent[-1] == {"role": "user", "content": [{"type": "text", "text": "again"}]}


def test_images_go_as_data_urls(tmp_path: Path) -> None:
    png = tmp_path / "a.png"
    png.write_bytes(b"\x89PNG\r\n")
    conv = format_conversation([], {"text": "what is it", "files": [str(png)]})
    assert conv[0]["content"][0]["image_url"]["url"].startswith("data:image/png;base64,")
    assert conv[1]["content"][0]["text"] == "what is it"


def test_endpoint_errors_are_readable(stub: OpenAIStub) -> None:
    chat = gr.load_chat(stub.base_url, model="missing")
    with pytest.raises(Error, match=r"answered 404: no model 'missing'"):
        collect(chat.fn("hi", []))
    chat = gr.load_chat("http://127.0.0.1:9/v1", model="tiny")
    with pytest.raises(Error, match="Could not reach the chat endpoint"):
        collect(chat.fn("hi", []))
    with pytest.raises(ValueError, match="Invalid file type"):
        gr.load_chat(stub.base_url, model="tiny", file_types="video")  # type: ignore[arg-type]


def test_config_is_a_chat_interface_with_gradios_file_types(stub: OpenAIStub) -> None:
    chat = gr.load_chat(stub.base_url, model="tiny", file_types=["text_encoded", "image"], title="Local")
    comps = {c["type"]: c for c in chat.config["components"]}
    assert ".png" in comps["multimodaltextbox"]["props"]["file_types"]
    assert ".py" in comps["multimodaltextbox"]["props"]["file_types"]
    assert comps["chatbot"]["props"]["allow_tags"] is True
    assert json.dumps(chat.config)  # JSON-clean
