"""The demo database: realistic, deterministic, fast."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from app.warehouse import ConnectionParams, connect
from app.warehouse.demo import build_demo_database, build_demo_mysql, ean13
from tests.support.sync_env import mysql_params

TABLES = ("goods", "goodsgroups", "objects", "objectsgroups", "store", "operations", "partners", "configuration",
          "vatgroups", "nextacct")  # fmt: skip


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        return {t: connection.execute(f"SELECT * FROM `{t}` ORDER BY 1").fetchall() for t in TABLES}
    finally:
        connection.close()


def test_demo_is_deterministic_per_seed(tmp_path: Path) -> None:
    build_demo_database(tmp_path / "a.db3", goods=80, seed=7)
    build_demo_database(tmp_path / "b.db3", goods=80, seed=7)
    build_demo_database(tmp_path / "c.db3", goods=80, seed=8)
    assert dump(tmp_path / "a.db3") == dump(tmp_path / "b.db3")
    assert dump(tmp_path / "a.db3")["goods"] != dump(tmp_path / "c.db3")["goods"]


def test_demo_content(tmp_path: Path) -> None:
    summary = build_demo_database(tmp_path / "demo.db3")
    assert summary.goods == 60 and summary.open_orders == 3
    with connect(ConnectionParams("sqlite", str(tmp_path / "demo.db3"))) as db:
        info = db.info()
        assert info.vat_included and info.goods_count == 59  # one demo good is soft-deleted
        web = db.find_goods_groups(["Web shop"])
        assert [g.name for g in web] == ["Web shop", "Clothing", "Shoes", "Accessories"]
        goods = db.goods()
        exported = db.goods([g.id for g in web])
        assert 0 < len(exported) < len(goods)  # Office goods are not under "Web shop"
        assert {o.name for o in db.objects()} == {"Online shop", "Central warehouse", "Store Sofia"}
        warehouses = db.objects_in_groups(["Warehouses"])
        assert {o.name for o in warehouses} == {"Central warehouse", "Store Sofia"}  # via the sub-group
        stock = db.stock([o.id for o in warehouses])
        assert sum(stock.values()) > 0
        assert sum(db.open_order_quantities([db.find_object("Online shop").id]).values()) > 0
    for good in goods:
        assert len(good.barcode1) == 13 and ean13(good.barcode1[:12]) == good.barcode1
    skus = [g.barcode2 for g in goods]
    assert len(set(skus)) == len(skus)
    families: dict[str, list[str]] = {}
    for good in goods:
        families.setdefault(good.code, []).append(good.catalog1)
    variants = [c for c, cats in families.items() if len(cats) > 1]
    assert variants and all(c.startswith("Color-") for c in families[variants[0]])
    assert any(g.catalog2.startswith("Size-") and "-" in g.barcode2 for g in goods)
    assert {g.vat_rate for g in goods} == {20.0, 9.0}
    assert any(g.is_non_inventory for g in goods)


def test_demo_refuses_existing_file(tmp_path: Path) -> None:
    from app.domain.errors import ConfigurationError

    build_demo_database(tmp_path / "x.db3", goods=10)
    with pytest.raises(ConfigurationError):
        build_demo_database(tmp_path / "x.db3", goods=10)


def test_demo_scales_with_batched_inserts(tmp_path: Path) -> None:
    # 25,000 goods here (benchmarks/warehouse_reads.py builds 100,000, ~3.5 s on an idle machine).
    started = time.perf_counter()
    build_demo_database(tmp_path / "big.db3", goods=25_000, seed=1)
    elapsed = time.perf_counter() - started
    with connect(ConnectionParams("sqlite", str(tmp_path / "big.db3"))) as db:
        assert db.info().goods_count == 25_000 - 1
        assert len(db.stock([o.id for o in db.objects()])) == 25_000
    assert elapsed < 10, f"demo build took {elapsed:.1f} s"


@pytest.mark.mariadb
def test_demo_on_mysql() -> None:
    import uuid

    import pymysql

    params = mysql_params(f"uc_wh_demo_{uuid.uuid4().hex[:6]}")
    try:
        pymysql.connect(host=params.host, port=params.port or 3306, user=params.user,
                        password=params.password or "", connect_timeout=3).close()  # fmt: skip
    except Exception as exc:
        pytest.skip(f"MariaDB not reachable: {exc}")
    try:
        build_demo_mysql(params, goods=50, seed=7)
        with connect(params) as db:
            assert db.info().goods_count == 49 and db.info().vat_included
            assert len(db.objects_in_groups(["Warehouses"])) == 2
    finally:
        connection = pymysql.connect(host=params.host, port=params.port or 3306, user=params.user,
                                     password=params.password or "")  # fmt: skip
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{params.database}`")
        connection.close()
