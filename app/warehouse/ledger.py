"""The order ledger ``uc_order_ledger``: shop order -> Warehouse document, exactly once.

The table lives in the Warehouse database itself so that a ledger row and the document lines it
names are written in the **same** transaction (see docs/warehouse.md "Exactly once").  Its primary
key (server_id, shop_order_id) is what makes a concurrent second writer fail and roll back.
"""

from __future__ import annotations

import datetime as dt

from .dialects import ColumnDef
from .models import LedgerEntry
from .session import Session
from .values import as_int, clean_text, parse_datetime

TABLE = "uc_order_ledger"
COLUMNS = (
    ColumnDef("server_id", "text", 100, not_null=True),
    ColumnDef("shop_order_id", "text", 100, not_null=True),
    ColumnDef("oper_type", "int"),
    ColumnDef("acct", "int"),
    ColumnDef("object_id", "int"),
    ColumnDef("status", "text", 20),
    ColumnDef("created_at", "datetime"),
)
PRIMARY_KEY = ("server_id", "shop_order_id")
WRITTEN, ADOPTED, VOIDED = "written", "adopted", "voided"
_SELECT = ("shop_order_id", "acct", "status", "created_at", "object_id")


def ensure_table(session: Session, table: str, columns: tuple[ColumnDef, ...], key: tuple[str, ...]) -> None:
    """Create one of our own tables unless it exists (outside any transaction: DDL commits on MySQL)."""
    d = session.dialect
    statement = d.create_table_if_absent(table, columns, key)
    if statement is not None:
        session.execute(statement)
    elif table.lower() not in session.table_names():
        session.execute(d.create_table(table, columns, key))


def ensure(session: Session) -> None:
    ensure_table(session, TABLE, COLUMNS, PRIMARY_KEY)


def _entry(row: tuple[object, ...]) -> LedgerEntry:
    return LedgerEntry(
        shop_order_id=clean_text(row[0]),
        acct=as_int(row[1]),
        status=clean_text(row[2]),
        created_at=parse_datetime(row[3]) or dt.datetime.min,
        object_id=as_int(row[4]),
    )


def get(session: Session, server_id: str, shop_order_id: str) -> LedgerEntry | None:
    d = session.dialect
    rows = session.all(
        f"SELECT {d.cols(_SELECT)} FROM {d.q(TABLE)} "
        f"WHERE {d.q('server_id')} = {d.p} AND {d.q('shop_order_id')} = {d.p}",
        [server_id, shop_order_id],
    )
    return _entry(rows[0]) if rows else None


def entries(session: Session, server_id: str) -> dict[str, LedgerEntry]:
    d = session.dialect
    rows = session.all(
        f"SELECT {d.cols(_SELECT)} FROM {d.q(TABLE)} WHERE {d.q('server_id')} = {d.p} ORDER BY {d.q('created_at')}",
        [server_id],
    )
    return {entry.shop_order_id: entry for entry in map(_entry, rows)}


def insert(
    session: Session,
    server_id: str,
    shop_order_id: str,
    *,
    oper_type: int,
    acct: int,
    object_id: int,
    status: str,
    now: dt.datetime,
) -> None:
    """Insert the ledger row; raises DuplicateKey when another writer has it already."""
    session.insert(
        TABLE,
        {
            "server_id": server_id,
            "shop_order_id": shop_order_id,
            "oper_type": oper_type,
            "acct": acct,
            "object_id": object_id,
            "status": status,
            "created_at": session.dialect.timestamp_value(now),
        },
    )


def set_status(session: Session, server_id: str, shop_order_id: str, status: str) -> None:
    d = session.dialect
    session.execute(
        f"UPDATE {d.q(TABLE)} SET {d.q('status')} = {d.p} WHERE {d.q('server_id')} = {d.p} "
        f"AND {d.q('shop_order_id')} = {d.p}",
        [status, server_id, shop_order_id],
    )
