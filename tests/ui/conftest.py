"""UI tests: a qasync loop that counts as running while pytest-qt processes events.

``QEventLoop(already_running=True)`` makes asyncio see the loop as running, and every
``qtbot.waitUntil`` (which processes Qt events) drives its callbacks — the same loop the program uses,
without a nested ``app.exec()``.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from app.sandbox import SandboxConfig
from app.sandbox.server import SandboxServer
from app.ui.qt_compat import guard_refcount_bug
from app.warehouse.demo import build_demo_database
from tests.support.sync_env import server_data as shared_server_data

guard_refcount_bug()  # PySide6 6.12 on Python 3.11 would abort the test run after a few thousand events


_closed_loops: list[asyncio.AbstractEventLoop] = []


def _workers_alive() -> bool:
    return any(t.name.startswith("warehouse") and t.is_alive() for t in threading.enumerate())


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    deadline = time.monotonic() + 10
    # let cancelled tasks finish and worker threads (the warehouse gateway's) hand back their results
    while (pending or _workers_alive()) and time.monotonic() < deadline:
        qapp.processEvents()
        pending = [t for t in pending if not t.done()]
        time.sleep(0.001)
    with contextlib.suppress(RuntimeError, TypeError):
        qapp.aboutToQuit.disconnect(loop._after_run_forever)
    # not loop.stop(): it calls QApplication.exit(), after which every QEventLoop.exec() (qtbot.wait)
    # returns at once and later tests would never process an event
    loop._QEventLoop__is_running = False
    asyncio.events._set_running_loop(None)
    loop.close()
    asyncio.set_event_loop(None)
    _closed_loops.append(loop)  # a late call_soon_threadsafe from a thread must not meet a deleted QObject


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-db") / "template.db3"
    build_demo_database(path)
    return path


@pytest.fixture
def demo_db(demo_db_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "warehouse.db3"
    path.write_bytes(demo_db_template.read_bytes())
    return path


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(rate_limit=10_000)) as srv:
        yield srv


def server_data(shop_url: str, database: Path, **overrides: Any) -> dict[str, Any]:
    """The window's test server: the Key is typed into the dialog (keyring), not named in the file."""
    data = shared_server_data(shop_url, {"engine": "sqlite", "database": str(database)}, name="Demo shop")
    del data["shop"]["api_key_env"]
    for key, value in overrides.items():
        data[key].update(value) if isinstance(value, dict) else data.__setitem__(key, value)
    return data
