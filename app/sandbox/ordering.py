"""Place an order as a shopper would (``POST /admin/orders`` and the storefront form).

Body::

    {"customer": {"first_name": "Ivan", "last_name": "Petrov", "email": "ivan@example.com"},
     "status": "paid",                       # any of the 11 codes; default "pending"
     "date_added": "2026-06-04 14:22:11",    # optional, default now
     "fulfilled": false, "shipping_price": 0, "note_customer": null, "currency": "EUR",
     "lines": [{"sku": "TS-M-RED", "quantity": 2},            # by variant SKU,
               {"barcode": "3800000000011", "quantity": 1},   # by barcode,
               {"product_id": 42, "quantity": 1, "price": 999},  # by product (its default variant)
               {"variant_id": 101, "quantity": 1}]}

``customer_first_name``/``customer_last_name``/``customer_email`` at the top level work too. The
order takes stock as CloudCart would (see :mod:`app.sandbox.stock`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.sandbox.fields import DATETIME_FORMAT, normalise_number
from app.sandbox.jsonapi import ApiError
from app.sandbox.shop import Shop
from app.sandbox.stock import STATUS_IDS, settle
from app.sandbox.store import Row


def _bad(detail: str, pointer: str) -> ApiError:
    return ApiError(422, detail=detail, pointer=pointer)


def _find_variant(shop: Shop, line: dict[str, Any], pointer: str) -> Row:
    if line.get("sku"):
        found = shop.variants.with_value("sku", line["sku"])
        key = f"SKU {line['sku']!r}"
    elif line.get("barcode"):
        found = shop.variants.with_value("barcode", line["barcode"])
        key = f"barcode {line['barcode']!r}"
    elif line.get("variant_id") is not None:
        variant = shop.variants.lookup(line["variant_id"])
        found = [variant] if variant is not None else []
        key = f"variant {line['variant_id']}"
    elif line.get("product_id") is not None:
        default = shop.products.default_variant(int(line["product_id"]))
        found = [default] if default is not None and shop.products.lookup(line["product_id"]) else []
        key = f"product {line['product_id']}"
    else:
        raise _bad("A line needs sku, barcode, variant_id or product_id.", pointer)
    if not found:
        raise _bad(f"No variant with {key}.", pointer)
    return found[0]


def _line(shop: Shop, order_id: int, variant: Row, quantity: int | float, price: int | None) -> Row:
    product = shop.store.get("products", variant["item_id"]) or {}
    category = shop.store.get("categories", product.get("category_id") or 0) or {}
    vendor = shop.store.get("vendors", product.get("vendor_id") or 0) or {}
    unit_price = int(price if price is not None else variant.get("price") or 0)
    return {
        "order_id": order_id, "product_id": product.get("id"), "variant_id": variant["id"],
        "name": product.get("name"), "sku": variant.get("sku"), "barcode": variant.get("barcode"),
        "quantity": quantity, "weight": variant.get("weight") or 0, "price": unit_price, "order_price": unit_price,
        "order_discount_id": None, "order_fulfillment_id": None,
        **{f"p{n}": product.get(f"p{n}") for n in (1, 2, 3)}, **{f"v{n}": variant.get(f"v{n}") for n in (1, 2, 3)},
        "vendor_id": vendor.get("id"), "vendor_name": vendor.get("name"),
        "category_id": category.get("id"), "category_name": category.get("name"),
        "sale": product.get("sale", "no"), "new": product.get("new", "no"), "digital": product.get("digital", "no"),
        "tracked": product.get("tracking", "no"), "unit_id": None, "unit_value": None, "units": None,
        "_decremented": False,
    }  # fmt: skip


def _customer(spec: dict[str, Any], key: str) -> Any:
    nested = spec.get("customer") or {}
    return nested.get(key, spec.get(f"customer_{key}"))


def place_order(shop: Shop, spec: dict[str, Any]) -> Row:
    """Create an order with its lines and run the stock side effects; ApiError 422 on bad input."""
    status = spec.get("status", "pending")
    if status not in STATUS_IDS:
        raise _bad(f"Invalid status. You can use one of: {', '.join(STATUS_IDS)}", "/status")
    lines = spec.get("lines")
    if not isinstance(lines, list) or not lines:
        raise _bad("An order needs at least one line.", "/lines")
    now = shop.now()
    date_added = spec.get("date_added") or now
    try:
        datetime.strptime(date_added, DATETIME_FORMAT)
    except (TypeError, ValueError):
        raise _bad("The date_added must look like YYYY-MM-DD HH:MM:SS.", "/date_added") from None
    for key in ("first_name", "last_name", "email"):
        if not _customer(spec, key):
            raise _bad(f"The customer {key.replace('_', ' ')} is required.", f"/customer/{key}")
    resolved = []
    for i, line in enumerate(lines):
        if not isinstance(line, dict):
            raise _bad("A line must be an object.", f"/lines/{i}")
        quantity = line.get("quantity", 1)
        if isinstance(quantity, bool) or not isinstance(quantity, (int, float)) or quantity <= 0:
            raise _bad("The quantity must be a positive number.", f"/lines/{i}/quantity")
        price = line.get("price")
        if price is not None and (isinstance(price, bool) or not isinstance(price, int) or price < 0):
            raise _bad("The price must be a non-negative integer (minor units).", f"/lines/{i}/price")
        resolved.append((_find_variant(shop, line, f"/lines/{i}"), normalise_number(quantity), price))
    shipping = int(spec.get("shipping_price") or 0)
    with shop.store.transaction():
        order = shop.store.insert("orders", {
            **dict.fromkeys(shop.orders.attributes),
            "status": status, "status_id": STATUS_IDS[status], "status_fulfillment": "not_fulfilled",
            "currency": spec.get("currency") or shop.config.currency, "tax": 0, "discount": 0,
            "shipping_price": shipping, "notify_customer": "yes", "customer_id": None,
            "customer_first_name": _customer(spec, "first_name"), "customer_last_name": _customer(spec, "last_name"),
            "customer_email": _customer(spec, "email"), "customer_ip": "127.0.0.1",
            "note_customer": spec.get("note_customer"), "abandoned": "no",
            "date_added": date_added, "updated_at": now,
        })  # fmt: skip
        subtotal = 0
        for variant, quantity, price in resolved:
            line = shop.store.insert("order-products", _line(shop, order["id"], variant, quantity, price))
            subtotal += round(line["price"] * line["quantity"])
        order = shop.store.update("orders", order["id"], {"subtotal": subtotal, "total": subtotal + shipping})
        settle(shop, order)
        if spec.get("fulfilled"):
            shop.orders.fulfil(order, {})
    return order
