"""Small form pieces of the server dialog: a field with its error line, Yes/No, start mode, object picker."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.domain.schedule import StartMode, parse_start_mode

ERROR_STYLE = "color: #b3261e;"


class FieldBox(QWidget):
    """A field and, under it, a red line with the validation message of its settings key."""

    def __init__(self, field: QWidget | None = None, parent: QWidget | None = None, *, extra: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        if field is not None:
            self.row.addWidget(field, 1)
        if extra is not None:
            self.row.addWidget(extra)
        layout.addLayout(self.row)
        self.error = QLabel()
        self.error.setObjectName("field-error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.field = field

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""


class YesNo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("Yes"), True)
        self.addItem(self.tr("No"), False)

    def value(self) -> bool:
        return bool(self.currentData())

    def set_value(self, value: bool) -> None:
        self.setCurrentIndex(0 if value else 1)


class StartModeEdit(QWidget):
    """Off / When the server starts / After a delay / Every — the start setting of a task."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Off"), "off")
        self.kind.addItem(self.tr("When the server starts"), "on-server-start")
        self.kind.addItem(self.tr("After a delay"), "after")
        self.kind.addItem(self.tr("Every"), "every")
        self.amount = QSpinBox()
        self.amount.setRange(1, 100000)
        self.amount.setValue(15)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("seconds"), "s")
        self.unit.addItem(self.tr("minutes"), "m")
        self.unit.addItem(self.tr("hours"), "h")
        self.unit.setCurrentIndex(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind, 1)
        layout.addWidget(self.amount)
        layout.addWidget(self.unit)
        self.kind.currentIndexChanged.connect(self._update)
        for signal in (self.kind.currentIndexChanged, self.amount.valueChanged, self.unit.currentIndexChanged):
            signal.connect(self.changed)
        self._update()

    def _update(self) -> None:
        timed = self.kind.currentData() in ("after", "every")
        self.amount.setVisible(timed)
        self.unit.setVisible(timed)

    def value(self) -> str:
        kind = self.kind.currentData()
        if kind in ("off", "on-server-start"):
            return str(kind)
        return f"{kind}:{self.amount.value()}{self.unit.currentData()}"

    def set_value(self, text: str) -> None:
        try:
            mode = parse_start_mode(text)
        except ValueError:
            mode = StartMode("on-server-start")
        self.kind.setCurrentIndex(self.kind.findData(mode.kind))
        if mode.kind in ("after", "every"):
            for unit, size in (("h", 3600), ("m", 60), ("s", 1)):
                if mode.seconds % size == 0:
                    self.amount.setValue(mode.seconds // size)
                    self.unit.setCurrentIndex(self.unit.findData(unit))
                    break
        self._update()


class ObjectPicker(QComboBox):
    """The Object for operations: typed by name or code, or picked from the objects of the database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = self.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("Name or code of a Warehouse Pro object"))

    def value(self) -> str:
        return self.currentText().strip()

    def set_value(self, text: str) -> None:
        self.setEditText(text)

    def set_choices(self, objects: list[tuple[str, str]]) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        for code, name in objects:
            self.addItem(name, code)
            self.setItemData(self.count() - 1, f"{self.tr('Code')}: {code}", 3)  # Qt.ToolTipRole
        self.blockSignals(False)
        matched = next((name for code, name in objects if current.lower() in (code.lower(), name.lower())), current)
        self.setEditText(matched)
