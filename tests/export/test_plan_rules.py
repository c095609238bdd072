"""The export's decisions (pure): prices always follow the warehouse, quantities only when it changed."""

from __future__ import annotations

from app.sync.catalog import QuantityInputs, build_catalog
from app.sync.export_plan import plan_export
from app.sync.shop_catalog import ShopCatalog, ShopProduct, ShopVariant
from app.sync.state import Pushed
from tests.export.goods_factory import good


def _catalog(goods, stock):
    return build_catalog(
        goods,
        compare_by="sku",
        price_field="PriceOut2",
        vat_included=True,
        quantities=QuantityInputs(True, "on_hand", stock, {}),
    )


def _shop(*variants: ShopVariant, params=()):
    shop = ShopCatalog(list(variants))
    for v in variants:
        shop.products[v.product_id] = ShopProduct(v.product_id, "P", "1", tuple(params), True, False, False)
    return shop


def test_quantity_not_given_back_when_warehouse_unchanged() -> None:
    g = good(barcode2="A", price=10.0)
    shop = _shop(ShopVariant("1", "9", "A", "", 1000, 4, (None, None, None)))  # the shop sold one
    pushed = {"A": Pushed("A", "9", "1", 1000, 5)}  # we pushed 5 last time; warehouse still says 5
    plan = plan_export(_catalog([g], {g.id: 5.0}), shop, pushed, compare_by="sku", export_goods=True)
    assert not plan.variant_writes and [p.key for p in plan.unchanged] == ["A"]


def test_quantity_pushed_when_warehouse_changed_or_never_pushed() -> None:
    g = good(barcode2="A", price=10.0)
    shop = _shop(ShopVariant("1", "9", "A", "", 1000, 4, (None, None, None)))
    changed = plan_export(
        _catalog([g], {g.id: 8.0}), shop, {"A": Pushed("A", "9", "1", 1000, 5)}, compare_by="sku", export_goods=True
    )
    assert changed.variant_writes[0].attributes == {"quantity": 8}
    never = plan_export(_catalog([g], {g.id: 5.0}), shop, {}, compare_by="sku", export_goods=True)
    assert never.variant_writes[0].changes == {"quantity": [4, 5]}


def test_price_always_follows_and_other_code_kept_in_step() -> None:
    g = good(barcode2="A", barcode1="3800000000019", price=12.5)
    shop = _shop(ShopVariant("1", "9", "A", "OLD", 1000, 5, (None, None, None)))
    plan = plan_export(_catalog([g], {g.id: 5.0}), shop, {}, compare_by="sku", export_goods=True)
    assert plan.variant_writes[0].attributes == {"price": 1250, "barcode": "3800000000019"}


def test_export_goods_no_creates_nothing() -> None:
    g = good(barcode2="NEW")
    plan = plan_export(_catalog([g], {}), _shop(), {}, compare_by="sku", export_goods=False)
    assert not plan.new_products and plan.not_in_shop == ["NEW"]


def test_shop_duplicates_and_split_products_are_problems() -> None:
    a, b = good(barcode2="A"), good(code="C", barcode2="C1", catalog1="Color-Red")
    b2 = good(code="C", barcode2="C2", catalog1="Color-Blue")
    shop = _shop(
        ShopVariant("1", "9", "A", "", 1, 1, (None, None, None)),
        ShopVariant("2", "8", "A", "", 1, 1, (None, None, None)),
        ShopVariant("3", "7", "C1", "", 1, 1, ("Red", None, None)),
        ShopVariant("4", "6", "C2", "", 1, 1, ("Blue", None, None)),
        params=("Color",),
    )
    plan = plan_export(_catalog([a, b, b2], {}), shop, {}, compare_by="sku", export_goods=True)
    messages = {p.key: p.message for p in plan.problems}
    assert "2 variants with this key" in messages["A"]
    assert "2 different shop products" in messages["C1"]
    assert not plan.variant_writes and not plan.new_products


def test_new_variant_on_existing_product_needs_matching_parameters() -> None:
    red = good(code="C", barcode2="C1", catalog1="Color-Red")
    blue = good(code="C", barcode2="C2", catalog1="Color-Blue")
    ok = _shop(ShopVariant("1", "9", "C1", "", 1000, None, ("Red", None, None)), params=("color",))
    plan = plan_export(_catalog([red, blue], {}), ok, {}, compare_by="sku", export_goods=True)
    assert [v.key for n in plan.new_variants for v in n.variants] == ["C2"]
    simple = _shop(ShopVariant("1", "9", "C1", "", 1000, None, (None, None, None)))
    refused = plan_export(_catalog([red, blue], {}), simple, {}, compare_by="sku", export_goods=True)
    assert not refused.new_variants
    assert "simple product" in refused.problems[0].message
