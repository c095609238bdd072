"""The list of servers: status light, name, type, last run and result, next run."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.domain.server_types import REGISTRY
from app.domain.settings import ServerSettings
from app.ui.icons import light_icon

ID_ROLE = Qt.ItemDataRole.UserRole + 1
TASK_NAMES = {
    "import": QT_TRANSLATE_NOOP("Tasks", "Import from CloudCart"),
    "export": QT_TRANSLATE_NOOP("Tasks", "Export from Warehouse Pro"),
}


def task_title(task: str) -> str:
    return QCoreApplication.translate("Tasks", str(TASK_NAMES[task])) if task in TASK_NAMES else task


def format_time(value: Any) -> str:
    """ISO text or datetime -> local 'YYYY-MM-DD HH:MM' ('' when unknown)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return str(value)
    if value.tzinfo is not None:
        value = value.astimezone()
    today = datetime.now(value.tzinfo).date()
    return str(value.strftime("%H:%M") if value.date() == today else value.strftime("%Y-%m-%d %H:%M"))


@dataclass
class ServerState:
    settings: ServerSettings
    last_run: dict[str, Any] | None = None
    started: bool = False
    busy: bool = False
    next_runs: dict[str, Any] = field(default_factory=dict)

    @property
    def light(self) -> str:
        if self.busy:
            return "running"
        status = (self.last_run or {}).get("status")
        if status in ("ok", "partial", "failed"):
            return str(status)
        return "started" if self.started else "idle"


class ServerList(QTableWidget):
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("server-list")
        self.states: dict[str, ServerState] = {}
        self.setHorizontalHeaderLabels(
            [
                self.tr("Status"),
                self.tr("Name"),
                self.tr("Type"),
                self.tr("Last run"),
                self.tr("Result"),
                self.tr("Next run"),
            ]
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((110, 170, 250, 120, 200, 150)):
            self.setColumnWidth(column, width)
        self.itemSelectionChanged.connect(self.selection_changed)

    # -- content -----------------------------------------------------------------------------------
    def set_servers(self, servers: list[ServerSettings], last_runs: dict[str, dict[str, Any] | None]) -> None:
        selected = self.selected_id()
        old = self.states
        self.states = {}
        for settings in servers:
            state = old.get(settings.id) or ServerState(settings)
            state.settings = settings
            state.last_run = last_runs.get(settings.id)
            self.states[settings.id] = state
        self.setRowCount(len(servers))
        for row, settings in enumerate(servers):
            self._fill_row(row, self.states[settings.id])
        if selected in self.states:
            self.select(selected)
        elif servers:
            self.selectRow(0)

    def update_state(self, server_id: str, **changes: Any) -> None:
        state = self.states.get(server_id)
        if state is None:
            return
        for name, value in changes.items():
            setattr(state, name, value)
        row = self._row_of(server_id)
        if row is not None:
            self._fill_row(row, state)

    def _status_text(self, state: ServerState) -> str:
        if state.busy:
            return self.tr("Running")
        if state.started:
            return self.tr("Started")
        return self.tr("Stopped")

    def _result_text(self, state: ServerState) -> str:
        last = state.last_run or {}
        status = {"ok": self.tr("OK"), "partial": self.tr("Partly done"), "failed": self.tr("Failed")}.get(
            str(last.get("status")), ""
        )
        summary = str(last.get("summary") or "")
        return f"{status} — {summary}" if status and summary else status or summary

    def _next_text(self, state: ServerState) -> str:
        if not state.started:
            return self.tr("Not started")
        due = [(when, task) for task, when in state.next_runs.items() if when is not None]
        if not due:
            return self.tr("Nothing planned")
        when = min(w for w, _t in due)
        return format_time(when)

    def _next_tip(self, state: ServerState) -> str:
        lines = [f"{task_title(task)}: {format_time(when)}" for task, when in state.next_runs.items() if when]
        return "\n".join(lines) or self._next_text(state)

    def _fill_row(self, row: int, state: ServerState) -> None:
        settings = state.settings
        kind = REGISTRY.get(settings.type)
        texts = (
            self._status_text(state),
            settings.name,
            kind.display_name if kind else settings.type,
            format_time((state.last_run or {}).get("finished_at")),
            self._result_text(state),
            self._next_text(state),
        )
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, settings.id)
            item.setToolTip(self._next_tip(state) if column == 5 else text)
            if column == 0:
                item.setIcon(light_icon(state.light))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text} ({state.light})")
            self.setItem(row, column, item)

    # -- selection ---------------------------------------------------------------------------------
    def _row_of(self, server_id: str) -> int | None:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.data(ID_ROLE) == server_id:
                return row
        return None

    def selected_id(self) -> str | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        item = self.item(rows[0].row(), 0)
        return None if item is None else item.data(ID_ROLE)

    def selected_state(self) -> ServerState | None:
        sid = self.selected_id()
        return None if sid is None else self.states.get(sid)

    def select(self, server_id: str) -> None:
        row = self._row_of(server_id)
        if row is not None:
            self.selectRow(row)
