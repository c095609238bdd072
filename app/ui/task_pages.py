"""Server dialog, tabs *Import from CloudCart* and *Export from Warehouse Pro*."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
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

from app.domain.settings import PRICE_FIELDS
from app.ui.form_fields import FieldBox, ObjectPicker, StartModeEdit, YesNo
from app.ui.group_tree import GroupTree


def _load_row(page: QWidget) -> tuple[QPushButton, QLabel, QHBoxLayout]:
    button = QPushButton(QCoreApplication.translate("TaskPages", "Load from the database"))
    button.setObjectName("load_choices")
    button.setToolTip(
        QCoreApplication.translate("TaskPages", "Read the objects and groups of the Warehouse Pro database")
    )
    status = QLabel()
    status.setObjectName("choices-status")
    status.setWordWrap(True)
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return button, status, row


class ImportPage(QWidget):
    load_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = StartModeEdit()
        self.start.setObjectName("import_start")
        self.object = ObjectPicker()
        self.object.setObjectName("import_object")
        self.pull_products = YesNo()
        self.pull_products.setObjectName("pull_products")
        self.pull_products.set_value(False)
        self.pull_products.setToolTip(
            self.tr("Imports all shop products into Warehouse Pro. Do it once, then set it back to No.")
        )
        self.document_type = QComboBox()
        self.document_type.setObjectName("document_type")
        self.document_type.addItem(self.tr("Order"), "order")
        self.goods_group = QLineEdit()
        self.goods_group.setObjectName("goods_group")
        self.boxes: dict[str, FieldBox] = {
            "import.start": FieldBox(self.start),
            "import.object": FieldBox(self.object),
            "import.pull_products": FieldBox(self.pull_products),
            "import.document_type": FieldBox(self.document_type),
            "import.goods_group": FieldBox(self.goods_group),
        }
        group = QGroupBox(self.tr("Import from CloudCart"))
        form = QFormLayout(group)
        form.addRow(self.tr("Start"), self.boxes["import.start"])
        form.addRow(self.tr("Object for operations"), self.boxes["import.object"])
        form.addRow(self.tr("Pull products from CloudCart"), self.boxes["import.pull_products"])
        form.addRow(self.tr("Document type"), self.boxes["import.document_type"])
        form.addRow(self.tr("Goods group for pulled goods"), self.boxes["import.goods_group"])
        self.load_button, self.load_status, row = _load_row(self)
        form.addRow("", row)
        form.addRow("", self.load_status)
        self.load_button.clicked.connect(self.load_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(group)
        layout.addStretch(1)

    def load(self, data: dict[str, Any]) -> None:
        imp = data.get("import", {})
        self.start.set_value(str(imp.get("start", "on-server-start")))
        self.object.set_value(str(imp.get("object", "")))
        self.pull_products.set_value(bool(imp.get("pull_products", False)))
        self.goods_group.setText(str(imp.get("goods_group", "CloudCart")))

    def dump(self, data: dict[str, Any]) -> None:
        imp = data.setdefault("import", {})
        imp["start"] = self.start.value()
        imp["object"] = self.object.value()
        imp["pull_products"] = self.pull_products.value()
        imp["document_type"] = self.document_type.currentData()
        imp["goods_group"] = self.goods_group.text().strip()

    def set_choices(self, choices: Any) -> None:
        self.object.set_choices(list(choices.objects))


class ExportPage(QWidget):
    load_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = StartModeEdit()
        self.start.setObjectName("export_start")
        self.object = ObjectPicker()
        self.object.setObjectName("export_object")
        self.object_groups = GroupTree()
        self.object_groups.setObjectName("quantity_object_groups")
        self.object_groups.setToolTip(
            self.tr(
                "The stock of each product is summed over the objects of these groups. "
                "None checked: the Object for operations is used."
            )
        )
        self.goods_groups = GroupTree()
        self.goods_groups.setObjectName("goods_groups")
        self.goods_groups.setToolTip(
            self.tr("Only goods of the checked groups (and their sub-groups) are uploaded. None checked: all goods.")
        )
        self.export_quantities = YesNo()
        self.export_quantities.setObjectName("export_quantities")
        self.export_goods = YesNo()
        self.export_goods.setObjectName("export_goods")
        self.price_field = QComboBox()
        self.price_field.setObjectName("price_field")
        self.price_field.addItems(list(PRICE_FIELDS))
        self.quantity = QComboBox()
        self.quantity.setObjectName("quantity_mode")
        self.quantity.addItem(self.tr("Available (on hand minus open orders)"), "available")
        self.quantity.addItem(self.tr("On hand"), "on_hand")
        self.boxes: dict[str, FieldBox] = {
            "export.start": FieldBox(self.start),
            "export.object": FieldBox(self.object),
            "export.quantity_object_groups": FieldBox(self.object_groups),
            "export.goods_groups": FieldBox(self.goods_groups),
            "export.export_quantities": FieldBox(self.export_quantities),
            "export.export_goods": FieldBox(self.export_goods),
            "export.price_field": FieldBox(self.price_field),
            "export.quantity": FieldBox(self.quantity),
        }
        what = QGroupBox(self.tr("Export from Warehouse Pro"))
        form = QFormLayout(what)
        form.addRow(self.tr("Start"), self.boxes["export.start"])
        form.addRow(self.tr("Object for operations"), self.boxes["export.object"])
        form.addRow(self.tr("Export quantities from Warehouse Pro"), self.boxes["export.export_quantities"])
        form.addRow(self.tr("Export goods from Warehouse Pro"), self.boxes["export.export_goods"])
        form.addRow(self.tr("Price column"), self.boxes["export.price_field"])
        form.addRow(self.tr("Quantity sent"), self.boxes["export.quantity"])
        groups = QGroupBox(self.tr("Groups"))
        trees = QHBoxLayout(groups)
        for title, key in (
            (self.tr("Object groups for quantities"), "export.quantity_object_groups"),
            (self.tr("Goods groups"), "export.goods_groups"),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(self.boxes[key], 1)
            trees.addLayout(column, 1)
        self.load_button, self.load_status, row = _load_row(self)
        self.load_button.clicked.connect(self.load_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(groups, 1)
        row.addWidget(self.load_status, 100)
        layout.addLayout(row)

    def load(self, data: dict[str, Any]) -> None:
        exp = data.get("export", {})
        self.start.set_value(str(exp.get("start", "on-server-start")))
        self.object.set_value(str(exp.get("object", "")))
        self.object_groups.set_values([str(v) for v in exp.get("quantity_object_groups", [])])
        self.goods_groups.set_values([str(v) for v in exp.get("goods_groups", [])])
        self.export_quantities.set_value(bool(exp.get("export_quantities", True)))
        self.export_goods.set_value(bool(exp.get("export_goods", True)))
        index = self.price_field.findText(str(exp.get("price_field", "PriceOut2")))
        self.price_field.setCurrentIndex(max(index, 0))
        self.quantity.setCurrentIndex(max(self.quantity.findData(exp.get("quantity", "available")), 0))

    def dump(self, data: dict[str, Any]) -> None:
        exp = data.setdefault("export", {})
        exp["start"] = self.start.value()
        exp["object"] = self.object.value()
        exp["quantity_object_groups"] = self.object_groups.selected()
        exp["goods_groups"] = self.goods_groups.selected()
        exp["export_quantities"] = self.export_quantities.value()
        exp["export_goods"] = self.export_goods.value()
        exp["price_field"] = self.price_field.currentText()
        exp["quantity"] = self.quantity.currentData()

    def set_choices(self, choices: Any) -> None:
        self.object.set_choices(list(choices.objects))
        self.object_groups.set_choices(list(choices.object_groups))
        self.goods_groups.set_choices(list(choices.goods_groups))
