"""Import of shop orders end to end: the sandbox shop over loopback HTTP -> a demo Warehouse database
(SQLite file; the main path also on a real MariaDB). Results are read back with plain SQL and from the
shop's admin state, not through the code under test."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from app.bootstrap import server_state
from app.sync.order_window import CHANGES_CURSOR, DATE_CURSOR
from app.warehouse import ConnectionParams
from tests.sync.conftest import (
    ShopAdmin,
    import_once,
    ledger_rows,
    order_documents,
    sql_rows,
    warehouse_goods,
)

SHOP_FORMAT = "%Y-%m-%d %H:%M:%S"


def shop_time(**delta: float) -> str:
    """Store-local time (the sandbox's clock is this computer's) shifted by ``delta``."""
    return (dt.datetime.now() + dt.timedelta(**delta)).strftime(SHOP_FORMAT)


def sqlite(path: Path) -> ConnectionParams:
    return ConnectionParams("sqlite", str(path))


def test_orders_become_documents_exactly_once(shop: ShopAdmin, warehouse: ConnectionParams, make_server) -> None:
    goods = warehouse_goods(warehouse)[:4]
    shop.seed_goods(goods)
    first = shop.order([(goods[0].barcode2, 2), goods[1].barcode2], status="paid", date_added=shop_time(hours=-3))
    second = shop.order(
        [goods[2].barcode2], status="pending", first_name="Elena", last_name="Todorova", email="elena@example.com"
    )
    server = make_server(warehouse)

    run = import_once(server)

    assert run.task.status == "ok", run.task.errors
    assert run.counts["orders_imported"] == 2
    documents = order_documents(warehouse)
    assert set(documents) == {str(first["id"]), str(second["id"])}
    online_shop = sql_rows(warehouse, "SELECT ID FROM objects WHERE Name = 'Online shop'")[0][0]
    lines = documents[str(first["id"])]
    assert [(r[1], float(r[2])) for r in lines] == [(goods[0].id, 2.0), (goods[1].id, 1.0)]
    for row, good in zip(lines, goods[:2], strict=True):
        _, _, _, price_out, vat_out, _, object_id = row
        gross = float(good.price)  # the demo database keeps prices with VAT
        assert float(price_out) == pytest.approx(gross)
        assert float(vat_out) == pytest.approx(gross * good.vat_rate / (100 + good.vat_rate))
        assert object_id == online_shop
    partner = sql_rows(warehouse, "SELECT Company, eMail FROM partners WHERE ID = ?", [lines[0][5]])[0]
    assert (partner[0].strip(), partner[1].strip()) == ("Ivan Petrov", "ivan@example.com")
    date = sql_rows(warehouse, "SELECT Date FROM operations WHERE OperType = 19 AND Acct = ?", [lines[0][0]])[0][0]
    assert str(date).startswith(first["date_added"][:10])
    ledger = ledger_rows(warehouse)
    assert {k: v[0] for k, v in ledger.items()} == {k: rows[0][0] for k, rows in documents.items()}
    orders = shop.orders()
    assert {orders[k]["usn"] for k in documents} == {f"WP-OR-{rows[0][0]}" for rows in documents.values()}

    again = import_once(server)

    assert again.task.status == "ok"
    assert again.counts["orders_imported"] == 0
    assert again.counts["orders_skipped"] >= 2
    assert order_documents(warehouse) == documents


def test_an_order_dated_before_the_cursor_is_still_imported_once(shop: ShopAdmin, demo_db: Path, make_server) -> None:
    goods = warehouse_goods(demo_db)[:3]
    shop.seed_goods(goods)
    first = shop.order([goods[0].barcode2], date_added=shop_time(minutes=-10))
    server = make_server()
    assert import_once(server).counts["orders_imported"] == 1
    state = server_state(server)
    cursor = state.cursor(DATE_CURSOR)
    state.close()
    assert cursor == first["date_added"]

    # Saved now, but dated 30 minutes before the cursor (a slow checkout): inside the 120-minute overlap.
    late_date = (dt.datetime.strptime(cursor, SHOP_FORMAT) - dt.timedelta(minutes=30)).strftime(SHOP_FORMAT)
    late = shop.order([goods[1].barcode2], date_added=late_date)
    run = import_once(server)
    assert run.counts["orders_imported"] == 1
    assert import_once(server).counts["orders_imported"] == 0
    documents = order_documents(sqlite(demo_db))
    assert sorted(documents) == sorted([str(first["id"]), str(late["id"])])
    assert all(len({row[0] for row in rows}) == 1 for rows in documents.values())
    assert len(ledger_rows(sqlite(demo_db))) == 2


def test_an_unmatched_line_waits_until_the_good_gets_the_sku(shop: ShopAdmin, demo_db: Path, make_server) -> None:
    goods = warehouse_goods(demo_db)[:3]
    shop.seed_goods(goods[:2])
    shop.seed({"products": [{"name": "Linen bag", "sku": "BAG-NEW-1", "barcode": "3809999999994", "price": 1500}]})
    waiting = shop.order([goods[0].barcode2, ("BAG-NEW-1", 2)], date_added=shop_time(days=-2))
    fine = shop.order([goods[1].barcode2])
    server = make_server()
    params = sqlite(demo_db)

    run = import_once(server)

    assert run.task.status == "partial"
    assert run.report.exit_status == 1
    assert (run.counts["orders_imported"], run.counts["orders_waiting"]) == (1, 1)
    [error] = run.task.errors
    assert error.key == str(waiting["id"])
    assert "BAG-NEW-1" in error.message and "BarCode2" in error.message
    assert set(order_documents(params)) == {str(fine["id"])}  # nothing half written
    state = server_state(server)
    assert set(state.attention()) == {str(waiting["id"])}
    # Much later: both cursors are far past the order; only the needs-attention list brings it back.
    state.set_cursor(DATE_CURSOR, shop_time(days=10))
    state.set_cursor(CHANGES_CURSOR, shop_time(days=10))
    state.close()
    still = import_once(server)
    assert still.counts["orders_waiting"] == 1 and still.counts["orders_imported"] == 0

    sql_rows(params, "UPDATE goods SET BarCode2 = 'BAG-NEW-1' WHERE ID = ?", [goods[2].id])
    done = import_once(server)

    assert done.task.status == "ok", done.task.errors
    assert done.counts["orders_imported"] == 1
    lines = order_documents(params)[str(waiting["id"])]
    assert [(r[1], float(r[2])) for r in lines] == [(goods[0].id, 1.0), (goods[2].id, 2.0)]
    state = server_state(server)
    assert state.attention() == {}
    state.close()
    assert shop.orders()[str(waiting["id"])]["usn"] == f"WP-OR-{lines[0][0]}"


def test_an_order_cancelled_after_import_is_voided(shop: ShopAdmin, demo_db: Path, make_server) -> None:
    goods = warehouse_goods(demo_db)[:2]
    shop.seed_goods(goods)
    order = shop.order([goods[0].barcode2, goods[1].barcode2], status="pending")
    kept = shop.order([goods[0].barcode2], status="paid")
    server = make_server()
    params = sqlite(demo_db)
    assert import_once(server).counts["orders_imported"] == 2
    acct = ledger_rows(params)[str(order["id"])][0]

    shop.patch_order(order["id"], status="cancelled")
    run = import_once(server)

    assert run.counts["orders_voided"] == 1
    assert [item.key for item in run.task.items if item.action == "voided"] == [str(order["id"])]
    assert set(order_documents(params)) == {str(kept["id"])}
    assert sql_rows(params, "SELECT COUNT(*) FROM operations WHERE OperType = 19 AND Acct = ?", [acct])[0][0] == 0
    assert ledger_rows(params)[str(order["id"])] == (acct, "voided")
    assert import_once(server).counts["orders_voided"] == 0


def test_statuses_setting_and_orders_that_reach_an_imported_status_later(
    shop: ShopAdmin, demo_db: Path, make_server
) -> None:
    goods = warehouse_goods(demo_db)[:2]
    shop.seed_goods(goods)
    pending = shop.order([goods[0].barcode2], status="pending")
    paid = shop.order([goods[1].barcode2], status="paid")
    ancient = shop.order([goods[1].barcode2], status="pending", date_added=shop_time(days=-45))
    server = make_server(import_={"statuses": ["paid"]})
    params = sqlite(demo_db)

    run = import_once(server)
    assert (run.counts["orders_imported"], run.counts["orders_skipped"]) == (1, 1)
    assert set(order_documents(params)) == {str(paid["id"])}

    shop.patch_order(pending["id"], status="paid")
    shop.patch_order(ancient["id"], status="paid")  # placed before the import started: never imported
    later = import_once(server)

    assert later.counts["orders_imported"] == 1
    assert set(order_documents(params)) == {str(paid["id"]), str(pending["id"])}


def test_a_usn_the_shop_refuses_is_logged_not_failed(shop: ShopAdmin, demo_db: Path, make_server) -> None:
    goods = warehouse_goods(demo_db)[:1]
    shop.seed_goods(goods)
    other = shop.order([goods[0].barcode2], status="cancelled")
    shop.patch_order(other["id"], usn="WP-OR-4")  # the next number of the demo database's order series
    order = shop.order([goods[0].barcode2], status="paid")
    server = make_server()

    run = import_once(server)

    assert run.task.status == "ok", run.task.errors
    assert ledger_rows(sqlite(demo_db))[str(order["id"])][0] == 4
    assert shop.orders()[str(order["id"])]["usn"] is None
    assert any("already been taken" in m for m in run.messages())


def test_dry_run_writes_nothing_anywhere(shop: ShopAdmin, demo_db: Path, make_server) -> None:
    goods = warehouse_goods(demo_db)[:2]
    shop.seed_goods(goods)
    shop.seed({"products": [{"name": "Linen bag", "sku": "BAG-NEW-2", "barcode": "3809999999987", "price": 900}]})
    shop.order([goods[0].barcode2, (goods[1].barcode2, 3)])
    shop.order(["BAG-NEW-2"])
    server = make_server(import_={"pull_products": True})
    params = sqlite(demo_db)
    before = sql_rows(params, "SELECT (SELECT COUNT(*) FROM operations), (SELECT COUNT(*) FROM goods)")

    run = import_once(server, dry_run=True)

    assert run.report.dry_run
    assert (run.counts["orders_imported"], run.counts["goods_created"]) == (2, 1)
    details = [item.detail for item in run.task.items if item.action == "imported"]
    assert len(details) == 2 and all(d.startswith("would import order") for d in details)
    assert any("4 lines" not in d and "total" in d for d in details)
    assert sql_rows(params, "SELECT (SELECT COUNT(*) FROM operations), (SELECT COUNT(*) FROM goods)") == before
    assert ledger_rows(params) == {}
    assert all(order["usn"] is None for order in shop.orders().values())
    state = server_state(server)
    assert (state.cursor(DATE_CURSOR), state.cursor(CHANGES_CURSOR), state.attention()) == (None, None, {})
    state.close()

    real = import_once(server)
    assert (real.counts["orders_imported"], real.counts["goods_created"]) == (2, 1)


def test_totals_use_the_order_price_after_discounts(shop: ShopAdmin, demo_db: Path, make_server) -> None:
    goods = warehouse_goods(demo_db)[:1]
    shop.seed_goods(goods)
    order = shop.http.post(
        "/admin/orders",
        json={
            "customer": {"first_name": "Ana", "last_name": "Koleva", "email": "ana@example.com"},
            "status": "paid",
            "lines": [{"sku": goods[0].barcode2, "quantity": 3, "price": 1234}],
        },
    ).json()
    import_once(make_server())
    [line] = order_documents(sqlite(demo_db))[str(order["id"])]
    assert float(line[2]) == 3.0
    assert Decimal(str(line[3])).quantize(Decimal("0.01")) == Decimal("12.34")
