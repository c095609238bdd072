"""Shared fixtures for end-to-end sync tests: a sandbox shop on loopback, a Warehouse Pro database (a demo
SQLite file, or a scratch MariaDB database), a server built for both, and plain-SQL/HTTP helpers to look
at the results without going through the code under test.

    def test_x(sandbox, demo_db, make_server, shop):
        server = make_server(import_={"statuses": ["paid"]})        # [shop]/[warehouse]/[import]/[export]
        shop.seed_goods(warehouse_goods(demo_db)[:5])
        shop.order(["TS1-RED-S"], status="paid")
        report = run(server)                                          # run_server(tasks=["import"])
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pymysql
import pytest

from app.domain.report import RunReport
from app.domain.settings import ServerSettings
from app.sandbox import SandboxConfig
from app.sandbox.server import SandboxServer
from app.sync.events import Event, LogEvent
from app.sync.runner import run_server
from app.warehouse import ConnectionParams
from app.warehouse.demo import build_demo_database, build_demo_mysql
from tests.support.sync_env import KEY_ENV, mysql_available, scratch_mysql_database, warehouse_section
from tests.support.sync_env import make_server as build_server

DEMO_GOODS = 60
SANDBOX_RATE_LIMIT = 100_000  # the tests measure behaviour, not the shop's pacing


# -- the shop ---------------------------------------------------------------------------------------
class ShopAdmin:
    """The sandbox seen from outside: admin endpoints and the public API, over loopback HTTP."""

    def __init__(self, server: SandboxServer) -> None:
        self.server = server
        self.url = server.url
        self.http = httpx.Client(base_url=server.url, timeout=15)

    def close(self) -> None:
        self.http.close()

    def _ok(self, response: httpx.Response) -> Any:
        if response.status_code >= 400:
            raise AssertionError(f"{response.request.method} {response.request.url}: {response.text}")
        return response.json()

    def seed(self, spec: dict[str, Any]) -> dict[str, Any]:
        data: dict[str, Any] = self._ok(self.http.post("/admin/seed", json=spec))
        return data

    def seed_goods(self, goods: Sequence[WarehouseGood]) -> None:
        """One simple shop product per good: SKU = BarCode2, barcode = BarCode1, price = PriceOut2."""
        self.seed({"products": [good.as_shop_product() for good in goods]})

    def order(
        self,
        skus: Sequence[str] | Sequence[tuple[str, float]],
        *,
        status: str = "paid",
        date_added: str | None = None,
        email: str = "ivan@example.com",
        first_name: str = "Ivan",
        last_name: str = "Petrov",
        **extra: Any,
    ) -> dict[str, Any]:
        """Place an order (lines by SKU, quantity 1 unless given as ``(sku, qty)``); returns it with ``lines``."""
        lines = [{"sku": s, "quantity": 1} if isinstance(s, str) else {"sku": s[0], "quantity": s[1]} for s in skus]
        body: dict[str, Any] = {
            "customer": {"first_name": first_name, "last_name": last_name, "email": email},
            "status": status,
            "lines": lines,
            **extra,
        }
        if date_added:
            body["date_added"] = date_added
        data: dict[str, Any] = self._ok(self.http.post("/admin/orders", json=body))
        return data

    def state(self) -> dict[str, Any]:
        data: dict[str, Any] = self._ok(self.http.get("/admin/state"))
        return data

    def orders(self) -> dict[str, dict[str, Any]]:
        return {str(o["id"]): o for o in self.state()["orders"]}

    def patch_order(self, order_id: str | int, **attributes: Any) -> dict[str, Any]:
        body = {"data": {"type": "orders", "id": str(order_id), "attributes": attributes}}
        headers = {"X-CloudCart-ApiKey": self.server.config.api_key, "Content-Type": "application/vnd.api+json"}
        data: dict[str, Any] = self._ok(self.http.patch(f"/api/v2/orders/{order_id}", json=body, headers=headers))
        return data


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """A fresh, empty sandbox shop on a free loopback port."""
    with SandboxServer(SandboxConfig(rate_limit=SANDBOX_RATE_LIMIT)) as server:
        yield server


@pytest.fixture
def shop(sandbox: SandboxServer) -> Iterator[ShopAdmin]:
    admin = ShopAdmin(sandbox)
    yield admin
    admin.close()


# -- the warehouse ----------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-template") / "demo.db3"
    build_demo_database(path, goods=DEMO_GOODS, seed=7)
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo Warehouse database (SQLite, 60 goods, objects incl. "Online shop")."""
    path = tmp_path / "warehouse.db3"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def mysql_demo() -> Iterator[ConnectionParams]:
    """The same demo data in a scratch MariaDB database (dropped afterwards); skipped without a server."""
    reason = mysql_available()
    if reason:
        pytest.skip(reason)
    with scratch_mysql_database() as params:
        build_demo_mysql(params, goods=DEMO_GOODS, seed=7)
        yield params


@pytest.fixture(params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
def warehouse(request: pytest.FixtureRequest, demo_db: Path) -> ConnectionParams:
    """The demo warehouse on each engine (parametrized: sqlite, mariadb)."""
    if request.param == "sqlite":
        return ConnectionParams("sqlite", str(demo_db))
    params: ConnectionParams = request.getfixturevalue("mysql_demo")
    return params


@pytest.fixture
def make_server(
    sandbox: SandboxServer, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., ServerSettings]:
    """``make_server(warehouse=params_or_section, shop={...}, import_={...}, export={...})`` -> ServerSettings.

    Defaults: the ``sandbox`` shop (key in an environment variable), the ``demo_db`` SQLite file, import
    into "Online shop" (start off; pass ``tasks=`` to run_server), export as in tests/support/sync_env.py.
    """
    monkeypatch.setenv(KEY_ENV, sandbox.config.api_key)

    def make(
        warehouse: ConnectionParams | dict[str, Any] | None = None,
        *,
        import_: dict[str, Any] | None = None,
        **sections: dict[str, Any],
    ) -> ServerSettings:
        if warehouse is None:
            section = {"engine": "sqlite", "database": str(demo_db)}
        elif isinstance(warehouse, ConnectionParams):
            section = warehouse_section(warehouse)
        else:
            section = warehouse
        if import_:
            sections["import"] = import_
        return build_server(sandbox.url, section, **sections)

    return make


# -- looking at the warehouse with plain SQL -----------------------------------------------------------
def sql_rows(params: ConnectionParams, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Run one statement (``?`` placeholders) on SQLite or MariaDB; returns all rows (commits writes)."""
    if params.engine == "sqlite":
        import sqlite3

        conn = sqlite3.connect(params.database)
        try:
            rows = conn.execute(sql, list(args)).fetchall()
            conn.commit()
            return rows
        finally:
            conn.close()
    conn2 = pymysql.connect(
        host=params.host,
        port=params.port or 3306,
        user=params.user,
        password=params.password or "",
        database=params.database,
        autocommit=True,
    )
    try:
        with conn2.cursor() as cursor:
            cursor.execute(sql.replace("%", "%%").replace("?", "%s"), list(args))
            return list(cursor.fetchall())
    finally:
        conn2.close()


@dataclass(frozen=True)
class WarehouseGood:
    id: int
    name: str
    barcode1: str
    barcode2: str
    price: Decimal  # PriceOut2
    vat_rate: float

    def as_shop_product(self) -> dict[str, Any]:
        minor = int((self.price * 100).to_integral_value())
        return {"name": self.name, "sku": self.barcode2, "barcode": self.barcode1, "price": minor, "quantity": 50}


def warehouse_goods(params: ConnectionParams | Path) -> list[WarehouseGood]:
    """Live, stock-keeping goods with a SKU (BarCode2), by ID."""
    if isinstance(params, Path):
        params = ConnectionParams("sqlite", str(params))
    rows = sql_rows(
        params,
        "SELECT g.ID, g.Name, g.BarCode1, g.BarCode2, g.PriceOut2, v.VATValue FROM goods g "
        "JOIN vatgroups v ON v.ID = g.TaxGroup WHERE g.ID <> 1 AND g.Deleted = 0 AND g.Type = 0 "
        "AND g.BarCode2 <> ' ' ORDER BY g.ID",
    )
    cents = Decimal("0.01")
    return [
        WarehouseGood(int(r[0]), r[1], r[2].strip(), r[3].strip(), Decimal(str(r[4])).quantize(cents), float(r[5]))
        for r in rows
    ]


def order_documents(params: ConnectionParams) -> dict[str, list[tuple[Any, ...]]]:
    """Imported order documents by marker note: rows (Acct, GoodID, Qtty, PriceOut, VATOut, PartnerID, ObjectID)."""
    rows = sql_rows(
        params,
        "SELECT Note, Acct, GoodID, Qtty, PriceOut, VATOut, PartnerID, ObjectID FROM operations "
        "WHERE OperType = 19 AND Acct > 0 AND PartnerID <> 0 AND Note LIKE 'CloudCart order %' ORDER BY ID",
    )
    documents: dict[str, list[tuple[Any, ...]]] = {}
    for note, *rest in rows:
        documents.setdefault(str(note).split(" (")[0].removeprefix("CloudCart order "), []).append(tuple(rest))
    return documents


def ledger_rows(params: ConnectionParams) -> dict[str, tuple[int, str]]:
    """shop order id -> (acct, status) from the exactly-once ledger (empty when the table is absent)."""
    try:
        rows = sql_rows(params, "SELECT shop_order_id, acct, status FROM uc_order_ledger")
    except Exception:  # the table is created by the first real import
        return {}
    return {str(r[0]): (int(r[1]), str(r[2])) for r in rows}


# -- running ---------------------------------------------------------------------------------------------
@dataclass
class Run:
    report: RunReport
    events: list[Event]

    @property
    def task(self) -> Any:
        return self.report.tasks[0]

    @property
    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = self.task.counts
        return counts

    def messages(self) -> list[str]:
        return [e.message for e in self.events if isinstance(e, LogEvent)]


def import_once(server: ServerSettings, *, dry_run: bool = False) -> Run:
    """One headless import run (``run_server(tasks=["import"])``) with its events collected."""
    events: list[Event] = []
    report = asyncio.run(run_server(server, tasks=["import"], dry_run=dry_run, reporter=events.append))
    return Run(report, events)
