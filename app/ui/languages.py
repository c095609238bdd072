"""Languages of the window: English, Romanian, Bulgarian.

The system language is followed unless ``<home>/ui.json`` holds ``{"language": "ro"}`` (set from the
*Language* menu). Translations are Qt Linguist files: ``resources/translations/uc_<lang>.ts`` are the
sources, ``uc_<lang>.qm`` are built from them by ``scripts/build_translations.py``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app import paths
from app.servers.store import atomic_write_text

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"en": "English", "ro": "Română", "bg": "Български"}
_ROOT = Path(__file__).resolve().parents[2]


def translation_dirs() -> list[Path]:
    """Where .qm files are looked for: the source tree, then the installed package."""
    return [_ROOT / "resources" / "translations", Path(__file__).resolve().parents[1] / "resources" / "translations"]


def ui_settings_path() -> Path:
    return paths.home() / "ui.json"


def load_ui_settings() -> dict[str, Any]:
    try:
        data = json.loads(ui_settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_ui_settings(data: dict[str, Any]) -> None:
    atomic_write_text(ui_settings_path(), json.dumps(data, indent=1, ensure_ascii=False))


def set_language_override(language: str | None) -> None:
    """Store the operator's choice (None: follow the system)."""
    data = load_ui_settings()
    if language:
        data["language"] = language
    else:
        data.pop("language", None)
    save_ui_settings(data)


def system_language() -> str:
    code = QLocale.system().name().split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def chosen_language() -> str:
    override = str(load_ui_settings().get("language", "")).lower()
    return override if override in LANGUAGES else system_language()


def qm_path(language: str, dirs: list[Path] | None = None) -> Path | None:
    for folder in dirs or translation_dirs():
        candidate = folder / f"uc_{language}.qm"
        if candidate.is_file():
            return candidate
    return None


def install_translators(
    app: QApplication, language: str | None = None, dirs: list[Path] | None = None
) -> list[QTranslator]:
    """Load our translation and Qt's own (standard buttons) for ``language``; keep them alive on ``app``."""
    language = language or chosen_language()
    for old in getattr(app, "_uc_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if language != "en":
        ours = qm_path(language, dirs)
        translator = QTranslator(app)
        if ours is not None and translator.load(str(ours)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("No translation for %s (run scripts/build_translations.py)", language)
        qt = QTranslator(app)
        if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
    app._uc_translators = installed  # type: ignore[attr-defined]
    return installed
