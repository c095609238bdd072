"""What tasks remember between runs, per server: ``<home>/state/<server-id>/sync.sqlite3``.

- ``pushed``: the last values the export wrote (or confirmed) per shop item key — price, quantity, and the
  shop ids. A quantity is written again only when the warehouse value changed since it was last pushed,
  so a sale the shop has already subtracted is not "given back" before the import brings the order in.
- ``cursor``: named cursors (e.g. the import's last ``date_added``).
- ``attention``: shop orders that wait for the operator (a line matching no good), with the reason.

The exactly-once ledger of imported orders is NOT here: it lives in the warehouse database, written in
the same transaction as the document (see ``docs/warehouse.md``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pushed (
    key TEXT PRIMARY KEY,
    product_id TEXT,
    variant_id TEXT,
    price INTEGER,
    quantity REAL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cursor (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS attention (
    order_id TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1
);
"""


@dataclass(frozen=True)
class Pushed:
    key: str
    product_id: str | None
    variant_id: str | None
    price: int | None
    quantity: float | None


@dataclass(frozen=True)
class Attention:
    order_id: str
    reason: str
    first_seen: str
    last_seen: str
    attempts: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ServerState:
    """A small SQLite file; every write is its own committed transaction (crash-safe)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # --- pushed values ----------------------------------------------------------------------------

    def pushed(self) -> dict[str, Pushed]:
        with self._lock:
            rows = self._db.execute("SELECT key, product_id, variant_id, price, quantity FROM pushed").fetchall()
        return {r[0]: Pushed(*r) for r in rows}

    def remember_pushed(self, items: Iterable[Pushed]) -> None:
        now = _now()
        with self._tx() as db:
            db.executemany(
                "INSERT INTO pushed (key, product_id, variant_id, price, quantity, updated_at) VALUES (?,?,?,?,?,?) "
                "ON CONFLICT(key) DO UPDATE SET product_id=excluded.product_id, variant_id=excluded.variant_id, "
                "price=excluded.price, quantity=excluded.quantity, updated_at=excluded.updated_at",
                [(p.key, p.product_id, p.variant_id, p.price, p.quantity, now) for p in items],
            )

    # --- cursors ------------------------------------------------------------------------------------

    def cursor(self, name: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM cursor WHERE name = ?", (name,)).fetchone()
        return str(row[0]) if row else None

    def set_cursor(self, name: str, value: str) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO cursor (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (name, value),
            )

    # --- orders that need the operator ---------------------------------------------------------------

    def attention(self) -> dict[str, Attention]:
        with self._lock:
            rows = self._db.execute(
                "SELECT order_id, reason, first_seen, last_seen, attempts FROM attention ORDER BY first_seen"
            ).fetchall()
        return {r[0]: Attention(*r) for r in rows}

    def flag(self, order_id: str, reason: str) -> None:
        now = _now()
        with self._tx() as db:
            db.execute(
                "INSERT INTO attention (order_id, reason, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(order_id) DO UPDATE SET reason = excluded.reason, last_seen = excluded.last_seen, "
                "attempts = attempts + 1",
                (order_id, reason, now, now),
            )

    def unflag(self, order_id: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM attention WHERE order_id = ?", (order_id,))
