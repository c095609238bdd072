"""The run lock: a crashed run on this computer does not block the next one; a live one does."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.bootstrap import holder_is_gone, this_computer
from app.domain.errors import RunLocked
from app.warehouse import ConnectionParams, connect
from app.warehouse.demo import build_demo_database


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_holder_is_gone_only_for_dead_local_processes() -> None:
    host = socket.gethostname()
    assert holder_is_gone(f"{host} (pid {_dead_pid()})")
    assert not holder_is_gone(this_computer())
    assert not holder_is_gone(f"other-computer (pid {_dead_pid()})")
    assert not holder_is_gone("something else")


def test_lock_of_a_dead_local_process_is_taken_over_at_once(tmp_path: Path) -> None:
    path = tmp_path / "wh.db3"
    build_demo_database(path, goods=12)
    with connect(ConnectionParams("sqlite", str(path))) as db:
        crashed = f"{socket.gethostname()} (pid {_dead_pid()})"
        db.acquire_lock("server-x", crashed)
        db.acquire_lock("server-x", this_computer(), 900, holder_is_gone)  # taken over, no wait
        with pytest.raises(RunLocked, match="is running on"):
            db.acquire_lock("server-x", "other-pc (pid 1)", 900, holder_is_gone)
        db.release_lock("server-x", this_computer())
        db.acquire_lock("server-x", "other-pc (pid 1)", 900, holder_is_gone)
