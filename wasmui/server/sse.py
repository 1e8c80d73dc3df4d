"""SSE framing and the queue's server messages (protocol §5.2, §6.3).

Messages are plain dicts with keys in Gradio's order; ``frame`` turns one into
the exact ``data: <compact json>\\n\\n`` bytes that both official clients parse,
``simple_frame`` into the named-event form of the ``/call`` API.
"""

from __future__ import annotations

import json
from typing import Any

from wasmui.server.http import dumps

Message = dict[str, Any]

HEARTBEAT_INTERVAL = 15.0


def frame(message: Message) -> str:
    """``data: {...}\\n\\n`` with compact JSON; nothing else is allowed on the wire."""
    return f"data: {dumps(message)}\n\n"


def simple_frame(message: Message) -> str | None:
    """The ``/call`` form of a queue message, or None when it is not forwarded."""
    msg = message["msg"]
    if msg in ("process_completed", "process_generating"):
        success = message["success"]
        if msg == "process_completed":
            event = "complete" if success else "error"
        else:
            event = "generating" if success else "error"
        data = message["output"].get("data") if success else message["output"]
    elif msg == "heartbeat":
        event, data = "heartbeat", None
    elif msg == "unexpected_error":
        event, data = "error", message["message"]
    else:
        return None
    # Gradio uses json.dumps here (", " and ": " spacing), unlike the queue stream.
    return f"event: {event}\ndata: {json.dumps(data)}\n\n"


def estimation(event_id: str, rank: int | None, queue_size: int, rank_eta: float | None = None) -> Message:
    """Queue position update for one job."""
    return {"msg": "estimation", "event_id": event_id, "rank": rank,
            "queue_size": queue_size, "rank_eta": rank_eta}


def process_starts(event_id: str, eta: float | None) -> Message:
    """A worker picked the job."""
    return {"msg": "process_starts", "event_id": event_id, "eta": eta}


def output_body(data: list[Any], *, generating: bool, duration: float | None,
                average_duration: float | None, changed_state_ids: list[int] | None = None,
                render_config: Any = None) -> dict[str, Any]:
    """The ``output`` object of generating/completed messages and ``/run`` (§5.4)."""
    return {"data": data, "is_generating": generating, "duration": duration,
            "average_duration": average_duration, "render_config": render_config,
            "changed_state_ids": changed_state_ids or [], "used_cache": None}


def process_generating(event_id: str, output: dict[str, Any]) -> Message:
    """One yield of a generator."""
    return {"msg": "process_generating", "event_id": event_id, "output": output,
            "success": True, "time_limit": None}


def process_streaming(event_id: str, output: dict[str, Any], time_limit: float | None) -> Message:
    """One answer of a ``connection: "stream"`` event (never diffed); ``time_limit`` is what is left."""
    return {"msg": "process_streaming", "event_id": event_id, "output": output,
            "success": True, "time_limit": time_limit}


def process_completed(event_id: str, output: dict[str, Any], *, success: bool,
                      title: str | None = None, avg_time: float | None = None) -> Message:
    """End of a job: final output, error payload, or ``{}`` after a cancel."""
    duration = output.get("duration") if success else None
    return {"msg": "process_completed", "event_id": event_id, "output": output,
            "success": success, "title": title, "used_cache": None,
            "cache_duration": duration, "avg_time": avg_time}


def log(event_id: str, message: str, level: str, duration: float | None,
        visible: bool, title: str) -> Message:
    """``gr.Info``/``gr.Warning``/``gr.Success`` raised inside a queued function."""
    return {"msg": "log", "event_id": event_id, "log": message, "level": level,
            "duration": duration, "visible": visible, "title": title}


def progress(event_id: str, progress_data: list[dict[str, Any]]) -> Message:
    """Latest ``gr.Progress`` state."""
    return {"msg": "progress", "event_id": event_id, "progress_data": progress_data}


def heartbeat() -> Message:
    """Keep-alive for idle readers."""
    return {"msg": "heartbeat", "event_id": None}


def close_stream() -> Message:
    """The session has no pending job: the reader may hang up."""
    return {"msg": "close_stream", "event_id": None}


def unexpected_error(message: str, *, session_not_found: bool = False) -> Message:
    """Reader-level failure (unknown session, server stopped)."""
    return {"msg": "unexpected_error", "event_id": None, "message": message,
            "session_not_found": session_not_found, "success": False}
