"""The server dialog: create, edit, rename, delete; validation next to the fields; Key in the keyring."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.domain.settings import parse_settings
from app.domain.validation import SettingsInvalid
from app.servers.secrets import SecretStore
from app.servers.store import ServerStore
from app.ui.main_window import MainWindow
from app.ui.server_dialog import ServerDialog
from tests.ui.conftest import server_data

KEY = "K" * 64


@pytest.fixture
def window(qtbot, qloop):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    return win


def click_ok(dialog: ServerDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def fill_new(dialog: ServerDialog, name: str, db: Path) -> None:
    dialog.name.setText(name)
    dialog.shop_page.api_identifier.setText("mystore.cloudcart.net")
    dialog.shop_page.api_key.setText(KEY)
    dialog.shop_page.compare_by.setCurrentIndex(1)
    dialog.shop_page.switches["featured"].setChecked(True)
    dialog.warehouse_page.file.setText(str(db))
    dialog.import_page.object.set_value("Online shop")
    dialog.export_page.object.set_value("Online shop")
    dialog.export_page.start.set_value("every:30m")
    dialog.export_page.price_field.setCurrentText("PriceOut3")


def test_create_server_through_the_dialog(window, qtbot, tmp_path, keyring_file):
    window.new_action.trigger()
    dialog = window.dialog
    assert dialog is not None and dialog.isVisible()
    fill_new(dialog, "Shop one", tmp_path / "w.db3")
    click_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    stored = ServerStore().get("Shop one")
    assert stored.shop.compare_by == "barcode"
    assert stored.shop.new_products.featured is True
    assert str(stored.export.start) == "every:30m"
    assert stored.export.price_field == "PriceOut3"
    assert stored.warehouse.database == str(tmp_path / "w.db3")
    assert SecretStore().get(stored.id, "api-key") == KEY
    server_file = next(ServerStore().directory.glob("*.toml")).read_text()
    assert KEY not in server_file
    assert window.servers.rowCount() == 1
    assert window.servers.item(0, 1).text() == "Shop one"
    assert window.servers.item(0, 2).text() == "Warehouse Pro Import Export CloudCart"


def test_edit_and_rename_keep_id_secret_and_hidden_settings(window, qtbot, tmp_path):
    data = server_data("mystore.cloudcart.net", tmp_path / "w.db3")
    data["export"]["update_fields"] = ["name"]  # not shown by the dialog: must survive an edit
    stored = ServerStore().add(parse_settings(data))
    SecretStore().set(stored.id, "api-key", KEY)
    window.reload()
    window.servers.select(stored.id)
    index = window.servers.model().index(0, 1)
    window.servers.doubleClicked.emit(index)  # double-click = Modify
    dialog = window.dialog
    assert dialog.name.text() == "Demo shop"
    assert dialog.shop_page.api_key.text() == ""  # the Key never comes back into the window
    assert "keyring" in dialog.shop_page.api_key.placeholderText()
    dialog.name.setText("Renamed shop")
    dialog.shop_page.switches["new"].setChecked(True)
    click_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    servers = ServerStore().list()
    assert [s.name for s in servers] == ["Renamed shop"]
    assert servers[0].id == stored.id
    assert servers[0].shop.new_products.new is True
    assert servers[0].export.update_fields == ("name",)
    assert SecretStore().get(stored.id, "api-key") == KEY
    assert window.servers.item(0, 1).text() == "Renamed shop"


def test_invalid_values_are_shown_next_to_their_fields(window, qtbot):
    window.new_action.trigger()
    dialog = window.dialog
    dialog.shop_page.api_identifier.setText("ftp://shop.example")
    dialog.import_page.start.set_value("on-server-start")
    dialog.import_page.object.set_value("")
    click_ok(dialog)
    assert dialog.isVisible()  # nothing saved
    assert ServerStore().list() == []

    with pytest.raises(SettingsInvalid) as caught:
        parse_settings(dialog.build_data())
    expected = {p.key: p.message for p in caught.value.problems}
    shown = dialog.problems()
    for key in ("name", "shop.api_identifier", "warehouse.database", "import.object"):
        assert key in expected
    assert shown["name"] == expected["name"]
    assert shown["shop.api_identifier"] == expected["shop.api_identifier"]
    assert shown["import.object"] == expected["import.object"]
    assert shown["warehouse.file"] == expected["warehouse.database"]  # a file engine: under the file picker
    # the red line sits right under its own field
    box = dialog.boxes["shop.api_identifier"]
    assert box.field is dialog.shop_page.api_identifier
    assert box.error.isVisibleTo(dialog) and "color: #b3261e" in box.error.styleSheet()
    assert box.error.geometry().top() >= dialog.shop_page.api_identifier.geometry().bottom()

    dialog.name.setText("Fixed")
    dialog.shop_page.api_identifier.setText("mystore.cloudcart.net")
    dialog.warehouse_page.file.setText("/tmp/w.db3")
    dialog.import_page.object.set_value("Online shop")
    dialog.export_page.object.set_value("Online shop")
    click_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not dialog.problems()
    assert [s.name for s in ServerStore().list()] == ["Fixed"]


def test_a_name_in_use_is_refused_next_to_the_name(window, qtbot, tmp_path):
    ServerStore().add(parse_settings(server_data("mystore.cloudcart.net", tmp_path / "w.db3")))
    window.reload()
    window.new_action.trigger()
    dialog = window.dialog
    fill_new(dialog, "demo SHOP", tmp_path / "w.db3")
    click_ok(dialog)
    assert dialog.isVisible()
    assert "already exists" in dialog.problems()["name"]
    assert len(ServerStore().list()) == 1


def test_delete_asks_first_and_removes_settings_and_secrets(window, qtbot, tmp_path):
    stored = ServerStore().add(parse_settings(server_data("mystore.cloudcart.net", tmp_path / "w.db3")))
    SecretStore().set(stored.id, "api-key", KEY)
    window.reload()
    window.servers.select(stored.id)

    window.delete_action.trigger()
    shown = window.presenter.last("confirm")
    assert "Demo shop" in shown.text and shown.box.informativeText() == shown.text
    box = shown.box
    cancel = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    cancel.click()
    assert len(ServerStore().list()) == 1

    window.delete_action.trigger()
    box = window.presenter.last("confirm").box
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    yes.click()
    qtbot.waitUntil(lambda: window.servers.rowCount() == 0)
    assert ServerStore().list() == []
    assert SecretStore().get(stored.id, "api-key") is None


def test_cancel_changes_nothing(window, qtbot):
    window.new_action.trigger()
    dialog = window.dialog
    dialog.name.setText("Never saved")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert ServerStore().list() == []
