"""Microinvest Warehouse Pro data layer: connect, read goods/stock/orders, write order documents.

See docs/warehouse.md and the schema doc (warehouse-pro-schema.md) it cites.
"""

from .database import WarehouseDB, connect
from .models import (
    PRICE_FIELDS,
    DatabaseInfo,
    Good,
    Group,
    LedgerEntry,
    NewGood,
    NewOrder,
    NewOrderLine,
    OrderLine,
    PartnerInfo,
    WarehouseObject,
    WrittenOrder,
)
from .params import ConnectionParams, Engine
from .schema import create_schema

__all__ = [
    "PRICE_FIELDS",
    "ConnectionParams",
    "DatabaseInfo",
    "Engine",
    "Good",
    "Group",
    "LedgerEntry",
    "NewGood",
    "NewOrder",
    "NewOrderLine",
    "OrderLine",
    "PartnerInfo",
    "WarehouseDB",
    "WarehouseObject",
    "WrittenOrder",
    "connect",
    "create_schema",
]
