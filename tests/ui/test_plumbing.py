"""The bridge across threads, the probes behind the dialog's buttons, crash hooks, the tray on failure."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QThread

from app.domain.errors import ConfigurationError
from app.domain.report import RunReport, TaskReport
from app.domain.settings import parse_settings
from app.sandbox import DEMO_API_KEY
from app.servers.secrets import SecretStore
from app.servers.store import ServerStore
from app.sync.events import LogEvent, ProgressEvent
from app.ui.bridge import BridgeLogHandler, EventBridge
from app.ui.crash import CrashReporter
from app.ui.main_window import MainWindow
from app.ui.server_dialog import ServerDialog
from tests.ui.conftest import server_data


def test_events_from_worker_threads_arrive_in_the_gui_thread(qtbot, qapp):
    bridge = EventBridge()
    got = []
    bridge.progress.connect(lambda e: got.append((e.done, QThread.currentThread() is qapp.thread())))
    report = bridge.reporter()
    threads = [
        threading.Thread(target=lambda n=n: [report(ProgressEvent("s", "export", "x", n * 100 + i)) for i in range(50)])
        for n in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == []  # queued: nothing runs inside the reporter's thread
    qtbot.waitUntil(lambda: len(got) == 200)
    assert all(in_gui for _, in_gui in got)


def test_python_logging_reaches_the_log_view_redacted(qtbot, qloop):
    window = MainWindow()
    qtbot.addWidget(window)
    handler = BridgeLogHandler(window.bridge)
    logger = logging.getLogger("app.test.ui")
    logger.addHandler(handler)
    try:
        logger.warning("Key is api_key=%s", "S3CRETS3CRET")
        window.bridge.emit_event(LogEvent("", logging.ERROR, "boom"))
        qtbot.waitUntil(lambda: "boom" in window.log_view.shown_text())
    finally:
        logger.removeHandler(handler)
    text = window.log_view.shown_text()
    assert "api_key=***" in text and "S3CRET" not in text
    window.log_view.level.setCurrentIndex(3)  # errors only
    assert "boom" in window.log_view.shown_text() and "api_key" not in window.log_view.shown_text()
    window.log_view.level.setCurrentIndex(0)
    window.log_view.search.setText("boom")
    assert window.log_view.shown_text().strip().endswith("boom")


def test_dialog_probes_test_the_shop_and_read_the_groups(qtbot, qloop, sandbox, demo_db):
    stored = ServerStore().add(parse_settings(server_data(sandbox.url, demo_db)))
    dialog = ServerDialog(stored, store=ServerStore(), secrets=SecretStore())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.shop_page.api_key.setText(DEMO_API_KEY)
    dialog.shop_page.test_button.click()
    qtbot.waitUntil(lambda: "Connected to the shop" in dialog.shop_page.test_result.text(), timeout=20_000)
    dialog.shop_page.api_key.setText("BAD" + "0" * 61)
    dialog.shop_page.test_button.click()
    qtbot.waitUntil(lambda: "refused" in dialog.shop_page.test_result.text().lower(), timeout=20_000)

    dialog.warehouse_page.test_button.click()
    qtbot.waitUntil(lambda: "goods" in dialog.warehouse_page.test_result.text(), timeout=20_000)
    dialog.tabs.setCurrentIndex(3)  # the first visit of a task tab reads objects and groups
    qtbot.waitUntil(lambda: dialog.export_page.goods_groups.loaded, timeout=20_000)
    tree = dialog.export_page.goods_groups
    assert tree.topLevelItemCount() >= 2
    assert dialog.export_page.goods_groups.selected() == ["Web shop"]
    assert tree.check("Office")
    assert dialog.export_page.object_groups.selected() == ["Warehouses"]
    dialog.shop_page.api_key.clear()
    dialog.accept()
    assert ServerStore().get(stored.id).export.goods_groups == ("Web shop", "Office")


def test_an_unhandled_exception_ends_in_an_error_dialog_and_the_log(qtbot, qloop, caplog):
    window = MainWindow()
    qtbot.addWidget(window)
    crash = CrashReporter(window.presenter)
    crash.install(qloop)
    try:
        try:
            raise RuntimeError("a bug in a slot")
        except RuntimeError as exc:
            import sys

            sys.excepthook(type(exc), exc, exc.__traceback__)
        worker = threading.Thread(target=lambda: (_ for _ in ()).throw(ConfigurationError("bad thread")))
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len([s for s in window.presenter.shown if s.kind == "error"]) == 2)
    finally:
        crash.uninstall()
    first, second = [s for s in window.presenter.shown if s.kind == "error"]
    assert first.title == "Unexpected error" and "a bug in a slot" in first.text
    assert "Traceback" in first.details
    assert second.title == "Configuration error" and second.text == "bad thread"
    assert "a bug in a slot" in caplog.text


def test_a_failed_scheduled_run_notifies_through_the_tray(qtbot, qloop, tmp_path):
    stored = ServerStore().add(parse_settings(server_data("mystore.cloudcart.net", tmp_path / "w.db3")))
    window = MainWindow()
    qtbot.addWidget(window)
    failed = TaskReport("export", fatal="Shop unreachable", fatal_title="Offline")
    report = RunReport(server=stored.name, tasks=[failed])
    window.bridge.emit_report(stored.id, report)  # not started by hand: no dialog, a notification
    qtbot.waitUntil(lambda: bool(window.tray.notifications))
    title, message = window.tray.notifications[-1]
    assert stored.name in title and "Shop unreachable" in message
    assert window.presenter.last() is None
    assert window.servers.states[stored.id].light == "failed"
    assert window.tray.state == "failed"


@pytest.mark.parametrize("state", ["idle", "running", "ok", "partial", "failed"])
def test_status_lights_are_drawn(qapp, state):
    from app.ui.icons import app_icon, light_pixmap

    pixmap = light_pixmap(state, 16)
    assert not pixmap.isNull() and pixmap.toImage().pixelColor(8, 8).alpha() == 255
    assert not app_icon(state).isNull()


def test_a_schedule_that_ends_without_a_report_is_cleaned_up(qtbot, qloop, tmp_path):
    class Broken:
        """A scheduler whose loop died without calling on_report."""

        running = True
        busy = False

        def __init__(self, settings, **kwargs):
            self.stopped = False

        def start(self):
            pass

        async def stop(self):
            self.stopped = True

        def next_runs(self):
            return {}

    stored = ServerStore().add(parse_settings(server_data("mystore.cloudcart.net", tmp_path / "w.db3")))
    window = MainWindow(scheduler_factory=Broken)
    qtbot.addWidget(window)
    window.servers.select(stored.id)
    window.start_action.trigger()
    scheduler = window.jobs._schedulers[stored.id]
    assert window.servers.states[stored.id].started
    scheduler.running = False
    window.jobs.reap()
    qtbot.waitUntil(lambda: not window.jobs.started(stored.id))
    assert scheduler.stopped and window.start_action.isEnabled()
