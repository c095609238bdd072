"""Export end to end: a demo Warehouse Pro database (SQLite file, real MariaDB) -> the sandbox shop over
loopback HTTP. Expectations are computed from the database with plain SQL, not with the code under test."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from app.sandbox import SandboxConfig
from app.sandbox.server import SandboxServer
from app.sync.runner import run_server
from app.warehouse import ConnectionParams
from app.warehouse.demo import build_demo_database, build_demo_mysql
from tests.support.sync_env import (
    KEY_ENV,
    admin_state,
    make_server,
    mysql_available,
    scratch_mysql_database,
    warehouse_section,
)
from tests.sync.conftest import sql_rows

EXPECTED_SQL = """
SELECT g.ID, g.BarCode1, g.BarCode2, g.Catalog1, g.Catalog2, g.Catalog3, g.PriceOut2, g.Type,
  (SELECT COALESCE(SUM(s.Qtty), 0) FROM store s WHERE s.GoodID = g.ID AND s.ObjectID IN ({objects})) AS onhand,
  (SELECT COALESCE(SUM(o.Qtty), 0) FROM operations o WHERE o.GoodID = g.ID AND o.OperType = 19
      AND o.PartnerID <> 0 AND o.Acct > 0 AND o.ObjectID IN ({objects})) AS ordered
FROM goods g JOIN goodsgroups gg ON gg.ID = ABS(g.GroupID)
WHERE g.Deleted <> -1 AND g.ID <> 1 AND gg.Code LIKE CONCAT((SELECT Code FROM goodsgroups WHERE Name = 'Web shop'), '%')
"""
OBJECTS_SQL = """
SELECT o.ID FROM objects o JOIN objectsgroups og ON og.ID = ABS(o.GroupID)
WHERE og.Code LIKE CONCAT((SELECT Code FROM objectsgroups WHERE Name = 'Warehouses'), '%')
"""


def _rows(params: ConnectionParams, sql: str) -> list[tuple[Any, ...]]:
    if params.engine == "sqlite":  # SQLite has no CONCAT()
        sql = re.sub(r"CONCAT\((\(SELECT [^)]*\)), '%'\)", r"\1 || '%'", sql)
    return sql_rows(params, sql)


def expected_variants(params: ConnectionParams) -> dict[str, dict[str, Any]]:
    objects = ",".join(str(r[0]) for r in _rows(params, OBJECTS_SQL))
    expected = {}
    for _gid, bc1, bc2, c1, c2, c3, price, kind, onhand, ordered in _rows(params, EXPECTED_SQL.format(objects=objects)):
        sku = (bc2 or "").strip()
        if not sku:
            continue
        quantity = None if int(kind) & 8 else max(0.0, float(onhand) - float(ordered))
        options = sorted(v.split("-", 1)[1].strip() for v in (c1, c2, c3) if v and v.strip())
        cents = int((Decimal(repr(float(price))) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        expected[sku] = {"barcode": (bc1 or "").strip(), "price": cents, "quantity": quantity, "options": options}
    return expected


def shop_variants(url: str) -> dict[str, dict[str, Any]]:
    state = admin_state(url)
    return {
        v["sku"]: {
            "barcode": v["barcode"] or "",
            "price": v["price"],
            "quantity": v["quantity"],
            "options": sorted(x for x in (v["v1"], v["v2"], v["v3"]) if x),
            "item_id": v["item_id"],
        }
        for v in state["variants"]
    }


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[SandboxServer]:
    config = SandboxConfig(rate_limit=10_000)
    monkeypatch.setenv(KEY_ENV, config.api_key)
    with SandboxServer(config) as server:
        yield server


@pytest.fixture(params=["sqlite", "mariadb"])
def warehouse(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ConnectionParams]:
    if request.param == "sqlite":
        path = tmp_path / "demo.db3"
        build_demo_database(path, goods=60)
        yield ConnectionParams("sqlite", str(path))
        return
    reason = mysql_available()
    if reason:
        pytest.skip(reason)
    with scratch_mysql_database() as params:
        build_demo_mysql(params, goods=60)
        yield params


async def test_first_export_fills_the_shop_exactly(sandbox: SandboxServer, warehouse: ConnectionParams) -> None:
    server = make_server(sandbox.url, warehouse_section(warehouse))
    report = await run_server(server, tasks=["export"])
    task = report.tasks[0]
    assert task.status == "ok", task.to_dict()

    expected = expected_variants(warehouse)
    actual = shop_variants(sandbox.url)
    assert set(actual) == set(expected)
    for sku, want in expected.items():
        got = actual[sku]
        assert got["price"] == want["price"], sku
        assert got["barcode"] == want["barcode"], sku
        assert [o.lower() for o in got["options"]] == [o.lower() for o in want["options"]], sku
        if want["quantity"] is not None:
            assert got["quantity"] == pytest.approx(want["quantity"]), sku
    assert task.counts["created"] == len(expected)

    # products: goods sharing a Code are one product; the six switches are applied to new products
    state = admin_state(sandbox.url)
    products = {p["id"]: p for p in state["products"]}
    for product in products.values():
        assert product["active"] == "yes" and product["new"] == "no" and product["featured"] == 0
        assert product["continue_selling"] == "no" and product["shipping"] == "no"
    by_product: dict[int, set[str]] = {}
    for sku, got in actual.items():
        by_product.setdefault(got["item_id"], set()).add(sku)
    assert len(by_product) == len(products)
    assert any(len(skus) > 1 for skus in by_product.values())  # variants really grouped

    # a second run writes nothing and reads the shop in one page
    again = (await run_server(server, tasks=["export"])).tasks[0]
    assert again.status == "ok"
    assert again.counts["created"] == 0 and again.counts["updated"] == 0
    assert again.counts["unchanged"] == len(expected)
    assert again.api_calls == 1


async def test_one_price_change_costs_one_patch(sandbox: SandboxServer, tmp_path: Path) -> None:
    path = tmp_path / "demo.db3"
    build_demo_database(path, goods=60)
    server = make_server(sandbox.url, {"engine": "sqlite", "database": str(path)})
    await run_server(server, tasks=["export"])
    conn = sqlite3.connect(path)
    sku = conn.execute("SELECT BarCode2 FROM goods WHERE BarCode2 LIKE 'TS%' ORDER BY ID LIMIT 1").fetchone()[0]
    conn.execute("UPDATE goods SET PriceOut2 = 99.995 WHERE BarCode2 = ?", (sku,))
    conn.commit()
    conn.close()

    task = (await run_server(server, tasks=["export"])).tasks[0]
    assert task.counts["updated"] == 1
    assert task.api_calls == 2  # one page of reading, one PATCH
    assert [i.to_dict() for i in task.items] == [
        {"key": sku, "action": "updated", "changes": {"price": [task.items[0].changes["price"][0], 10000]}}
    ]
    assert shop_variants(sandbox.url)[sku]["price"] == 10000  # 99.995 rounds half-up to 100.00


async def test_dry_run_writes_nothing(sandbox: SandboxServer, tmp_path: Path) -> None:
    path = tmp_path / "demo.db3"
    build_demo_database(path, goods=60)
    server = make_server(sandbox.url, {"engine": "sqlite", "database": str(path)})
    report = await run_server(server, tasks=["export"], dry_run=True)
    task = report.tasks[0]
    assert report.dry_run and task.status == "ok"
    assert task.counts["created"] == len(expected_variants(ConnectionParams("sqlite", str(path))))
    assert all(item.action == "created" and "price" in item.changes for item in task.items)
    assert admin_state(sandbox.url)["counts"]["variants"] == 0


async def test_switches_quantities_off_goods_off_and_overwrite_list(sandbox: SandboxServer, tmp_path: Path) -> None:
    path = tmp_path / "demo.db3"
    build_demo_database(path, goods=60)
    wh = {"engine": "sqlite", "database": str(path)}
    switches = {"active": False, "featured": True, "new": True, "has_weight": True, "continue_selling": True}
    first = make_server(sandbox.url, wh, shop={"new_products": switches}, export={"export_quantities": False})
    assert (await run_server(first, tasks=["export"])).status == "ok"
    state = admin_state(sandbox.url)
    assert all(v["quantity"] is None or v["quantity"] == 0 for v in state["variants"])  # quantities never sent
    for product in state["products"]:
        assert (
            product["active"],
            product["featured"],
            product["new"],
            product["shipping"],
            product["continue_selling"],
        ) == ("no", 1, "yes", "yes", "yes")

    # Export goods = No: new goods are not created, existing ones still get prices
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO goods (Code, BarCode1, BarCode2, BarCode3, Catalog1, Catalog2, Catalog3, Name, Name2, Measure1,"
        " Measure2, Ratio, PriceIn, PriceOut1, PriceOut2, PriceOut3, PriceOut4, PriceOut5, PriceOut6, PriceOut7,"
        " PriceOut8, PriceOut9, PriceOut10, MinQtty, NormalQtty, Description, Type, IsRecipe, TaxGroup, IsVeryUsed,"
        " GroupID, Deleted) SELECT 'NEWCODE', ' ', 'NEW-SKU', ' ', ' ', ' ', ' ', 'Brand new', 'Brand new', 'pcs', ' ',"
        " 1, 1, 1, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ' ', 0, 0, 1, 0, GroupID, 0"
        " FROM goods WHERE BarCode2 LIKE 'TS%' LIMIT 1"
    )
    sku, name = conn.execute(
        "SELECT BarCode2, Name FROM goods WHERE BarCode2 LIKE 'AC%' ORDER BY ID LIMIT 1"
    ).fetchone()
    conn.execute("UPDATE goods SET Name = 'Renamed wallet', PriceOut2 = 77 WHERE BarCode2 = ?", (sku,))
    conn.commit()
    conn.close()
    no_goods = make_server(sandbox.url, wh, export={"export_goods": False, "update_fields": ["name", "shipping"]})
    task = (await run_server(no_goods, tasks=["export"])).tasks[0]
    assert task.counts["created"] == 0 and task.counts["not_in_shop"] == 1
    variants = shop_variants(sandbox.url)
    assert "NEW-SKU" not in variants and variants[sku]["price"] == 7700
    renamed = next(p for p in admin_state(sandbox.url)["products"] if p["id"] == variants[sku]["item_id"])
    assert renamed["name"] == "Renamed wallet" and renamed["shipping"] == "no"
    assert name != "Renamed wallet"
