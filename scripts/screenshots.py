"""Grab the window's screenshots into docs/screenshots/ (offscreen, real runner, sandbox shop, demo database).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screenshots]

Scenes: main-idle, main-running (a real export against a slowed-down sandbox shop), dialog-shop,
dialog-warehouse, dialog-import, dialog-export (objects and groups read from the demo database),
dialog-invalid (validation next to the fields), dialog-success, dialog-error, dialog-preview.
Needs a font: on a bare Linux box `apt-get install -y fonts-dejavu-core`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["UTILITY_CENTER_HOME"] = tempfile.mkdtemp(prefix="uc-shots-")
os.environ["UC_SHOTS_KEY"] = ""

import qasync  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.domain.settings import parse_settings  # noqa: E402
from app.sandbox import DEMO_API_KEY, SandboxConfig  # noqa: E402
from app.sandbox.server import SandboxServer  # noqa: E402
from app.servers.history import save_last_run  # noqa: E402
from app.servers.secrets import SecretStore  # noqa: E402
from app.servers.store import ServerStore  # noqa: E402
from app.ui.qt_compat import guard_refcount_bug  # noqa: E402
from app.warehouse.demo import build_demo_database  # noqa: E402
from tests.support.sync_env import server_data  # noqa: E402


def use_test_keyring() -> None:
    """Keep the Key out of this machine's keyring: a throw-away file keyring."""
    import keyring

    from tests.support.file_keyring import FileKeyring

    os.environ["UC_TEST_KEYRING_FILE"] = str(Path(os.environ["UTILITY_CENTER_HOME"]) / "keyring.json")
    keyring.set_keyring(FileKeyring())


def wait(app: QApplication, predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit("screenshots: timed out waiting for the window")
        app.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, out: Path, name: str) -> None:
    for _ in range(5):  # word-wrapped labels take more than one layout pass
        QApplication.processEvents()
        time.sleep(0.02)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def server(name: str, shop: str, db: Path, **export: object) -> dict:
    data = server_data(shop, {"engine": "sqlite", "database": str(db)}, name=name, export=export)
    del data["shop"]["api_key_env"]  # the window keeps the Key in the keyring
    return data


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    guard_refcount_bug()
    use_test_keyring()
    app = QApplication(sys.argv)
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)

    from app.ui.main_window import MainWindow
    from app.ui.preview_dialog import PreviewDialog
    from app.ui.server_dialog import ServerDialog

    home = Path(os.environ["UTILITY_CENTER_HOME"])
    db = home / "warehouse.db3"
    build_demo_database(db)
    store, secrets = ServerStore(), SecretStore()
    with (
        SandboxServer(SandboxConfig(rate_limit=10_000)) as fast,
        SandboxServer(SandboxConfig(rate_limit=10_000, faults="slow:1.0@0.4s")) as slow,
    ):
        shop = store.add(parse_settings(server("Online shop (CloudCart)", fast.url, db)))
        branch = store.add(parse_settings(server("Branch Plovdiv", slow.url, db, start="every:30m")))
        legacy = store.add(parse_settings(server("Old test shop", fast.url, db)))
        for stored in (shop, branch):
            secrets.set(stored.id, "api-key", DEMO_API_KEY)
        secrets.set(legacy.id, "api-key", "REVOKED" + "0" * 57)  # a key the shop refuses
        # the branch "ran this morning" with one failed item (written as the runner writes it)
        save_last_run(
            branch.id,
            {
                "finished_at": "2026-12-04T08:00:03+00:00",
                "status": "partial",
                "summary": "export: 2 created, 14 updated, 40 unchanged, 1 failed",
            },
        )

        window = MainWindow()
        window.resize(1100, 720)
        window.show()

        def show_box(kind: str, name: str) -> None:
            wait(app, lambda: window.presenter.last(kind) is not None)
            box = window.presenter.last(kind).box
            box.adjustSize()
            save(box, out, name)
            box.done(0)
            wait(app, lambda: not window.jobs.any_active())

        window.servers.select(legacy.id)  # a refused Key: the error dialog
        window.start_action.trigger()
        show_box("error", "dialog-error")

        window.servers.select(shop.id)  # dry run before the first export: everything would be created
        window.preview_action.trigger()
        wait(app, lambda: isinstance(window.preview, PreviewDialog))
        save(window.preview, out, "dialog-preview")
        window.preview.reject()

        window.start_action.trigger()  # the real export: the success dialog, the log
        show_box("success", "dialog-success")
        save(window, out, "main-idle")

        window.servers.select(branch.id)
        window.start_action.trigger()
        wait(
            app,
            lambda: (
                (row := window.progress.rows.get(branch.id)) is not None
                and row.bar.maximum() > 0
                and row.bar.value() >= 8
            ),
        )
        save(window, out, "main-running")
        window.stop_action.trigger()
        wait(app, lambda: not window.jobs.any_active())

        dialog = ServerDialog(store.get(shop.id), store=store, secrets=secrets, parent=window)
        dialog.show()
        dialog.shop_page.test_button.click()
        wait(
            app,
            lambda: (
                "Connect" in dialog.shop_page.test_result.text()
                and dialog.shop_page.test_result.text() != "Connecting…"
            ),
        )
        save(dialog, out, "dialog-shop")
        dialog.tabs.setCurrentIndex(1)
        dialog.warehouse_page.test_button.click()
        wait(app, lambda: "Warehouse Pro database version" in dialog.warehouse_page.test_result.text())
        save(dialog, out, "dialog-warehouse")
        dialog.tabs.setCurrentIndex(2)
        wait(app, lambda: "Read" in dialog.import_page.load_status.text())
        save(dialog, out, "dialog-import")
        dialog.tabs.setCurrentIndex(3)
        save(dialog, out, "dialog-export")
        dialog.reject()

        bad = ServerDialog(None, store=store, secrets=secrets, parent=window)
        bad.show()
        bad.shop_page.api_identifier.setText("ftp://my shop")
        bad.accept()
        save(bad, out, "dialog-invalid")
        bad.reject()
        window.close()
        wait(app, lambda: not window.jobs.any_active())
    loop._QEventLoop__is_running = False  # type: ignore[attr-defined]
    asyncio.events._set_running_loop(None)
    loop.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
