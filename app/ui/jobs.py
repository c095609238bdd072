"""The window's jobs: one scheduler per started server and one-off preview (dry) runs.

Every coroutine runs as an asyncio task on the loop (qasync's in the program); a reference to each
task is kept until it ends (qasync's note on task references). Progress reaches the widgets only
through the :class:`~app.ui.bridge.EventBridge`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.errors import AppError
from app.domain.report import RunReport
from app.domain.settings import ServerSettings
from app.servers.secrets import SecretStore
from app.ui.bridge import EventBridge

log = logging.getLogger(__name__)


def _default_scheduler_factory(settings: ServerSettings, **kwargs: Any) -> Any:
    from app.sync.scheduler import ServerScheduler

    return ServerScheduler(settings, **kwargs)


async def _default_run_server(settings: ServerSettings, **kwargs: Any) -> RunReport:
    from app.sync.runner import run_server

    return await run_server(settings, **kwargs)


class ServerJobs(QObject):
    """Starts, stops and cancels the work of each server; emits when that changes."""

    changed = Signal(str)  # server id whose started/busy state changed
    preview_ready = Signal(str, object)  # server id, RunReport of a dry run
    failed = Signal(str, object)  # server id, AppError or unexpected exception

    def __init__(
        self,
        bridge: EventBridge,
        *,
        secrets: SecretStore | None = None,
        scheduler_factory: Callable[..., Any] | None = None,
        run_server: Callable[..., Coroutine[Any, Any, RunReport]] | None = None,
        loop: asyncio.AbstractEventLoop | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.secrets = secrets
        self._scheduler_factory = scheduler_factory or _default_scheduler_factory
        self._run_server = run_server or _default_run_server
        self._loop = loop
        self._schedulers: dict[str, Any] = {}
        self._previews: dict[str, asyncio.Task[Any]] = {}
        self._tasks: set[asyncio.Task[Any]] = set()
        bridge.report.connect(self._on_report)
        # a schedule that ended without a report (a crash inside the scheduler) must not look started forever
        self._reaper = QTimer(self)
        self._reaper.setInterval(2000)
        self._reaper.timeout.connect(self.reap)
        self._reaper.start()

    # -- state -------------------------------------------------------------------------------------
    def started(self, server_id: str) -> bool:
        return server_id in self._schedulers

    def previewing(self, server_id: str) -> bool:
        return server_id in self._previews

    def any_active(self) -> bool:
        return bool(self._schedulers or self._previews)

    def next_runs(self, server_id: str) -> dict[str, Any]:
        scheduler = self._schedulers.get(server_id)
        if scheduler is None:
            return {}
        try:
            return dict(scheduler.next_runs())
        except Exception:  # a scheduler that cannot tell is not worth a crash of the list
            log.debug("next_runs failed", exc_info=True)
            return {}

    # -- actions -----------------------------------------------------------------------------------
    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        loop = self._loop or asyncio.get_event_loop()
        task = loop.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def start(self, settings: ServerSettings) -> bool:
        """Start the server's schedule; False when it was already started."""
        if settings.id in self._schedulers:
            return False
        emit_report = self.bridge.emit_report
        scheduler = self._scheduler_factory(
            settings,
            reporter=self.bridge.reporter(),
            on_report=lambda report, sid=settings.id: emit_report(sid, report),
            secrets=self.secrets,
        )
        try:
            scheduler.start()
        except AppError as exc:
            self.failed.emit(settings.id, exc)
            return False
        self._schedulers[settings.id] = scheduler
        log.info("Server %r started", settings.name)
        self.changed.emit(settings.id)
        return True

    def stop(self, server_id: str) -> asyncio.Task[Any] | None:
        """Stop the schedule and cancel its running job (asynchronously)."""
        scheduler = self._schedulers.get(server_id)
        if scheduler is None:
            return None
        return self._spawn(self._stop(server_id, scheduler))

    async def _stop(self, server_id: str, scheduler: Any) -> None:
        try:
            await scheduler.stop()
        except Exception as exc:
            log.exception("Stopping the server failed")
            self.failed.emit(server_id, exc)
        finally:
            if self._schedulers.get(server_id) is scheduler:
                del self._schedulers[server_id]
            log.info("Server stopped")
            self.changed.emit(server_id)

    def preview(self, settings: ServerSettings, tasks: list[str] | None = None) -> bool:
        """Dry run: what the tasks would change, writing nothing."""
        if settings.id in self._previews:
            return False
        task = self._spawn(self._preview(settings, tasks))
        self._previews[settings.id] = task
        self.changed.emit(settings.id)
        return True

    async def _preview(self, settings: ServerSettings, tasks: list[str] | None) -> None:
        try:
            scheduler = self._schedulers.get(settings.id)
            if scheduler is not None:
                report = await scheduler.run_now(tasks, dry_run=True)
            else:
                report = await self._run_server(
                    settings, tasks=tasks, dry_run=True, reporter=self.bridge.reporter(), secrets=self.secrets
                )
        except asyncio.CancelledError:
            log.info("Preview of %r cancelled", settings.name)
        except Exception as exc:
            log.exception("Preview of %r failed", settings.name)
            self.failed.emit(settings.id, exc)
        else:
            self.preview_ready.emit(settings.id, report)
        finally:
            self._previews.pop(settings.id, None)
            self.changed.emit(settings.id)

    def cancel(self, server_id: str) -> None:
        """Cancel what the server is doing now: a preview, else the scheduled job (which stops it)."""
        preview = self._previews.get(server_id)
        if preview is not None:
            preview.cancel()
        elif server_id in self._schedulers:
            self.stop(server_id)

    async def stop_all(self) -> None:
        for task in list(self._previews.values()):
            task.cancel()
        stops = [self._stop(sid, sch) for sid, sch in list(self._schedulers.items())]
        pending = [t for t in self._tasks if not t.done()]
        await asyncio.gather(*stops, *pending, return_exceptions=True)

    def reap(self) -> None:
        """Stop (clean up) schedulers whose loop has ended and that run no job."""
        for server_id, scheduler in list(self._schedulers.items()):
            if not getattr(scheduler, "running", True) and not getattr(scheduler, "busy", False):
                self.stop(server_id)

    def _on_report(self, server_id: str, report: object) -> None:
        """A scheduled job ended: a server with nothing left to run stops by itself."""
        scheduler = self._schedulers.get(server_id)
        if scheduler is None or getattr(report, "dry_run", False):
            return
        if not getattr(scheduler, "running", True) or not any(self.next_runs(server_id).values()):
            self.stop(server_id)
        else:
            self.changed.emit(server_id)
