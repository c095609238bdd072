"""A small Warehouse database full of the traps of schema doc §3, written through our Session so it
works on every backend.  IDs are explicit so that tests can name them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from app.warehouse import ConnectionParams
from app.warehouse.drivers import open_session
from app.warehouse.session import Session

DATE = dt.datetime(2026, 3, 1)

# goods groups: Web shop > Clothing > T-shirts, Web shop > Shoes, Office
GOODS_GROUPS = [(2, "AAA", "Web shop"), (3, "AAAAAA", "Clothing"), (4, "AAAAAB", "Shoes"),
                (5, "AAB", "Office"), (6, "AAAAAAAAA", "T-shirts")]  # fmt: skip
# object groups: Warehouses > Regional, Shops
OBJECT_GROUPS = [(2, "AAA", "Warehouses"), (3, "AAAAAA", "Regional"), (4, "AAB", "Shops")]
# objects: (ID, Code, Name, GroupID, Deleted)
OBJECTS = [
    (2, "01", "Online shop", 4, 0),
    (3, "02", "Central warehouse", 2, 0),
    (4, "03", "Store Sofia", 3, 0),
    (5, "04", "Old store", 2, -1),  # deleted
    (6, "05", "Store Varna", -3, None),  # negative GroupID, NULL Deleted
]
ONLINE, CENTRAL, SOFIA, OLD, VARNA = 2, 3, 4, 5, 6

GOOD_COLUMNS = ("ID", "Code", "Name", "BarCode1", "BarCode2", "BarCode3", "Catalog1", "Catalog2", "Catalog3",
                "Measure1", "PriceIn", "PriceOut1", "PriceOut2", "TaxGroup", "Type", "GroupID", "Deleted")  # fmt: skip
# fmt: off
GOODS = [
    (10, "TS1", "Shirt red M", "3800000000102", "TS-RED-M", " ", "Color-Red", "Size-M", " ", "бр.", 4.0, 8.0, 10.0, 1, 0, 6, 0),  # noqa: E501
    (11, "TS1", "Shirt blue M", None, " TS-BLUE-M ", None, "Color-Blue", "Size-M", None, "бр.", 4.0, 8.0, 10.0, 1, 0, -6, 0),  # noqa: E501
    (12, "BT1", " Boots ", " ", "BT-1", " ", " ", " ", " ", None, 30.0, 50.0, 65.4, 2, 0, 4, 0),
    (13, "TS2", "Deleted shirt", "3800000000133", "TS-DEL", " ", " ", " ", " ", "бр.", 1.0, 2.0, 3.0, 1, 0, 3, -1),
    (14, "OF1", "Stapler", "3800000000140", "OF-1", " ", " ", " ", " ", "бр.", 2.0, 3.0, 4.0, 1, 0, 5, 0),
    (15, "GW", "Gift wrapping", " ", "GW-1", " ", " ", " ", " ", "бр.", 0.0, 1.0, 2.0, 1, 8, 2, None),
    (16, "DP", "Duplicate A", " ", "DUP-1", " ", " ", " ", " ", "бр.", 1.0, 1.0, 1.0, 1, 0, 5, 0),
    (17, "DP", "Duplicate B", " ", "DUP-1", " ", " ", " ", " ", "бр.", 1.0, 1.0, 1.0, 1, 0, 5, 0),
]
# fmt: on
SHIRT_RED, SHIRT_BLUE, BOOTS, DELETED_SHIRT, STAPLER, GIFT, DUP_A, DUP_B = range(10, 18)

# store: (ObjectID, GoodID, Qtty)
STORE = [
    (CENTRAL, SHIRT_RED, 5.0), (SOFIA, SHIRT_RED, 3.0), (VARNA, SHIRT_RED, 2.0), (OLD, SHIRT_RED, 100.0),
    (ONLINE, SHIRT_RED, 1.0), (CENTRAL, SHIRT_BLUE, 7.5), (SOFIA, BOOTS, -1.0), (CENTRAL, STAPLER, 4.0),
]  # fmt: skip

OPER_COLUMNS = ("OperType", "Acct", "GoodID", "PartnerID", "ObjectID", "Qtty", "Sign", "Note")
OPERATIONS = [
    (19, 1, SHIRT_RED, 2, CENTRAL, 2.0, 0, "Phone order"),  # open order
    (19, 1, SHIRT_BLUE, 2, CENTRAL, 1.0, 0, "Phone order"),
    (19, 2, SHIRT_RED, 2, SOFIA, 1.0, 0, "Walk-in"),
    (19, 2, SHIRT_RED, 2, ONLINE, 9.0, 0, "Online"),  # other object: not in Warehouses
    (19, 7, SHIRT_RED, 0, CENTRAL, 50.0, 0, " "),  # pseudo row (PartnerID 0): start number 8
    (19, -11, SHIRT_RED, 2, CENTRAL, 40.0, 0, " "),  # draft (Acct < 0)
    (12, 1, SHIRT_RED, 2, CENTRAL, 30.0, 0, " "),  # request to supplier: not an order
    (2, 1, SHIRT_RED, 2, CENTRAL, 1.0, -1, " "),  # a sale
]  # fmt: skip
PARTNERS = [(2, "Maria Ivanova", "maria@example.bg"), (3, "Georgi Petrov", " ")]


def insert_rows(session: Session, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    session.executemany(session.dialect.insert(table, columns), rows)


def set_config(params: ConnectionParams, key: str, value: str, user_id: int = -1) -> None:
    session = open_session(params)
    try:
        d = session.dialect
        session.execute(f"DELETE FROM {d.t('configuration')} WHERE {d.q('Key')} = {d.p}", [key])
        insert_rows(session, "configuration", ["Key", "Value", "UserID"], [(key, value, user_id)])
    finally:
        session.close()


def build(params: ConnectionParams) -> ConnectionParams:
    session = open_session(params)
    d = session.dialect
    try:
        with session.transaction():
            insert_rows(session, "vatgroups", ["ID", "Code", "Name", "VATValue"], [(2, "B", "Reduced", 9.0)])
            insert_rows(session, "goodsgroups", ["ID", "Code", "Name"], GOODS_GROUPS)
            insert_rows(session, "objectsgroups", ["ID", "Code", "Name"], OBJECT_GROUPS)
            insert_rows(
                session, "objects", ["ID", "Code", "Name", "Name2", "PriceGroup", "IsVeryUsed", "GroupID", "Deleted"],
                [(i, c, n, n, 1, 0, g, dl) for i, c, n, g, dl in OBJECTS],
            )  # fmt: skip
            insert_rows(session, "goods", GOOD_COLUMNS, GOODS)
            insert_rows(
                session, "store", ["ObjectID", "GoodID", "Qtty", "Price", "Lot", "LotID", "LotOrder"],
                [(o, g, q, 0.0, " ", 1, 1) for o, g, q in STORE],
            )  # fmt: skip
            insert_rows(
                session, "partners", ["ID", "Company", "eMail", "Deleted"], [(i, n, e, 0) for i, n, e in PARTNERS]
            )
            insert_rows(
                session, "operations", [*OPER_COLUMNS, "Date"],
                [(*row, d.date_value(DATE.date())) for row in OPERATIONS],
            )  # fmt: skip
            insert_rows(session, "nextacct", ["NextAcct"], [("OR1",), ("OR2",)])
    finally:
        session.close()
    return params


def count(params: ConnectionParams, sql_from_where: str, args: Sequence[Any] = ()) -> int:
    """``SELECT COUNT(*) <sql_from_where>``, written with the placeholders of :func:`_expand`."""
    return int(scalar(params, "SELECT COUNT(*) " + sql_from_where, args) or 0)


def scalar(params: ConnectionParams, sql: str, args: Sequence[Any] = ()) -> Any:
    session = open_session(params)
    try:
        return session.scalar(_expand(session, sql), args)
    finally:
        session.close()


def rows(params: ConnectionParams, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    session = open_session(params)
    try:
        return session.all(_expand(session, sql), args)
    finally:
        session.close()


def _expand(session: Session, sql: str) -> str:
    """Replace ``<table>`` by the quoted table, ``[col]`` by the quoted column and ``?`` by the placeholder."""
    d = session.dialect
    import re

    sql = re.sub(r"<(\w+)>", lambda m: d.t(m.group(1)), sql)
    sql = re.sub(r"\[(\w+)\]", lambda m: d.q(m.group(1)), sql)
    return sql.replace("?", d.p)
