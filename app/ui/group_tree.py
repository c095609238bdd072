"""A checkable tree of Warehouse Pro groups (objects or goods), built from hierarchical 3-character codes.

Checking a group includes its sub-groups; :meth:`GroupTree.selected` returns the smallest list of names
(codes where two groups share a name) that the server file needs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SEGMENT = 3


def parent_code(code: str) -> str:
    return code[:-SEGMENT] if len(code) > SEGMENT else ""


class GroupTree(QTreeWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setMinimumHeight(120)
        self._names: dict[str, int] = {}
        self._loaded = False
        self.itemChanged.connect(lambda *_: self.changed.emit())

    @property
    def loaded(self) -> bool:
        return self._loaded

    def _new_item(self, parent: QTreeWidget | QTreeWidgetItem, code: str, name: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [name])
        item.setData(0, CODE_ROLE, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        if code:
            item.setToolTip(0, f"{self.tr('Code')}: {code}")
        return item

    def set_values(self, values: list[str]) -> None:
        """Before the database was read: show the configured names as they are."""
        self.blockSignals(True)
        self.clear()
        self._loaded = False
        for value in values:
            item = self._new_item(self, "", value)
            item.setCheckState(0, Qt.CheckState.Checked)
        self.blockSignals(False)

    def set_choices(self, groups: list[tuple[str, str]]) -> None:
        """Build the tree from (code, name) pairs and keep the current selection checked."""
        wanted = {v.lower(): v for v in self.selected()}
        self.blockSignals(True)
        self.clear()
        self._names = {}
        for _code, name in groups:
            self._names[name.lower()] = self._names.get(name.lower(), 0) + 1
        items: dict[str, QTreeWidgetItem] = {}
        for code, name in sorted(groups):
            parent = items.get(parent_code(code))
            items[code] = self._new_item(parent if parent is not None else self, code, name)
        found: set[str] = set()
        for code, item in items.items():
            name = item.text(0).lower()
            if code.lower() in wanted or name in wanted:
                item.setCheckState(0, Qt.CheckState.Checked)
                found.update({code.lower(), name})
        for missing in sorted(set(wanted) - found):
            item = self._new_item(self, "", wanted[missing])
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setForeground(0, Qt.GlobalColor.darkRed)
            item.setToolTip(0, self.tr("Not found in the database"))
        self._loaded = True
        self.expandToDepth(0)
        self.blockSignals(False)

    def _value(self, item: QTreeWidgetItem) -> str:
        code = str(item.data(0, CODE_ROLE) or "")
        name = item.text(0)
        if code and self._names.get(name.lower(), 0) > 1:
            return code
        return name

    def selected(self) -> list[str]:
        result: list[str] = []

        def walk(item: QTreeWidgetItem) -> None:
            state = item.checkState(0)
            if state == Qt.CheckState.Checked:
                result.append(self._value(item))
            elif state == Qt.CheckState.PartiallyChecked:
                for i in range(item.childCount()):
                    child = item.child(i)
                    if child is not None:
                        walk(child)

        for item in self._top_items():
            walk(item)
        return result

    def _top_items(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    def check(self, value: str, checked: bool = True) -> bool:
        """Check the group with this name or code (tests, keyboard-free use)."""
        wanted = value.lower()
        iterator = self._top_items()
        while iterator:
            item = iterator.pop()
            if wanted in (item.text(0).lower(), str(item.data(0, CODE_ROLE) or "").lower()):
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return True
            iterator.extend(c for c in (item.child(i) for i in range(item.childCount())) if c is not None)
        return False
