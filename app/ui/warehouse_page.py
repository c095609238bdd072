"""Server dialog, tab *Warehouse Pro database*: engine, file or host/port/database/user/password, Test connection."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.settings import ENGINES
from app.ui.form_fields import FieldBox

ENGINE_NAMES = {"sqlite": "SQLite", "mysql": "MySQL / MariaDB", "mssql": "Microsoft SQL Server", "access": "Access"}


class WarehousePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = QComboBox()
        self.engine.setObjectName("engine")
        for engine in ENGINES:
            self.engine.addItem(ENGINE_NAMES[engine], engine)
        self.file = QLineEdit()
        self.file.setObjectName("database_file")
        self.file.setPlaceholderText(self.tr("Path of the database file"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.host = QLineEdit("127.0.0.1")
        self.host.setObjectName("host")
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("default"))
        self.database = QLineEdit()
        self.database.setObjectName("database_name")
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("db_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.odbc_driver = QLineEdit()
        self.odbc_driver.setObjectName("odbc_driver")
        self.odbc_driver.setPlaceholderText(self.tr("Optional, e.g. ODBC Driver 18 for SQL Server"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("test_warehouse")
        self.test_result = QLabel()
        self.test_result.setObjectName("warehouse-test-result")
        self.test_result.setWordWrap(True)

        self.boxes: dict[str, FieldBox] = {
            "warehouse.engine": FieldBox(self.engine),
            "warehouse.file": FieldBox(self.file, extra=self.browse),
            "warehouse.host": FieldBox(self.host),
            "warehouse.port": FieldBox(self.port),
            "warehouse.database": FieldBox(self.database),
            "warehouse.user": FieldBox(self.user),
            "warehouse.password": FieldBox(self.password),
            "warehouse.odbc_driver": FieldBox(self.odbc_driver),
        }
        group = QGroupBox(self.tr("Warehouse Pro database"))
        self.form = QFormLayout(group)
        self.form.addRow(self.tr("Database type"), self.boxes["warehouse.engine"])
        self.form.addRow(self.tr("Database file"), self.boxes["warehouse.file"])
        self.form.addRow(self.tr("Host"), self.boxes["warehouse.host"])
        self.form.addRow(self.tr("Port"), self.boxes["warehouse.port"])
        self.form.addRow(self.tr("Database"), self.boxes["warehouse.database"])
        self.form.addRow(self.tr("User"), self.boxes["warehouse.user"])
        self.form.addRow(self.tr("Password"), self.boxes["warehouse.password"])
        self.form.addRow(self.tr("ODBC driver"), self.boxes["warehouse.odbc_driver"])
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        self.form.addRow("", test_row)
        self.form.addRow("", self.test_result)
        layout = QVBoxLayout(self)
        layout.addWidget(group)
        layout.addStretch(1)
        self.engine.currentIndexChanged.connect(self._update_rows)
        self.browse.clicked.connect(self._browse)
        self._update_rows()

    def engine_value(self) -> str:
        return str(self.engine.currentData())

    def is_file(self) -> bool:
        return self.engine_value() in ("sqlite", "access")

    def _update_rows(self) -> None:
        file_based = self.is_file()
        for key in ("warehouse.host", "warehouse.port", "warehouse.database", "warehouse.user", "warehouse.password"):
            self.form.setRowVisible(self.boxes[key], not file_based)
        self.form.setRowVisible(self.boxes["warehouse.file"], file_based)
        self.form.setRowVisible(self.boxes["warehouse.odbc_driver"], self.engine_value() in ("mssql", "access"))
        self.port.setSpecialValueText(
            self.tr("default") + {"mysql": " (3306)", "mssql": " (1433)"}.get(self.engine_value(), "")
        )

    def _browse(self) -> None:
        if self.engine_value() == "access":
            pattern = self.tr("Access databases (*.mdb *.accdb);;All files (*)")
        else:
            pattern = self.tr("SQLite databases (*.db *.db3 *.sqlite);;All files (*)")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Warehouse Pro database"), self.file.text(), pattern)
        if path:
            self.file.setText(path)

    def load(self, data: dict[str, Any], *, password_stored: bool) -> None:
        wh = data.get("warehouse", {})
        index = self.engine.findData(wh.get("engine", "sqlite"))
        self.engine.setCurrentIndex(max(index, 0))
        if self.is_file():
            self.file.setText(str(wh.get("database", "")))
        else:
            self.database.setText(str(wh.get("database", "")))
        self.host.setText(str(wh.get("host", "127.0.0.1")))
        self.port.setValue(int(wh.get("port") or 0))
        self.user.setText(str(wh.get("user", "")))
        self.odbc_driver.setText(str(wh.get("odbc_driver") or ""))
        if password_stored:
            self.password.setPlaceholderText(self.tr("Stored in the keyring — type a new password to replace it"))
        elif wh.get("password_env"):
            self.password.setPlaceholderText(
                self.tr("Read from the environment variable %1").replace("%1", str(wh["password_env"]))
            )
        self._update_rows()

    def dump(self, data: dict[str, Any]) -> None:
        old = data.get("warehouse", {})
        wh: dict[str, Any] = {"engine": self.engine_value()}
        if self.is_file():
            wh["database"] = self.file.text().strip()
        else:
            wh["database"] = self.database.text().strip()
            wh["host"] = self.host.text().strip()
            if self.port.value():
                wh["port"] = self.port.value()
            wh["user"] = self.user.text().strip()
        if old.get("password_env"):
            wh["password_env"] = old["password_env"]
        if self.odbc_driver.text().strip() and self.engine_value() in ("mssql", "access"):
            wh["odbc_driver"] = self.odbc_driver.text().strip()
        data["warehouse"] = wh

    def show_problem(self, key: str, message: str) -> bool:
        """Place a ``warehouse.*`` problem under its field; ``database`` goes to the file for file engines."""
        if key == "warehouse.database" and self.is_file():
            key = "warehouse.file"
        box = self.boxes.get(key)
        if box is None:
            return False
        box.set_error(message)
        return True
