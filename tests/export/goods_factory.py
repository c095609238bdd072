"""Build warehouse ``Good`` values for pure tests of the catalogue rules."""

from __future__ import annotations

from typing import Any

from app.warehouse import Good

_next_id = [100]


def good(**values: Any) -> Good:
    _next_id[0] += 1
    prices = [0.0] * 10
    prices[1] = values.pop("price", 10.0)
    base: dict[str, Any] = {
        "id": _next_id[0],
        "code": "",
        "name": "Thing",
        "barcode1": "",
        "barcode2": f"SKU{_next_id[0]}",
        "barcode3": "",
        "catalog1": "",
        "catalog2": "",
        "catalog3": "",
        "measure1": "pcs",
        "price_in": 1.0,
        "prices": tuple(prices),
        "tax_group": 1,
        "vat_rate": 20.0,
        "type": 0,
        "group_id": 2,
        "group_code": "AAA",
        "group_name": "Clothing",
    }
    base.update(values)
    return Good(**base)
