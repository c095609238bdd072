"""Run locks in the Warehouse database (``uc_locks``): one job per server, across computers.

Times are the database server's (see clock.py), so computers with different clocks agree.  A lock
whose heartbeat is older than ``stale_after_s`` is taken over: its holder is presumed dead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.domain.errors import RunLocked

from .clock import db_now
from .dialects import ColumnDef
from .ledger import ensure_table
from .session import DuplicateKey, Session
from .values import clean_text, parse_datetime

TABLE = "uc_locks"
COLUMNS = (
    ColumnDef("name", "text", 100, not_null=True),
    ColumnDef("holder", "text", 200),
    ColumnDef("acquired_at", "datetime"),
    ColumnDef("heartbeat", "datetime"),
)
ATTEMPTS = 3


def _read(session: Session, name: str) -> tuple[str, dt.datetime | None, dt.datetime | None] | None:
    d = session.dialect
    rows = session.all(
        f"SELECT {d.cols(['holder', 'acquired_at', 'heartbeat'])} FROM {d.q(TABLE)} WHERE {d.q('name')} = {d.p}",
        [name],
    )
    if not rows:
        return None
    return clean_text(rows[0][0]), parse_datetime(rows[0][1]), parse_datetime(rows[0][2])


def _busy(name: str, holder: str, since: dt.datetime | None) -> RunLocked:
    when = since.strftime("%Y-%m-%d %H:%M:%S") if since else "an unknown time"
    return RunLocked(
        f"'{name}' is running on {holder} since {when}. Wait for it to finish, or stop it there; a lock whose "
        "holder stopped answering is taken over automatically after a while."
    )


def acquire(
    session: Session,
    name: str,
    holder: str,
    stale_after_s: float = 900,
    holder_is_gone: Callable[[str], bool] | None = None,
) -> None:
    """Take the lock, or raise RunLocked naming its holder. ``holder_is_gone(holder)`` lets the caller
    declare a holder dead at once (e.g. a process of this computer that no longer exists)."""
    ensure_table(session, TABLE, COLUMNS, ("name",))
    d = session.dialect
    for _ in range(ATTEMPTS):
        try:
            with session.transaction():
                now = db_now(session)
                stamp = d.timestamp_value(now)
                current = _read(session, name)
                if current is None:
                    session.insert(TABLE, {"name": name, "holder": holder, "acquired_at": stamp, "heartbeat": stamp})
                    return
                other, since, heartbeat = current
                if other == holder:
                    _touch(session, name, holder, stamp)
                    return
                fresh = heartbeat is not None and (now - heartbeat).total_seconds() < stale_after_s
                if fresh and not (holder_is_gone is not None and holder_is_gone(other)):
                    raise _busy(name, other, since)
                # Stale: take it over only if nobody else did meanwhile (compare-and-set on holder).
                session.execute(
                    f"UPDATE {d.q(TABLE)} SET {d.q('holder')} = {d.p}, {d.q('acquired_at')} = {d.p}, "
                    f"{d.q('heartbeat')} = {d.p} WHERE {d.q('name')} = {d.p} AND {d.q('holder')} = {d.p}",
                    [holder, stamp, stamp, name, other],
                )
                after = _read(session, name)
                if after is not None and after[0] == holder:
                    return
        except DuplicateKey:
            continue  # someone inserted the lock between our read and insert: look again
    current = _read(session, name)
    raise _busy(name, current[0] if current else "another computer", current[1] if current else None)


def _touch(session: Session, name: str, holder: str, stamp: object) -> None:
    d = session.dialect
    session.execute(
        f"UPDATE {d.q(TABLE)} SET {d.q('heartbeat')} = {d.p} WHERE {d.q('name')} = {d.p} AND {d.q('holder')} = {d.p}",
        [stamp, name, holder],
    )


def refresh(session: Session, name: str, holder: str) -> None:
    """Move the heartbeat on; RunLocked when the lock was taken over meanwhile."""
    ensure_table(session, TABLE, COLUMNS, ("name",))
    with session.transaction():
        _touch(session, name, holder, session.dialect.timestamp_value(db_now(session)))
        current = _read(session, name)
    if current is None or current[0] != holder:
        raise RunLocked(
            f"The run lock '{name}' is no longer held by {holder}"
            + (f" (taken over by {current[0]})" if current else "")
            + "; stop this run."
        )


def release(session: Session, name: str, holder: str) -> None:
    ensure_table(session, TABLE, COLUMNS, ("name",))
    d = session.dialect
    with session.transaction():
        session.execute(
            f"DELETE FROM {d.q(TABLE)} WHERE {d.q('name')} = {d.p} AND {d.q('holder')} = {d.p}", [name, holder]
        )
