"""Document numbers: ``MAX(Acct)+1`` per series, reserved in ``nextacct`` (schema doc §3.5).

Follows Warehouse Open's ``CreateNewOperationId``: the maximum includes the per-location pseudo rows
(``PartnerID = 0``) that exist only to push the start number up; in per-location mode
(``configkey48 = -1``) only the location's rows count; the number is reserved by inserting
``<prefix><n>`` into ``nextacct`` with insert-if-absent semantics, and a clash (someone else reserved
it, committed or not) moves on to the next number.  The reservation is part of the caller's
transaction, so a rolled-back write frees it again.
"""

from __future__ import annotations

from app.domain.errors import WarehouseError

from .session import Session
from .values import as_int

MAX_TRIES = 100


def reservation_key(prefix: str, acct: int) -> str:
    return f"{prefix}{acct}"


def reserve(session: Session, oper_type: int, prefix: str, object_id: int | None) -> int:
    """Reserve and return the next number of series ``oper_type`` (at ``object_id`` if given)."""
    d = session.dialect
    sql = f"SELECT MAX({d.q('Acct')}) FROM {d.t('operations')} WHERE {d.q('OperType')} = {d.p}"
    params = [oper_type]
    if object_id is not None:
        sql += f" AND {d.q('ObjectID')} = {d.p}"
        params.append(object_id)
    acct = max(as_int(session.scalar(sql, params)), 0) + 1
    for _ in range(MAX_TRIES):
        if session.insert_if_absent("nextacct", {"NextAcct": reservation_key(prefix, acct)}, ["NextAcct"]):
            return acct
        acct += 1
    raise WarehouseError(
        f"Could not reserve a document number after {MAX_TRIES} tries (nextacct is full of reservations "
        f"from '{prefix}{acct - MAX_TRIES}' on). Check the nextacct table with Warehouse Pro's support."
    )


def release(session: Session, prefix: str, acct: int) -> None:
    d = session.dialect
    session.execute(f"DELETE FROM {d.t('nextacct')} WHERE {d.q('NextAcct')} = {d.p}", [reservation_key(prefix, acct)])
