"""The dry run's result: every change a run would make (key, action, field, before → after), nothing written."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.report import RunReport
from app.ui.server_list import task_title


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def change_rows(report: RunReport) -> list[tuple[str, str, str, str, str, str]]:
    """(task, key, action, field, before, after) — one row per changed field; errors as action 'error'."""
    rows: list[tuple[str, str, str, str, str, str]] = []
    for task in report.tasks:
        title = task_title(task.task)
        for item in task.items:
            if not item.changes:
                rows.append((title, item.key, item.action, "", "", item.detail))
            for name, pair in item.changes.items():
                before, after = [*list(pair), None, None][:2]
                rows.append((title, item.key, item.action, name, _show(before), _show(after)))
        for problem in task.errors:
            rows.append((title, problem.key, "error", "", "", problem.message))
    return rows


class PreviewDialog(QDialog):
    def __init__(self, server_name: str, report: RunReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview-dialog")
        self.setWindowTitle(self.tr("Preview of %1 — nothing was written").replace("%1", server_name))
        self.resize(860, 480)
        rows = change_rows(report)
        summary_lines = []
        for task in report.tasks:
            counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in task.counts.items()) or "—"
            line = f"<b>{task_title(task.task)}</b>: {counts}"
            if task.fatal:
                line += f" — <span style='color:#b3261e'>{task.fatal_title or ''}: {task.fatal}</span>"
            summary_lines.append(line)
        if not rows:
            summary_lines.append(self.tr("Nothing would change."))
        self.summary = QLabel("<br>".join(summary_lines))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(rows), 6)
        self.table.setObjectName("preview-table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Task"), self.tr("Key"), self.tr("Action"), self.tr("Field"), self.tr("Before"), self.tr("After")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(False)
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setColumnHidden(0, len(report.tasks) < 2)  # one task: its name is in the summary
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        if not rows:
            self.table.hide()
            self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.resize(560, 160)
        layout.addWidget(buttons)
