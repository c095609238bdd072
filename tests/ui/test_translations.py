"""Translations: the .ts sources compile, the window speaks Romanian and Bulgarian, the choice is stored."""

from __future__ import annotations

import importlib.util
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from app.ui import languages
from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def load_script():
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "scripts" / "build_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("qm")
    built = load_script().build(out)
    assert sorted(p.name for p in built) == ["uc_bg.qm", "uc_ro.qm"]
    return out


@pytest.mark.parametrize("name", ["uc_ro.ts", "uc_bg.ts"])
def test_every_string_is_translated(name):
    root = ET.parse(ROOT / "resources" / "translations" / name).getroot()  # noqa: S314 - our own file
    unfinished = [m.findtext("source") for m in root.iter("message") if m.find("translation").get("type")]
    assert unfinished == []


@pytest.mark.parametrize(
    ("language", "start", "new_server", "pull"),
    [
        ("ro", "Start", "Server nou", "Retragerea produselor din CloudCart"),
        ("bg", "Старт", "Нов сървър", "Изтегляне на стоки от CloudCart"),
    ],
)
def test_the_window_speaks_the_chosen_language(qapp, qtbot, qloop, qm_dir, language, start, new_server, pull):
    installed = languages.install_translators(qapp, language, dirs=[qm_dir])
    try:
        assert installed
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.start_action.text() == start
        assert window.new_action.text() == new_server
        window.new_action.trigger()
        assert window.dialog.import_page.findChild(type(window.dialog.import_page.pull_products)) is not None
        labels = [w.text() for w in window.dialog.findChildren(type(window.counts_label))]
        assert pull in labels
        window.dialog.reject()
    finally:
        languages.install_translators(qapp, "en")


def test_the_language_follows_the_system_unless_overridden(uc_home):
    QLocale.setDefault(QLocale(QLocale.Language.Bulgarian, QLocale.Country.Bulgaria))
    try:
        assert languages.chosen_language() in ("bg", languages.system_language())
        languages.set_language_override("ro")
        assert json.loads((uc_home / "ui.json").read_text())["language"] == "ro"
        assert languages.chosen_language() == "ro"
        languages.set_language_override(None)
        assert "language" not in json.loads((uc_home / "ui.json").read_text())
    finally:
        QLocale.setDefault(QLocale.c())


def test_no_string_of_the_window_is_missing_from_the_translations(tmp_path):
    script = load_script()
    copies = []
    for name in ("uc_ro.ts", "uc_bg.ts"):
        copy = tmp_path / name
        copy.write_bytes((ROOT / "resources" / "translations" / name).read_bytes())
        copies.append(str(copy))
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").glob("*.py"))
    import subprocess

    subprocess.run([script.tool("pyside6-lupdate"), *sources, "-ts", *copies, "-silent"], check=True)
    for copy in copies:
        root = ET.parse(copy).getroot()  # noqa: S314 - our own file
        unfinished = [m.findtext("source") for m in root.iter("message") if m.find("translation").get("type")]
        assert unfinished == [], f"{Path(copy).name}: run scripts/build_translations.py --update and translate"
