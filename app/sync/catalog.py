"""From Warehouse Pro goods to the catalogue the shop should have (pure; no I/O).

- The match key is the Compare-by value: ``sku`` = ``goods.BarCode2``, ``barcode`` = ``goods.BarCode1``.
- Goods sharing a ``Code`` form one product; each good is a variant whose options come from
  ``Catalog1..3`` written ``Type-value`` (split at the first hyphen, trimmed; the value may contain
  more hyphens). A good alone with no catalog values is a simple product.
- The pre-flight check turns every offender into an error item with a message the operator can act
  on; that item (or, for product-wide problems, its product) is skipped and everything else proceeds.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from app.domain.report import ItemProblem
from app.sync.compare_key import key_label, warehouse_column
from app.warehouse import Good

MAX_DIMENSIONS = 3
MAX_VARIANTS = 500
PARAMETER_NAME_LENGTH = (3, 191)
NAME_LENGTH = 191
FALLBACK_CATEGORY = "Warehouse Pro"


@dataclass(frozen=True)
class Dimension:
    type: str
    value: str


@dataclass
class DesiredVariant:
    key: str
    good: Good
    sku: str
    barcode: str
    options: dict[str, str]  # dimension type (as written on the product) -> value
    price: int  # gross, minor units
    quantity: float | None  # None: the quantity is not managed (not exported, or a non-inventory good)
    quantity_note: str = ""


@dataclass
class DesiredProduct:
    code: str
    name: str
    category: str
    parameters: tuple[str, ...]
    variants: list[DesiredVariant]
    tracking: bool

    @property
    def simple(self) -> bool:
        return not self.parameters

    @property
    def keys(self) -> list[str]:
        return [v.key for v in self.variants]


@dataclass
class CatalogBuild:
    products: list[DesiredProduct] = field(default_factory=list)
    problems: list[ItemProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class QuantityInputs:
    export_quantities: bool
    mode: str  # "available" | "on_hand"
    stock: Mapping[int, float]
    open_orders: Mapping[int, float]


def match_key(good: Good, compare_by: str) -> str:
    return good.barcode2 if warehouse_column(compare_by) == "BarCode2" else good.barcode1


def describe_good(good: Good) -> str:
    code = f"Code {good.code}, " if good.code else ""
    return f"good {good.name!r} ({code}ID {good.id})"


def parse_dimension(field_name: str, text: str) -> Dimension:
    """``"Color-Red"`` -> Dimension("Color", "Red"); ValueError with an actionable message otherwise."""
    kind, sep, value = text.partition("-")
    kind, value = kind.strip(), value.strip()
    if not sep:
        raise ValueError(f"{field_name} {text!r} has no hyphen: expected Type-value, e.g. Color-Red")
    if not kind or not value:
        raise ValueError(f"{field_name} {text!r} needs both a type and a value around the hyphen, e.g. Size-M")
    low, high = PARAMETER_NAME_LENGTH
    if not low <= len(kind) <= high:
        raise ValueError(f"{field_name} {text!r}: the type {kind!r} must be {low} to {high} characters for CloudCart")
    return Dimension(kind, value[:NAME_LENGTH])


def dimensions_of(good: Good) -> list[Dimension]:
    dims: list[Dimension] = []
    for index, text in enumerate((good.catalog1, good.catalog2, good.catalog3), start=1):
        if text.strip():
            dims.append(parse_dimension(f"Catalog{index}", text.strip()))
    seen: set[str] = set()
    for dim in dims:
        if dim.type.lower() in seen:
            raise ValueError(f"the type {dim.type!r} appears twice in Catalog1..3; each field holds one dimension")
        seen.add(dim.type.lower())
    return dims


def gross_price_minor(good: Good, price_field: str, vat_included: bool) -> int:
    """The shop's gross price in minor units, half-up to cents; ValueError for unusable prices."""
    value = good.price(price_field)
    if value is None or isinstance(value, bool) or not math.isfinite(value):
        raise ValueError(f"{price_field} is not a number ({value!r})")
    if value < 0:
        raise ValueError(f"{price_field} is negative ({value}); the shop cannot sell below zero")
    amount = Decimal(repr(float(value)))
    if not vat_included:
        amount = amount * (Decimal(100) + Decimal(repr(float(good.vat_rate)))) / Decimal(100)
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def shop_quantity(good: Good, q: QuantityInputs) -> tuple[float | None, str]:
    """The quantity to send and a note when it was clamped; None when quantities are not managed."""
    if not q.export_quantities or good.is_non_inventory:
        return None, ""
    on_hand = float(q.stock.get(good.id, 0.0))
    ordered = float(q.open_orders.get(good.id, 0.0)) if q.mode == "available" else 0.0
    value = round(on_hand - ordered, 3)
    if value < 0:
        return 0.0, f"quantity {value:g} (on hand {on_hand:g} - ordered {ordered:g}) is below zero; sent as 0"
    return (int(value) if value == int(value) else value), ""


def product_name(goods: Sequence[Good]) -> str:
    """The product's name: the words all its goods' names share, else the first good's name."""
    names = [g.name.strip() for g in goods if g.name.strip()]
    if not names:
        return ""
    if len(names) == 1:
        return names[0][:NAME_LENGTH]
    words = [n.split() for n in names]
    common: list[str] = []
    for column in zip(*words, strict=False):
        if all(w.lower() == column[0].lower() for w in column):
            common.append(column[0])
        else:
            break
    joined = " ".join(common).strip(" -,/")
    return (joined if len(joined) >= 2 else names[0])[:NAME_LENGTH]


def _group_key(good: Good) -> str:
    return good.code.strip() or f"#{good.id}"


def build_catalog(
    goods: Iterable[Good],
    *,
    compare_by: str,
    price_field: str,
    vat_included: bool,
    quantities: QuantityInputs,
    category: str | None = None,
    track_quantity: bool = True,
) -> CatalogBuild:
    build = CatalogBuild()
    key_name = f"{key_label(compare_by)} ({warehouse_column(compare_by)})"
    accepted: list[tuple[Good, str, list[Dimension], int]] = []
    for good in sorted(goods, key=lambda g: g.id):
        key = match_key(good, compare_by).strip()
        if not key:
            build.problems.append(
                ItemProblem(
                    f"ID {good.id}",
                    f"{describe_good(good)} has no {key_name}, which matches it to the shop; fill it in Warehouse Pro",
                )
            )
            continue
        try:
            dims = dimensions_of(good)
            price = gross_price_minor(good, price_field, vat_included)
        except ValueError as exc:
            build.problems.append(ItemProblem(key, f"{describe_good(good)}: {exc}"))
            continue
        if not good.name.strip():
            build.problems.append(ItemProblem(key, f"{describe_good(good)} has no name"))
            continue
        accepted.append((good, key, dims, price))

    by_key: dict[str, list[Good]] = defaultdict(list)
    for good, key, _, _ in accepted:
        by_key[key].append(good)
    duplicates = {k: gs for k, gs in by_key.items() if len(gs) > 1}
    for key, dupes in duplicates.items():
        ids = ", ".join(str(g.id) for g in dupes)
        build.problems.append(
            ItemProblem(key, f"{key_name} {key!r} is used by {len(dupes)} goods (IDs {ids}); it must be unique")
        )

    groups: dict[str, list[tuple[Good, str, list[Dimension], int]]] = defaultdict(list)
    for item in accepted:
        if item[1] not in duplicates:
            groups[_group_key(item[0])].append(item)

    for code, items in groups.items():
        product = _build_product(code, items, build, quantities, category, track_quantity)
        if product is not None:
            build.products.append(product)
    return build


def _fail_group(build: CatalogBuild, items: Sequence[tuple[Good, str, list[Dimension], int]], message: str) -> None:
    for _, key, _, _ in items:
        build.problems.append(ItemProblem(key, message))


def _build_product(
    code: str,
    items: list[tuple[Good, str, list[Dimension], int]],
    build: CatalogBuild,
    quantities: QuantityInputs,
    category: str | None,
    track_quantity: bool,
) -> DesiredProduct | None:
    shown = f"Code {code!r}" if not code.startswith("#") else "this good"
    type_sets = {tuple(sorted(d.type.lower() for d in dims)) for _, _, dims, _ in items}
    if len(items) > 1 and any(not dims for _, _, dims, _ in items):
        _fail_group(
            build,
            items,
            f"{len(items)} goods share {shown} but not all have Catalog values (Type-value) to tell the variants apart",
        )
        return None
    if len(type_sets) > 1:
        sets = " / ".join(", ".join(s) for s in sorted(type_sets))
        _fail_group(build, items, f"goods of {shown} have different dimension sets ({sets}); use the same types")
        return None
    parameters = tuple(d.type for d in items[0][2])
    if len(parameters) > MAX_DIMENSIONS:
        _fail_group(build, items, f"{shown} has {len(parameters)} dimensions; CloudCart allows {MAX_DIMENSIONS}")
        return None
    if len(items) > MAX_VARIANTS:
        _fail_group(build, items, f"{shown} has {len(items)} variants; CloudCart allows {MAX_VARIANTS} per product")
        return None
    combos: dict[tuple[str, ...], str] = {}
    variants: list[DesiredVariant] = []
    for good, key, dims, price in items:
        options = {p: next(d.value for d in dims if d.type.lower() == p.lower()) for p in parameters}
        combo = tuple(v.lower() for v in options.values())
        if combo and combo in combos:
            build.problems.append(
                ItemProblem(
                    key, f"{describe_good(good)} has the same options as {combos[combo]!r} ({', '.join(combo)})"
                )
            )
            continue
        combos[combo] = key
        quantity, note = shop_quantity(good, quantities)
        if note:
            build.notes.append(f"{key}: {note}")
        variants.append(
            DesiredVariant(
                key=key,
                good=good,
                sku=good.barcode2.strip(),
                barcode=good.barcode1.strip(),
                options=options,
                price=price,
                quantity=quantity,
                quantity_note=note,
            )
        )
    if not variants:
        return None
    goods = [v.good for v in variants]
    group_name = goods[0].group_name.strip()
    chosen_category = category or (group_name if len(group_name) >= 2 else FALLBACK_CATEGORY)
    tracking = track_quantity and not all(g.is_non_inventory for g in goods)
    return DesiredProduct(
        code=code,
        name=product_name(goods),
        category=chosen_category[:NAME_LENGTH],
        parameters=parameters,
        variants=variants,
        tracking=tracking,
    )
