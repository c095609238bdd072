"""The log: events of the tasks and Python logging, with a level filter, a search box and Copy."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.sync.events import LogEvent

MAX_ENTRIES = 5000


@dataclass(frozen=True)
class LogEntry:
    time: datetime
    level: int
    source: str
    message: str

    def line(self) -> str:
        name = logging.getLevelName(self.level)
        source = f"[{self.source}] " if self.source else ""
        return f"{self.time:%H:%M:%S} {name:<7} {source}{self.message}"


class LogView(QWidget):
    def __init__(self, server_name: Callable[[str], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("log-view")
        self._server_name = server_name or (lambda sid: sid)
        self.entries: deque[LogEntry] = deque(maxlen=MAX_ENTRIES)
        self.level = QComboBox()
        self.level.setObjectName("log-level")
        for text, level in (
            (self.tr("All messages"), logging.DEBUG),
            (self.tr("Information"), logging.INFO),
            (self.tr("Warnings and errors"), logging.WARNING),
            (self.tr("Errors only"), logging.ERROR),
        ):
            self.level.addItem(text, level)
        self.level.setCurrentIndex(1)
        self.search = QLineEdit()
        self.search.setObjectName("log-search")
        self.search.setPlaceholderText(self.tr("Search the log"))
        self.search.setClearButtonEnabled(True)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the shown lines (or the selection) to the clipboard"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("log-text")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setMaximumBlockCount(MAX_ENTRIES)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(font)

        bar = QHBoxLayout()
        bar.addWidget(self.level)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.text)

        self.level.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.copy_button.clicked.connect(self.copy)
        self.clear_button.clicked.connect(self.clear)

    def _accepts(self, entry: LogEntry) -> bool:
        if entry.level < int(self.level.currentData()):
            return False
        needle = self.search.text().strip().lower()
        return not needle or needle in entry.line().lower()

    def add_event(self, event: LogEvent) -> None:
        source = self._server_name(event.server_id) if event.server_id else ""
        self.add(LogEntry(datetime.now(), event.level, source, event.message))

    def add(self, entry: LogEntry) -> None:
        self.entries.append(entry)
        if self._accepts(entry):
            bar = self.text.verticalScrollBar()
            at_end = bar.value() >= bar.maximum() - 2
            self.text.appendPlainText(entry.line())
            if at_end:
                self.text.moveCursor(QTextCursor.MoveOperation.End)

    def refresh(self) -> None:
        self.text.setPlainText("\n".join(e.line() for e in self.entries if self._accepts(e)))
        self.text.moveCursor(QTextCursor.MoveOperation.End)

    def shown_text(self) -> str:
        return self.text.toPlainText()

    def copy(self) -> None:
        selected = self.text.textCursor().selectedText().replace("\u2029", "\n")
        QGuiApplication.clipboard().setText(selected or self.shown_text())

    def clear(self) -> None:
        self.entries.clear()
        self.text.clear()
