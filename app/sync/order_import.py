"""What happens to one shop order: import it, skip it, void its document, or let it wait for the operator.

Exactly once: the document and its ledger row are written in one warehouse transaction
(:meth:`WarehouseDB.write_order`), which re-checks the ledger and the marker note inside that
transaction; the in-memory ledger read at the start of the run only saves work. Nothing here writes
in a dry run: the report lists what would happen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.cloudcart import ValidationFailed
from app.domain.errors import ItemError
from app.domain.report import ItemChange
from app.sync.compare_key import warehouse_column
from app.sync.context import TaskContext
from app.sync.order_mapping import (
    NEGATIVE_STATUSES,
    ShopOrder,
    build_document,
    line_keys,
    match_lines,
    usn_reference,
)
from app.sync.order_window import newest
from app.warehouse import Good, LedgerEntry, NewOrder, WarehouseDB, WrittenOrder

VOIDED = "voided"  # LedgerEntry.status of a voided document
USN_ALREADY_SET = ("only once", "already been taken")


def document_name(acct: int) -> str:
    return f"OR {acct}"


@dataclass
class OrderImporter:
    """Handles orders batch by batch; remembers what it has seen so that each order is handled once a run."""

    ctx: TaskContext
    object_id: int
    shop: str  # the shop's address, part of the marker note
    ledger: dict[str, LedgerEntry]
    waiting: set[str]  # ids on the "needs attention" list
    epoch: str | None = None  # orders placed before the first run's window are never imported
    previews: dict[str, Good] = field(default_factory=dict)  # dry run: goods the pull would create, by key
    seen: set[str] = field(default_factory=set)
    newest_update: str | None = None

    # -- batches --------------------------------------------------------------------------------
    async def handle_batch(self, orders: Sequence[ShopOrder]) -> None:
        fresh = [o for o in orders if o.id not in self.seen]
        goods = await self._goods_for(fresh)
        for order in fresh:
            self.seen.add(order.id)
            self.newest_update = newest(self.newest_update, order.updated_at)
            await self._handle(order, goods)
            self.ctx.progress("Importing orders", len(self.seen), force=False)

    def _wanted(self, order: ShopOrder) -> bool:
        imp = self.ctx.server.import_
        return (
            order.status in imp.statuses
            and order.status not in NEGATIVE_STATUSES
            and order.id not in self.ledger
            and not self._before_epoch(order)
        )

    def _before_epoch(self, order: ShopOrder) -> bool:
        return self.epoch is not None and order.date_added < self.epoch

    async def _goods_for(self, orders: Sequence[ShopOrder]) -> dict[str, list[Good]]:
        compare_by = self.ctx.server.shop.compare_by
        keys = sorted({k for o in orders if self._wanted(o) for k in line_keys(o, compare_by)})
        if not keys:
            return {}
        column = warehouse_column(compare_by)

        def read(db: WarehouseDB) -> dict[str, list[Good]]:
            return db.goods_by_key(column, keys)

        found = await self.ctx.warehouse.call(read)
        for key in keys:
            if key not in found and key in self.previews:
                found[key] = [self.previews[key]]
        return found

    # -- one order ------------------------------------------------------------------------------
    async def _handle(self, order: ShopOrder, goods: dict[str, list[Good]]) -> None:
        imp = self.ctx.server.import_
        entry = self.ledger.get(order.id)
        if order.status in NEGATIVE_STATUSES:
            await self._cancelled(order, entry)
        elif order.status not in imp.statuses:
            self._skip(order, f"its status '{order.status}' is not imported")
        elif entry is not None:
            self._skip(order, f"already imported as document {document_name(entry.acct)}")
            if entry.status != VOIDED:
                await self._mark_usn(order, entry.acct)  # repairs a run that stopped before the usn was set
        elif self._before_epoch(order):
            self._skip(order, f"it was placed on {order.date_added}, before the import started ({self.epoch})")
        else:
            matched = match_lines(order, goods, self.ctx.server.shop.compare_by)
            if matched.problems:
                self._wait(order, "; ".join(matched.problems))
            else:
                await self._write(order, build_document(order, matched.lines, object_id=self.object_id, shop=self.shop))

    def _skip(self, order: ShopOrder, why: str) -> None:
        self.ctx.report.count("orders_skipped")
        self._unflag(order, f"order {order.id} no longer waits: {why}")

    def _unflag(self, order: ShopOrder, message: str) -> None:
        if order.id in self.waiting:
            self.waiting.discard(order.id)
            self.ctx.info(message)
            if not self.ctx.dry_run:
                self.ctx.state.unflag(order.id)

    def _wait(self, order: ShopOrder, reason: str) -> None:
        self.wait(order.id, reason)

    def wait(self, order_id: str, reason: str) -> None:
        """Put an order on the "needs attention" list (also one the shop's answer made unreadable)."""
        self.seen.add(order_id)
        self.ctx.report.count("orders_waiting")
        self.ctx.item_error(order_id, f"Order {order_id} waits (needs attention): {reason}")
        if not self.ctx.dry_run:
            self.ctx.state.flag(order_id, reason)
            self.waiting.add(order_id)

    async def _write(self, order: ShopOrder, document: NewOrder) -> None:
        if self.ctx.dry_run:
            self.ctx.report.count("orders_imported")
            self.ctx.report.items.append(
                ItemChange(order.id, "imported", detail=f"would import order {order.id}: {order.summary()}")
            )
            return
        server_id = self.ctx.server.id

        def write(db: WarehouseDB) -> WrittenOrder:
            return db.write_order(document, server_id=server_id, shop_order_id=order.id)

        try:
            written = await self.ctx.warehouse.call(write)
        except ItemError as exc:  # e.g. a good deleted meanwhile, a text the database cannot hold
            self._wait(order, exc.message)
            return
        self.ledger[order.id] = LedgerEntry(order.id, written.acct, "written", dt.datetime.now(), self.object_id)
        name = document_name(written.acct)
        if written.created:
            self.ctx.report.count("orders_imported")
            self.ctx.report.items.append(
                ItemChange(order.id, "imported", {"document": [None, name]}, f"{order.summary()} -> {name}")
            )
            self.ctx.info(f"Order {order.id} imported as document {name} ({order.summary()})")
            self._unflag(order, f"order {order.id} no longer waits: imported as {name}")
        else:
            self._skip(order, f"its document {name} already exists in Warehouse Pro")
            self.ctx.info(f"Order {order.id}: document {name} already exists in Warehouse Pro; linked to it")
        await self._mark_usn(order, written.acct)

    async def _cancelled(self, order: ShopOrder, entry: LedgerEntry | None) -> None:
        if entry is None or entry.status == VOIDED:
            self._skip(order, f"it was {order.status}")
            return
        name = document_name(entry.acct)
        if not self.ctx.server.import_.void_cancelled:
            self._skip(order, f"it was {order.status}")
            self.ctx.info(f"Order {order.id} is {order.status}; document {name} kept (void_cancelled is off)")
            return
        detail = f"order {order.status} in the shop: document {name} voided"
        if self.ctx.dry_run:
            self.ctx.report.count("orders_voided")
            self.ctx.report.items.append(ItemChange(order.id, "voided", detail=f"would void: {detail}"))
            return
        server_id = self.ctx.server.id

        def void(db: WarehouseDB) -> bool:
            return db.void_order(server_id, order.id)

        if await self.ctx.warehouse.call(void):
            self.ledger[order.id] = LedgerEntry(order.id, entry.acct, VOIDED, entry.created_at, entry.object_id)
            self.ctx.report.count("orders_voided")
            self.ctx.report.items.append(ItemChange(order.id, "voided", {"document": [name, None]}, detail))
            self.ctx.info(f"Order {order.id}: {detail}")
        else:
            self._skip(order, f"it was {order.status}")

    async def _mark_usn(self, order: ShopOrder, acct: int) -> None:
        """Write the document number into the order's set-once ``usn`` (a refusal is logged, not an error)."""
        if not self.ctx.server.import_.mark_usn or order.usn or self.ctx.dry_run:
            return
        reference = usn_reference(acct)
        try:
            await self.ctx.shop.patch_order(order.id, usn=reference)
        except ValidationFailed as exc:
            text = " ".join(p.detail for p in exc.problems) or exc.message
            log = self.ctx.info if any(s in text.lower() for s in USN_ALREADY_SET) else self.ctx.warning
            log(f"Order {order.id}: the shop kept its usn ({text})")
        except ItemError as exc:  # e.g. the order was deleted or archived meanwhile
            self.ctx.warning(f"Order {order.id}: could not set usn {reference}: {exc.message}")
