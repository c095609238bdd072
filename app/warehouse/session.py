"""A thin, engine-neutral wrapper around one DB-API connection.

Every statement goes through :class:`Session`, which translates driver exceptions at this boundary:
duplicate keys become :class:`DuplicateKey` and lock conflicts :class:`TransientConflict` (both
handled inside the package), everything else a :class:`~app.domain.errors.WarehouseError` with a
readable message.  Rows are plain tuples, or :class:`Record` for case-insensitive access by column
name (MS SQL/Access may return column names in another case, schema doc §5).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from app.domain.errors import WarehouseError

from .dialects import Dialect

if TYPE_CHECKING:
    from .drivers import Driver

log = logging.getLogger(__name__)
T = TypeVar("T")


class DuplicateKey(Exception):
    """A unique/primary key refused an insert (internal)."""


class TransientConflict(Exception):
    """Deadlock, lock wait timeout or busy database: the transaction may be retried (internal)."""


class Record:
    """One row with case-insensitive access by column name, and by position."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: Mapping[str, int], values: Sequence[Any]) -> None:
        self._index = index
        self._values = values

    def __getitem__(self, key: str | int) -> Any:
        if isinstance(key, int):
            return self._values[key]
        return self._values[self._index[key.lower()]]

    def get(self, key: str, default: Any = None) -> Any:
        position = self._index.get(key.lower())
        return default if position is None else self._values[position]

    def __repr__(self) -> str:
        names = sorted(self._index, key=self._index.__getitem__)
        return "Record(" + ", ".join(f"{n}={self._values[self._index[n]]!r}" for n in names) + ")"


def _run(cursor: Any, sql: str, params: Sequence[Any]) -> None:
    # No parameters: call without them (pymysql would %-format the text, pyodbc bind one NULL).
    if params:
        cursor.execute(sql, tuple(params))
    else:
        cursor.execute(sql)


def first_line(exc: BaseException) -> str:
    text = " ".join(str(arg) for arg in exc.args) if exc.args else str(exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


class Session:
    """One connection, its dialect and its driver; not thread-safe (one per thread)."""

    def __init__(self, connection: Any, dialect: Dialect, driver: Driver, label: str) -> None:
        self.connection = connection
        self.dialect = dialect
        self.driver = driver
        self.label = label
        self.in_transaction = False

    # -- plumbing -------------------------------------------------------------------------------
    def _guard(self, sql: str, action: Callable[[], T]) -> T:
        try:
            return action()
        except self.driver.errors as exc:
            kind = self.driver.classify(exc)
            if kind == "duplicate":
                raise DuplicateKey(first_line(exc)) from exc
            if kind == "retry":
                raise TransientConflict(first_line(exc)) from exc
            if kind == "lost":
                raise WarehouseError(
                    f"The connection to {self.label} was lost ({first_line(exc)}). Check the network and the "
                    "database server, then run again.",
                    title="Connection lost",
                ) from exc
            log.debug("statement failed: %s", sql)
            raise WarehouseError(f"{self.label} refused a request: {first_line(exc)}", details=sql[:500]) from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; returns the driver's rowcount."""

        def run() -> int:
            cursor = self.connection.cursor()
            try:
                _run(cursor, sql, params)
                return int(cursor.rowcount if cursor.rowcount is not None else -1)
            finally:
                cursor.close()

        return self._guard(sql, run)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(r) for r in rows]
        if not batch:
            return

        def run() -> None:
            cursor = self.connection.cursor()
            try:
                if self.driver.fast_executemany:
                    cursor.fast_executemany = True
                cursor.executemany(sql, batch)
            finally:
                cursor.close()

        self._guard(sql, run)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        def run() -> list[tuple[Any, ...]]:
            cursor = self.connection.cursor()
            try:
                _run(cursor, sql, params)
                return [tuple(row) for row in cursor.fetchall()]
            finally:
                cursor.close()

        return self._guard(sql, run)

    def stream(self, sql: str, params: Sequence[Any] = (), batch: int = 5000) -> Iterator[Sequence[Any]]:
        """Rows fetched in batches: big reads never hold the whole raw result and its copy at once."""
        cursor = self._guard(sql, lambda: self.driver.streaming_cursor(self.connection))
        try:
            self._guard(sql, lambda: _run(cursor, sql, params))
            while True:
                rows = self._guard(sql, lambda: cursor.fetchmany(batch))
                if not rows:
                    return
                yield from rows
        finally:
            cursor.close()

    def records(self, sql: str, params: Sequence[Any] = ()) -> list[Record]:
        def run() -> list[Record]:
            cursor = self.connection.cursor()
            try:
                _run(cursor, sql, params)
                index = {d[0].lower(): i for i, d in enumerate(cursor.description or ())}
                return [Record(index, tuple(row)) for row in cursor.fetchall()]
            finally:
                cursor.close()

        return self._guard(sql, run)

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self.all(sql, params)
        return rows[0][0] if rows else None

    # -- inserts --------------------------------------------------------------------------------
    def insert(self, table: str, values: Mapping[str, Any]) -> None:
        columns = list(values)
        self.execute(self.dialect.insert(table, columns), [values[c] for c in columns])

    def insert_returning_id(self, table: str, values: Mapping[str, Any]) -> int:
        """Insert one row and return its new auto ``ID`` (per engine, §5 "New auto ID")."""
        columns = list(values)
        sql = self.dialect.insert_returning_id(table, columns)

        def run() -> int:
            cursor = self.connection.cursor()
            try:
                _run(cursor, sql, [values[c] for c in columns])
                if self.dialect.returns_id_as_result:
                    row = cursor.fetchone()
                    return int(row[0])
                if self.dialect.last_id_query:
                    cursor.execute(self.dialect.last_id_query)
                    row = cursor.fetchone()
                    return int(row[0])
                return int(cursor.lastrowid)
            finally:
                cursor.close()

        return self._guard(sql, run)

    def insert_if_absent(self, table: str, values: Mapping[str, Any], key_columns: Sequence[str]) -> bool:
        """Insert unless a row with the same key exists; True when this call inserted it."""
        columns = list(values)
        sql, params = self.dialect.insert_if_absent(table, columns, key_columns, [values[c] for c in columns])
        try:
            return self.execute(sql, params) == 1
        except DuplicateKey:
            if self.dialect.duplicate_raises:
                return False
            raise

    # -- transactions ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short transaction: committed on success, rolled back on any exception."""
        if self.in_transaction:
            raise RuntimeError("nested transaction")
        self._guard("BEGIN", lambda: self.driver.begin(self.connection))
        self.in_transaction = True
        try:
            yield self
        except BaseException:
            self.in_transaction = False
            try:
                self.driver.rollback(self.connection)
            except Exception:  # the original error matters more than a failed rollback
                log.warning("rollback failed on %s", self.label, exc_info=True)
            raise
        else:
            self.in_transaction = False
            self._guard("COMMIT", lambda: self.driver.commit(self.connection))

    def table_names(self) -> set[str]:
        """Lower-case names of the tables of this database."""
        if self.dialect.list_tables_query:
            return {str(row[0]).lower() for row in self.all(self.dialect.list_tables_query)}
        return self._guard("catalog", lambda: {name.lower() for name in self.driver.catalog_tables(self.connection)})

    def close(self) -> None:
        try:
            self.connection.close()
        except Exception:  # closing a broken connection must not mask the real error
            log.debug("close failed on %s", self.label, exc_info=True)


ErrorKind = Literal["duplicate", "retry", "lost"] | None
