"""The one place that turns server settings into adapters (no Qt)."""

from __future__ import annotations

import os
import re
import socket

from app.cloudcart import CloudCartClient
from app.domain.settings import ServerSettings, WarehouseSettings
from app.servers.history import server_state_dir
from app.sync.state import ServerState
from app.warehouse import ConnectionParams


def connection_params(settings: WarehouseSettings, password: str | None) -> ConnectionParams:
    return ConnectionParams(
        engine=settings.engine,
        database=settings.database,
        host=settings.host,
        port=settings.port,
        user=settings.user,
        password=password,
        odbc_driver=settings.odbc_driver,
    )


def shop_client(api_identifier: str, api_key: str) -> CloudCartClient:
    return CloudCartClient(api_identifier, api_key)


def server_state(server: ServerSettings) -> ServerState:
    return ServerState(server_state_dir(server.id) / "sync.sqlite3")


def this_computer() -> str:
    """Who holds a run lock: shown to an operator on another computer."""
    return f"{socket.gethostname()} (pid {os.getpid()})"


_HOLDER = re.compile(r"^(?P<host>.+) \(pid (?P<pid>\d+)\)$")


def holder_is_gone(holder: str) -> bool:
    """True when ``holder`` is a process of THIS computer that no longer exists (it crashed or was killed):
    its lock can be taken over at once instead of after the stale timeout. Other computers' holders are
    never declared gone here."""
    match = _HOLDER.match(holder)
    if match is None or match.group("host") != socket.gethostname():
        return False
    pid = int(match.group("pid"))
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OSError):
        return False
    return False
