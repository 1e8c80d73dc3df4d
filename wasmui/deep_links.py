"""Deep links that carry an app's values themselves (``gr.DeepLinkButton``).

Gradio stores a session's component values on its server under a hash and puts the hash in
the link (``?deep_link=<hash>``). A wasmui app has no server that outlives the tab, so the
"hash" is the values: the JSON list ``[[component id, payload], ...]`` in URL-safe base64
behind a ``w1.`` tag. The page's shell reads it back before the first paint (the values show
before Python is ready) and the worker's ``/config?deep_link=`` applies it as Gradio's does.

Only values that make sense in another tab travel: file payloads point into this tab's
memory and are left out, and so is anything not JSON.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

PREFIX = "w1."
#: Links longer than this leave out their largest values (browsers and chat apps cut long URLs).
MAX_LINK = 32_000


def _portable(value: Any) -> bool:
    """Whether ``value`` means the same in another tab (no file payloads, JSON only)."""
    if isinstance(value, dict):
        if value.get("meta", {}).get("_type") == "gradio.FileData" or "path" in value and "url" in value:
            return False
        return all(isinstance(k, str) and _portable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_portable(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def encode(values: dict[int, Any]) -> str:
    """The link token for ``values`` (component id -> payload); largest values dropped past ``MAX_LINK``."""
    items = [[key, value] for key, value in sorted(values.items()) if _portable(value)]
    while True:
        raw = json.dumps(items, separators=(",", ":"), ensure_ascii=False).encode()
        token = PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")
        if len(token) <= MAX_LINK or not items:
            return token
        items.remove(max(items, key=lambda item: len(json.dumps(item[1]))))


def decode(token: str) -> dict[int, Any] | None:
    """The values in a link token, or None when it is not one (a Gradio hash, a cut-off link)."""
    if not token.startswith(PREFIX):
        return None
    body = token[len(PREFIX):]
    try:
        items = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(items, list) or not all(isinstance(i, list) and len(i) == 2 and isinstance(i[0], int) for i in items):
        return None
    return {key: value for key, value in items}


def apply(config: dict[str, Any], token: str) -> dict[str, Any]:
    """``config`` with the link's values set (and ``deep_link_state`` as Gradio reports it)."""
    values = decode(token)
    if values is None:
        return {**config, "deep_link_state": "invalid"}
    components = [{**c, "props": {**c.get("props", {}), "value": values[c["id"]]}} if c.get("id") in values else c
                  for c in config.get("components", [])]
    return {**config, "components": components, "deep_link_state": "valid"}
