"""The import (pull products, then orders -> OperType 19 documents) against a misbehaving shop ends exactly
where a clean run against a well-behaved shop ends.

Two sandbox shops are seeded identically (15 products the warehouse has, 4 products only the shop has, 30
orders with fixed dates). The clean one answers every request; the faulty one injects, seeded, 500s, 503
maintenance answers, timeouts (held only ``timeout_s`` = 0.3 s, then 504), slow answers, HTML error pages and
429 bursts (``rate_window_s`` = 1 s, so ``Retry-After`` is about a second). Each shop gets its own copy of the
same demo warehouse. The faulty import is re-run until its status is ``ok`` (at most 3 runs); after every run
no order has two documents. Then the two warehouses (documents with their lines, partners, the pulled goods,
the exactly-once ledger, the ``nextacct`` reservations) and the two shops' ``usn`` marks must be identical.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.domain.report import RunReport
from app.sandbox import SandboxConfig
from app.sandbox.faults import Fault
from app.sandbox.server import SandboxServer
from app.sync.runner import run_server
from app.warehouse import ConnectionParams
from app.warehouse.demo import build_demo_database
from tests.support.sync_env import KEY_ENV, make_server
from tests.sync.conftest import ShopAdmin, sql_rows, warehouse_goods

SEED = 20260610
ORDERS = 30
FAULTS = "500:0.1,503:0.08,timeout:0.06,slow:0.08@0.15s,429:0.05@3,html:0.05"
MAX_RUNS = 3

pytestmark = pytest.mark.slow


def shop_only_products() -> list[dict[str, Any]]:
    """Products the warehouse lacks: the pull creates them (two families with variants, two simple ones)."""
    return [
        {
            "name": "Rain Jacket",
            "category": "Outerwear",
            "parameters": ["Size", "Color"],
            "variants": [
                {"sku": "RJ-M-NAVY", "barcode": "3809000000011", "price": 8990, "quantity": 5,
                 "options": ["M", "Navy"]},
                {"sku": "RJ-L-NAVY", "barcode": "3809000000028", "price": 8990, "quantity": 5,
                 "options": ["L", "Navy"]},
                {"sku": "RJ-L-OLIVE", "barcode": "3809000000035", "price": 9290, "quantity": 2,
                 "options": ["L", "Olive"]},
            ],
        },
        {
            "name": "Wool Socks",
            "category": "Outerwear",
            "parameters": ["Size"],
            "variants": [
                {"sku": "WS-39", "barcode": "3809000000042", "price": 1250, "quantity": 20, "options": ["39-42"]},
                {"sku": "WS-43", "barcode": "3809000000059", "price": 1250, "quantity": 20, "options": ["43-46"]},
            ],
        },
        {"name": "Gift Card 50", "category": "Gifts", "sku": "GC-50", "barcode": "3809000000066", "price": 5000},
        {"name": "Enamel Mug", "category": "Gifts", "sku": "EM-1", "barcode": "3809000000073", "price": 1490,
         "quantity": 40},
    ]  # fmt: skip


def order_bodies(skus: list[str], rng: random.Random) -> list[dict[str, Any]]:
    """30 orders in the last two days (inside the first run's 30-day window), in date order."""
    start = dt.datetime.now().replace(microsecond=0) - dt.timedelta(days=2)
    bodies = []
    for n in range(ORDERS):
        lines = [{"sku": sku, "quantity": rng.randint(1, 3)} for sku in rng.sample(skus, rng.randint(1, 3))]
        n_customer = rng.randint(1, 8)
        customer = {"first_name": f"Client{n_customer}", "last_name": "Test", "email": f"c{n_customer}@example.com"}
        bodies.append(
            {
                "customer": customer,
                "status": rng.choice(["paid", "paid", "pending", "cancelled"]),
                "date_added": (start + dt.timedelta(minutes=37 * n)).strftime("%Y-%m-%d %H:%M:%S"),
                "lines": lines,
            }
        )
    return bodies


def seed_shop(shop: ShopAdmin, warehouse_db: Path, orders: list[dict[str, Any]]) -> None:
    goods = warehouse_goods(warehouse_db)[:15]
    shop.seed({"products": [g.as_shop_product() for g in goods] + shop_only_products()})
    for body in orders:
        shop._ok(shop.http.post("/admin/orders", json=body))


def order_skus(warehouse_db: Path) -> list[str]:
    return [g.barcode2 for g in warehouse_goods(warehouse_db)[:15]] + [
        "RJ-M-NAVY", "RJ-L-NAVY", "RJ-L-OLIVE", "WS-39", "WS-43", "GC-50", "EM-1",
    ]  # fmt: skip


# -- the final states, without surrogate ids ----------------------------------------------------------
def warehouse_state(params: ConnectionParams) -> dict[str, Any]:
    """Documents (by marker, with their lines by SKU and partner by e-mail), ledger, nextacct, pulled goods."""
    lines = sql_rows(
        params,
        "SELECT o.Note, o.Acct, g.BarCode2, o.Qtty, o.PriceOut, o.VATOut, p.eMail, o.ObjectID, o.Sign, o.Date "
        "FROM operations o JOIN goods g ON g.ID = o.GoodID JOIN partners p ON p.ID = o.PartnerID "
        "WHERE o.OperType = 19 AND o.Acct > 0 AND o.PartnerID <> 0 AND o.Note LIKE 'CloudCart order %' ORDER BY o.ID",
    )
    documents: dict[str, list[tuple[Any, ...]]] = {}
    for note, *rest in lines:
        order_id = str(note).split(" (")[0].removeprefix("CloudCart order ")
        documents.setdefault(order_id, []).append(
            (rest[0], str(rest[1]).strip(), float(rest[2]), round(float(rest[3]), 4), round(float(rest[4]), 4),
             str(rest[5]).strip(), rest[6], rest[7], str(rest[8]))
        )  # fmt: skip
    ledger = {
        str(r[0]): (int(r[1]), str(r[2]))
        for r in sql_rows(params, "SELECT shop_order_id, acct, status FROM uc_order_ledger")
    }
    nextacct = sorted(str(r[0]) for r in sql_rows(params, "SELECT NextAcct FROM nextacct"))
    pulled = sql_rows(
        params,
        "SELECT g.BarCode2, g.BarCode1, g.Code, g.Name, g.Catalog1, g.Catalog2, g.Catalog3, g.PriceOut2, gg.Name "
        "FROM goods g JOIN goodsgroups gg ON gg.ID = ABS(g.GroupID) WHERE gg.Name = 'CloudCart' ORDER BY g.BarCode2",
    )
    partners = sorted(
        (str(r[0]).strip(), str(r[1]).strip())
        for r in sql_rows(params, "SELECT Company, eMail FROM partners WHERE eMail LIKE '%@example.com'")
    )
    store_rows = int(sql_rows(params, "SELECT COUNT(*) FROM store")[0][0])
    return {
        "documents": documents,
        "ledger": ledger,
        "nextacct": nextacct,
        "pulled": pulled,
        "partners": partners,
        "store_rows": store_rows,
    }


def usn_marks(shop: ShopAdmin) -> dict[str, str | None]:
    return {str(o["id"]): o.get("usn") for o in shop.state()["orders"]}


def assert_no_duplicate_documents(params: ConnectionParams) -> None:
    rows = sql_rows(
        params,
        "SELECT Note, COUNT(DISTINCT Acct) FROM operations WHERE OperType = 19 AND Acct > 0 AND PartnerID <> 0 "
        "AND Note LIKE 'CloudCart order %' GROUP BY Note",
    )
    twice = {note: n for note, n in rows if n != 1}
    assert not twice, f"orders written as more than one document: {twice}"
    ledger = Counter(str(r[0]) for r in sql_rows(params, "SELECT shop_order_id FROM uc_order_ledger"))
    assert all(n == 1 for n in ledger.values())


# -- fixtures ---------------------------------------------------------------------------------------------
@pytest.fixture
def two_warehouses(tmp_path: Path) -> tuple[ConnectionParams, ConnectionParams]:
    clean = tmp_path / "clean.db3"
    build_demo_database(clean, goods=60, seed=SEED % 1000)
    faulty = tmp_path / "faulty.db3"
    shutil.copyfile(clean, faulty)
    return ConnectionParams("sqlite", str(clean)), ConnectionParams("sqlite", str(faulty))


class FaultCounter:
    """Counts the faults the sandbox injects (wraps its seeded injector; the draws are unchanged)."""

    def __init__(self, server: SandboxServer) -> None:
        self.kinds: Counter[str] = Counter()
        self.requests = 0
        self._draw: Callable[[], Fault | None] = server.shop.faults.draw
        server.shop.faults.draw = self  # type: ignore[method-assign]

    def __call__(self) -> Fault | None:
        fault = self._draw()
        self.requests += 1
        if fault is not None:
            self.kinds[fault.kind] += 1
        return fault


@pytest.fixture
def shops() -> Iterator[tuple[ShopAdmin, ShopAdmin]]:
    clean_cfg = SandboxConfig(rate_limit=100_000)
    faulty_cfg = SandboxConfig(rate_limit=100_000, rate_window_s=1.0, faults="", timeout_s=0.3)
    with SandboxServer(clean_cfg) as clean, SandboxServer(faulty_cfg) as faulty:
        a, b = ShopAdmin(clean), ShopAdmin(faulty)
        yield a, b
        a.close()
        b.close()


async def test_import_under_faults_ends_like_a_clean_run(
    two_warehouses: tuple[ConnectionParams, ConnectionParams],
    shops: tuple[ShopAdmin, ShopAdmin],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clean_db, faulty_db = two_warehouses
    clean_shop, faulty_shop = shops
    orders = order_bodies(order_skus(Path(clean_db.database)), random.Random(SEED))
    seed_shop(clean_shop, Path(clean_db.database), orders)
    seed_shop(faulty_shop, Path(faulty_db.database), orders)
    assert clean_shop.state()["counts"] == faulty_shop.state()["counts"]
    # Faults only from now on (seeding goes through /admin, which is never faulted anyway).
    faulty_shop.http.post("/admin/settings", json={"faults": FAULTS, "fault_seed": SEED}).raise_for_status()
    counter = FaultCounter(faulty_shop.server)
    monkeypatch.setenv(KEY_ENV, clean_shop.server.config.api_key)
    sections = {"import": {"pull_products": True, "object": "Online shop"}}

    clean_server = make_server(clean_shop.url, {"engine": "sqlite", "database": clean_db.database}, **sections)
    clean = await run_server(clean_server, tasks=["import"])
    assert clean.status == "ok", clean.to_dict()
    counts = clean.tasks[0].counts
    assert counts["goods_created"] == 7 and counts["orders_imported"] >= 15, counts

    faulty_server = make_server(faulty_shop.url, {"engine": "sqlite", "database": faulty_db.database}, **sections)
    runs: list[RunReport] = []
    while len(runs) < MAX_RUNS:
        report = await run_server(faulty_server, tasks=["import"])
        runs.append(report)
        assert_no_duplicate_documents(faulty_db)
        if report.status == "ok":
            break
    assert runs[-1].status == "ok", [r.to_dict() for r in runs]
    print(f"{len(runs)} faulty run(s), {counter.requests} requests, faults {dict(counter.kinds)}")

    # The shop really misbehaved, in every way asked for, and the client really retried.
    assert {"500", "503", "timeout", "slow", "429", "html"} <= set(counter.kinds), counter.kinds
    assert sum(r.tasks[0].api_calls for r in runs) > clean.tasks[0].api_calls

    clean_state, faulty_state = warehouse_state(clean_db), warehouse_state(faulty_db)
    assert len(clean_state["documents"]) == counts["orders_imported"]
    assert faulty_state["documents"] == clean_state["documents"]
    assert faulty_state["ledger"] == clean_state["ledger"]
    assert faulty_state["nextacct"] == clean_state["nextacct"]
    assert faulty_state["pulled"] == clean_state["pulled"] and len(clean_state["pulled"]) == 7
    assert faulty_state == clean_state
    clean_usn, faulty_usn = usn_marks(clean_shop), usn_marks(faulty_shop)
    assert sum(1 for v in clean_usn.values() if v) == counts["orders_imported"]
    assert faulty_usn == clean_usn
    # Every document carries exactly the lines of its order (nothing half written, nothing doubled).
    for order in faulty_shop.state()["orders"]:
        document = faulty_state["documents"].get(str(order["id"]))
        if document is None:
            continue
        expected = Counter((line["sku"], float(line["quantity"])) for line in order["lines"])
        assert Counter((row[1], row[2]) for row in document) == expected
