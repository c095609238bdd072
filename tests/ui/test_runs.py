"""Start, progress, success; Stop and Cancel; the error path; Preview — with the real runner, the sandbox
shop over loopback HTTP and a demo Warehouse Pro SQLite database."""

from __future__ import annotations

import httpx
import pytest

from app.domain.settings import parse_settings
from app.sandbox import DEMO_API_KEY, SandboxConfig
from app.sandbox.server import SandboxServer
from app.servers.secrets import SecretStore
from app.servers.store import ServerStore
from app.ui.main_window import MainWindow
from tests.ui.conftest import server_data

TIMEOUT = 30_000


def add_server(shop_url, db, key=DEMO_API_KEY, **overrides):
    stored = ServerStore().add(parse_settings(server_data(shop_url, db, **overrides)))
    SecretStore().set(stored.id, "api-key", key)
    return stored


@pytest.fixture
def window(qtbot, qloop):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.jobs.any_active():  # leave nothing running behind the test
        win.close()
        qtbot.waitUntil(lambda: not win.jobs.any_active(), timeout=TIMEOUT)


def record_progress(window):
    events = []
    window.bridge.progress.connect(events.append)
    return events


def products_in_shop(url: str) -> int:
    return len(httpx.get(url + "/admin/state", timeout=10).json().get("products", []))


def test_start_shows_progress_then_the_success_dialog(window, qtbot, sandbox, demo_db):
    server = add_server(sandbox.url, demo_db)
    window.reload()
    window.servers.select(server.id)
    events = record_progress(window)

    window.start_action.trigger()
    assert window.jobs.started(server.id)
    assert not window.start_action.isEnabled() and window.stop_action.isEnabled()
    qtbot.waitUntil(lambda: window.presenter.last("success") is not None, timeout=TIMEOUT)

    shown = window.presenter.last("success")
    assert "Demo shop" in shown.title
    assert "Export from Warehouse Pro" in shown.text and "created" in shown.text
    assert '"status": "ok"' in shown.details
    assert events and all(e.server_id == server.id for e in events)
    assert any(e.total for e in events)
    # on-server-start only: nothing left to run, the server stops by itself
    qtbot.waitUntil(lambda: not window.jobs.started(server.id), timeout=TIMEOUT)
    state = window.servers.states[server.id]
    assert state.light == "ok" and not state.busy
    assert window.progress.rows == {}
    assert window.servers.item(0, 4).text().startswith("OK")
    assert "started" in window.log_view.shown_text()
    assert products_in_shop(sandbox.url) > 0


def test_a_wrong_key_ends_in_an_error_dialog_with_title_and_details(window, qtbot, sandbox, demo_db):
    server = add_server(sandbox.url, demo_db, key="WRONG" + "0" * 59)
    window.reload()
    window.servers.select(server.id)
    window.start_action.trigger()
    qtbot.waitUntil(lambda: window.presenter.last("error") is not None, timeout=TIMEOUT)

    shown = window.presenter.last("error")
    assert shown.title and shown.title != "Error"
    assert shown.text
    assert shown.box.detailedText() == shown.details
    assert '"status": "failed"' in shown.details
    assert "WRONG" not in shown.details  # the key never reaches a dialog
    assert window.presenter.last("success") is None
    qtbot.waitUntil(lambda: window.servers.states[server.id].light == "failed", timeout=TIMEOUT)
    assert products_in_shop(sandbox.url) == 0


@pytest.fixture
def slow_sandbox():
    with SandboxServer(SandboxConfig(rate_limit=10_000, faults="slow:1.0@2s")) as srv:
        yield srv


@pytest.mark.parametrize("how", ["cancel", "stop"])
def test_cancel_and_stop_end_the_running_job(window, qtbot, slow_sandbox, demo_db, how):
    server = add_server(slow_sandbox.url, demo_db)
    window.reload()
    window.servers.select(server.id)
    events = record_progress(window)
    window.start_action.trigger()
    qtbot.waitUntil(lambda: server.id in window.progress.rows, timeout=TIMEOUT)
    assert window.servers.states[server.id].light == "running"

    if how == "cancel":
        window.progress.rows[server.id].cancel.click()
    else:
        window.stop_action.trigger()
    qtbot.waitUntil(lambda: not window.jobs.started(server.id), timeout=TIMEOUT)
    assert window.progress.rows == {}
    assert window.progress.placeholder.isVisibleTo(window.progress)
    assert not window.servers.states[server.id].busy
    assert window.start_action.isEnabled() and not window.stop_action.isEnabled()
    assert window.presenter.last("success") is None
    assert events
    qtbot.waitUntil(lambda: "stopped" in window.log_view.shown_text())  # log events are queued


def test_preview_lists_the_changes_and_writes_nothing(window, qtbot, sandbox, demo_db):
    server = add_server(sandbox.url, demo_db)
    window.reload()
    window.servers.select(server.id)
    window.preview_action.trigger()
    qtbot.waitUntil(lambda: window.preview is not None, timeout=TIMEOUT)

    table = window.preview.table
    assert table.rowCount() > 0
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Task", "Key", "Action", "Field", "Before", "After"]
    actions = {table.item(r, 2).text() for r in range(table.rowCount())}
    assert "created" in actions
    assert products_in_shop(sandbox.url) == 0
    assert not window.jobs.previewing(server.id)
    assert window.progress.rows == {}
