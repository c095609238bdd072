"""The tray icon: the overall status in its badge and tooltip, a notification when a scheduled run fails."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from app.ui.icons import app_icon

_ORDER = ("failed", "partial", "running", "started", "ok", "idle")


def overall_state(lights: list[str]) -> str:
    """The state the tray shows for all servers: the most urgent one."""
    for state in _ORDER:
        if state in lights:
            return state
    return "idle"


class Tray(QObject):
    show_window = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.state = "idle"
        self.notifications: list[tuple[str, str]] = []  # kept for tests when no tray exists
        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(app_icon(), window)
            menu = QMenu(window)
            menu.addAction(self.tr("Show the window"), self.show_window.emit)
            menu.addAction(self.tr("Quit"), window.close)
            self.icon.setContextMenu(menu)
            self.icon.activated.connect(lambda *_: self.show_window.emit())
            self.icon.show()
        self.set_state("idle", self.tr("No server is running"))

    def set_state(self, state: str, tooltip: str) -> None:
        self.state = state
        if self.icon is not None:
            badge = state if state in ("failed", "partial", "running") else None
            self.icon.setIcon(app_icon(badge))
            self.icon.setToolTip(tooltip)

    def notify_failure(self, title: str, message: str) -> None:
        self.notifications.append((title, message))
        if self.icon is not None and self.icon.supportsMessages():
            self.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Critical, 15000)
