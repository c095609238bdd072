"""The export's decisions (pure): what to create, what to change, what to leave alone.

Rules:
- A desired variant matches the shop variant with the same Compare-by key. A shop key used by more than
  one variant cannot be matched safely: those goods become error items.
- **Prices** go one way: written whenever the shop's price differs from the warehouse's.
- **Quantities** (when exported) are written when the shop's value differs AND the warehouse value changed
  since it was last pushed (or was never pushed). A shop sale that the import has not yet brought into
  the warehouse is therefore not "given back" by the next export (the OCA connectors' cached-quantity
  rule). The other code (barcode when matching by SKU, and vice versa) is kept in step too.
- Existing products get other fields only when the operator lists them in ``export.update_fields``.
- New goods of an existing product become new variants when the product's parameters are the goods'
  dimensions; a simple shop product never gets parameters from us (CloudCart would delete its variant).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.domain.report import ItemProblem
from app.domain.settings import NewProductSwitches
from app.sync.catalog import CatalogBuild, DesiredProduct, DesiredVariant
from app.sync.shop_catalog import ShopCatalog, ShopProduct, ShopVariant
from app.sync.state import Pushed


@dataclass
class VariantWrite:
    desired: DesiredVariant
    shop: ShopVariant
    attributes: dict[str, Any]
    changes: dict[str, list[Any]]


@dataclass
class ProductWrite:
    product_id: str
    keys: list[str]
    attributes: dict[str, Any]
    category: str | None  # category name to set, when the category changes
    changes: dict[str, list[Any]]


@dataclass
class NewVariants:
    """New goods of a product that already exists in the shop."""

    product: ShopProduct
    desired: DesiredProduct
    variants: list[DesiredVariant]


@dataclass
class ExportPlan:
    new_products: list[DesiredProduct] = field(default_factory=list)
    new_variants: list[NewVariants] = field(default_factory=list)
    variant_writes: list[VariantWrite] = field(default_factory=list)
    product_writes: list[ProductWrite] = field(default_factory=list)
    unchanged: list[Pushed] = field(default_factory=list)  # matched and equal: remembered as pushed
    not_in_shop: list[str] = field(default_factory=list)  # keys left out because Export goods = No
    problems: list[ItemProblem] = field(default_factory=list)

    @property
    def write_calls(self) -> int:
        """A lower bound of the write calls, for the ETA."""
        creates = sum(2 + len(p.variants) for p in self.new_products) + sum(len(n.variants) for n in self.new_variants)
        return creates + len(self.variant_writes) + len(self.product_writes)


def _quantity_differs(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is not b
    return abs(a - b) > 1e-9


def _variant_changes(
    desired: DesiredVariant, shop: ShopVariant, pushed: Pushed | None, compare_by: str
) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    attributes: dict[str, Any] = {}
    changes: dict[str, list[Any]] = {}
    if desired.price != shop.price:
        attributes["price"] = desired.price
        changes["price"] = [shop.price, desired.price]
    if desired.quantity is not None and _quantity_differs(desired.quantity, shop.quantity):
        warehouse_changed = (
            pushed is None or pushed.quantity is None or _quantity_differs(pushed.quantity, desired.quantity)
        )
        if warehouse_changed:
            attributes["quantity"] = desired.quantity
            changes["quantity"] = [shop.quantity, desired.quantity]
    other = ("barcode", desired.barcode, shop.barcode) if compare_by == "sku" else ("sku", desired.sku, shop.sku)
    name, wanted, current = other
    if wanted and wanted != current:
        attributes[name] = wanted
        changes[name] = [current or None, wanted]
    return attributes, changes


def _product_changes(
    desired: DesiredProduct,
    shop: ShopProduct,
    update_fields: Sequence[str],
    categories: Mapping[str, str],
    switches: NewProductSwitches | None,
) -> ProductWrite | None:
    attributes: dict[str, Any] = {}
    changes: dict[str, list[Any]] = {}
    category: str | None = None
    if "name" in update_fields and desired.name and desired.name != shop.name:
        attributes["name"] = desired.name
        changes["name"] = [shop.name, desired.name]
    if "tracking" in update_fields and desired.tracking != shop.tracking:
        attributes["tracking"] = desired.tracking
        changes["tracking"] = [shop.tracking, desired.tracking]
    if switches is not None:
        for name, wanted, now in (
            ("continue_selling", switches.continue_selling, shop.continue_selling),
            ("shipping", switches.has_weight, shop.shipping),
        ):
            if name in update_fields and wanted != now:
                attributes[name] = wanted
                changes[name] = [now, wanted]
    if "category" in update_fields:
        current_category = categories.get(shop.category_id or "")
        if current_category is None or current_category.lower() != desired.category.lower():
            category = desired.category
            changes["category"] = [current_category, desired.category]
    if not attributes and category is None:
        return None
    return ProductWrite(shop.id, desired.keys, attributes, category, changes)


def plan_export(
    catalog: CatalogBuild,
    shop: ShopCatalog,
    pushed: Mapping[str, Pushed],
    *,
    compare_by: str,
    export_goods: bool,
    update_fields: Sequence[str] = (),
    category_names: Mapping[str, str] | None = None,
    switches: NewProductSwitches | None = None,
) -> ExportPlan:
    """``category_names`` maps shop category id -> name (needed when the category may be overwritten)."""
    plan = ExportPlan(problems=list(catalog.problems))
    index = shop.by_key(compare_by)
    categories = category_names or {}
    for product in catalog.products:
        _plan_product(plan, product, shop, index, pushed, compare_by, export_goods, update_fields, categories, switches)
    return plan


def _plan_product(
    plan: ExportPlan,
    product: DesiredProduct,
    shop: ShopCatalog,
    index: Mapping[str, list[ShopVariant]],
    pushed: Mapping[str, Pushed],
    compare_by: str,
    export_goods: bool,
    update_fields: Sequence[str],
    categories: Mapping[str, str],
    switches: NewProductSwitches | None,
) -> None:
    matched: list[tuple[DesiredVariant, ShopVariant]] = []
    unmatched: list[DesiredVariant] = []
    ambiguous = False
    for variant in product.variants:
        found = index.get(variant.key, [])
        if len(found) > 1:
            ambiguous = True
            ids = ", ".join(v.id for v in found)
            plan.problems.append(
                ItemProblem(
                    variant.key, f"the shop has {len(found)} variants with this key (IDs {ids}); make it unique"
                )
            )
        elif found:
            matched.append((variant, found[0]))
        else:
            unmatched.append(variant)
    shop_product_ids = {s.product_id for _, s in matched}
    if len(shop_product_ids) > 1:
        message = (
            f"the goods of Code {product.code!r} match variants of {len(shop_product_ids)} different shop products "
            f"({', '.join(sorted(shop_product_ids))}); move them to one product in the shop or change the Codes"
        )
        for variant, _ in matched:
            plan.problems.append(ItemProblem(variant.key, message))
        for variant in unmatched:
            plan.problems.append(ItemProblem(variant.key, message))
        return

    for desired, shop_variant in matched:
        attributes, changes = _variant_changes(desired, shop_variant, pushed.get(desired.key), compare_by)
        if attributes:
            plan.variant_writes.append(VariantWrite(desired, shop_variant, attributes, changes))
        else:
            plan.unchanged.append(
                Pushed(
                    desired.key,
                    shop_variant.product_id,
                    shop_variant.id,
                    desired.price,
                    _pushed_quantity(desired, pushed),
                )
            )

    if not matched and ambiguous:
        for variant in unmatched:
            plan.problems.append(
                ItemProblem(variant.key, "not created: another good of its product has an ambiguous key in the shop")
            )
        return
    if not matched:
        if export_goods:
            plan.new_products.append(product)
        else:
            plan.not_in_shop.extend(v.key for v in product.variants)
        return

    shop_product = shop.products.get(next(iter(shop_product_ids)))
    if shop_product is not None and update_fields:
        write = _product_changes(product, shop_product, update_fields, categories, switches)
        if write is not None:
            plan.product_writes.append(write)
    if not unmatched:
        return
    if not export_goods:
        plan.not_in_shop.extend(v.key for v in unmatched)
        return
    if shop_product is None:
        for variant in unmatched:
            plan.problems.append(ItemProblem(variant.key, "its shop product could not be read; try again"))
        return
    wanted = sorted(p.lower() for p in product.parameters)
    if sorted(p.lower() for p in shop_product.parameters) != wanted or not wanted:
        have = ", ".join(shop_product.parameters) or "no parameters (a simple product)"
        need = ", ".join(product.parameters) or "none"
        for variant in unmatched:
            plan.problems.append(
                ItemProblem(
                    variant.key,
                    f"shop product {shop_product.id} ({shop_product.name!r}) has {have} but this good needs {need}; "
                    "adjust the product in the shop or the Catalog values",
                )
            )
        return
    plan.new_variants.append(NewVariants(shop_product, product, unmatched))


def _pushed_quantity(desired: DesiredVariant, pushed: Mapping[str, Pushed]) -> float | None:
    """What to remember as pushed for an unchanged item: the warehouse value (it is what the shop mirrors)."""
    if desired.quantity is not None:
        return desired.quantity
    previous = pushed.get(desired.key)
    return previous.quantity if previous else None
