"""The main window: servers, progress of the running ones, the log and a status bar.

It only starts work through :class:`~app.ui.jobs.ServerJobs` and listens to the bridge's signals.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QGroupBox, QLabel, QMainWindow, QSplitter, QToolBar, QVBoxLayout, QWidget

from app.domain.errors import AppError
from app.domain.report import RunReport
from app.domain.settings import ServerSettings
from app.servers.history import load_last_run
from app.servers.secrets import SecretStore
from app.servers.store import ServerStore
from app.sync.events import LogEvent, ProgressEvent, TaskFinished
from app.ui.bridge import EventBridge
from app.ui.dialogs import DialogPresenter
from app.ui.icons import app_icon
from app.ui.jobs import ServerJobs
from app.ui.log_view import LogView
from app.ui.menus import Menus
from app.ui.preview_dialog import PreviewDialog
from app.ui.progress_panel import ProgressPanel
from app.ui.report_text import report_details, report_lines, short_summary
from app.ui.server_dialog import ServerDialog
from app.ui.server_list import ServerList
from app.ui.tray import Tray, overall_state

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        *,
        store: ServerStore | None = None,
        secrets: SecretStore | None = None,
        bridge: EventBridge | None = None,
        jobs: ServerJobs | None = None,
        probes: Any = None,
        scheduler_factory: Any = None,
        run_server: Any = None,
    ) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.setWindowTitle(self.tr("Utility Center — Warehouse Pro ⇄ CloudCart"))
        self.setWindowIcon(app_icon())
        self.store = store or ServerStore()
        self.secrets = secrets or SecretStore()
        self.bridge = bridge or EventBridge(self)
        self.jobs = jobs or ServerJobs(
            self.bridge, secrets=self.secrets, scheduler_factory=scheduler_factory, run_server=run_server, parent=self
        )
        self.probes = probes
        self.presenter = DialogPresenter(self)
        self.dialog: ServerDialog | None = None
        self.preview: PreviewDialog | None = None
        self._announce: set[str] = set()  # servers whose next report ends in a dialog (started by hand)
        self._closing = False
        self._shutdown: asyncio.Task[Any] | None = None

        self.servers = ServerList()
        self.servers.doubleClicked.connect(lambda *_: self.modify_server())
        self.servers.selection_changed.connect(self._update_actions)
        self.progress = ProgressPanel()
        self.progress.cancel_requested.connect(self.jobs.cancel)
        self.log_view = LogView(self._server_name)
        self._build_actions()
        self._build_layout()
        self.menus = Menus(self, self.presenter)
        self.tray = Tray(self)
        self.tray.show_window.connect(self._raise)
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)

        self.bridge.progress.connect(self._on_progress)
        self.bridge.log.connect(self._on_log)
        self.bridge.task_finished.connect(self._on_task_finished)
        self.bridge.report.connect(self._on_report)
        self.jobs.changed.connect(self._on_jobs_changed)
        self.jobs.preview_ready.connect(self._on_preview)
        self.jobs.failed.connect(self._on_failed)
        self.timer = QTimer(self)
        self.timer.setInterval(30_000)
        self.timer.timeout.connect(self._refresh_next_runs)
        self.timer.start()
        self.resize(1100, 720)
        self.reload()

    # -- layout ------------------------------------------------------------------------------------
    def _action(self, name: str, text: str, tip: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.toolbar = QToolBar(self.tr("Servers"))
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.new_action = self._action(
            "new", self.tr("New server"), self.tr("Create a server"), self.new_server, QKeySequence.StandardKey.New
        )
        self.modify_action = self._action("modify", self.tr("Modify"), self.tr("Edit the settings"), self.modify_server)
        self.delete_action = self._action(
            "delete", self.tr("Delete"), self.tr("Delete the server, its state and its secrets"), self.delete_server
        )
        self.toolbar.addSeparator()
        self.start_action = self._action(
            "start", self.tr("Start"), self.tr("Run the tasks by their start mode"), self.start_server
        )
        self.stop_action = self._action(
            "stop", self.tr("Stop"), self.tr("Stop the server and cancel its job"), self.stop_server
        )
        self.preview_action = self._action(
            "preview",
            self.tr("Preview"),
            self.tr("Dry run: list what the tasks would change, writing nothing"),
            self.preview_server,
        )

    def _build_layout(self) -> None:
        progress_box = QGroupBox(self.tr("Progress"))
        QVBoxLayout(progress_box).addWidget(self.progress)
        log_box = QGroupBox(self.tr("Log"))
        QVBoxLayout(log_box).addWidget(self.log_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.servers)
        splitter.addWidget(progress_box)
        splitter.addWidget(log_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([260, 120, 280])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.setCentralWidget(central)

    # -- state -------------------------------------------------------------------------------------
    def reload(self) -> None:
        servers = self.store.list()
        self.servers.set_servers(servers, {s.id: load_last_run(s.id) for s in servers})
        for server in servers:
            self._sync_state(server.id)
        self._update_actions()

    def _server_name(self, server_id: str) -> str:
        state = self.servers.states.get(server_id)
        return state.settings.name if state else server_id[:8]

    def _selected(self) -> ServerSettings | None:
        state = self.servers.selected_state()
        return state.settings if state else None

    def _sync_state(self, server_id: str) -> None:
        state = self.servers.states.get(server_id)
        if state is None:
            return
        started = self.jobs.started(server_id)
        busy = self.jobs.previewing(server_id) or (state.busy and started)
        if not busy:
            self.progress.finish(server_id)
        self.servers.update_state(server_id, started=started, busy=busy, next_runs=self.jobs.next_runs(server_id))

    def _update_actions(self) -> None:
        state = self.servers.selected_state()
        has = state is not None
        started = bool(state and self.jobs.started(state.settings.id))
        busy = bool(state and state.busy)
        self.modify_action.setEnabled(has)
        self.delete_action.setEnabled(has and not started and not busy)
        self.start_action.setEnabled(has and not started and not busy)
        self.stop_action.setEnabled(started)
        self.preview_action.setEnabled(has and not busy)
        lights = [s.light for s in self.servers.states.values()]
        running = sum(1 for s in self.servers.states.values() if s.started or s.busy)
        text = self.tr("%1 server(s), %2 running").replace("%1", str(len(lights))).replace("%2", str(running))
        self.counts_label.setText(text)
        self.tray.set_state(overall_state(lights), text)

    def _refresh_next_runs(self) -> None:
        for server_id in list(self.servers.states):
            if self.jobs.started(server_id):
                self.servers.update_state(server_id, next_runs=self.jobs.next_runs(server_id))

    # -- server actions ----------------------------------------------------------------------------
    def new_server(self) -> None:
        self._open_dialog(None)

    def modify_server(self) -> None:
        settings = self._selected()
        if settings is not None:
            self._open_dialog(settings)

    def _open_dialog(self, settings: ServerSettings | None) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        dialog = ServerDialog(settings, store=self.store, secrets=self.secrets, probes=self.probes, parent=self)
        dialog.accepted.connect(lambda d=dialog: self._dialog_saved(d))
        self.dialog = dialog
        dialog.open()

    def _dialog_saved(self, dialog: ServerDialog) -> None:
        self.reload()
        if dialog.saved is not None:
            self.servers.select(dialog.saved.id)
            self.statusBar().showMessage(self.tr("Server %1 saved").replace("%1", dialog.saved.name), 5000)
            if self.jobs.started(dialog.saved.id):
                self.statusBar().showMessage(self.tr("Saved. Stop and start the server to use the new settings."))

    def delete_server(self) -> None:
        settings = self._selected()
        if settings is None:
            return
        text = self.tr(
            "Delete the server %1? Its settings, its state and its stored Key and password are removed."
        ).replace("%1", settings.name)
        self.presenter.confirm(
            self.tr("Delete server"), text, lambda: self._delete(settings), yes_text=self.tr("Delete")
        )

    def _delete(self, settings: ServerSettings) -> None:
        if self.jobs.started(settings.id):
            self.presenter.error(self.tr("Server is running"), self.tr("Stop the server before deleting it."))
            return
        self.store.remove(settings)
        self.secrets.delete_all(settings.id)
        self.reload()
        self.statusBar().showMessage(self.tr("Server %1 deleted").replace("%1", settings.name), 5000)

    def start_server(self) -> None:
        settings = self._selected()
        if settings is None:
            return
        if not settings.enabled_tasks():
            self.presenter.error(
                self.tr("Nothing to start"),
                self.tr("Both tasks are Off. Press Modify and choose a start for Import or Export."),
                warning=True,
            )
            return
        self._announce.add(settings.id)
        if not self.jobs.start(settings):
            self._announce.discard(settings.id)

    def stop_server(self) -> None:
        settings = self._selected()
        if settings is not None:
            self._announce.discard(settings.id)
            self.jobs.stop(settings.id)

    def preview_server(self) -> None:
        settings = self._selected()
        if settings is not None and self.jobs.preview(settings):
            self.progress.row(settings.id, settings.name)
            self.servers.update_state(settings.id, busy=True)
            self._update_actions()

    # -- events ------------------------------------------------------------------------------------
    def _on_progress(self, event: ProgressEvent) -> None:
        if event.server_id not in self.servers.states:
            return
        self.progress.on_progress(event, self._server_name(event.server_id))
        if not self.servers.states[event.server_id].busy:
            self.servers.update_state(event.server_id, busy=True)
            self._update_actions()

    def _on_log(self, event: LogEvent) -> None:
        self.log_view.add_event(event)

    def _on_task_finished(self, event: TaskFinished) -> None:
        level = logging.INFO if event.status == "ok" else logging.WARNING
        self.log_view.add_event(LogEvent(event.server_id, level, event.summary, event.task))

    def _on_jobs_changed(self, server_id: str) -> None:
        self._sync_state(server_id)
        self._update_actions()
        if self._closing and not self.jobs.any_active():
            self.close()

    def _on_report(self, server_id: str, report: RunReport) -> None:
        if report.dry_run:  # a preview of a started server: the preview dialog shows it
            return
        self.progress.finish(server_id)
        last = load_last_run(server_id) or {
            "finished_at": datetime.now(UTC).isoformat(),
            "status": report.status,
            "summary": short_summary(report),
        }
        self.servers.update_state(server_id, busy=False, last_run=last, next_runs=self.jobs.next_runs(server_id))
        self._update_actions()
        name = self._server_name(server_id)
        if server_id in self._announce:
            self._announce.discard(server_id)
            self.show_report(name, report)
        elif report.status == "failed":
            self.tray.notify_failure(self.tr("%1: scheduled run failed").replace("%1", name), short_summary(report))
        self.statusBar().showMessage(f"{name}: {short_summary(report)}", 10000)

    def show_report(self, name: str, report: RunReport) -> None:
        text = "\n".join(report_lines(report))
        details = report_details(report)
        if report.status == "ok":
            self.presenter.success(self.tr("%1 — done").replace("%1", name), text, details)
            return
        failed = [t for t in report.tasks if t.fatal]
        if failed:
            self.presenter.error(failed[0].fatal_title or self.tr("Error"), failed[0].fatal or "", details)
        else:
            self.presenter.error(self.tr("%1 — done with errors").replace("%1", name), text, details, warning=True)

    def _on_preview(self, server_id: str, report: RunReport) -> None:
        self.progress.finish(server_id)
        self.servers.update_state(server_id, busy=False)
        self._update_actions()
        self.preview = PreviewDialog(self._server_name(server_id), report, self)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.open()

    def _on_failed(self, server_id: str, exc: object) -> None:
        if isinstance(exc, AppError):
            self.presenter.app_error(exc)
        else:
            self.presenter.error(self.tr("Unexpected error"), str(exc) or type(exc).__name__, repr(exc))

    def _raise(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- closing -----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.jobs.any_active():
            event.ignore()
            if not self._closing:
                self._closing = True
                self.statusBar().showMessage(self.tr("Stopping the running servers…"))
                self._shutdown = asyncio.get_event_loop().create_task(self.jobs.stop_all())
            return
        self.timer.stop()
        if self.tray.icon is not None:
            self.tray.icon.hide()
        event.accept()
