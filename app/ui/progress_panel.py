"""One progress row per running server: stage, bar (busy when the total is unknown), counts, ETA, Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from app.sync.events import ProgressEvent
from app.ui.server_list import task_title


def format_eta(seconds: float | None) -> str:
    if seconds is None or seconds < 0:
        return ""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class ProgressRow(QFrame):
    cancel_requested = Signal(str)

    def __init__(self, server_id: str, server_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server_id = server_id
        self.setObjectName(f"progress-{server_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(10)
        self.title = QLabel(f"<b>{server_name}</b>")
        self.stage = QLabel(self.tr("Starting…"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(True)
        self.counts = QLabel()
        self.eta = QLabel()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setObjectName("cancel")
        self.cancel.clicked.connect(lambda: self.cancel_requested.emit(self.server_id))
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.stage, 0, 1)
        grid.addWidget(self.eta, 0, 2)
        grid.addWidget(self.bar, 1, 0, 1, 3)
        grid.addWidget(self.cancel, 1, 3)
        grid.addWidget(self.counts, 2, 0, 1, 4)
        grid.setColumnStretch(1, 1)

    def update_from(self, event: ProgressEvent) -> None:
        self.stage.setText(f"{task_title(event.task)}: {event.stage}")
        if event.total is None or event.total <= 0:
            self.bar.setRange(0, 0)
            self.bar.setFormat("")
        else:
            self.bar.setRange(0, event.total)
            self.bar.setValue(min(event.done, event.total))
            self.bar.setFormat(f"{event.done} / {event.total}")
        self.counts.setText(", ".join(f"{n} {name.replace('_', ' ')}" for name, n in event.counts))
        eta = format_eta(event.eta_s)
        self.eta.setText(self.tr("About %1 left").replace("%1", eta) if eta else "")

    def set_cancelling(self) -> None:
        self.cancel.setEnabled(False)
        self.stage.setText(self.tr("Cancelling…"))


class ProgressPanel(QWidget):
    cancel_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress-panel")
        self.rows: dict[str, ProgressRow] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self.tr("No server is running. Select a server and press Start or Preview."))
        self.placeholder.setEnabled(False)
        self._layout.addWidget(self.placeholder)
        self._layout.addStretch(1)

    def row(self, server_id: str, server_name: str) -> ProgressRow:
        row = self.rows.get(server_id)
        if row is None:
            row = ProgressRow(server_id, server_name, self)
            row.cancel_requested.connect(self._on_cancel)
            self.rows[server_id] = row
            self._layout.insertWidget(self._layout.count() - 1, row)
            self.placeholder.hide()
        return row

    def on_progress(self, event: ProgressEvent, server_name: str) -> None:
        self.row(event.server_id, server_name).update_from(event)

    def _on_cancel(self, server_id: str) -> None:
        row = self.rows.get(server_id)
        if row is not None:
            row.set_cancelling()
        self.cancel_requested.emit(server_id)

    def finish(self, server_id: str) -> None:
        row = self.rows.pop(server_id, None)
        if row is not None:
            row.hide()
            row.deleteLater()
        self.placeholder.setVisible(not self.rows)
