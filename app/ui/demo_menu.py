"""The window's demo extras (``utility-center --demo``): "Open shop storefront", a status-bar note, and the
sandbox shop stopped when the program quits.

``run_window(demo=True)`` calls :func:`install_demo` once the main window exists::

    env = app.demo.start_demo()
    install_demo(window, env)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu


def _tr(text: str) -> str:
    return QCoreApplication.translate("DemoMenu", text)


def open_storefront(env: Any) -> bool:
    """Open the sandbox shop's storefront in the default browser; False when the desktop refused."""
    return bool(QDesktopServices.openUrl(QUrl(env.storefront_url)))


def _demo_menu(window: QMainWindow) -> QMenu:
    existing = window.menuBar().findChild(QMenu, "demo-menu")
    if isinstance(existing, QMenu):
        return existing
    bar = window.menuBar()
    menu = QMenu(_tr("&Demo"), bar)
    menu.setObjectName("demo-menu")
    top = bar.actions()
    if len(top) >= 2:  # File ... Demo Help: Help stays last, as on every desktop
        bar.insertMenu(top[-1], menu)
    else:
        bar.addMenu(menu)
    return menu


def install_demo(window: QMainWindow, env: Any) -> QAction:
    """Add "Open shop storefront" (Demo menu and toolbar), a status-bar note, select the Demo server, and
    stop ``env``'s sandbox when the application quits. Returns the action."""
    action = QAction(_tr("Open shop storefront"), window)
    action.setObjectName("open-storefront")
    tip = _tr("Open the demo shop in your browser: %1").replace("%1", env.storefront_url)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda *_: open_storefront(env))
    _demo_menu(window).addAction(action)
    toolbar = getattr(window, "toolbar", None)
    if toolbar is not None:
        toolbar.addSeparator()
        toolbar.addAction(action)

    note = QLabel(
        _tr("Demo: sandbox shop at %1 · warehouse %2")
        .replace("%1", env.shop_url)
        .replace("%2", str(env.warehouse_path))
    )
    note.setObjectName("demo-note")
    note.setToolTip(_tr("The demo shop runs inside this program and stops when you quit it."))
    window.statusBar().addWidget(note)
    window.setWindowTitle(window.windowTitle() + " — " + _tr("Demo"))

    reload = getattr(window, "reload", None)
    if callable(reload):
        reload()  # the Demo server may have just been created or pointed at a new port
    servers = getattr(window, "servers", None)
    if servers is not None and hasattr(servers, "select"):
        servers.select(env.server.id)

    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(env.stop)
    window.destroyed.connect(lambda *_: env.stop())
    window.setProperty("demo_storefront_url", env.storefront_url)
    return action
