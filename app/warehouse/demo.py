"""A realistic demo Warehouse database (SQLite file, or a MySQL database for benchmarks).

Deterministic for a seed: the same ``(goods, seed)`` always gives the same rows.  Contents:

* goods groups "Web shop" (AAA) with Clothing / Shoes / Accessories, and "Office" (AAB, not exported);
* objects "Online shop", "Central warehouse", "Store Sofia" (+ ``extra_stores`` "Store N"), object
  groups "Warehouses" (AAA) with the sub-group "Sofia stores" (AAAAAA), and "Online" (AAB);
* variant families (same Code, ``Catalog1 "Color-Red"``, ``Catalog2 "Size-M"``) and simple goods,
  BarCode1 = EAN-13 with a valid check digit, BarCode2 = SKU such as ``"TS7-RED-M"``;
* PriceIn / PriceOut1 (wholesale) / PriceOut2 (retail), VAT groups 20 % and 9 %, prices include VAT
  (``configkey20 = -1``);
* one ``store`` row per object and good (non-lot mode, §3.4), three open OperType 19 orders (two at
  "Online shop", one at "Central warehouse");
* the usual traps: a deleted good, a negative GroupID, a non-inventory service, NULL texts.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .drivers import open_session
from .params import ConnectionParams
from .schema import create_schema
from .session import Session

BATCH = 5000
DEMO_DATE = dt.datetime(2026, 1, 15)
DEMO_TIME = dt.datetime(2026, 1, 15, 10, 30, 0)

GOODS_GROUPS = [  # (ID, Code, Name)
    (2, "AAA", "Web shop"),
    (3, "AAAAAA", "Clothing"),
    (4, "AAAAAB", "Shoes"),
    (5, "AAAAAC", "Accessories"),
    (6, "AAB", "Office"),
]
OBJECT_GROUPS = [(2, "AAA", "Warehouses"), (3, "AAAAAA", "Sofia stores"), (4, "AAB", "Online")]
COLORS = ["Red", "Blue", "Black", "White", "Green"]
SIZES = {"clothing": ["S", "M", "L", "XL"], "shoes": ["39", "40", "41", "42", "43"]}
FAMILIES = {  # kind -> (goods group ID, code abbreviation, names)
    "clothing": (3, "TS", ["T-shirt", "Hoodie", "Polo shirt", "Jacket", "Dress"]),
    "shoes": (4, "SH", ["Sneakers", "Boots", "Sandals", "Loafers"]),
    "accessories": (5, "AC", ["Cap", "Scarf", "Belt", "Backpack", "Wallet"]),
    "office": (6, "OF", ["Notebook", "Pen", "Stapler", "Folder"]),
}


@dataclass(frozen=True)
class DemoSummary:
    location: str
    goods: int
    products: int
    objects: list[str]
    goods_groups: list[str]
    open_orders: int
    seed: int


@dataclass
class _Rows:
    goods: list[tuple[Any, ...]] = field(default_factory=list)
    products: int = 0


def ean13(twelve_digits: str) -> str:
    """EAN-13 with its check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(twelve_digits))
    return twelve_digits + str((10 - total % 10) % 10)


GOODS_COLUMNS = (
    "ID", "Code", "BarCode1", "BarCode2", "BarCode3", "Catalog1", "Catalog2", "Catalog3", "Name", "Name2",
    "Measure1", "Measure2", "Ratio", "PriceIn", "PriceOut1", "PriceOut2", "PriceOut3", "PriceOut4", "PriceOut5",
    "PriceOut6", "PriceOut7", "PriceOut8", "PriceOut9", "PriceOut10", "MinQtty", "NormalQtty", "Description",
    "Type", "IsRecipe", "TaxGroup", "IsVeryUsed", "GroupID", "Deleted",
)  # fmt: skip


def _good_row(
    good_id: int, code: str, sku: str, catalogs: Sequence[str], name: str, price: float, tax_group: int,
    group_id: int, *, good_type: int = 0, deleted: int = 0, measure: str = "бр.",
) -> tuple[Any, ...]:  # fmt: skip
    c1, c2, c3 = [*catalogs, " ", " ", " "][:3]
    barcode = ean13(f"380{good_id:09d}")
    return (
        good_id, code, barcode, sku, " ", c1, c2, c3, name, name, measure, measure, 1.0,
        round(price * 0.5, 2), round(price * 0.8, 2), price, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
        0.0, 0.0, " ", good_type, 0, tax_group, -1, group_id, deleted,
    )  # fmt: skip


def _generate_goods(count: int, rng: random.Random) -> _Rows:
    rows = _Rows()
    kinds = list(FAMILIES)
    next_id = 2
    product_no = 0
    while len(rows.goods) < count:
        product_no += 1
        kind = kinds[product_no % len(kinds)]
        group_id, abbr, names = FAMILIES[kind]
        name = f"{rng.choice(names)} {product_no}"
        code = f"{abbr}{product_no:05d}"
        price = round(rng.uniform(5, 150), 1) + 0.9
        tax_group = 2 if kind == "office" else 1
        rows.products += 1
        if kind in SIZES:
            colors = rng.sample(COLORS, rng.randint(1, 3))
            for color in colors:
                for size in SIZES[kind]:
                    if len(rows.goods) >= count:
                        break
                    sku = f"{abbr}{product_no}-{color.upper()}-{size}"
                    rows.goods.append(
                        _good_row(next_id, code, sku, [f"Color-{color}", f"Size-{size}"], name, price, tax_group,
                                  group_id)
                    )  # fmt: skip
                    next_id += 1
        else:
            rows.goods.append(_good_row(next_id, code, f"{abbr}{product_no}", [], name, price, tax_group, group_id))
            next_id += 1
    _add_traps(rows.goods)
    return rows


def _add_traps(goods: list[tuple[Any, ...]]) -> None:
    """Turn a few generated goods into the cases a reader must handle (only with enough goods)."""
    if len(goods) < 12:
        return
    columns = {name: i for i, name in enumerate(GOODS_COLUMNS)}

    def change(index: int, **values: Any) -> None:
        row = list(goods[index])
        for name, value in values.items():
            row[columns[name]] = value
        goods[index] = tuple(row)

    change(len(goods) - 1, Deleted=-1, GroupID=1)  # soft-deleted (moved to the service group)
    change(len(goods) - 2, GroupID=-5)  # negative GroupID: still "Accessories" through ABS()
    change(len(goods) - 3, Type=8, Name="Gift wrapping", Name2="Gift wrapping")  # non-inventory service
    change(len(goods) - 4, Catalog3=None, Description=None, BarCode3=None)  # NULL text


def _objects(extra_stores: int) -> list[tuple[Any, ...]]:
    rows = [
        (2, "01", "Online shop", "Online shop", 1, 0, 4, 0),
        (3, "02", "Central warehouse", "Central warehouse", 1, 0, 2, 0),
        (4, "03", "Store Sofia", "Store Sofia", 1, 0, 3, 0),
    ]
    for n in range(extra_stores):
        rows.append((5 + n, f"{4 + n:02d}", f"Store {4 + n}", f"Store {4 + n}", 1, 0, 3, 0))
    return rows


def _store_rows(goods: list[tuple[Any, ...]], object_ids: list[int], rng: random.Random) -> Iterator[tuple[Any, ...]]:
    ranges = {2: 5, 3: 50}
    row_id = 2  # row 1 is the seed's (object 1, good 1)
    for good in goods:
        good_id, price_in, good_type = good[0], good[13], good[27]
        for object_id in [1, *object_ids]:
            top = 0 if object_id == 1 or good_type & 8 else ranges.get(object_id, 10)
            qtty = float(rng.randint(0, top)) if top else 0.0
            yield (row_id, object_id, good_id, qtty, price_in, " ", 1, 1)
            row_id += 1


def _orders(goods: list[tuple[Any, ...]], rng: random.Random) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Three open customer orders and their partners."""
    partners = [
        (2, "Maria Ivanova", "maria@example.bg", "Sofia", "+359 88 123 4567"),
        (3, "Georgi Petrov", "georgi@example.bg", "Plovdiv", "+359 89 765 4321"),
    ]
    partner_rows = [
        (pid, " ", name, name, " ", " ", city, city, "ul. Vitosha 1", "ul. Vitosha 1", phone, " ", " ", email,
         " ", " ", " ", " ", " ", " ", " ", " ", 1, 0.0, 2, 0, 1, 1, DEMO_TIME, 0, " ", " ", " ", 0)
        for pid, name, email, city, phone in partners
    ]  # fmt: skip
    sellable = [g for g in goods if not g[32] and not g[27] & 8]
    lines = []
    for acct in (1, 2, 3):
        partner_id = partners[(acct - 1) % len(partners)][0]
        object_id = 2 if acct < 3 else 3  # two at "Online shop", one at "Central warehouse"
        for good in rng.sample(sellable, min(2, len(sellable))):
            gross = float(good[15])
            rate = 9.0 if good[29] == 2 else 20.0
            lines.append(
                (19, acct, good[0], partner_id, object_id, 1, float(rng.randint(1, 3)), 0, good[13], gross,
                 good[13] * rate / (100 + rate), gross * rate / (100 + rate), 0.0, 1, 1.0, DEMO_DATE, " ", 1,
                 f"Demo order {acct}", 0, 1, DEMO_TIME)
            )  # fmt: skip
    return partner_rows, lines


PARTNER_COLUMNS = (
    "ID", "Code", "Company", "Company2", "MOL", "MOL2", "City", "City2", "Address", "Address2", "Phone", "Phone2",
    "Fax", "eMail", "TaxNo", "Bulstat", "BankName", "BankCode", "BankAcct", "BankVATName", "BankVATCode",
    "BankVATAcct", "PriceGroup", "Discount", "Type", "IsVeryUsed", "UserID", "GroupID", "UserRealTime", "Deleted",
    "CardNumber", "Note1", "Note2", "PaymentDays",
)  # fmt: skip
ORDER_COLUMNS = (
    "OperType", "Acct", "GoodID", "PartnerID", "ObjectID", "OperatorID", "Qtty", "Sign", "PriceIn", "PriceOut",
    "VATIn", "VATOut", "Discount", "CurrencyID", "CurrencyRate", "Date", "Lot", "LotID", "Note", "SrcDocID",
    "UserID", "UserRealTime",
)  # fmt: skip


def _insert_batches(
    session: Session, table: str, columns: Sequence[str], rows: Iterator[tuple[Any, ...]] | list[tuple[Any, ...]]
) -> None:
    sql = session.dialect.insert(table, columns)
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            session.executemany(sql, batch)
            batch = []
    session.executemany(sql, batch)


def _fill(session: Session, goods_count: int, seed: int, extra_stores: int) -> tuple[int, list[str], int]:
    rng = random.Random(seed)
    d = session.dialect

    def dated(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        return [tuple(d.timestamp_value(v) if isinstance(v, dt.datetime) else v for v in row) for row in rows]

    generated = _generate_goods(goods_count, rng)
    objects = _objects(extra_stores)
    partner_rows, order_lines = _orders(generated.goods, rng)
    with session.transaction():
        _insert_batches(session, "goodsgroups", ["ID", "Code", "Name"], GOODS_GROUPS)
        _insert_batches(session, "objectsgroups", ["ID", "Code", "Name"], OBJECT_GROUPS)
        _insert_batches(session, "vatgroups", ["ID", "Code", "Name", "VATValue"], [(2, "Б", "Намалена ставка", 9.0)])
        _insert_batches(
            session, "objects", ["ID", "Code", "Name", "Name2", "PriceGroup", "IsVeryUsed", "GroupID", "Deleted"],
            objects,
        )  # fmt: skip
        _insert_batches(
            session, "configuration", ["Key", "Value", "UserID"],
            [("configkey20", "-1", -1), ("configkey23", "0", -1), ("configkey48", "0", -1), ("configkey12", "-1", -1)],
        )  # fmt: skip
        _insert_batches(session, "goods", GOODS_COLUMNS, generated.goods)
        object_ids = [row[0] for row in objects]
        _insert_batches(
            session, "store", ["ID", "ObjectID", "GoodID", "Qtty", "Price", "Lot", "LotID", "LotOrder"],
            _store_rows(generated.goods, object_ids, rng),
        )  # fmt: skip
        _insert_batches(session, "partners", PARTNER_COLUMNS, dated(partner_rows))
        _insert_batches(session, "operations", ORDER_COLUMNS, dated(order_lines))
        _insert_batches(session, "nextacct", ["NextAcct"], [("OR1",), ("OR2",), ("OR3",)])
    return generated.products, [row[2] for row in objects], 3


def build_demo_database(path: Path, goods: int = 60, seed: int = 7, *, extra_stores: int = 0) -> DemoSummary:
    """Create ``path`` (must not exist) as a demo SQLite Warehouse database."""
    params = ConnectionParams("sqlite", str(path))
    create_schema(params)
    session = open_session(params)
    try:
        session.execute("PRAGMA synchronous = OFF")  # a fresh demo file: speed over durability while filling
        products, objects, orders = _fill(session, goods, seed, extra_stores)
        session.execute("PRAGMA synchronous = FULL")
    finally:
        session.close()
    return DemoSummary(str(path), goods, products, objects, [g[2] for g in GOODS_GROUPS], orders, seed)


def build_demo_mysql(params: ConnectionParams, goods: int = 60, seed: int = 7, *, extra_stores: int = 0) -> DemoSummary:
    """Create the MySQL database ``params.database`` (must not have tables) filled with demo data."""
    create_schema(params)
    session = open_session(params)
    try:
        products, objects, orders = _fill(session, goods, seed, extra_stores)
    finally:
        session.close()
    return DemoSummary(params.describe(), goods, products, objects, [g[2] for g in GOODS_GROUPS], orders, seed)
