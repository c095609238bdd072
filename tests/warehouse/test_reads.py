"""Reads on every backend, over a database full of the schema doc's traps (scenario.py)."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from app.domain.errors import ConfigurationError
from app.warehouse import ConnectionParams, connect

from . import scenario as sc


@pytest.fixture
def db_params(blank: ConnectionParams) -> ConnectionParams:
    return sc.build(blank)


def test_objects_hide_service_and_deleted(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        objects = db.objects()
    assert [o.name for o in objects] == ["Online shop", "Central warehouse", "Store Sofia", "Store Varna"]
    varna = objects[-1]
    assert varna.group_id == 3  # ABS(-3)
    assert varna.code == "05" and varna.price_group == 1


def test_groups_exclude_service_group(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        assert [g.code for g in db.goods_groups()] == ["AAA", "AAAAAA", "AAAAAAAAA", "AAAAAB", "AAB"]
        assert [g.name for g in db.object_groups()] == ["Warehouses", "Regional", "Shops"]


def test_find_object_by_name_or_code_and_unknown(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        assert db.find_object("online SHOP").id == sc.ONLINE
        assert db.find_object("02").id == sc.CENTRAL
        with pytest.raises(ConfigurationError) as info:
            db.find_object("Old store")  # deleted
    available = info.value.message.split("Available:")[1]
    assert "'Central warehouse'" in available and "Old store" not in available


def test_objects_in_groups_include_sub_groups_and_negative_group_ids(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        ids = sorted(o.id for o in db.objects_in_groups(["Warehouses"]))
        assert ids == [sc.CENTRAL, sc.SOFIA, sc.VARNA]  # Regional is under Warehouses; Old store is deleted
        assert [o.id for o in db.objects_in_groups(["AAB"])] == [sc.ONLINE]  # by code
        with pytest.raises(ConfigurationError) as info:
            db.objects_in_groups(["Nowhere"])
    assert "Nowhere" in info.value.message and "'Warehouses'" in info.value.message


def test_goods_traps(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        goods = {g.id: g for g in db.goods()}
    assert sorted(goods) == [10, 11, 12, 14, 15, 16, 17]  # no service good 1, no deleted 13
    blue = goods[sc.SHIRT_BLUE]
    assert blue.group_id == 6 and blue.group_name == "T-shirts"  # GroupID -6 joined through ABS()
    assert blue.barcode2 == "TS-BLUE-M" and blue.barcode1 == "" and blue.catalog3 == ""  # NULL / spaces
    boots = goods[sc.BOOTS]
    assert boots.name == "Boots" and boots.measure1 == "" and boots.barcode1 == ""
    assert boots.vat_rate == 9.0 and boots.tax_group == 2
    assert boots.price("PriceOut2") == 65.4 and boots.price("PriceOut1") == 50.0 and boots.price_in == 30.0
    # PriceOut3..10 were not written: NULL on SQLite (its DDL has no defaults) reads as "not a number" so an
    # export on such a column reports the good instead of selling it at 0.00; MySQL's DEFAULT 0 reads as 0.0.
    if db_params.engine == "sqlite":
        assert all(math.isnan(p) for p in boots.prices[2:])
    else:
        assert boots.prices[2:] == (0.0,) * 8
    assert goods[sc.GIFT].is_non_inventory and not goods[sc.SHIRT_RED].is_non_inventory
    assert goods[sc.SHIRT_RED].vat_rate == 20.0 and goods[sc.SHIRT_RED].group_code == "AAAAAAAAA"
    with pytest.raises(ValueError):
        boots.price("PriceIn")


def test_goods_by_group_include_sub_groups(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        groups = db.find_goods_groups(["Web shop"])
        assert [g.name for g in groups] == ["Web shop", "Clothing", "T-shirts", "Shoes"]
        ids = sorted(g.id for g in db.goods([g.id for g in groups]))
        assert ids == [10, 11, 12, 15]  # Office goods and the deleted shirt are out
        assert [g.id for g in db.goods([5])] == [14, 16, 17]
        assert len(db.goods([])) == len(db.goods(None)) == 7


def test_stock_and_open_orders_over_an_object_group(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        ids = [o.id for o in db.objects_in_groups(["Warehouses"])]
        stock = db.stock(ids)
        orders = db.open_order_quantities(ids)
        assert stock[sc.SHIRT_RED] == 10.0  # 5 + 3 + 2; the deleted "Old store" is not in the group
        assert stock[sc.SHIRT_BLUE] == 7.5 and stock[sc.BOOTS] == -1.0
        # 2 (Central) + 1 (Sofia); not the pseudo row (50), draft (40), request (30) nor Online shop (9)
        assert orders == {sc.SHIRT_RED: 3.0, sc.SHIRT_BLUE: 1.0}
        assert db.open_order_quantities([sc.ONLINE]) == {sc.SHIRT_RED: 9.0}
        assert db.stock([]) == {} and db.open_order_quantities([]) == {}


def test_goods_by_key_exact_after_strip(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        found = db.goods_by_key("BarCode2", ["TS-BLUE-M", " TS-RED-M", "ts-red-m", "TS-DEL", "DUP-1", "", "none"])
        assert sorted(found) == ["DUP-1", "TS-BLUE-M", "TS-RED-M"]  # case-sensitive; deleted excluded
        assert [g.id for g in found["DUP-1"]] == [sc.DUP_A, sc.DUP_B]
        assert db.goods_by_key("BarCode1", ["3800000000140"])["3800000000140"][0].id == sc.STAPLER
        many = [f"K{i}" for i in range(1200)] + ["OF-1"]  # three IN-chunks
        assert [g.id for g in db.goods_by_key("BarCode2", many)["OF-1"]] == [sc.STAPLER]
        with pytest.raises(ValueError):
            db.goods_by_key("Name", ["x"])  # type: ignore[arg-type]


def test_order_lines_skip_pseudo_rows(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        lines = db.order_lines(1)
        assert [(line.good_id, line.qtty, line.object_id) for line in lines] == [(10, 2.0, 3), (11, 1.0, 3)]
        assert lines[0].note == "Phone order" and lines[0].date == dt.date(2026, 3, 1)
        assert db.order_lines(7) == []  # only the pseudo row has Acct 7
        assert [line.object_id for line in db.order_lines(2, object_id=sc.SOFIA)] == [sc.SOFIA]
