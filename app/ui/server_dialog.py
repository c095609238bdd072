"""The server dialog: name, Server type and the settings of the source document in four tabs.

Values are checked by :func:`app.domain.settings.parse_settings` — the same rules and messages as the
command line — and each problem is shown in red under its field. The Key and the database password go
to the OS keyring on OK, never into the server file. Test connection and the object/group lists call
``app.sync.probes`` on the asyncio loop, so the window never freezes.
"""

from __future__ import annotations

import asyncio
import copy
import importlib
import logging
import os
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, ConfigurationError, CredentialError
from app.domain.server_types import REGISTRY
from app.domain.settings import TYPE_KEY, ServerSettings, WarehouseSettings, parse_settings, settings_to_dict
from app.domain.validation import Problem, SettingsInvalid
from app.servers.secrets import NO_KEYRING_HELP, SecretStore
from app.servers.store import ServerStore
from app.ui.form_fields import ERROR_STYLE, FieldBox
from app.ui.shop_page import ShopPage
from app.ui.task_pages import ExportPage, ImportPage
from app.ui.warehouse_page import WarehousePage

log = logging.getLogger(__name__)
OK_STYLE = "color: #1b7a35;"
_DEFAULT_PORTS = {"mysql": 3306, "mssql": 1433}


class ServerDialog(QDialog):
    def __init__(
        self,
        settings: ServerSettings | None,
        *,
        store: ServerStore,
        secrets: SecretStore,
        probes: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("server-dialog")
        self.settings = settings
        self.saved: ServerSettings | None = None
        self.store = store
        self.secrets = secrets
        self._probes = probes
        self.tasks: set[asyncio.Task[Any]] = set()
        self._choices_loaded = False
        self.setWindowTitle(self.tr("Modify server") if settings else self.tr("New server"))

        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.server_type = QComboBox()
        self.server_type.setObjectName("server_type")
        for key, kind in REGISTRY.items():
            self.server_type.addItem(kind.display_name, key)
        self.general_error = QLabel()
        self.general_error.setObjectName("general-error")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.boxes: dict[str, FieldBox] = {"name": FieldBox(self.name), "type": FieldBox(self.server_type)}
        top = QFormLayout()
        top.addRow(self.tr("Name"), self.boxes["name"])
        top.addRow(self.tr("Server type"), self.boxes["type"])

        self.shop_page = ShopPage()
        self.warehouse_page = WarehousePage()
        self.import_page = ImportPage()
        self.export_page = ExportPage()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.shop_page, self.tr("Shop"))
        self.tabs.addTab(self.warehouse_page, self.tr("Warehouse Pro database"))
        self.tabs.addTab(self.import_page, self.tr("Import from CloudCart"))
        self.tabs.addTab(self.export_page, self.tr("Export from Warehouse Pro"))
        for page in (self.shop_page, self.warehouse_page, self.import_page, self.export_page):
            self.boxes.update(getattr(page, "boxes", {}))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.general_error)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 640)

        self.shop_page.test_button.clicked.connect(lambda: self.spawn(self.test_shop()))
        self.warehouse_page.test_button.clicked.connect(lambda: self.spawn(self.test_warehouse()))
        self.import_page.load_requested.connect(lambda: self.spawn(self.load_choices()))
        self.export_page.load_requested.connect(lambda: self.spawn(self.load_choices()))
        self.tabs.currentChanged.connect(self._tab_shown)
        self._load()

    # -- data --------------------------------------------------------------------------------------
    def _base(self) -> dict[str, Any]:
        if self.settings is not None:
            return settings_to_dict(self.settings)
        return {"name": "", "type": TYPE_KEY, "shop": {}, "warehouse": {}, "import": {}, "export": {}}

    def _load(self) -> None:
        data = self._base()
        self.name.setText(str(data.get("name", "")))
        self.server_type.setCurrentIndex(max(self.server_type.findData(data.get("type", TYPE_KEY)), 0))
        sid = self.settings.id if self.settings else ""
        self.shop_page.load(data, key_stored=bool(sid and self.secrets.get(sid, "api-key")))
        self.warehouse_page.load(data, password_stored=bool(sid and self.secrets.get(sid, "db-password")))
        self.import_page.load(data)
        self.export_page.load(data)

    def build_data(self) -> dict[str, Any]:
        """The server file the dialog describes (settings it does not show are kept as they were)."""
        data = copy.deepcopy(self._base())
        data["name"] = self.name.text().strip()
        data["type"] = self.server_type.currentData()
        for page in (self.shop_page, self.warehouse_page, self.import_page, self.export_page):
            page.dump(data)
        return data

    # -- validation --------------------------------------------------------------------------------
    def clear_problems(self) -> None:
        for box in self.boxes.values():
            box.set_error("")
        self.general_error.hide()

    def _tab_of(self, key: str) -> int | None:
        prefix = key.split(".", 1)[0]
        return {"shop": 0, "warehouse": 1, "import": 2, "export": 3}.get(prefix)

    def show_problems(self, problems: list[Problem]) -> None:
        self.clear_problems()
        messages: dict[str, list[str]] = {}
        general: list[str] = []
        for problem in problems:
            placed = (
                self.warehouse_page.show_problem(problem.key, problem.message)
                if problem.key.startswith("warehouse.")
                else False
            )
            if placed:
                continue
            if problem.key in self.boxes:
                messages.setdefault(problem.key, []).append(problem.message)
            else:
                general.append(str(problem))
        for key, lines in messages.items():
            self.boxes[key].set_error("\n".join(lines))
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        tab = next((t for t in (self._tab_of(p.key) for p in problems) if t is not None), None)
        if tab is not None and not any(p.key in ("name", "type") for p in problems):
            self.tabs.setCurrentIndex(tab)

    def problems(self) -> dict[str, str]:
        """Shown messages by settings key (tests and screenshots)."""
        shown = {key: box.error_text() for key, box in self.boxes.items() if box.error_text()}
        if self.general_error.isVisibleTo(self):
            shown["general"] = self.general_error.text()
        return shown

    def validate(self) -> ServerSettings | None:
        self.clear_problems()
        try:
            return parse_settings(self.build_data())
        except SettingsInvalid as exc:
            self.show_problems(exc.problems)
            return None

    # -- OK ----------------------------------------------------------------------------------------
    def accept(self) -> None:
        settings = self.validate()
        if settings is None:
            return
        key = self.shop_page.api_key.text().strip()
        password = "" if self.warehouse_page.is_file() else self.warehouse_page.password.text()
        if (key or password) and not self.secrets.usable():
            self.boxes["shop.api_key" if key else "warehouse.password"].set_error(NO_KEYRING_HELP)
            return
        try:
            if self.settings is not None and self.settings.id:
                stored = self.store.save(replace(settings, id=self.settings.id))
            else:
                stored = self.store.add(settings)
        except ConfigurationError as exc:
            self.boxes["name"].set_error(exc.message)
            return
        self.settings = stored
        try:
            if key:
                self.secrets.set(stored.id, "api-key", key)
            if password:
                self.secrets.set(stored.id, "db-password", password)
        except CredentialError as exc:
            self.boxes["shop.api_key" if key else "warehouse.password"].set_error(exc.message)
            return
        self.saved = stored
        super().accept()

    def done(self, result: int) -> None:
        for task in list(self.tasks):
            task.cancel()
        super().done(result)

    # -- probes (async) ----------------------------------------------------------------------------
    def spawn(self, coro: Any) -> asyncio.Task[Any]:
        task = asyncio.get_event_loop().create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    def probes(self) -> Any:
        if self._probes is None:
            try:
                self._probes = importlib.import_module("app.sync.probes")
            except ImportError:
                return None
        return self._probes

    def _section_problems(self, prefix: str) -> list[Problem]:
        try:
            parse_settings(self.build_data())
        except SettingsInvalid as exc:
            return [p for p in exc.problems if p.key.startswith(prefix)]
        return []

    @staticmethod
    def _show_result(label: QLabel, ok: bool, text: str) -> None:
        label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        label.setText(text)

    def _resolve_key(self) -> str | None:
        typed = self.shop_page.api_key.text().strip()
        if typed:
            return typed
        env = self.build_data().get("shop", {}).get("api_key_env")
        if env:
            return os.environ.get(env) or None
        if self.settings is not None and self.settings.id:
            return self.secrets.get(self.settings.id, "api-key")
        return None

    def _resolve_password(self) -> str | None:
        typed = self.warehouse_page.password.text()
        if typed and not self.warehouse_page.is_file():
            return typed
        env = self.build_data().get("warehouse", {}).get("password_env")
        if env:
            return os.environ.get(env) or None
        if self.settings is not None and self.settings.id:
            return self.secrets.get(self.settings.id, "db-password")
        return None

    def warehouse_settings(self) -> WarehouseSettings | None:
        problems = self._section_problems("warehouse")
        if problems:
            self.clear_problems()
            self.show_problems(problems)
            return None
        wh = self.build_data()["warehouse"]
        engine = wh["engine"]
        return WarehouseSettings(
            engine=engine,
            database=wh.get("database", ""),
            host=wh.get("host", "127.0.0.1"),
            port=wh.get("port") or _DEFAULT_PORTS.get(engine),
            user=wh.get("user", ""),
            password_env=wh.get("password_env"),
            odbc_driver=wh.get("odbc_driver"),
        )

    async def _call(self, label: QLabel, name: str, *args: Any) -> Any:
        """Call a probe; problems end up in ``label`` (never as an exception out of a task)."""
        probes = self.probes()
        if probes is None or not hasattr(probes, name):
            self._show_result(label, False, self.tr("Connection tests are not available in this version."))
            return None
        self._show_result(label, True, self.tr("Connecting…"))
        try:
            return await getattr(probes, name)(*args)
        except AppError as exc:
            self._show_result(label, False, f"{exc.title}: {exc.message}")
        except Exception as exc:
            log.exception("Probe %s failed", name)
            self._show_result(label, False, f"{type(exc).__name__}: {exc}")
        return None

    async def test_shop(self) -> None:
        label = self.shop_page.test_result
        problems = self._section_problems("shop.api_identifier")
        if problems:
            self.show_problems(problems)
            self._show_result(label, False, self.tr("Fix the API identifier first."))
            return
        key = self._resolve_key()
        if not key:
            self._show_result(label, False, self.tr("Type the Key first."))
            return
        self.shop_page.test_button.setEnabled(False)
        try:
            result = await self._call(label, "test_shop", self.shop_page.api_identifier.text().strip(), key)
        finally:
            self.shop_page.test_button.setEnabled(True)
        if result is not None:
            self._show_result(label, bool(result.ok), f"{result.title}: {result.message}")

    async def test_warehouse(self) -> None:
        label = self.warehouse_page.test_result
        settings = self.warehouse_settings()
        if settings is None:
            self._show_result(label, False, self.tr("Fix the database settings first."))
            return
        self.warehouse_page.test_button.setEnabled(False)
        try:
            result = await self._call(label, "test_warehouse", settings, self._resolve_password())
        finally:
            self.warehouse_page.test_button.setEnabled(True)
        if result is not None:
            self._show_result(label, bool(result.ok), f"{result.title}: {result.message}")

    async def load_choices(self) -> None:
        labels = (self.import_page.load_status, self.export_page.load_status)
        settings = self.warehouse_settings()
        if settings is None:
            for label in labels:
                self._show_result(label, False, self.tr("Fix the database settings first."))
            return
        for page in (self.import_page, self.export_page):
            page.load_button.setEnabled(False)
        try:
            choices = await self._call(labels[0], "warehouse_choices", settings, self._resolve_password())
        finally:
            for page in (self.import_page, self.export_page):
                page.load_button.setEnabled(True)
        if choices is None:
            labels[1].setText(labels[0].text())
            labels[1].setStyleSheet(labels[0].styleSheet())
            return
        self.import_page.set_choices(choices)
        self.export_page.set_choices(choices)
        self._choices_loaded = True
        text = (
            self.tr("Read %1 objects, %2 object groups and %3 goods groups from the database.")
            .replace("%1", str(len(choices.objects)))
            .replace("%2", str(len(choices.object_groups)))
            .replace("%3", str(len(choices.goods_groups)))
        )
        for label in labels:
            self._show_result(label, True, text)

    def _tab_shown(self, index: int) -> None:
        """The first visit of a task tab reads the objects and groups, when a database is set."""
        if self._choices_loaded or index not in (2, 3) or self.probes() is None:
            return
        data = self.build_data().get("warehouse", {})
        if data.get("database"):
            self._choices_loaded = True
            self.spawn(self.load_choices())
