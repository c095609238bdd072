"""Start modes of a task and the pure next-run rule.

``off`` never runs; ``on-server-start`` runs at once when the server is started; ``after:N`` runs once,
N after the start; ``every:N`` runs at once and then every N while the server stays started.
Durations take ``s``, ``m`` or ``h`` (``after:15m``, ``every:1h``); a bare number means minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

StartKind = Literal["off", "on-server-start", "after", "every"]

_DURATION = re.compile(r"^(\d+)\s*([smh]?)$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "": 60}
MIN_INTERVAL_S = 60
START_MODE_HELP = '"off", "on-server-start", "after:<N>m" or "every:<N>m" (units s, m, h; every: at least 1m)'


@dataclass(frozen=True)
class StartMode:
    kind: StartKind
    seconds: int = 0

    def __str__(self) -> str:
        if self.kind in ("off", "on-server-start"):
            return self.kind
        return f"{self.kind}:{_format_duration(self.seconds)}"

    @property
    def enabled(self) -> bool:
        return self.kind != "off"

    def describe(self) -> str:
        if self.kind == "off":
            return "Off"
        if self.kind == "on-server-start":
            return "When the server starts"
        if self.kind == "after":
            return f"{_format_duration(self.seconds)} after the server starts"
        return f"Every {_format_duration(self.seconds)}"


def _format_duration(seconds: int) -> str:
    if seconds % 3600 == 0:
        return f"{seconds // 3600}h"
    if seconds % 60 == 0:
        return f"{seconds // 60}m"
    return f"{seconds}s"


def parse_start_mode(text: str) -> StartMode:
    """Parse a start mode; raise ``ValueError`` with the allowed forms when it is not one."""
    value = text.strip().lower()
    if value in ("off", "on-server-start"):
        return StartMode(value)  # type: ignore[arg-type]
    kind, sep, rest = value.partition(":")
    match = _DURATION.match(rest.strip()) if sep else None
    if kind not in ("after", "every") or match is None:
        raise ValueError(f"{text!r} is not a start mode; use {START_MODE_HELP}")
    seconds = int(match.group(1)) * _UNITS[match.group(2)]
    if kind == "every" and seconds < MIN_INTERVAL_S:
        raise ValueError(f"{text!r} repeats too often; the shortest interval is every:1m")
    return StartMode(kind, seconds)  # type: ignore[arg-type]


def next_run(mode: StartMode, started_at: datetime, last_run_started: datetime | None) -> datetime | None:
    """When the task should next start, given when the server was started and when the task last started.

    Returns ``None`` when it should not run again during this start of the server.
    """
    if mode.kind == "off":
        return None
    if mode.kind == "on-server-start":
        return started_at if last_run_started is None or last_run_started < started_at else None
    if mode.kind == "after":
        due = started_at + timedelta(seconds=mode.seconds)
        return due if last_run_started is None or last_run_started < started_at else None
    # every: at once, then every N after the previous start (a late run does not cause a burst of runs)
    if last_run_started is None or last_run_started < started_at:
        return started_at
    return last_run_started + timedelta(seconds=mode.seconds)
