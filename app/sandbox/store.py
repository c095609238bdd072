"""The sandbox shop's state: plain Python tables with an undo log and optional SQLite persistence.

Each table is ``{id: row}`` where a row is a plain ``dict`` of column values (the JSON:API
attributes plus internal columns whose names start with ``_``). Every change goes through
:meth:`Store.insert`, :meth:`Store.update` or :meth:`Store.delete`, which record an undo entry;
:meth:`Store.transaction` commits (and writes the changed rows to SQLite when a data file is
set) or rolls everything back, so each API request is one transaction, as on CloudCart.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

Row = dict[str, Any]

TABLES = (
    "products",
    "variants",
    "variant-parameters",
    "variant-options",
    "categories",
    "vendors",
    "orders",
    "order-products",
    "order-fulfillment",
    "stores",
    "store-quantity",
    "webhooks",
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sandbox_rows (
    kind TEXT NOT NULL,
    id INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE TABLE IF NOT EXISTS sandbox_counters (
    kind TEXT PRIMARY KEY,
    next_id INTEGER NOT NULL
);
"""

_MISSING = object()


def index_key(value: Any) -> Any:
    """How a column value is indexed: numbers as floats (so 5 == 5.0 == "5"), the rest as is."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


class Store:
    """In-memory tables, one transaction at a time, optionally mirrored to an SQLite file."""

    def __init__(self, data_path: Path | None = None) -> None:
        self.lock = threading.RLock()
        self.tables: dict[str, dict[int, Row]] = {name: {} for name in TABLES}
        self._next_id: dict[str, int] = dict.fromkeys(TABLES, 1)
        self._undo: list[tuple[str, int, Any]] | None = None
        self._undo_ids: dict[str, int] = {}
        self._dirty: set[tuple[str, int]] = set()
        # Secondary indexes, built on first use and kept up to date: (table, column) -> key -> ids.
        self._indexes: dict[tuple[str, str], dict[Any, set[int]]] = {}
        self._ordered: dict[str, list[Row] | None] = dict.fromkeys(TABLES)
        self._db: sqlite3.Connection | None = None
        if data_path is not None:
            data_path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(data_path), check_same_thread=False)
            self._db.executescript(_SCHEMA)
            self._load()

    # -- persistence -----------------------------------------------------------------------

    def _load(self) -> None:
        assert self._db is not None
        for kind, row_id, data in self._db.execute("SELECT kind, id, data FROM sandbox_rows"):
            if kind in self.tables:
                self.tables[kind][int(row_id)] = json.loads(data)
        for kind, next_id in self._db.execute("SELECT kind, next_id FROM sandbox_counters"):
            if kind in self._next_id:
                self._next_id[kind] = int(next_id)

    def _flush(self) -> None:
        if self._db is None or not self._dirty:
            self._dirty.clear()
            return
        with self._db:
            for kind, row_id in sorted(self._dirty):
                row = self.tables[kind].get(row_id)
                if row is None:
                    self._db.execute("DELETE FROM sandbox_rows WHERE kind = ? AND id = ?", (kind, row_id))
                else:
                    self._db.execute(
                        "INSERT OR REPLACE INTO sandbox_rows (kind, id, data) VALUES (?, ?, ?)",
                        (kind, row_id, json.dumps(row, ensure_ascii=False)),
                    )
            self._db.executemany(
                "INSERT OR REPLACE INTO sandbox_counters (kind, next_id) VALUES (?, ?)",
                list(self._next_id.items()),
            )
        self._dirty.clear()

    def close(self) -> None:
        with self.lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # -- transactions ----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Run a block atomically: on any exception every change of the block is undone."""
        with self.lock:
            if self._undo is not None:  # nested: join the outer transaction
                yield self
                return
            self._undo = []
            self._undo_ids = dict(self._next_id)
            try:
                yield self
            except BaseException:
                for kind, row_id, before in reversed(self._undo):
                    if before is _MISSING:
                        self.tables[kind].pop(row_id, None)
                    else:
                        self.tables[kind][row_id] = before
                self._next_id = self._undo_ids
                self._dirty.clear()
                self._forget_derived()
                raise
            else:
                self._flush()
            finally:
                self._undo = None

    def _forget_derived(self, kind: str | None = None) -> None:
        for key in [k for k in self._indexes if kind is None or k[0] == kind]:
            del self._indexes[key]
        for name in self._ordered if kind is None else (kind,):
            self._ordered[name] = None

    def _index_row(self, kind: str, row: Row, add: bool) -> None:
        for (table, column), index in self._indexes.items():
            if table == kind:
                key = index_key(row.get(column))
                try:
                    ids = index.setdefault(key, set()) if add else index.get(key, set())
                except TypeError:  # unhashable value (an object column): never looked up by value
                    continue
                if add:
                    ids.add(row["id"])
                else:
                    ids.discard(row["id"])

    def _remember(self, kind: str, row_id: int) -> None:
        if self._undo is not None:
            before = self.tables[kind].get(row_id, _MISSING)
            self._undo.append((kind, row_id, dict(before) if isinstance(before, dict) else before))
        self._dirty.add((kind, row_id))

    # -- rows ------------------------------------------------------------------------------

    def insert(self, kind: str, row: Row) -> Row:
        row_id = int(row["id"]) if row.get("id") is not None else self._next_id[kind]
        self._next_id[kind] = max(self._next_id[kind], row_id + 1)
        row = {**row, "id": row_id}
        self._remember(kind, row_id)
        previous = self.tables[kind].get(row_id)
        if previous is not None:
            self._index_row(kind, previous, add=False)
        self.tables[kind][row_id] = row
        self._index_row(kind, row, add=True)
        ordered = self._ordered[kind]
        if ordered is not None and previous is None and (not ordered or ordered[-1]["id"] < row_id):
            ordered.append(row)
        else:
            self._ordered[kind] = None
        return row

    def update(self, kind: str, row_id: int, changes: Row) -> Row:
        self._remember(kind, row_id)
        row = self.tables[kind][row_id]
        self._index_row(kind, row, add=False)
        row.update(changes)
        self._index_row(kind, row, add=True)
        return row

    def delete(self, kind: str, row_id: int) -> None:
        self._remember(kind, row_id)
        row = self.tables[kind].pop(row_id, None)
        if row is not None:
            self._index_row(kind, row, add=False)
            self._ordered[kind] = None

    def get(self, kind: str, row_id: int) -> Row | None:
        return self.tables[kind].get(row_id)

    def rows(self, kind: str) -> list[Row]:
        """All rows of a table in id order (a fresh list)."""
        with self.lock:
            ordered = self._ordered[kind]
            if ordered is None:
                table = self.tables[kind]
                ordered = self._ordered[kind] = [table[k] for k in sorted(table)]
            return list(ordered)

    def find_by(self, kind: str, column: str, *values: Any) -> list[Row]:
        """Rows whose ``column`` holds one of ``values`` (compared as :func:`index_key`), in id order."""
        with self.lock:
            index = self._indexes.get((kind, column))
            if index is None:
                index = {}
                for row in self.tables[kind].values():
                    try:
                        index.setdefault(index_key(row.get(column)), set()).add(row["id"])
                    except TypeError:
                        continue
                self._indexes[(kind, column)] = index
            ids: set[int] = set()
            for value in values:
                try:
                    ids |= index.get(index_key(value), set())
                except TypeError:
                    continue
            table = self.tables[kind]
            return [table[i] for i in sorted(ids)]

    def clear(self) -> None:
        """Drop every row and restart the ids (admin reset)."""
        with self.lock:
            for kind in TABLES:
                for row_id in list(self.tables[kind]):
                    self._dirty.add((kind, row_id))
                self.tables[kind].clear()
                self._next_id[kind] = 1
            self._forget_derived()
            self._flush()
