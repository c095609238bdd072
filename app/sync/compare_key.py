"""The Compare-by key on both sides: ``sku`` = shop SKU <-> ``goods.BarCode2``, ``barcode`` = shop barcode <->
``goods.BarCode1`` (mission.md §1). Used by the import of orders and by the pull of products."""

from __future__ import annotations

from app.warehouse.reads import KeyColumn


def warehouse_column(compare_by: str) -> KeyColumn:
    """The goods column holding the key: ``BarCode2`` for ``sku``, ``BarCode1`` for ``barcode``."""
    return "BarCode2" if compare_by == "sku" else "BarCode1"


def key_label(compare_by: str) -> str:
    """How the operator calls the key in the shop: ``SKU`` or ``barcode``."""
    return "SKU" if compare_by == "sku" else "barcode"


def shop_key(compare_by: str, sku: str, barcode: str) -> str:
    """The key of a shop variant or order line (stripped)."""
    return (sku if compare_by == "sku" else barcode).strip()
