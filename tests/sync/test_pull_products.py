"""Pull products from CloudCart end to end: the sandbox's catalogue -> goods in a demo Warehouse database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.sandbox.seed import demo_catalogue
from app.warehouse import ConnectionParams
from tests.sync.conftest import ShopAdmin, import_once, order_documents, sql_rows

DEMO_SKUS = {"TSHIRT-S-RED", "TSHIRT-M-RED", "TSHIRT-L-BLUE", "APRON-RED", "APRON-BLUE", "MUG-001", "COFFEE-1KG",
             "GIFT-50"}  # fmt: skip
GOOD_SQL = (
    "SELECT g.Code, g.Name, g.BarCode1, g.BarCode2, g.Catalog1, g.Catalog2, g.Catalog3, g.PriceOut2, gg.Name, g.ID "
    "FROM goods g JOIN goodsgroups gg ON gg.ID = ABS(g.GroupID) WHERE g.BarCode2 = ?"
)


def catalogue_only() -> dict[str, Any]:
    return {k: v for k, v in demo_catalogue().items() if k != "orders"}


def good(params: ConnectionParams, sku: str) -> dict[str, Any]:
    [row] = sql_rows(params, GOOD_SQL, [sku])
    keys = ("code", "name", "barcode1", "barcode2", "c1", "c2", "c3", "price", "group", "id")
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in zip(keys, row, strict=True)}


def goods_count(params: ConnectionParams) -> int:
    return int(sql_rows(params, "SELECT COUNT(*) FROM goods")[0][0])


def test_pull_creates_the_missing_goods_once(shop: ShopAdmin, warehouse: ConnectionParams, make_server) -> None:
    shop.seed(catalogue_only())
    server = make_server(warehouse, import_={"pull_products": True})
    before = goods_count(warehouse)

    run = import_once(server)

    assert run.task.status == "ok", run.task.errors
    assert (run.counts["goods_created"], run.counts["goods_matched"], run.counts["goods_skipped"]) == (8, 0, 0)
    assert "8 goods imported successfully" in run.messages()
    assert goods_count(warehouse) == before + 8
    shirt = good(warehouse, "TSHIRT-M-RED")
    assert shirt["code"].startswith("CC")
    assert {good(warehouse, s)["code"] for s in ("TSHIRT-S-RED", "TSHIRT-L-BLUE")} == {shirt["code"]}
    assert good(warehouse, "APRON-RED")["code"] != shirt["code"]
    assert (shirt["name"], shirt["barcode1"], shirt["c1"], shirt["c2"], shirt["c3"]) == (
        "Cotton T-Shirt M / Red", "3800100200020", "Size-M", "Color-Red", "",
    )  # fmt: skip
    assert float(shirt["price"]) == pytest.approx(19.99)
    assert shirt["group"] == "CloudCart"
    mug = good(warehouse, "MUG-001")
    assert (mug["name"], mug["c1"], float(mug["price"])) == ("Ceramic Mug", "", pytest.approx(12.90))
    objects = sql_rows(warehouse, "SELECT COUNT(*) FROM objects")[0][0]
    assert sql_rows(warehouse, "SELECT COUNT(*) FROM store WHERE GoodID = ?", [shirt["id"]])[0][0] == objects

    again = import_once(server)

    assert (again.counts["goods_created"], again.counts["goods_matched"]) == (0, 8)
    assert "0 goods imported successfully" in again.messages()
    assert goods_count(warehouse) == before + 8


def test_pulled_goods_take_the_orders_of_the_same_run(shop: ShopAdmin, demo_db: Path, make_server) -> None:
    shop.seed(demo_catalogue())  # three orders of the last week, all of them for shop products
    run = import_once(make_server(import_={"pull_products": True}))
    assert run.task.status == "ok", run.task.errors
    assert (run.counts["goods_created"], run.counts["orders_imported"]) == (8, 3)
    assert len(order_documents(ConnectionParams("sqlite", str(demo_db)))) == 3


def test_variants_without_a_key_or_with_a_shared_key_are_skipped(shop: ShopAdmin, demo_db: Path, make_server) -> None:
    spec = catalogue_only()
    spec["products"] += [
        {"name": "Twin A", "sku": "TWIN-A", "barcode": "3801111111116", "price": 100},
        {"name": "Twin B", "sku": "TWIN-B", "barcode": "3801111111116", "price": 100},
    ]
    shop.seed(spec)
    run = import_once(make_server(shop={"compare_by": "barcode"}, import_={"pull_products": True}))

    assert run.task.status == "ok"
    assert (run.counts["goods_created"], run.counts["goods_skipped"]) == (7, 3)
    skipped = {item.key: item.detail for item in run.task.items if item.action == "skipped"}
    assert "3801111111116" in skipped and "2 shop variants" in skipped["3801111111116"]
    [no_key] = [k for k in skipped if k.startswith("variant ")]
    assert "Gift Card" in skipped[no_key] and "no barcode" in skipped[no_key]


def test_a_database_without_vat_in_prices_gets_net_prices(shop: ShopAdmin, demo_db: Path, make_server) -> None:
    params = ConnectionParams("sqlite", str(demo_db))
    sql_rows(params, "UPDATE configuration SET Value = '0' WHERE Key = 'configkey20'")
    shop.seed(catalogue_only())
    import_once(make_server(import_={"pull_products": True, "price_field": "PriceOut3"}))
    [row] = sql_rows(params, "SELECT PriceOut2, PriceOut3 FROM goods WHERE BarCode2 = 'MUG-001'")
    assert (float(row[0]), float(row[1])) == (0.0, pytest.approx(12.90 / 1.2, abs=1e-4))
