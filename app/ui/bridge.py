"""The Qt bridge: the single place where plain progress events become Qt signals.

Tasks call a :data:`~app.sync.events.Reporter` from the asyncio loop thread or from worker threads.
:meth:`EventBridge.reporter` gives them one; every event goes through one queued connection, so the
widgets connected to the public signals always run in the GUI thread, after the emitting code returns.
Python ``logging`` records reach the log view the same way (:class:`BridgeLogHandler`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.domain.report import RunReport
from app.logs import RedactingFilter
from app.sync.events import Event, LogEvent, ProgressEvent, Reporter, TaskFinished


class EventBridge(QObject):
    """Turns Reporter events (and run reports) into Qt signals in the GUI thread."""

    progress = Signal(object)  # ProgressEvent
    log = Signal(object)  # LogEvent
    task_finished = Signal(object)  # TaskFinished
    report = Signal(str, object)  # server id, RunReport

    _incoming = Signal(object)
    _incoming_report = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Queued even when emitted from the GUI thread: a task's reporter never re-enters widget code.
        self._incoming.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._incoming_report.connect(self._dispatch_report, Qt.ConnectionType.QueuedConnection)

    # -- called from any thread -------------------------------------------------------------------
    def emit_event(self, event: Event) -> None:
        self._incoming.emit(event)

    def emit_report(self, server_id: str, report: RunReport) -> None:
        self._incoming_report.emit(server_id, report)

    def reporter(self) -> Reporter:
        """A Reporter for ``run_server``/``ServerScheduler``; safe to call from any thread."""
        return self.emit_event

    # -- GUI thread --------------------------------------------------------------------------------
    @Slot(object)
    def _dispatch(self, event: object) -> None:
        if isinstance(event, ProgressEvent):
            self.progress.emit(event)
        elif isinstance(event, LogEvent):
            self.log.emit(event)
        elif isinstance(event, TaskFinished):
            self.task_finished.emit(event)

    @Slot(str, object)
    def _dispatch_report(self, server_id: str, report: object) -> None:
        self.report.emit(server_id, report)


class BridgeLogHandler(logging.Handler):
    """Sends Python logging records (redacted) to the bridge as :class:`LogEvent` with no server."""

    def __init__(self, bridge: EventBridge, level: int = logging.INFO) -> None:
        super().__init__(level)
        self.bridge = bridge
        self.addFilter(RedactingFilter())

    # Task log lines already arrive as LogEvents through the tasks' reporter; showing the logging copy
    # (app.sync.context writes both: the event for the window, the record for the log file) would double them.
    SKIP_LOGGERS = frozenset({"app.sync"})

    def emit(self, record: logging.LogRecord) -> None:
        if record.name in self.SKIP_LOGGERS:
            return
        try:
            message = record.getMessage()
            if record.exc_text:
                message = f"{message}\n{record.exc_text}"
            self.bridge.emit_event(LogEvent("", record.levelno, f"{record.name}: {message}"))
        except RuntimeError:  # the bridge was deleted while the program closes
            pass
