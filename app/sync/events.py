"""Progress is plain data: a task calls a :data:`Reporter` with frozen events; the window's bridge turns
them into Qt signals, the command line into a progress line on stderr."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProgressEvent:
    server_id: str
    task: str  # "import" | "export"
    stage: str  # e.g. "Reading goods", "Reading the shop", "Writing changes"
    done: int = 0
    total: int | None = None  # None: unknown (busy indicator)
    eta_s: float | None = None
    counts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class LogEvent:
    server_id: str
    level: int  # logging level
    message: str
    task: str | None = None


@dataclass(frozen=True)
class TaskFinished:
    server_id: str
    task: str
    status: str  # ok | partial | failed
    summary: str


Event = ProgressEvent | LogEvent | TaskFinished
Reporter = Callable[[Event], None]


def null_reporter(event: Event) -> None:
    """A reporter that drops everything (library use, tests)."""


def logging_reporter(logger: logging.Logger) -> Reporter:
    """Send log events to a logger; drop progress."""

    def report(event: Event) -> None:
        if isinstance(event, LogEvent):
            logger.log(event.level, "%s", event.message)

    return report
