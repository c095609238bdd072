"""The window on the demo (offscreen): the "Open shop storefront" action, the status-bar note, the sandbox
stopped with the window — without ``app.exec()``."""

from __future__ import annotations

import sqlite3

import httpx
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from app.demo import DEMO_KEY_ENV, start_demo
from app.ui import demo_menu
from app.ui.main_window import MainWindow
from tests.ui.conftest import qloop  # noqa: F401 - the qasync loop fixture, used by name


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.delenv(DEMO_KEY_ENV, raising=False)
    env = start_demo()
    yield env
    env.stop()


def test_the_demo_window_offers_the_storefront_and_names_the_shop(qtbot, demo, monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(demo_menu.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    window = MainWindow()  # not qtbot.addWidget: the test deletes it, to see the sandbox stop with it
    action = demo_menu.install_demo(window, demo)
    window.show()
    qtbot.waitExposed(window)

    assert isinstance(action, QAction) and action.text() == "Open shop storefront"
    menu = window.menuBar().findChild(QMenu, "demo-menu")
    assert menu is not None and action in menu.actions()
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[-2:] == ["Demo", "Help"]  # before Help, which stays last
    assert action in window.toolbar.actions()
    note = window.statusBar().findChild(QLabel, "demo-note")
    assert note is not None and demo.shop_url in note.text() and "warehouse.db3" in note.text()
    assert window.windowTitle().endswith("Demo")
    assert window.servers.selected_id() == demo.server.id  # the Demo server is listed and selected

    action.trigger()
    assert opened == [demo.storefront_url]
    storefront = httpx.get(opened[0], timeout=10)
    assert storefront.status_code == 200 and "text/html" in storefront.headers["content-type"]

    shot = tmp_path / "demo-window.png"
    assert window.grab().save(str(shot)) and shot.stat().st_size > 10_000

    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: not demo.running, timeout=5000)
    with pytest.raises(httpx.TransportError):
        httpx.get(demo.shop_url + "/admin/state", timeout=2)


def test_start_on_the_demo_server_imports_the_orders_and_exports_the_goods(qtbot, qloop, demo):  # noqa: F811
    window = MainWindow()
    qtbot.addWidget(window)
    demo_menu.install_demo(window, demo)
    window.show()
    assert window.servers.selected_id() == demo.server.id

    window.start_action.trigger()
    qtbot.waitUntil(lambda: window.presenter.last("success") is not None, timeout=60_000)
    shown = window.presenter.last("success")
    assert "Demo" in shown.title
    assert "Import from CloudCart" in shown.text and "Export from Warehouse Pro" in shown.text

    with sqlite3.connect(demo.warehouse_path) as db:  # the demo's 3 open orders + the shop's 3 imported
        assert db.execute("SELECT COUNT(DISTINCT Acct) FROM operations WHERE OperType = 19").fetchone()[0] == 6
    state = httpx.get(demo.shop_url + "/admin/state", timeout=10).json()
    assert state["counts"]["live_products"] > 3 and len(state["variants"]) > 40  # the web goods are in the shop
    window.stop_action.trigger()
    qtbot.waitUntil(lambda: not window.jobs.any_active(), timeout=30_000)
