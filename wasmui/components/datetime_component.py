"""``gr.DateTime``: a date (and optionally time) field.

The payload is text (``YYYY-MM-DD HH:MM:SS`` or ``YYYY-MM-DD``, or Gradio's relative
``now - 2d`` form); the function receives a Unix timestamp, a ``datetime`` or the text.
Time zones use the standard library's ``zoneinfo``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo
from datetime import timezone as dt_timezone
from typing import Any, Literal

from wasmui.components.base import FormComponent, component_kwargs
from wasmui.exceptions import Error

_NOW = re.compile(r"^(?:\s*now\s*(?:-\s*(\d+)\s*([dmhs]))?)?\s*$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}


_UTC_NAMES = {"UTC", "Etc/UTC", "GMT", "Etc/GMT", "Z", "Universal", "Zulu"}


def zone(name: str | None) -> tzinfo | None:
    """The ``tzinfo`` of an IANA zone name (None for local time).

    The standard library's ``zoneinfo`` needs the system's (or ``tzdata``'s) database;
    Pyodide has neither, so ``pytz`` (which carries its own) is the fallback there.
    """
    if not name:
        return None
    if name in _UTC_NAMES:
        return dt_timezone.utc
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    try:
        import pytz  # type: ignore[import-untyped]
    except ImportError:
        raise Error(f"Unknown time zone {name!r}: no time zone database here (install pytz or tzdata).") from None
    try:
        return pytz.timezone(name)  # type: ignore[no-any-return]
    except pytz.UnknownTimeZoneError as exc:
        raise Error(f"Unknown time zone {name!r}.") from exc


def localize(dt: datetime, tz: tzinfo) -> datetime:
    """Attach ``tz`` to a naive wall-clock time (pytz zones need ``localize`` for DST)."""
    loc = getattr(tz, "localize", None)
    return loc(dt) if callable(loc) else dt.replace(tzinfo=tz)


class DateTime(FormComponent):
    """Pick a date and time; the function gets a timestamp, a datetime or a string."""

    CONFIG_PROPS = ("value", "include_time", "type", "timezone", "label", "show_label", "info", "scale", "min_width",
                    "visible", "interactive", "elem_id", "elem_classes", "key", "preserved_by_key", "buttons")
    EVENTS = ["change", "submit"]
    PYTHON_TYPE = "str"

    def __init__(
        self,
        value: float | str | datetime | None = None,
        *,
        include_time: bool = True,
        type: Literal["timestamp", "datetime", "string"] = "timestamp",
        timezone: str | None = None,
        label: str | None = None,
        show_label: bool | None = None,
        info: str | None = None,
        every: float | None = None,
        scale: int | None = None,
        min_width: int = 160,
        visible: bool | str = True,
        interactive: bool | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: list[str] | str | None = "value",
        buttons: list[Any] | None = None,
    ) -> None:
        if type not in ("timestamp", "datetime", "string"):
            raise ValueError(f"Invalid type {type!r}: use 'timestamp', 'datetime' or 'string'.")
        self.type = type
        self.include_time = include_time
        self.time_format = "%Y-%m-%d %H:%M:%S" if include_time else "%Y-%m-%d"
        self.timezone = timezone
        self.buttons = buttons
        super().__init__(**component_kwargs(locals()))

    def required_packages(self) -> set[str]:
        """A named zone other than UTC needs a time zone database in the browser (pytz)."""
        return {"pytz"} if self.timezone and self.timezone not in _UTC_NAMES else set()

    def parse(self, text: str) -> datetime:
        """``YYYY-MM-DD[ HH:MM:SS]`` (in ``timezone``) or ``now[ - N d|h|m|s]`` → datetime."""
        if "now" in text:
            match = _NOW.match(text)
            if not match:
                raise Error(f"Invalid 'now' time {text!r}: use 'now' or 'now - 2d' (d, h, m or s).")
            delta = timedelta(**{_UNITS[match.group(2) or "s"]: int(match.group(1) or 0)})
            return datetime.now(zone(self.timezone)) - delta
        try:
            dt = datetime.strptime(text.strip(), self.time_format)
        except ValueError:
            shape = "YYYY-MM-DD HH:MM:SS" if self.include_time else "YYYY-MM-DD"
            raise Error(f"Invalid date {text!r}: expected {shape}.") from None
        tz = zone(self.timezone)
        return localize(dt, tz) if tz else dt

    def preprocess(self, payload: Any) -> str | float | datetime | None:
        if payload is None or (isinstance(payload, str) and payload.strip() == ""):
            return None
        if not isinstance(payload, str):
            raise Error(f"gr.DateTime expects text such as '2024-01-31 12:00:00', got {payload!r}.")
        if self.type == "string" and "now" not in payload:
            return payload
        dt = self.parse(payload)
        if self.type == "string":
            return dt.strftime(self.time_format)
        if self.type == "datetime":
            return dt
        return dt.timestamp()

    def postprocess(self, value: Any) -> str | None:
        """A datetime, a timestamp (shown in ``timezone``) or text → the field's text."""
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.strftime(self.time_format)
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return datetime.fromtimestamp(value, tz=zone(self.timezone)).strftime(self.time_format)
        raise Error(f"gr.DateTime cannot show a value of type {type(value).__name__}.")

    def api_info(self) -> dict[str, Any]:
        return {"type": "string", "description": f"Formatted as YYYY-MM-DD{' HH:MM:SS' if self.include_time else ''}"}

    def example_payload(self) -> Any:
        return "2020-10-01 05:20:15"

    def example_value(self) -> Any:
        return "2020-10-01 05:20:15"
