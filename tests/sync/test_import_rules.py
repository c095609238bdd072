"""Pure rules of the import: decoding an order, matching its lines, the order window, planning a pull."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from app.cloudcart.jsonapi import decode_document
from app.sync.order_mapping import build_document, decode_order, match_lines, usn_reference
from app.sync.order_window import minus_overlap, newest, window_start
from app.sync.pull_products import plan_pull, warehouse_price
from app.sync.shop_catalog import ShopCatalog, ShopProduct, ShopVariant
from app.warehouse import Good


def good(good_id: int, sku: str, *, code: str = "", vat: float = 20.0) -> Good:
    return Good(
        id=good_id, code=code, name=f"Good {good_id}", barcode1=f"38{good_id:011d}", barcode2=sku, barcode3="",
        catalog1="", catalog2="", catalog3="", measure1="pcs", price_in=1.0, prices=(0.0,) * 10, tax_group=1,
        vat_rate=vat, type=0, group_id=2, group_code="AAA", group_name="Web shop",
    )  # fmt: skip


def order_payload(lines: list[dict[str, Any]], **attributes: Any) -> dict[str, Any]:
    refs = [{"type": "order-products", "id": str(n)} for n in range(1, len(lines) + 1)]
    included = [{"type": "order-products", "id": str(n), "attributes": a} for n, a in enumerate(lines, start=1)]
    included.append(
        {
            "type": "order-shipping-address",
            "id": "7",
            "attributes": {
                "phone": "+359 88 1",
                "city_name": "Varna",
                "street_name": "Primorski",
                "street_number": "5",
                "post_code": "9000",
            },
        }
    )
    attrs = {"status": "paid", "date_added": "2026-06-04 14:22:11", "updated_at": "2026-06-05T09:01:33+00:00",
             "customer_first_name": "Ivan", "customer_last_name": "Petrov", "customer_email": "ivan@example.com",
             "currency": "BGN", "usn": None, **attributes}  # fmt: skip
    return {
        "data": {
            "type": "orders", "id": "1042", "attributes": attrs,
            "relationships": {"products": {"data": refs},
                              "shipping-address": {"data": {"type": "order-shipping-address", "id": "7"}}},
        },
        "included": included,
    }  # fmt: skip


def decoded(lines: list[dict[str, Any]], **attributes: Any) -> Any:
    return decode_order(decode_document(order_payload(lines, **attributes)).resources[0])


def test_an_order_decodes_with_lines_customer_and_address() -> None:
    order = decoded(
        [
            {"name": "Shirt", "sku": "TS-M", "barcode": "380", "quantity": 2, "price": 1999, "order_price": 1799},
            {"name": "Mug", "sku": "MUG", "quantity": "1.5", "price": 990},
        ]
    )
    assert (order.id, order.status, order.date_added, order.updated_at) == (
        "1042", "paid", "2026-06-04 14:22:11", "2026-06-05 09:01:33",
    )  # fmt: skip
    assert [(x.sku, x.quantity, x.unit_price) for x in order.lines] == [
        ("TS-M", 2.0, Decimal("17.99")), ("MUG", 1.5, Decimal("9.90")),
    ]  # fmt: skip
    assert order.customer.name == "Ivan Petrov" and order.customer.city == "Varna"
    assert order.customer.address == "Primorski 5, 9000" and order.customer.phone == "+359 88 1"
    assert order.summary() == "2 lines, total 50.83 BGN"
    document = build_document(order, [], object_id=2, shop="shop.example")
    assert (document.note, document.date) == ("CloudCart order 1042 (shop.example)", dt.date(2026, 6, 4))
    assert usn_reference(17) == "WP-OR-17"


def test_lines_match_exactly_one_good_or_the_order_waits_with_reasons() -> None:
    order = decoded(
        [
            {"name": "A", "sku": "A", "quantity": 1, "order_price": 500},
            {"name": "B", "sku": "B", "quantity": 1, "order_price": 500},
            {"name": "C", "sku": "", "barcode": "380", "quantity": 1, "order_price": 500},
            {"name": "D", "sku": "D", "quantity": 1, "order_price": 500},
        ]
    )
    index = {"A": [good(5, "A", vat=9.0)], "B": [good(6, "B"), good(7, "B")]}
    matched = match_lines(order, index, "sku")
    assert matched.lines == []
    assert len(matched.problems) == 3
    assert "matches 2 goods (IDs 6, 7)" in matched.problems[0] and "BarCode2 unique" in matched.problems[0]
    assert "no SKU" in matched.problems[1]
    assert "SKU D" in matched.problems[2] and "enter D as BarCode2" in matched.problems[2]

    fine = match_lines(decoded([{"sku": "A", "quantity": 3, "order_price": 1234}]), index, "sku")
    assert fine.problems == []
    assert [(x.good_id, x.qtty, x.gross_price, x.vat_rate) for x in fine.lines] == [(5, 3.0, 12.34, 9.0)]
    by_barcode = match_lines(
        decoded([{"sku": "X", "barcode": "A", "quantity": 1, "order_price": 100}]), index, "barcode"
    )
    assert by_barcode.problems == [] and by_barcode.lines[0].good_id == 5


def test_the_window_reads_back_by_the_overlap_and_starts_30_days_back() -> None:
    now = dt.datetime(2026, 6, 10, 12, 0, 0)
    assert window_start(None, 120, now) == "2026-05-11 12:00:00"
    assert window_start("2026-06-10 11:30:00", 120, now) == "2026-06-10 09:30:00"
    assert minus_overlap("2026-06-01 00:30:00", 60) == "2026-05-31 23:30:00"
    assert newest(None, "2026-06-01 00:00:00") == "2026-06-01 00:00:00"
    assert newest("2026-06-02 00:00:00", "2026-06-01 23:59:59") == "2026-06-02 00:00:00"
    assert newest("2026-06-02 00:00:00", "") == "2026-06-02 00:00:00"


def test_a_pull_keeps_new_variants_with_the_family_that_already_exists() -> None:
    product = ShopProduct("42", "Hoodie", None, ("Size", "Color"), True, False, True)
    catalog = ShopCatalog(
        variants=[
            ShopVariant("1", "42", "HD-S-RED", "380001", 4990, 3, ("S", "Red", None)),
            ShopVariant("2", "42", "HD-M-RED", "380002", 4990, 3, ("M", "Red", None)),
        ],
        products={"42": product},
    )
    plan = plan_pull(catalog, {"HD-S-RED": [good(9, "HD-S-RED", code="HD100")]}, compare_by="sku",
                     price_field="PriceOut2", net_rate=None)  # fmt: skip
    assert plan.matched == ["HD-S-RED"]
    [(key, new)] = plan.create
    assert (key, new.code, new.name, new.catalog1, new.catalog2, new.price) == (
        "HD-M-RED", "HD100", "Hoodie M / Red", "Size-M", "Color-Red", 49.90,
    )  # fmt: skip
    assert warehouse_price(1290, 20.0) == 10.75
    assert warehouse_price(None, None) == 0.0
