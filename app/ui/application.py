"""The window's entry point: the QApplication, the qasync loop (created here and only here), translators,
the crash hooks, the main window and, with ``--demo``, the demo environment."""

from __future__ import annotations

import asyncio
import importlib
import logging
import sys
from typing import Any

import qasync
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.domain.errors import AppError
from app.ui.bridge import BridgeLogHandler, EventBridge
from app.ui.crash import CrashReporter
from app.ui.icons import app_icon
from app.ui.languages import install_translators
from app.ui.qt_compat import guard_refcount_bug

log = logging.getLogger(__name__)


def _start_demo(window: Any) -> Any:
    """``--demo``: start app.demo's sandbox shop, warehouse and ``Demo`` server, when that module exists."""
    try:
        demo = importlib.import_module("app.demo")
    except ModuleNotFoundError:
        window.presenter.error(
            QCoreApplication.translate("Application", "Demo not available"),
            QCoreApplication.translate("Application", "This build does not include the demo."),
        )
        return None
    try:
        environment = demo.start_demo()
    except AppError as exc:
        window.presenter.app_error(exc)
        return None
    from app.ui.demo_menu import install_demo  # "Open shop storefront", status-bar note, stop on quit

    install_demo(window, environment)
    return environment


def run_window(demo: bool = False) -> int:
    guard_refcount_bug()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Utility Center")
    app.setApplicationDisplayName("Utility Center")
    app.setOrganizationName("UtilityCenter")
    app.setWindowIcon(app_icon())
    install_translators(app)

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    from app.ui.main_window import MainWindow  # after the translators: widgets translate when built

    bridge = EventBridge()
    handler = BridgeLogHandler(bridge)
    logging.getLogger().addHandler(handler)
    window = MainWindow(bridge=bridge)
    crash = CrashReporter(window.presenter)
    crash.install(loop)
    window.show()
    environment = _start_demo(window) if demo else None

    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    try:
        with loop:
            loop.run_until_complete(closed.wait())
    finally:
        crash.uninstall()
        logging.getLogger().removeHandler(handler)
        if environment is not None:
            environment.stop()
    return 0
