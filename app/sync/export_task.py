"""Export from Warehouse Pro: goods of the chosen groups become shop products; prices and quantities follow.

Stages: read the warehouse (one query per kind of data), build the desired catalogue with its pre-flight
check, read the shop once (pages of 100), plan the differences, then write only those (nothing in a dry
run: the report lists what would change, before -> after).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from app.domain.report import ItemChange
from app.domain.settings import ExportSettings
from app.sync.catalog import CatalogBuild, QuantityInputs, build_catalog
from app.sync.context import TaskContext
from app.sync.export_apply import ExportWriter, describe_new_product
from app.sync.export_plan import ExportPlan, plan_export
from app.sync.shop_catalog import read_shop_catalog
from app.sync.shop_directory import ShopDirectory
from app.warehouse import DatabaseInfo, Good, WarehouseDB


@dataclass
class WarehouseSnapshot:
    info: DatabaseInfo
    goods: list[Good]
    stock: dict[int, float]
    open_orders: dict[int, float]
    quantity_objects: list[str]


def read_warehouse(db: WarehouseDB, export: ExportSettings) -> WarehouseSnapshot:
    """All the warehouse data the export needs (runs in the warehouse thread)."""
    info = db.info()
    group_ids = [g.id for g in db.find_goods_groups(list(export.goods_groups))] if export.goods_groups else None
    goods = db.goods(group_ids)
    stock: dict[int, float] = {}
    orders: dict[int, float] = {}
    names: list[str] = []
    if export.export_quantities:
        if export.quantity_object_groups:
            objects = db.objects_in_groups(list(export.quantity_object_groups))
        else:
            objects = [db.find_object(export.object)]
        object_ids = [o.id for o in objects]
        names = [o.name for o in objects]
        stock = db.stock(object_ids)
        if export.quantity == "available":
            orders = db.open_order_quantities(object_ids)
    return WarehouseSnapshot(info, goods, stock, orders, names)


async def run_export(ctx: TaskContext) -> None:
    export = ctx.server.export
    shop_settings = ctx.server.shop
    report = ctx.report
    for name in ("created", "updated", "unchanged", "failed"):
        report.counts[name] = 0

    ctx.progress("Reading Warehouse Pro")
    snapshot = await ctx.warehouse.call(read_warehouse, export)
    where = ", ".join(snapshot.quantity_objects) if snapshot.quantity_objects else "not exported"
    ctx.info(f"Read {len(snapshot.goods)} goods from Warehouse Pro (quantities: {where}).")

    # CPU-bound work runs in a worker thread so the window's event loop stays responsive.
    catalog = await asyncio.to_thread(
        build_catalog,
        snapshot.goods,
        compare_by=shop_settings.compare_by,
        price_field=export.price_field,
        vat_included=snapshot.info.vat_included,
        quantities=QuantityInputs(export.export_quantities, export.quantity, snapshot.stock, snapshot.open_orders),
        category=export.category,
        track_quantity=shop_settings.new_products.track_quantity,
    )
    _log_notes(ctx, catalog)

    ctx.progress("Reading the shop", calls_left=len(snapshot.goods) // 100 + 1)
    shop = await read_shop_catalog(ctx.shop, on_page=lambda n: ctx.progress("Reading the shop", n, None, force=False))
    ctx.info(f"Read {len(shop.variants)} variants of {len(shop.products)} products from the shop.")

    directory = ShopDirectory(ctx.shop)
    names = await directory.category_names() if "category" in export.update_fields else {}
    pushed = await asyncio.to_thread(ctx.state.pushed)
    plan = await asyncio.to_thread(
        plan_export,
        catalog,
        shop,
        pushed,
        compare_by=shop_settings.compare_by,
        export_goods=export.export_goods,
        update_fields=export.update_fields,
        category_names=names,
        switches=shop_settings.new_products,
    )
    _report_plan_basics(ctx, plan)

    if ctx.dry_run:
        _report_dry_run(ctx, plan)
        return
    total = len(plan.variant_writes) + len(plan.product_writes) + sum(len(n.variants) for n in plan.new_variants)
    total += sum(len(p.variants) for p in plan.new_products)
    done = 0

    def item_done() -> None:
        nonlocal done
        done += 1
        report.counts["created"] = writer.outcome.created
        report.counts["updated"] = writer.outcome.updated
        ctx.progress("Writing changes", done, total, calls_left=max(plan.write_calls - done, 0), force=done == total)

    if total:
        ctx.progress("Writing changes", 0, total, calls_left=plan.write_calls)
    writer = ExportWriter(
        ctx.shop, directory, shop_settings.new_products, export_quantities=export.export_quantities, on_item=item_done
    )
    try:
        outcome = await writer.apply(plan)
    finally:
        # Whatever was written before a failure or a cancel is remembered, so the next run converges. In a
        # worker thread (10,000 rows take a moment), shielded so that a cancel cannot skip it.
        remembered = plan.unchanged + writer.outcome.pushed
        await asyncio.shield(asyncio.to_thread(ctx.state.remember_pushed, remembered))
    report.counts["created"] = outcome.created
    report.counts["updated"] = outcome.updated
    report.items.extend(outcome.items)
    for key, message in outcome.errors:
        ctx.item_error(key, message)
    ctx.info(
        f"Export finished: {outcome.created} created, {outcome.updated} updated, "
        f"{report.counts['unchanged']} unchanged, {report.counts['failed']} failed."
    )


def _log_notes(ctx: TaskContext, catalog: CatalogBuild) -> None:
    for note in catalog.notes[:50]:
        ctx.log(logging.INFO, note)
    if len(catalog.notes) > 50:
        ctx.info(f"... and {len(catalog.notes) - 50} more quantities below zero sent as 0.")


def _report_plan_basics(ctx: TaskContext, plan: ExportPlan) -> None:
    report = ctx.report
    report.counts["unchanged"] = len(plan.unchanged)
    if plan.not_in_shop:
        report.counts["not_in_shop"] = len(plan.not_in_shop)
        ctx.info(
            f"{len(plan.not_in_shop)} goods are not in the shop and were left out because "
            "Export goods from Warehouse Pro is No."
        )
    for problem in plan.problems:
        ctx.item_error(problem.key, problem.message)


def _report_dry_run(ctx: TaskContext, plan: ExportPlan) -> None:
    report = ctx.report
    switches = ctx.server.shop.new_products
    quantities = ctx.server.export.export_quantities
    for product in plan.new_products:
        report.items.extend(describe_new_product(product, switches, quantities))
    for new in plan.new_variants:
        for variant in new.variants:
            report.items.append(
                ItemChange(
                    variant.key,
                    "created",
                    {"price": [None, variant.price]},
                    detail=f"new variant of {new.product.name!r}",
                )
            )
    for write in plan.variant_writes:
        report.items.append(ItemChange(write.desired.key, "updated", write.changes))
    for product_write in plan.product_writes:
        report.items.append(ItemChange(product_write.keys[0], "updated", product_write.changes, detail="product"))
    report.counts["created"] = sum(1 for i in report.items if i.action == "created")
    report.counts["updated"] = sum(1 for i in report.items if i.action == "updated")
    ctx.info(
        f"Preview: {report.counts['created']} to create, {report.counts['updated']} to update, "
        f"{report.counts['unchanged']} unchanged, {report.counts['failed']} with problems. Nothing was written."
    )
