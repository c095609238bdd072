"""Pull products from CloudCart: every shop variant missing in Warehouse Pro becomes a good.

* Matching is by the Compare-by key (SKU <-> ``BarCode2``, barcode <-> ``BarCode1``): a variant whose key
  a good already has is *matched* and left alone, so pulling twice creates nothing the second time.
* A new good gets SKU -> ``BarCode2`` and barcode -> ``BarCode1``; ``Code`` = ``CC<shop product id>`` so the
  variants of one shop product stay one family (the export groups goods by Code) — or the Code of a good
  that already matched another variant of the same product; ``Catalog1..3`` = ``<Parameter>-<Value>``
  from the product's p1..p3 and the variant's v1..v3; name = product name (+ `` M / Red`` for variants).
* Price: the variant's price (minor units, VAT included) into the import's ``price_field``; a database that
  keeps prices without VAT (``configkey20`` off) gets the net price at the rate of VAT group 1, the group
  every new good is put in.
* Skipped, with the reason in the report: variants without a key, keys used by several shop variants.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from app.cloudcart import from_minor
from app.domain.errors import ItemError
from app.domain.report import ItemChange
from app.sync.compare_key import key_label, shop_key, warehouse_column
from app.sync.context import TaskContext
from app.sync.shop_catalog import ShopCatalog, ShopProduct, ShopVariant, read_shop_catalog
from app.warehouse import PRICE_FIELDS, Good, NewGood, WarehouseDB

NEW_GOOD_TAX_GROUP = 1
CREATE_CHUNK = 200  # goods per transaction: a crash loses at most one chunk, which the next pull redoes
NET_PRICE_DIGITS = Decimal("0.0001")


@dataclass
class PullPlan:
    create: list[tuple[str, NewGood]] = field(default_factory=list)  # (key, good)
    matched: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (key, reason)

    @property
    def keys(self) -> list[str]:
        return [key for key, _ in self.create] + self.matched


def family_code(product_id: str) -> str:
    return f"CC{product_id}"


def catalog_fields(product: ShopProduct | None, variant: ShopVariant) -> tuple[str, str, str]:
    """``("Size-M", "Color-Red", "")`` from the product's parameters and the variant's option values."""
    parameters = product.parameters if product is not None else ()
    values: list[str] = []
    for index, option in enumerate(variant.options):
        if option and index < len(parameters):
            values.append(f"{parameters[index]}-{option}")
    values += ["", "", ""]
    return values[0], values[1], values[2]


def good_name(product: ShopProduct | None, variant: ShopVariant, key: str) -> str:
    base = product.name if product is not None and product.name else key
    options = [o for o in variant.options if o]
    return f"{base} {' / '.join(options)}" if options else base


def warehouse_price(minor: int | None, net_rate: float | None) -> float:
    """The shop's gross price as Warehouse keeps it: gross, or net at ``net_rate`` percent."""
    gross = from_minor(minor) if minor is not None else Decimal(0)
    if net_rate is None:
        return float(gross)
    net = gross * Decimal(100) / (Decimal(100) + Decimal(repr(net_rate)))
    return float(net.quantize(NET_PRICE_DIGITS, rounding=ROUND_HALF_UP))


def plan_pull(
    catalog: ShopCatalog,
    existing: Mapping[str, Sequence[Good]],
    *,
    compare_by: str,
    price_field: str,
    net_rate: float | None,
) -> PullPlan:
    """Decide per shop variant: create, matched or skipped (pure)."""
    plan = PullPlan()
    label = key_label(compare_by)
    by_key = catalog.by_key(compare_by)
    codes: dict[str, str] = {}  # shop product id -> Code of a good that already matched one of its variants
    for key, variants in by_key.items():
        found = existing.get(key, ())
        if found and found[0].code:
            for variant in variants:
                codes.setdefault(variant.product_id, found[0].code)
    for variant in catalog.variants:
        key = shop_key(compare_by, variant.sku, variant.barcode)
        product = catalog.products.get(variant.product_id)
        if not key:
            plan.skipped.append((f"variant {variant.id}", _no_key(label, product, variant)))
        elif not variant.product_id:
            plan.skipped.append(
                (key, f"shop variant {variant.id} ({label} {key}) names no product, so its family is unknown")
            )
        elif key in existing:
            plan.matched.append(key)
        elif len(by_key[key]) > 1:
            ids = ", ".join(v.id for v in by_key[key])
            reason = (
                f"{label} {key} is used by {len(by_key[key])} shop variants (IDs {ids}); make it unique in CloudCart"
            )
            plan.skipped.append((key, reason + " and pull again"))
        else:
            c1, c2, c3 = catalog_fields(product, variant)
            good = NewGood(
                code=codes.get(variant.product_id) or family_code(variant.product_id),
                name=good_name(product, variant, key),
                barcode1=variant.barcode,
                barcode2=variant.sku,
                catalog1=c1,
                catalog2=c2,
                catalog3=c3,
                price_field=price_field,
                price=warehouse_price(variant.price, net_rate),
                tax_group=NEW_GOOD_TAX_GROUP,
            )
            plan.create.append((key, good))
    return plan


def _no_key(label: str, product: ShopProduct | None, variant: ShopVariant) -> str:
    name = f"'{product.name}'" if product is not None and product.name else f"of product {variant.product_id}"
    return f"variant {variant.id} {name} has no {label} in the shop; give it one in CloudCart and pull again"


def preview_good(good: NewGood, vat_rate: float) -> Good:
    """How a good that a dry run would create looks to the order import of the same dry run (ID 0)."""
    prices = tuple(good.price if name == good.price_field else 0.0 for name in PRICE_FIELDS)
    return Good(
        id=0, code=good.code, name=good.name, barcode1=good.barcode1, barcode2=good.barcode2, barcode3="",
        catalog1=good.catalog1, catalog2=good.catalog2, catalog3=good.catalog3, measure1=good.measure1,
        price_in=0.0, prices=prices, tax_group=good.tax_group, vat_rate=vat_rate, type=0, group_id=0,
        group_code="", group_name="",
    )  # fmt: skip


async def pull_products(ctx: TaskContext) -> dict[str, Good]:
    """Create the goods the shop has and Warehouse Pro lacks; counts goods_created/matched/skipped.

    Returns, in a dry run, the goods it would have created by key (so that the preview of the orders
    matches them); after a real run they exist in the database and the result is empty.
    """
    report = ctx.report
    for name in ("goods_created", "goods_matched", "goods_skipped"):
        report.counts.setdefault(name, 0)
    imp, compare_by = ctx.server.import_, ctx.server.shop.compare_by
    ctx.progress("Reading the shop's products")
    catalog = await read_shop_catalog(ctx.shop, lambda n: ctx.progress("Reading the shop's products", n, force=False))
    keys = sorted(catalog.by_key(compare_by))
    column = warehouse_column(compare_by)

    def read(db: WarehouseDB) -> tuple[dict[str, list[Good]], float, bool]:
        return db.goods_by_key(column, keys), db.vat_rate(NEW_GOOD_TAX_GROUP), db.info().vat_included

    existing, rate, vat_included = await ctx.warehouse.call(read)
    net_rate = None if vat_included else rate
    plan = plan_pull(catalog, existing, compare_by=compare_by, price_field=imp.price_field, net_rate=net_rate)
    report.count("goods_matched", len(plan.matched))
    for key, reason in plan.skipped:
        report.count("goods_skipped")
        report.items.append(ItemChange(key, "skipped", detail=reason))
        ctx.warning(f"{key}: not pulled: {reason}")
    await _create(ctx, plan.create)
    created = report.counts["goods_created"]
    if not ctx.dry_run:
        ctx.info(f"{created} goods imported successfully")
        return {}
    ctx.info(f"{created} goods would be imported (preview, nothing written)")
    return {key: preview_good(good, rate) for key, good in plan.create}


async def _create_chunk(ctx: TaskContext, chunk: list[tuple[str, NewGood]], group: str) -> list[tuple[str, NewGood]]:
    """Create a chunk in one transaction; when one good is refused (e.g. text the columns cannot hold), create
    them one by one so that only that good becomes an error item. Returns the goods created."""

    def create(db: WarehouseDB, batch: list[NewGood]) -> list[int]:
        return db.create_goods(batch, group_name=group)

    try:
        await ctx.warehouse.call(create, [good for _, good in chunk])
        return chunk
    except ItemError:
        pass
    created: list[tuple[str, NewGood]] = []
    for key, good in chunk:
        try:
            await ctx.warehouse.call(create, [good])
        except ItemError as exc:
            ctx.report.count("goods_skipped")
            ctx.item_error(key, f"good {good.name!r} not created: {exc.message}")
            continue
        created.append((key, good))
    return created


async def _create(ctx: TaskContext, goods: list[tuple[str, NewGood]]) -> None:
    group = ctx.server.import_.goods_group
    verb = "would create" if ctx.dry_run else "created"
    for start in range(0, len(goods), CREATE_CHUNK):
        chunk = goods[start : start + CREATE_CHUNK]
        ctx.progress("Creating goods", start, len(goods))
        if not ctx.dry_run:
            chunk = await _create_chunk(ctx, chunk, group)
        for key, good in chunk:
            ctx.report.count("goods_created")
            ctx.report.items.append(
                ItemChange(key, "created", detail=f"{verb} good '{good.name}' (Code {good.code}) in group '{group}'")
            )
    if goods:
        ctx.progress("Creating goods", len(goods), len(goods))
