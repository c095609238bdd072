"""Customer order documents (OperType 19 "Поръчка", recipe §3.13 D) written exactly once.

One short transaction per order: ledger check, marker check, partner, number reservation, ledger
row, document lines.  ``Sign = 0``: no ``store`` update and no payments (§3.7).  See
docs/warehouse.md "Exactly once" for why this cannot create a second document.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Sequence
from typing import Any

from app.domain.errors import ConfigurationError, ItemError, WarehouseError

from . import ledger, numbering, partners
from .clock import db_now
from .models import DatabaseInfo, NewOrder, NewOrderLine, WrittenOrder
from .session import DuplicateKey, Session, TransientConflict
from .text_fit import TextFitter
from .values import BLANK, as_float, as_int

log = logging.getLogger(__name__)

ORDER = 19
ORDER_PREFIX = "OR"  # nextacct prefix of SalesOrder (§3.5)
ATTEMPTS = 5
LINE_COLUMNS = (
    "OperType", "Acct", "GoodID", "PartnerID", "ObjectID", "OperatorID", "Qtty", "Sign", "PriceIn", "PriceOut",
    "VATIn", "VATOut", "Discount", "CurrencyID", "CurrencyRate", "Date", "Lot", "LotID", "Note", "SrcDocID",
    "UserID", "UserRealTime",
)  # fmt: skip


def refuse_lot_mode(info: DatabaseInfo) -> None:
    if info.lot_mode:
        raise WarehouseError(
            f"This Warehouse database keeps stock by lots (stock mode {info.stock_mode}: FIFO/LIFO/choice/FEFO). "
            "Writing documents and goods is supported in the average-price and last-price modes only; "
            "nothing was written.",
            title="Writing refused (lot mode)",
        )


def unit_prices(gross: float, rate: float, vat_included: bool) -> tuple[float, float]:
    """(PriceOut, VATOut) per unit from the shop's gross price (§3.3 CalculateVAT)."""
    if vat_included:
        return gross, gross * rate / (100.0 + rate)
    net = gross / (1.0 + rate / 100.0)
    return net, net * rate / 100.0


def vat_of(price: float, rate: float, vat_included: bool) -> float:
    return price * rate / (100.0 + rate) if vat_included else price * rate / 100.0


def _check(session: Session, order: NewOrder, shop_order_id: str) -> dict[int, float]:
    """Object exists, every good is live; returns PriceIn per good."""
    d = session.dialect
    if not order.lines:
        raise ItemError(shop_order_id, "The order has no lines to write.")
    for line in order.lines:
        if line.qtty <= 0:
            raise ItemError(shop_order_id, f"Good ID {line.good_id} has quantity {line.qtty}; expected more than 0.")
    found = session.scalar(
        f"SELECT COUNT(*) FROM {d.t('objects')} WHERE {d.q('ID')} = {d.p} "
        f"AND ({d.q('Deleted')} IS NULL OR {d.q('Deleted')} = 0)",
        [order.object_id],
    )
    if not as_int(found):
        raise ConfigurationError(f"Object ID {order.object_id} does not exist in the Warehouse database.")
    ids = sorted({line.good_id for line in order.lines})
    rows = session.all(
        f"SELECT {d.cols(['ID', 'PriceIn'])} FROM {d.t('goods')} WHERE {d.q('ID')} IN ({d.params(len(ids))}) "
        f"AND {d.q('ID')} <> 1 AND ({d.q('Deleted')} IS NULL OR {d.q('Deleted')} = 0)",
        ids,
    )
    price_in = {as_int(r[0]): as_float(r[1]) for r in rows}
    missing = [str(i) for i in ids if i not in price_in]
    if missing:
        raise ItemError(
            shop_order_id,
            f"Good ID {', '.join(missing)} does not exist or is deleted in Warehouse; the order was not written.",
        )
    return price_in


def find_marked(session: Session, marker: str) -> tuple[int, int] | None:
    """(Acct, ObjectID) of a saved OperType 19 document whose Note is ``marker``."""
    d = session.dialect
    sql = d.select_limited(
        d.cols(["Acct", "ObjectID"]),
        f"FROM {d.t('operations')} WHERE {d.q('OperType')} = {d.p} AND {d.q('Note')} = {d.p} "
        f"AND {d.q('PartnerID')} <> 0 AND {d.q('Acct')} > 0 ORDER BY {d.q('ID')}",
        1,
    )
    rows = session.all(sql, [ORDER, marker])
    return (as_int(rows[0][0]), as_int(rows[0][1])) if rows else None


def _insert_lines(session: Session, rows: Sequence[Sequence[Any]]) -> None:
    session.executemany(session.dialect.insert("operations", LINE_COLUMNS), rows)


def _line_row(
    session: Session, order: NewOrder, line: NewOrderLine, *, acct: int, partner_id: int, price_in: float,
    note: str, vat_included: bool, now: dt.datetime,
) -> tuple[Any, ...]:  # fmt: skip
    d = session.dialect
    price_out, vat_out = unit_prices(line.gross_price, line.vat_rate, vat_included)
    return (
        ORDER, acct, line.good_id, partner_id, order.object_id, order.operator_id, float(line.qtty), 0,
        price_in, price_out, vat_of(price_in, line.vat_rate, vat_included), vat_out, 0.0, 1, 1.0,
        d.date_value(order.date), BLANK, 1, note, 0, order.operator_id, d.timestamp_value(now),
    )  # fmt: skip


def write_order(
    session: Session, info: DatabaseInfo, fitter: TextFitter, order: NewOrder, *, server_id: str, shop_order_id: str
) -> WrittenOrder:
    refuse_lot_mode(info)
    ledger.ensure(session)
    note = fitter.fit("operations", "Note", order.note, item_key=shop_order_id)
    if not note.strip():
        raise ItemError(shop_order_id, "The order has no marker note; it is needed to find the document again.")
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _write_once(session, info, fitter, order, note, server_id, shop_order_id)
        except DuplicateKey:
            # A concurrent writer committed the same shop order first: ours was rolled back.
            entry = ledger.get(session, server_id, shop_order_id)
            if entry is not None:
                return WrittenOrder(entry.acct, created=False)
            raise WarehouseError(
                f"Order {shop_order_id}: the database refused the ledger row but none is there; run again."
            ) from None
        except TransientConflict as exc:
            log.info("order %s: lock conflict (%s), attempt %d", shop_order_id, exc, attempt)
            time.sleep(0.05 * attempt)
    raise WarehouseError(
        f"Order {shop_order_id}: the database stayed busy (lock conflicts) after {ATTEMPTS} attempts; run again.",
        title="Database busy",
    )


def _write_once(
    session: Session, info: DatabaseInfo, fitter: TextFitter, order: NewOrder, note: str, server_id: str,
    shop_order_id: str,
) -> WrittenOrder:  # fmt: skip
    with session.transaction():
        entry = ledger.get(session, server_id, shop_order_id)
        if entry is not None:
            return WrittenOrder(entry.acct, created=False)
        now = db_now(session)
        marked = find_marked(session, note)
        if marked is not None:
            acct, object_id = marked
            ledger.insert(
                session, server_id, shop_order_id, oper_type=ORDER, acct=acct, object_id=object_id,
                status=ledger.ADOPTED, now=now,
            )  # fmt: skip
            return WrittenOrder(acct, created=False)
        price_in = _check(session, order, shop_order_id)
        partner_id = partners.find_or_create(
            session, fitter, order.partner, user_id=order.operator_id, now=now, item_key=shop_order_id
        )
        acct = numbering.reserve(session, ORDER, ORDER_PREFIX, order.object_id if info.numbers_per_location else None)
        ledger.insert(
            session, server_id, shop_order_id, oper_type=ORDER, acct=acct, object_id=order.object_id,
            status=ledger.WRITTEN, now=now,
        )  # fmt: skip
        rows = [
            _line_row(
                session,
                order,
                line,
                acct=acct,
                partner_id=partner_id,
                price_in=price_in[line.good_id],
                note=note,
                vat_included=info.vat_included,
                now=now,
            )
            for line in order.lines
        ]
        _insert_lines(session, rows)
    return WrittenOrder(acct, created=True)


def void_order(session: Session, server_id: str, shop_order_id: str) -> bool:
    """Delete the document lines and its ``nextacct`` entry, mark the ledger row voided (§3.5 voiding).

    Returns False when the ledger has no live entry for the order.
    """
    ledger.ensure(session)
    d = session.dialect
    with session.transaction():
        entry = ledger.get(session, server_id, shop_order_id)
        if entry is None or entry.status == ledger.VOIDED:
            return False
        session.execute(
            f"DELETE FROM {d.t('operations')} WHERE {d.q('OperType')} = {d.p} AND {d.q('Acct')} = {d.p} "
            f"AND {d.q('ObjectID')} = {d.p} AND {d.q('PartnerID')} <> 0",
            [ORDER, entry.acct, entry.object_id],
        )
        numbering.release(session, ORDER_PREFIX, entry.acct)
        ledger.set_status(session, server_id, shop_order_id, ledger.VOIDED)
    return True
