"""The one state folder: config (server files), state (cursors, ledgers), logs.

``$UTILITY_CENTER_HOME`` wins when set (tests and scripts use it to stay isolated); otherwise
``platformdirs.user_data_dir("UtilityCenter")``.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from app import APP_NAME

HOME_ENV = "UTILITY_CENTER_HOME"


def home() -> Path:
    raw = os.environ.get(HOME_ENV)
    base = Path(raw).expanduser() if raw else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def _sub(name: str) -> Path:
    path = home() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def servers_dir() -> Path:
    """One TOML file per server, named by the server's stable id."""
    return _sub("servers")


def state_dir() -> Path:
    """Per-server state written by tasks (cursor, ledger, last pushed values, last result)."""
    return _sub("state")


def logs_dir() -> Path:
    return _sub("logs")


def demo_dir() -> Path:
    return _sub("demo")
