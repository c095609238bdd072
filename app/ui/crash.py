"""Unhandled exceptions end in the log and an error dialog, never in a silent crash.

Hooks: ``sys.excepthook`` (Qt slots, the main thread), ``threading.excepthook`` (worker threads) and the
asyncio loop's exception handler (tasks nobody awaited). Any thread may report; the dialog opens in the
GUI thread through a queued signal.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from app.domain.errors import AppError
from app.logs import redact
from app.ui.dialogs import DialogPresenter

log = logging.getLogger("app.ui.crash")


class CrashReporter(QObject):
    crashed = Signal(str, str, str)  # title, message, details

    def __init__(self, presenter: DialogPresenter) -> None:
        super().__init__(presenter)
        self.presenter = presenter
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous: tuple[Any, Any] | None = None

    def report(self, exc: BaseException | None, context: str = "") -> None:
        if exc is None:
            log.error("Unhandled error: %s", context)
            self.crashed.emit(self.tr("Unexpected error"), redact(context), "")
            return
        details = redact("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        log.error("Unhandled error%s: %s\n%s", f" ({context})" if context else "", exc, details)
        if isinstance(exc, AppError):
            self.crashed.emit(exc.title, redact(exc.message), redact(exc.details or details))
        else:
            message = self.tr("Something went wrong: %1. The program goes on; the details are in the log.")
            text = message.replace("%1", redact(f"{type(exc).__name__}: {exc}"))
            self.crashed.emit(self.tr("Unexpected error"), text, details)

    def _show(self, title: str, message: str, details: str) -> None:
        self.presenter.error(title, message, details)

    # -- hooks -------------------------------------------------------------------------------------
    def _excepthook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        self.report(exc.with_traceback(tb))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            name = args.thread.name if args.thread else "?"
            self.report(args.exc_value, f"thread {name}")

    def _asyncio_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, asyncio.CancelledError):
            return
        self.report(exc, str(context.get("message", "")))

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook
        if loop is not None:
            loop.set_exception_handler(self._asyncio_handler)

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
