"""Value conventions of Warehouse Pro columns (schema doc §3.1, §5).

* Booleans are integers -1 (true) / 0 (false); Access may hand back ``True``/``False``.
* Empty text is a single space ``' '``; NULL and ``''`` occur too.  Read with :func:`clean_text`,
  write with :func:`blank_to_space`.
* SQLite is dynamically typed: numbers may come back as ``str``; coerce with :func:`as_int` /
  :func:`as_float`.
* Dates: SQLite stores text ``'YYYY-MM-DD HH:MM:SS'`` (or ``'YYYY-MM-DD'``); parse both.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

DB_TRUE = -1
DB_FALSE = 0
BLANK = " "


def clean_text(value: Any) -> str:
    """``None``/``' '``/``''`` -> ``""``; anything else stripped."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).strip()


def blank_to_space(value: str | None) -> str:
    """Text to store: stripped, and ``' '`` instead of an empty string (§3.1)."""
    text = (value or "").strip()
    return text if text else BLANK


def as_int(value: Any, default: int = 0) -> int:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return DB_TRUE if value else DB_FALSE
    try:
        return int(value)
    except (TypeError, ValueError):
        try:
            return int(float(value))
        except (TypeError, ValueError):
            return default


def as_float(value: Any, default: float = 0.0) -> float:
    if value is None or value == "":
        return default
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def is_true(value: Any) -> bool:
    """A -1/0 flag read defensively: anything but 0/NULL/False/'' counts as true (§3.1)."""
    if value is None or value is False:
        return False
    if isinstance(value, str):
        text = value.strip().lower()
        return text not in ("", "0", "false", "no")
    try:
        return float(value) != 0
    except (TypeError, ValueError):
        return False


def parse_datetime(value: Any) -> dt.datetime | None:
    """Read a DATE/TS column of any engine."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    text = clean_text(value)
    if not text:
        return None
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None
