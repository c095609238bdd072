"""What a task gets to work with: settings, the two adapters, its state, its report and a reporter."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from app.cloudcart import CloudCartClient
from app.domain.report import TaskReport
from app.domain.settings import ServerSettings
from app.sync.events import LogEvent, ProgressEvent, Reporter
from app.sync.state import ServerState
from app.sync.warehouse_gateway import WarehouseGateway

log = logging.getLogger("app.sync")


@dataclass
class TaskContext:
    server: ServerSettings
    warehouse: WarehouseGateway
    shop: CloudCartClient
    state: ServerState
    report: TaskReport
    reporter: Reporter
    dry_run: bool = False
    _last_progress: float = field(default=0.0, repr=False)

    @property
    def task(self) -> str:
        return self.report.task

    def log(self, level: int, message: str) -> None:
        log.log(level, "[%s/%s] %s", self.server.name, self.task, message)
        self.reporter(LogEvent(self.server.id, level, message, self.task))

    def info(self, message: str) -> None:
        self.log(logging.INFO, message)

    def warning(self, message: str) -> None:
        self.log(logging.WARNING, message)

    def progress(
        self, stage: str, done: int = 0, total: int | None = None, *, calls_left: int | None = None, force: bool = True
    ) -> None:
        """Report progress; ``calls_left`` gives an ETA from the shop's rate budget. Throttled to 10/s."""
        now = time.monotonic()
        if not force and now - self._last_progress < 0.1:
            return
        self._last_progress = now
        eta = self.shop.eta_seconds(calls_left) if calls_left is not None else None
        counts = tuple(sorted(self.report.counts.items()))
        self.reporter(ProgressEvent(self.server.id, self.task, stage, done, total, eta, counts))

    def item_error(self, key: str, message: str) -> None:
        self.report.add_error(key, message)
        self.warning(f"{key}: {message}")
