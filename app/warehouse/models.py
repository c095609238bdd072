"""Plain data read from or written to a Warehouse Pro database (frozen dataclasses)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PRICE_FIELDS: tuple[str, ...] = tuple(f"PriceOut{n}" for n in range(1, 11))
NON_INVENTORY = 8  # goods.Type bit flag (schema doc §2.1): services, no stock control


def price_index(price_field: str) -> int:
    """0-based index of ``"PriceOut1"``..``"PriceOut10"``; ValueError for anything else."""
    for index, name in enumerate(PRICE_FIELDS):
        if name.lower() == price_field.strip().lower():
            return index
    raise ValueError(f"unknown price field {price_field!r}: expected one of PriceOut1..PriceOut10")


@dataclass(frozen=True, slots=True)
class DatabaseInfo:
    engine: str
    version: str
    goods_count: int
    objects_count: int
    vat_included: bool  # configkey20 = -1: stored sale prices include VAT (§3.3)
    stock_mode: int  # configkey23: 0 average, 1 last price, 2..5 lot modes (§3.4)
    numbers_per_location: bool  # configkey48 = -1: document numbers per location (§3.5)

    @property
    def lot_mode(self) -> bool:
        return self.stock_mode in (2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class Group:
    id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class WarehouseObject:
    id: int
    code: str
    name: str
    group_id: int
    price_group: int


@dataclass(frozen=True, slots=True)
class Good:
    id: int
    code: str
    name: str
    barcode1: str
    barcode2: str
    barcode3: str
    catalog1: str
    catalog2: str
    catalog3: str
    measure1: str
    price_in: float
    prices: tuple[float, ...]  # PriceOut1..PriceOut10
    tax_group: int
    vat_rate: float  # percent, 20.0 = 20 %
    type: int
    group_id: int  # ABS(goods.GroupID)
    group_code: str
    group_name: str

    def price(self, field: str) -> float:
        """The value of ``"PriceOut1"``..``"PriceOut10"``."""
        return self.prices[price_index(field)]

    @property
    def is_non_inventory(self) -> bool:
        return bool(self.type & NON_INVENTORY)


@dataclass(frozen=True, slots=True)
class PartnerInfo:
    name: str
    email: str = ""
    phone: str = ""
    city: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class NewOrderLine:
    good_id: int
    qtty: float
    gross_price: float  # unit price including VAT, as the shop charges it
    vat_rate: float  # percent


@dataclass(frozen=True, slots=True)
class NewOrder:
    object_id: int
    date: dt.date
    partner: PartnerInfo
    note: str  # the marker, e.g. "CloudCart order 1042"
    lines: list[NewOrderLine] = field(default_factory=list)
    operator_id: int = 1


@dataclass(frozen=True, slots=True)
class WrittenOrder:
    acct: int
    created: bool


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    shop_order_id: str
    acct: int
    status: str  # "written", "adopted" or "voided"
    created_at: dt.datetime
    object_id: int = 0  # the document's location (numbers may repeat per location, §3.5)


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One line of an OperType 19 document as stored."""

    id: int
    acct: int
    good_id: int
    partner_id: int
    object_id: int
    qtty: float
    price_in: float
    price_out: float
    vat_out: float
    date: dt.date | None
    note: str


@dataclass(frozen=True, slots=True)
class NewGood:
    code: str
    name: str
    barcode1: str = ""
    barcode2: str = ""
    catalog1: str = ""
    catalog2: str = ""
    catalog3: str = ""
    measure1: str = ""
    price_field: str = "PriceOut2"
    price: float = 0.0
    tax_group: int = 1
