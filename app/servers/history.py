"""The last run of each server (when, result, counts), shown by ``servers list`` and the window.

Kept in ``<home>/state/<server-id>/last_run.json``, written atomically by the runner.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app import paths
from app.servers.store import atomic_write_text


def server_state_dir(server_id: str) -> Path:
    path = paths.state_dir() / server_id
    path.mkdir(parents=True, exist_ok=True)
    return path


def load_last_run(server_id: str) -> dict[str, Any] | None:
    path = paths.state_dir() / server_id / "last_run.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def save_last_run(server_id: str, summary: dict[str, Any]) -> None:
    atomic_write_text(server_state_dir(server_id) / "last_run.json", json.dumps(summary, indent=1, default=str))
