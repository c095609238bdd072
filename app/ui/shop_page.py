"""Server dialog, tab *Shop*: API identifier, Key, Compare by, Test connection and the six switches."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.form_fields import FieldBox

SWITCHES = ("active", "featured", "new", "has_weight", "track_quantity", "continue_selling")


class ShopPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api_identifier = QLineEdit()
        self.api_identifier.setObjectName("api_identifier")
        self.api_identifier.setPlaceholderText("mystore.cloudcart.net")
        self.api_key = QLineEdit()
        self.api_key.setObjectName("api_key")
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText(self.tr("The shop's 64-character API key"))
        self.compare_by = QComboBox()
        self.compare_by.setObjectName("compare_by")
        self.compare_by.addItem(self.tr("SKU"), "sku")
        self.compare_by.addItem(self.tr("Barcode"), "barcode")
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("test_shop")
        self.test_result = QLabel()
        self.test_result.setObjectName("shop-test-result")
        self.test_result.setWordWrap(True)

        self.boxes: dict[str, FieldBox] = {
            "shop.api_identifier": FieldBox(self.api_identifier),
            "shop.api_key": FieldBox(self.api_key),
            "shop.compare_by": FieldBox(self.compare_by),
        }
        shop = QGroupBox(self.tr("CloudCart shop"))
        form = QFormLayout(shop)
        form.addRow(self.tr("API identifier"), self.boxes["shop.api_identifier"])
        form.addRow(self.tr("Key"), self.boxes["shop.api_key"])
        form.addRow(self.tr("Compare by"), self.boxes["shop.compare_by"])
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow("", test_row)
        form.addRow("", self.test_result)

        labels = {
            "active": self.tr("Mark imported products as active"),
            "featured": self.tr("Mark imported products as featured (recommended)"),
            "new": self.tr("Mark imported products as new"),
            "has_weight": self.tr("All imported products contain weight information"),
            "track_quantity": self.tr("Track the quantity of imported products"),
            "continue_selling": self.tr("Continue selling when the quantity is 0"),
        }
        self.switches: dict[str, QCheckBox] = {}
        products = QGroupBox(self.tr("Products created in the shop"))
        column = QVBoxLayout(products)
        for name in SWITCHES:
            box = QCheckBox(labels[name])
            box.setObjectName(f"switch_{name}")
            self.switches[name] = box
            column.addWidget(box)
        self.switches["has_weight"].setToolTip(
            self.tr("Tick it even if only some goods have a weight: the products are physical and ship.")
        )

        layout = QVBoxLayout(self)
        layout.addWidget(shop)
        layout.addWidget(products)
        layout.addStretch(1)

    def load(self, data: dict[str, Any], *, key_stored: bool) -> None:
        shop = data.get("shop", {})
        self.api_identifier.setText(str(shop.get("api_identifier", "")))
        index = self.compare_by.findData(shop.get("compare_by", "sku"))
        self.compare_by.setCurrentIndex(max(index, 0))
        if key_stored:
            self.api_key.setPlaceholderText(self.tr("Stored in the keyring — type a new Key to replace it"))
        elif shop.get("api_key_env"):
            self.api_key.setPlaceholderText(
                self.tr("Read from the environment variable %1").replace("%1", str(shop["api_key_env"]))
            )
        switches = shop.get("new_products", {})
        for name, box in self.switches.items():
            box.setChecked(bool(switches.get(name, name in ("active", "track_quantity"))))

    def dump(self, data: dict[str, Any]) -> None:
        shop = data.setdefault("shop", {})
        shop["api_identifier"] = self.api_identifier.text().strip()
        shop["compare_by"] = self.compare_by.currentData()
        shop["new_products"] = {name: box.isChecked() for name, box in self.switches.items()}
