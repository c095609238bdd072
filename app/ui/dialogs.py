"""Message dialogs: success, error (title, message, *Details*), confirmation.

Every box is opened with ``open()`` — window-modal but not blocking — so no nested event loop runs
inside an asyncio task (qasync would refuse to step another task there) and tests can inspect and
answer the boxes through :attr:`DialogPresenter.shown`.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.errors import AppError

log = logging.getLogger(__name__)


@dataclass
class Shown:
    """What a box showed (kept for tests and for the status bar)."""

    kind: str  # success | error | warning | confirm
    title: str
    text: str
    details: str
    box: QMessageBox  # deleted once closed: read it only while it is open


class DialogPresenter(QObject):
    opened = Signal(object)  # Shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.shown: list[Shown] = []

    def _open(self, kind: str, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> QMessageBox:
        box = QMessageBox(icon, title, "", QMessageBox.StandardButton.NoButton, self._parent)
        box.setObjectName(f"{kind}-box")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<b>{html.escape(title)}</b>")  # the title is visible even where windows have no frame
        box.setInformativeText(html.escape(text).replace("\n", "<br>"))  # rich text: keep the line breaks
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 480px; }")
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shown.append(Shown(kind, title, text, details, box))
        del self.shown[:-20]
        return box

    def success(self, title: str, text: str, details: str = "") -> QMessageBox:
        box = self._open("success", QMessageBox.Icon.Information, title, text, details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()
        self.opened.emit(self.shown[-1])
        return box

    def error(self, title: str, text: str, details: str = "", *, warning: bool = False) -> QMessageBox:
        kind, icon = ("warning", QMessageBox.Icon.Warning) if warning else ("error", QMessageBox.Icon.Critical)
        box = self._open(kind, icon, title, text, details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()
        self.opened.emit(self.shown[-1])
        return box

    def app_error(self, exc: AppError) -> QMessageBox:
        return self.error(exc.title, exc.message, exc.details or "")

    def confirm(self, title: str, text: str, on_yes: Callable[[], None], *, yes_text: str = "") -> QMessageBox:
        box = self._open("confirm", QMessageBox.Icon.Question, title, text)
        yes = box.addButton(yes_text or self.tr("Yes"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)

        def done() -> None:
            if box.clickedButton() is yes:
                on_yes()

        box.finished.connect(done)
        box.open()
        self.opened.emit(self.shown[-1])
        return box

    def last(self, kind: str | None = None) -> Shown | None:
        for record in reversed(self.shown):
            if kind is None or record.kind == kind:
                return record
        return None
