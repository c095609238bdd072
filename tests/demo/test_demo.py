"""The one-command demo: sandbox shop + demo warehouse + a ready ``Demo`` server, with real HTTP on loopback."""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app import paths
from app.demo import DEMO_KEY_ENV, DemoEnvironment, DemoError, simple_web_goods, start_demo
from app.domain.settings import parse_settings
from app.logs import setup_logging
from app.sandbox import DEMO_API_KEY
from app.servers.secrets import SecretStore
from app.servers.store import ServerStore
from app.sync.runner import run_server


@pytest.fixture
def demo(monkeypatch: pytest.MonkeyPatch) -> Iterator[DemoEnvironment]:
    monkeypatch.delenv(DEMO_KEY_ENV, raising=False)
    env = start_demo()
    yield env
    env.stop()


def shop_state(env: DemoEnvironment) -> dict:
    return httpx.get(env.shop_url + "/admin/state", timeout=10).json()


def live_skus(env: DemoEnvironment) -> set[str]:
    state = shop_state(env)
    live = {p["id"] for p in state["products"] if not p.get("_deleted_at")}
    return {v["sku"] for v in state["variants"] if v["item_id"] in live and v.get("sku")}


def order_documents(db: Path) -> set[int]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT DISTINCT Acct FROM operations WHERE OperType = 19")}


def run(env: DemoEnvironment, *tasks: str):
    return asyncio.run(run_server(ServerStore().get("Demo"), tasks=list(tasks) or None))


def test_start_demo_creates_the_demo_server_pointing_at_the_shop_and_the_warehouse(demo):
    stored = ServerStore().get("Demo")
    assert stored.id == demo.server.id
    assert stored.shop.api_identifier == demo.shop_url
    assert demo.shop_url.startswith("http://127.0.0.1:")
    assert stored.shop.api_key_env == DEMO_KEY_ENV and os.environ[DEMO_KEY_ENV] == DEMO_API_KEY
    assert stored.shop.compare_by == "sku"
    assert stored.warehouse.engine == "sqlite"
    assert Path(stored.warehouse.database) == paths.demo_dir().resolve() / "warehouse.db3"
    assert stored.import_.object == "Online shop" and str(stored.import_.start) == "on-server-start"
    assert str(stored.export.start) == "on-server-start" and stored.export.object == "Online shop"
    assert stored.export.quantity_object_groups == ("Warehouses",)
    assert stored.export.goods_groups == ("Web shop",)
    assert demo.storefront_url == demo.shop_url + "/"

    # The shop answers with the key this process was given, and holds the seeded products and orders,
    # whose SKUs are goods of the demo warehouse.
    response = httpx.get(demo.api_url + "/products", headers={"X-CloudCart-ApiKey": os.environ[DEMO_KEY_ENV]})
    assert response.status_code == 200 and len(response.json()["data"]) == 3
    seeded = {good.sku for good in simple_web_goods(demo.warehouse_path)}
    assert live_skus(demo) == seeded
    orders = shop_state(demo)["orders"]
    assert len(orders) == 3
    assert {line["sku"] for order in orders for line in order["lines"]} <= seeded


@pytest.fixture
def debug_log() -> Iterator[None]:
    """The program's own debug log in the state folder, as `utility-center --debug --demo` writes it."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    setup_logging(paths.logs_dir(), debug=True)
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_the_key_is_in_no_file_and_not_in_the_keyring(debug_log, demo, uc_home, keyring_file):
    report = run(demo)  # import and export, with debug logging
    assert [t.status for t in report.tasks] == ["ok", "ok"]
    key = DEMO_API_KEY.encode()
    files = [p for p in uc_home.rglob("*") if p.is_file()]
    assert any(p.name == "warehouse.db3" for p in files) and any(p.suffix == ".toml" for p in files)
    assert any(p.suffix == ".log" and p.stat().st_size > 0 for p in files)
    assert [p for p in files if key in p.read_bytes()] == []
    assert SecretStore().get(demo.server.id, "api-key") is None
    assert not keyring_file.exists() or key not in keyring_file.read_bytes()


def test_export_creates_the_warehouse_goods_and_updates_the_seeded_products(demo):
    seeded = {good.sku for good in simple_web_goods(demo.warehouse_path)}
    report = run(demo, "export")
    task = report.tasks[0]
    assert (task.task, task.status, task.fatal) == ("export", "ok", None)
    assert task.counts["created"] > 20 and task.counts["failed"] == 0
    updated = {item.key for item in task.items if item.action == "updated"}
    assert updated == seeded  # the three products the shop already had: matched by SKU, not duplicated
    assert len(live_skus(demo)) > 40 and seeded <= live_skus(demo)
    again = run(demo, "export").tasks[0]
    assert again.status == "ok" and again.counts["created"] == 0 and again.counts["updated"] == 0


def test_start_imports_the_seeded_orders_then_exports(demo):
    before = order_documents(demo.warehouse_path)
    report = run(demo)  # every task not off: import, then export
    by_task = {t.task: t for t in report.tasks}
    assert set(by_task) == {"import", "export"}
    assert by_task["import"].status == "ok", by_task["import"].fatal
    assert by_task["import"].counts["orders_imported"] == 3
    assert by_task["export"].status == "ok" and by_task["export"].counts["created"] > 0
    assert len(order_documents(demo.warehouse_path) - before) == 3

    demo.place_order([{"sku": next(iter(live_skus(demo))), "quantity": 1}])
    second = run(demo, "import").tasks[0]
    assert second.status == "ok" and second.counts["orders_imported"] == 1
    assert len(order_documents(demo.warehouse_path) - before) == 4


def test_a_second_start_reuses_the_database_and_the_shop_and_updates_the_url(monkeypatch):
    monkeypatch.delenv(DEMO_KEY_ENV, raising=False)
    first = start_demo()
    try:
        assert first.seeded
        assert run(first, "export").tasks[0].status == "ok"
        skus = live_skus(first)
        first.place_order([{"sku": sorted(skus)[0], "quantity": 1}], status="pending")
    finally:
        first.stop()
    database = first.warehouse_path.stat()
    with sqlite3.connect(first.warehouse_path) as conn:
        conn.execute("UPDATE goods SET Name = 'Renamed by the operator' WHERE ID = 2")

    second = start_demo()
    try:
        assert not second.seeded
        assert second.warehouse_path == first.warehouse_path
        assert second.warehouse_path.stat().st_ino == database.st_ino
        with sqlite3.connect(second.warehouse_path) as conn:
            assert conn.execute("SELECT Name FROM goods WHERE ID = 2").fetchone()[0] == "Renamed by the operator"
        servers = [s for s in ServerStore().list() if s.name.startswith("Demo")]
        assert [s.id for s in servers] == [first.server.id]
        assert servers[0].shop.api_identifier == second.shop_url == second.server.shop.api_identifier
        assert live_skus(second) == skus  # the shop kept what the demo did
        assert len(shop_state(second)["orders"]) == 4
        assert run(second, "export").tasks[0].status == "ok"
    finally:
        second.stop()


def test_stop_stops_the_sandbox_and_forgets_the_key(monkeypatch):
    monkeypatch.delenv(DEMO_KEY_ENV, raising=False)
    env = start_demo()
    assert httpx.get(env.shop_url + "/admin/state", timeout=5).status_code == 200
    env.stop()
    assert not env.running
    with pytest.raises(httpx.TransportError):
        httpx.get(env.shop_url + "/admin/state", timeout=2)
    assert DEMO_KEY_ENV not in os.environ
    env.stop()  # twice is harmless
    report = run(env, "export")
    assert report.tasks[0].status == "failed"  # no key and no shop: a readable failure, nothing written


def test_a_new_warehouse_starts_a_new_shop(monkeypatch):
    monkeypatch.delenv(DEMO_KEY_ENV, raising=False)
    with start_demo() as first:
        first.place_order([{"sku": sorted(live_skus(first))[0], "quantity": 1}])
        assert len(shop_state(first)["orders"]) == 4
    first.warehouse_path.unlink()
    with start_demo() as second:
        assert second.seeded and len(live_skus(second)) == 3
        assert len(shop_state(second)["orders"]) == 3  # the seeded orders only: a new story
        assert run(second, "export").tasks[0].counts["created"] > 20


def test_a_server_named_demo_that_is_not_the_demo_is_left_alone(monkeypatch, tmp_path):
    monkeypatch.delenv(DEMO_KEY_ENV, raising=False)
    mine = ServerStore().add(
        parse_settings(
            {
                "name": "Demo",
                "shop": {"api_identifier": "myshop.cloudcart.net"},
                "warehouse": {"engine": "sqlite", "database": str(tmp_path / "real.db3")},
                "import": {"start": "off"},
                "export": {"start": "off"},
            }
        )
    )
    with start_demo() as env:
        assert env.server.name == "Demo 2"
        assert ServerStore().get("Demo") == mine


def test_place_order_refuses_an_unknown_sku(demo):
    with pytest.raises(RuntimeError, match="NO-SUCH-SKU"):
        demo.place_order([{"sku": "NO-SUCH-SKU", "quantity": 1}])
    order = demo.place_order([{"sku": sorted(live_skus(demo))[0], "quantity": 2}])
    assert order["status"] == "paid" and order["lines"][0]["quantity"] == 2


def test_a_damaged_demo_database_is_a_readable_error_and_leaves_nothing_running(monkeypatch):
    monkeypatch.delenv(DEMO_KEY_ENV, raising=False)
    (paths.demo_dir() / "warehouse.db3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(DemoError) as caught:
        start_demo()
    assert caught.value.title == "Demo not started"
    assert str(paths.demo_dir()) in caught.value.message and "delete that folder" in caught.value.message
    assert ServerStore().find("Demo") is None and DEMO_KEY_ENV not in os.environ
    assert not [t for t in threading.enumerate() if t.name == "sandbox-server"]
