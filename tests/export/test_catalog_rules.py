"""The catalogue rules and the pre-flight check (pure)."""

from __future__ import annotations

import math

import pytest

from app.sync.catalog import QuantityInputs, build_catalog, gross_price_minor, parse_dimension, product_name
from tests.export.goods_factory import good

NO_QTY = QuantityInputs(False, "available", {}, {})


def build(goods, **kw):
    args = {"compare_by": "sku", "price_field": "PriceOut2", "vat_included": True, "quantities": NO_QTY}
    args.update(kw)
    return build_catalog(goods, **args)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [("Color-Red", "Color", "Red"), (" Size - XL ", "Size", "XL"), ("Model-X-200-B", "Model", "X-200-B")],
)
def test_dimension_split_at_first_hyphen(text: str, kind: str, value: str) -> None:
    dim = parse_dimension("Catalog1", text)
    assert (dim.type, dim.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("Red", "no hyphen"), ("-Red", "type and a value"), ("Color-", "type and a value"), ("Co-Red", "3 to 191")],
)
def test_bad_dimensions(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_dimension("Catalog2", text)


def test_goods_sharing_a_code_become_one_product_with_variants() -> None:
    goods = [
        good(code="TS1", name="T-shirt Red M", barcode2="TS1-R-M", catalog1="Color-Red", catalog2="Size-M"),
        good(code="TS1", name="T-shirt Blue M", barcode2="TS1-B-M", catalog1="Color-Blue", catalog2="Size-M"),
        good(code="MUG", name="Mug", barcode2="MUG"),
    ]
    result = build(goods)
    assert not result.problems
    by_code = {p.code: p for p in result.products}
    assert by_code["TS1"].parameters == ("Color", "Size")
    assert by_code["TS1"].name == "T-shirt"
    assert [v.options for v in by_code["TS1"].variants] == [
        {"Color": "Red", "Size": "M"},
        {"Color": "Blue", "Size": "M"},
    ]
    assert by_code["MUG"].simple and by_code["MUG"].variants[0].key == "MUG"


def test_preflight_flags_each_offender_and_keeps_the_rest() -> None:
    goods = [
        good(name="No key", barcode2=""),
        good(name="Dup A", barcode2="DUP"),
        good(name="Dup B", barcode2="DUP"),
        good(name="No hyphen", barcode2="NH", catalog1="Red"),
        good(name="Negative", barcode2="NEG", price=-1.0),
        good(name="Not a number", barcode2="NAN", price=math.nan),
        good(code="MIX", name="Mixed 1", barcode2="MIX1", catalog1="Color-Red"),
        good(code="MIX", name="Mixed 2", barcode2="MIX2", catalog1="Size-M"),
        good(code="SAME", name="Same 1", barcode2="S1", catalog1="Color-Red"),
        good(code="SAME", name="Same 2", barcode2="S2", catalog1="color-red"),
        good(code="BARE", name="Bare 1", barcode2="B1"),
        good(code="BARE", name="Bare 2", barcode2="B2"),
        good(code="TWICE", name="Twice", barcode2="TW", catalog1="Color-Red", catalog2="Color-Blue"),
        good(name="Fine", barcode2="FINE"),
    ]
    result = build(goods)
    messages = {p.key: p.message for p in result.problems}
    assert "no SKU (BarCode2)" in next(m for k, m in messages.items() if k.startswith("ID "))
    assert "is used by 2 goods" in messages["DUP"]
    assert "has no hyphen" in messages["NH"]
    assert "negative" in messages["NEG"]
    assert "not a number" in messages["NAN"]
    assert "different dimension sets" in messages["MIX1"] and "MIX2" in messages
    assert "same options" in messages["S2"] and "S1" not in messages
    assert "not all have Catalog values" in messages["B1"]
    assert "appears twice" in messages["TW"]
    exported = {v.key for p in result.products for v in p.variants}
    assert exported == {"FINE", "S1"}


def test_more_than_500_variants_is_refused() -> None:
    goods = [good(code="BIG", barcode2=f"BIG{i}", catalog1=f"Size-{i}") for i in range(501)]
    result = build(goods)
    assert not result.products
    assert "allows 500" in result.problems[0].message


def test_prices_gross_minor_units_half_up() -> None:
    assert gross_price_minor(good(price=19.995), "PriceOut2", vat_included=True) == 2000
    assert gross_price_minor(good(price=10.0, vat_rate=20.0), "PriceOut2", vat_included=False) == 1200
    assert gross_price_minor(good(price=0.125, vat_rate=9.0), "PriceOut2", vat_included=False) == 14


def test_quantities_available_on_hand_clamped_and_untracked() -> None:
    a, b, c, service = good(barcode2="A"), good(barcode2="B"), good(barcode2="C"), good(barcode2="SV", type=8)
    stock = {a.id: 10.0, b.id: 1.0, c.id: 2.5, service.id: 0.0}
    orders = {a.id: 3.0, b.id: 4.0}
    available = build([a, b, c, service], quantities=QuantityInputs(True, "available", stock, orders))
    quantity = {v.key: v.quantity for p in available.products for v in p.variants}
    assert quantity == {"A": 7, "B": 0, "C": 2.5, "SV": None}
    assert any("below zero" in note and note.startswith("B:") for note in available.notes)
    on_hand = build([a, b], quantities=QuantityInputs(True, "on_hand", stock, orders))
    assert {v.key: v.quantity for p in on_hand.products for v in p.variants} == {"A": 10, "B": 1}
    service_product = next(p for p in available.products if p.variants[0].key == "SV")
    assert service_product.tracking is False


def test_barcode_matching_uses_barcode1() -> None:
    result = build([good(barcode1="3800000000001", barcode2="")], compare_by="barcode")
    assert result.products[0].variants[0].key == "3800000000001"


def test_product_name_is_the_shared_words() -> None:
    assert product_name([good(name="Linen shirt Red L"), good(name="Linen shirt Blue S")]) == "Linen shirt"
    assert product_name([good(name="Alpha"), good(name="Beta")]) == "Alpha"
