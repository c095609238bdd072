"""Import from CloudCart: shop orders become Warehouse Pro order documents (OperType 19), exactly once.

One run, in this order (see docs/import.md):

1. checks: the Object for operations exists, the database is not in a lot mode (nothing written otherwise);
2. Pull products from CloudCart, when switched on (:mod:`app.sync.pull_products`), so that orders of the
   pulled products match in step 3;
3. new orders: ``GET /orders?filter[start_date]=<cursor - overlap>&sort=date_added&include=products,...``
   in pages of 100; the ``import.date_added`` cursor moves on after each page (never past an order that
   was not fully handled);
4. orders on the "needs attention" list that step 3 did not see, fetched by id;
5. changed orders: ``sort=-updated_at`` pages down to ``import.updated_at - overlap``: cancellations void
   their documents, orders that reached an imported status later are imported.

A dry run reads everything and writes nothing (no document, no usn, no state, no cursor).
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlparse

from app.cloudcart import NotFound, Resource
from app.sync.context import TaskContext
from app.sync.order_import import OrderImporter
from app.sync.order_mapping import ORDER_INCLUDES, OrderUnreadable, ShopOrder, decode_order
from app.sync.order_window import CHANGES_CURSOR, DATE_CURSOR, EPOCH_CURSOR, minus_overlap, newest, window_start
from app.sync.pull_products import pull_products
from app.warehouse import LedgerEntry, WarehouseDB, WarehouseObject
from app.warehouse.orders import refuse_lot_mode

PAGE_SIZE = 100
COUNTS = ("orders_imported", "orders_skipped", "orders_voided", "orders_waiting", "goods_created", "failed")


def shop_address(base_url: str) -> str:
    """``https://mystore.cloudcart.net/api/v2`` -> ``mystore.cloudcart.net`` (part of the marker note)."""
    return urlparse(base_url).netloc or base_url


async def run_import(ctx: TaskContext) -> None:
    for name in COUNTS:
        ctx.report.counts.setdefault(name, 0)
    settings = ctx.server.import_
    server_id = ctx.server.id

    def prepare(db: WarehouseDB) -> tuple[WarehouseObject, dict[str, LedgerEntry]]:
        refuse_lot_mode(db.info())
        return db.find_object(settings.object), db.ledger(server_id)

    ctx.progress("Checking the Warehouse database")
    target, ledger = await ctx.warehouse.call(prepare)
    previews = await pull_products(ctx) if settings.pull_products else {}
    importer = OrderImporter(
        ctx,
        target.id,
        shop_address(ctx.shop.base_url),
        ledger,
        waiting=set(ctx.state.attention()),
        epoch=ctx.state.cursor(EPOCH_CURSOR),
        previews=previews,
    )
    await _new_orders(ctx, importer)
    await _waiting_orders(ctx, importer)
    await _changed_orders(ctx, importer)
    ctx.info(_summary(ctx, target.name))


def _read(importer: OrderImporter, resource: Resource) -> ShopOrder | None:
    """One order of the shop's answer; an unreadable one waits for the operator, the others go on."""
    try:
        return decode_order(resource)
    except OrderUnreadable as exc:
        importer.wait(resource.id, f"the shop's data cannot be read: {exc}; it is read again on the next run")
        return None


async def _in_batches(ctx: TaskContext, importer: OrderImporter, orders: Sequence[ShopOrder]) -> None:
    for start in range(0, len(orders), PAGE_SIZE):
        await importer.handle_batch(orders[start : start + PAGE_SIZE])


async def _new_orders(ctx: TaskContext, importer: OrderImporter) -> None:
    cursor = ctx.state.cursor(DATE_CURSOR)
    since = window_start(cursor, ctx.server.import_.overlap_minutes)
    ctx.info(f"Reading orders placed since {since}" + ("" if cursor else " (first run: the last 30 days)"))
    if cursor is None and importer.epoch is None:
        importer.epoch = since
        if not ctx.dry_run:
            ctx.state.set_cursor(EPOCH_CURSOR, since)
    ctx.progress("Reading orders")
    batch: list[ShopOrder] = []

    async def flush() -> None:
        nonlocal cursor
        await importer.handle_batch(batch)
        moved = cursor
        for order in batch:
            moved = newest(moved, order.date_added)
        if moved is not None and moved != cursor and not ctx.dry_run:
            ctx.state.set_cursor(DATE_CURSOR, moved)
            cursor = moved
        batch.clear()

    async for resource in ctx.shop.iterate(
        "orders", filters={"start_date": since}, sort="date_added", include=ORDER_INCLUDES, page_size=PAGE_SIZE
    ):
        order = _read(importer, resource)
        if order is not None:
            batch.append(order)
        if len(batch) >= PAGE_SIZE:
            await flush()
    await flush()


async def _waiting_orders(ctx: TaskContext, importer: OrderImporter) -> None:
    """Orders on the "needs attention" list are tried again every run, however old they are."""
    pending = sorted(importer.waiting - importer.seen, key=lambda i: (len(i), i))
    if not pending:
        return
    ctx.progress("Retrying orders that need attention", 0, len(pending))
    orders: list[ShopOrder] = []
    for order_id in pending:
        try:
            order = _read(importer, await ctx.shop.get("orders", order_id, include=ORDER_INCLUDES))
            if order is not None:
                orders.append(order)
        except NotFound:
            ctx.warning(f"Order {order_id} no longer exists in the shop; removed from the needs-attention list")
            importer.waiting.discard(order_id)
            if not ctx.dry_run:
                ctx.state.unflag(order_id)
    await _in_batches(ctx, importer, orders)


async def _changed_orders(ctx: TaskContext, importer: OrderImporter) -> None:
    """Cancellations and late status changes: pages of ``sort=-updated_at`` down to the cursor - overlap."""
    cursor = ctx.state.cursor(CHANGES_CURSOR)
    if cursor is None:
        # First run: step 3 saw every order of the window as it is now; watch changes from here on.
        if importer.newest_update is not None and not ctx.dry_run:
            ctx.state.set_cursor(CHANGES_CURSOR, importer.newest_update)
        return
    since = minus_overlap(cursor, ctx.server.import_.overlap_minutes)
    ctx.progress("Reading changed orders")
    changed: list[ShopOrder] = []
    latest: str | None = cursor
    # Read the whole list first: our own usn writes move orders to the top of this sort order.
    async for resource in ctx.shop.iterate("orders", sort="-updated_at", include=ORDER_INCLUDES, page_size=PAGE_SIZE):
        try:
            order = decode_order(resource)
        except OrderUnreadable as exc:
            if resource.id not in importer.seen:  # not yet reported in this run
                importer.wait(resource.id, f"the shop's data cannot be read: {exc}; it is read again on the next run")
            continue
        if order.updated_at < since:
            break
        latest = newest(latest, order.updated_at)
        if order.id not in importer.seen:
            changed.append(order)
    await _in_batches(ctx, importer, changed)
    if latest is not None and latest != cursor and not ctx.dry_run:
        ctx.state.set_cursor(CHANGES_CURSOR, latest)


def _summary(ctx: TaskContext, object_name: str) -> str:
    c = ctx.report.counts
    verb = "would be " if ctx.dry_run else ""
    text = (
        f"Orders: {c['orders_imported']} {verb}imported into '{object_name}', {c['orders_skipped']} skipped, "
        f"{c['orders_voided']} {verb}voided, {c['orders_waiting']} waiting for the operator"
    )
    return text + (" (preview, nothing written)" if ctx.dry_run else "")
