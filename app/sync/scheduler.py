"""A started server: runs each enabled task per its start mode until stopped.

One job per server at a time: when tasks fall due together they run in one job (import first). The
loop keeps a reference to its asyncio task (so it is not garbage-collected) and ``stop()`` cancels it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from app.domain.report import RunReport
from app.domain.schedule import StartMode, next_run
from app.domain.settings import ServerSettings
from app.servers.secrets import SecretStore
from app.sync.events import LogEvent, Reporter
from app.sync.runner import TASK_ORDER, failed_report, run_server, select_tasks

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


class ServerScheduler:
    def __init__(
        self,
        settings: ServerSettings,
        *,
        reporter: Reporter,
        on_report: Callable[[RunReport], None],
        secrets: SecretStore | None = None,
        clock: Clock = datetime.now,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.settings = settings
        self.reporter = reporter
        self.on_report = on_report
        self.secrets = secrets
        self.clock = clock
        self.sleep = sleep
        self.started_at: datetime | None = None
        self.last_started: dict[str, datetime | None] = {t: None for t in TASK_ORDER}
        self._loop_task: asyncio.Task[None] | None = None
        self._job: asyncio.Task[RunReport] | None = None

    @property
    def running(self) -> bool:
        return self._loop_task is not None and not self._loop_task.done()

    @property
    def busy(self) -> bool:
        return self._job is not None and not self._job.done()

    def _modes(self) -> dict[str, StartMode]:
        return {"import": self.settings.import_.start, "export": self.settings.export.start}

    def next_runs(self) -> dict[str, datetime | None]:
        if self.started_at is None:
            return {t: None for t in TASK_ORDER}
        return {t: next_run(m, self.started_at, self.last_started[t]) for t, m in self._modes().items()}

    def start(self) -> None:
        if self.running:
            return
        self.started_at = self.clock()
        self.last_started = {t: None for t in TASK_ORDER}
        self._loop_task = asyncio.get_running_loop().create_task(self._loop(), name=f"server:{self.settings.name}")
        self.reporter(LogEvent(self.settings.id, logging.INFO, f"Server {self.settings.name!r} started"))

    async def stop(self) -> None:
        task, self._loop_task = self._loop_task, None
        job = self._job
        for pending in (job, task):
            if pending is not None and not pending.done():
                pending.cancel()
        for pending in (job, task):
            if pending is not None:
                with contextlib.suppress(asyncio.CancelledError, Exception):  # stopping; errors already reported
                    await pending
        self.started_at = None
        self.reporter(LogEvent(self.settings.id, logging.INFO, f"Server {self.settings.name!r} stopped"))

    async def run_now(self, tasks: Sequence[str] | None = None, dry_run: bool = False) -> RunReport:
        """One job now; every outcome (done, busy, crashed) reaches ``on_report``."""
        selected = select_tasks(self.settings, tasks)
        if self.busy:
            report = failed_report(
                self.settings, selected, "Server is busy", "A run of this server is in progress.", dry_run=dry_run
            )
        else:
            self._job = asyncio.get_running_loop().create_task(
                run_server(self.settings, tasks=tasks, dry_run=dry_run, reporter=self.reporter, secrets=self.secrets)
            )
            try:
                report = await self._job
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the runner never raises on purpose; a bug still gets a report
                log.exception("Run of %s crashed", self.settings.name)
                report = failed_report(
                    self.settings, selected, "Unexpected error", f"{type(exc).__name__}: {exc}", dry_run=dry_run
                )
        self.on_report(report)
        return report

    async def _loop(self) -> None:
        while True:
            upcoming = {t: when for t, when in self.next_runs().items() if when is not None}
            if not upcoming:
                return  # nothing more to do during this start (e.g. on-server-start only)
            now = self.clock()
            due = [t for t, when in upcoming.items() if when <= now]
            if not due:
                wait = min((when - now).total_seconds() for when in upcoming.values())
                await self.sleep(min(max(wait, 0.05), 30.0))
                continue
            for task in due:
                self.last_started[task] = now
            try:
                await self.run_now(due)
            except asyncio.CancelledError:
                raise
            except Exception:  # a failing run must not stop the schedule
                log.exception("Scheduled run of %s failed", self.settings.name)
