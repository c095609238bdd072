"""The menu bar: File (Quit), Settings > Language, Help (log folder, About)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app import __version__, paths
from app.ui.dialogs import DialogPresenter
from app.ui.languages import LANGUAGES, load_ui_settings, set_language_override


class Menus:
    def __init__(self, window: QMainWindow, presenter: DialogPresenter) -> None:
        self.window = window
        self.presenter = presenter
        bar = window.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
        file_menu.addAction(QCoreApplication.translate("Menus", "&Quit"), window.close)
        settings = bar.addMenu(QCoreApplication.translate("Menus", "&Settings"))
        language = settings.addMenu(QCoreApplication.translate("Menus", "Language"))
        group = QActionGroup(window)
        current = str(load_ui_settings().get("language", ""))
        self.language_actions: dict[str, QAction] = {}
        for code, name in [("", QCoreApplication.translate("Menus", "System language")), *LANGUAGES.items()]:
            action = QAction(name, window)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            language.addAction(action)
            self.language_actions[code] = action
        help_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
        help_menu.addAction(QCoreApplication.translate("Menus", "Open the log folder"), self.open_logs)
        help_menu.addAction(QCoreApplication.translate("Menus", "About"), self.about)

    def choose_language(self, code: str) -> None:
        set_language_override(code or None)
        self.presenter.success(
            QCoreApplication.translate("Menus", "Language"),
            QCoreApplication.translate("Menus", "The new language is used from the next start of the program."),
        )

    def open_logs(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.logs_dir())))

    def about(self) -> None:
        QMessageBox.about(
            self.window,
            QCoreApplication.translate("Menus", "About"),
            QCoreApplication.translate("Menus", "Utility Center for Warehouse Pro ⇄ CloudCart, version %1").replace(
                "%1", __version__
            ),
        )
