"""Another program writes into the MariaDB warehouse while the import runs: no document number is used twice and no
stock update is lost.

A thread with its own pymysql connection plays Warehouse Pro at the till, in a loop with a bounded number of
iterations: it saves sales (OperType 2, recipe §3.13 C of warehouse-pro-schema.md: number = MAX(Acct)+1 over
OperType 2/16, reserved as ``S<n>`` in ``nextacct`` with INSERT IGNORE (taken: n+1), lines with ``Sign -1``,
``store.Qtty`` decremented, a due payment row) and customer orders (OperType 19, numbered the same way with ``OR<n>``,
``Sign 0``, no store change) at the very object the import writes to, so both writers compete for the same
OperType 19 series. Meanwhile the import brings in 50 shop orders. Afterwards:

* every (OperType, Acct) belongs to exactly one document (one marker note) across both writers, and every
  document number is reserved in ``nextacct``;
* every shop order is one document with its lines and one ledger row; every document of the other writer is
  complete;
* ``store.Qtty`` of every (object, good) equals its initial value minus the quantities the other writer sold.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import pymysql
import pytest

from app.sandbox import SandboxConfig
from app.sandbox.server import SandboxServer
from app.sync.runner import run_server
from app.warehouse import ConnectionParams
from app.warehouse.demo import build_demo_mysql
from tests.support.sync_env import KEY_ENV, make_server, mysql_available, scratch_mysql_database, warehouse_section
from tests.sync.conftest import ShopAdmin, ledger_rows, order_documents, sql_rows, warehouse_goods

SEED = 1913
ORDERS = 50
MIN_ITERATIONS = 40  # the other writer saves at least this many documents ...
MAX_ITERATIONS = 400  # ... and stops after the import, or at this bound
DEADLOCK = (1205, 1213)  # lock wait timeout, deadlock: roll back and try again, as Warehouse Pro does

Line = tuple[int, float, int]  # good ID, PriceIn, quantity

pytestmark = [pytest.mark.mariadb, pytest.mark.slow]


@pytest.fixture
def warehouse() -> Iterator[ConnectionParams]:
    reason = mysql_available()
    if reason:
        pytest.skip(reason)
    with scratch_mysql_database() as params:
        build_demo_mysql(params, goods=60, seed=7)
        yield params


@dataclass
class OtherWriter:
    """Warehouse Pro at the till: sales and customer orders, each one transaction, on its own connection."""

    params: ConnectionParams
    object_id: int  # the import's Object for operations: both write OperType 19 documents there
    partner_id: int
    goods: list[tuple[int, float]]  # (good ID, PriceIn)
    rng: random.Random
    sale_objects: list[int] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    sold: Counter[tuple[int, int]] = field(default_factory=Counter)  # (object, good) -> quantity
    documents: list[tuple[int, int, str, int]] = field(default_factory=list)  # (OperType, Acct, note, lines)
    commits: list[float] = field(default_factory=list)  # time.monotonic() of each commit
    retries: int = 0
    taken: int = 0  # numbers found already reserved (by the import) and skipped
    error: BaseException | None = None

    def run(self) -> None:
        conn = pymysql.connect(
            host=self.params.host, port=self.params.port or 3306, user=self.params.user,
            password=self.params.password or "", database=self.params.database, autocommit=False,
            init_command="SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",
        )  # fmt: skip
        try:
            for n in range(MAX_ITERATIONS):
                if self.stop.is_set() and n >= MIN_ITERATIONS:
                    break
                kind = 2 if n % 2 == 0 else 19
                lines = [(good, price, self.rng.randint(1, 3)) for good, price in self.rng.sample(self.goods, 2)]
                obj = self.object_id if kind == 19 else self.rng.choice(self.sale_objects)
                self._save(conn, kind, obj, lines, f"Other writer {'sale' if kind == 2 else 'order'} {n}")
        except BaseException as exc:  # reported by the test
            self.error = exc
        finally:
            conn.close()

    def _save(self, conn: pymysql.Connection, kind: int, obj: int, lines: list[Line], note: str) -> None:
        while True:
            try:
                acct = self._write(conn, kind, obj, lines, note)
                conn.commit()
            except pymysql.OperationalError as exc:
                conn.rollback()
                if exc.args[0] not in DEADLOCK:
                    raise
                self.retries += 1
                continue
            self.commits.append(time.monotonic())
            self.documents.append((kind, acct, note, len(lines)))
            if kind == 2:
                for good, _, qtty in lines:
                    self.sold[(obj, good)] += qtty
            return

    def _write(self, conn: pymysql.Connection, kind: int, obj: int, lines: list[Line], note: str) -> int:
        series, prefix = ("2, 16", "S") if kind == 2 else ("19", "OR")
        now = dt.datetime.now().replace(microsecond=0)
        today = now.replace(hour=0, minute=0, second=0)
        with conn.cursor() as cursor:
            cursor.execute(f"SELECT COALESCE(MAX(Acct), 0) FROM operations WHERE OperType IN ({series})")
            acct = int(cursor.fetchone()[0]) + 1
            for _ in range(100):  # Open's CreateNewOperationId: reserve, taken -> next
                if cursor.execute("INSERT IGNORE INTO nextacct (NextAcct) VALUES (%s)", (f"{prefix}{acct}",)):
                    break
                self.taken += 1
                acct += 1
            else:
                raise AssertionError("no free document number in 100 tries")
            total = 0.0
            for good, price_in, qtty in lines:
                price_out = round(price_in * 1.5, 2)
                total += price_out * qtty
                cursor.execute(
                    "INSERT INTO operations (OperType, Acct, GoodID, PartnerID, ObjectID, OperatorID, Qtty, Sign, "
                    "PriceIn, PriceOut, VATIn, VATOut, Discount, CurrencyID, CurrencyRate, Date, Lot, LotID, Note, "
                    "SrcDocID, UserID, UserRealTime) VALUES (%s, %s, %s, %s, %s, 1, %s, %s, %s, %s, %s, %s, 0, 1, 1, "
                    "%s, ' ', 1, %s, 0, 1, %s)",
                    (kind, acct, good, self.partner_id, obj, qtty, -1 if kind == 2 else 0, price_in, price_out,
                     price_in * 0.2, price_out * 0.2 / 1.2, today, note, now),
                )  # fmt: skip
                if kind == 2:
                    changed = cursor.execute(
                        "UPDATE store SET Qtty = Qtty - %s WHERE ObjectID = %s AND GoodID = %s", (qtty, obj, good)
                    )
                    assert changed == 1, f"no store row for good {good} at object {obj}"
            if kind == 2:
                cursor.execute(
                    "INSERT INTO payments (Acct, OperType, PartnerID, ObjectID, Qtty, Mode, Sign, Date, UserID, "
                    "UserRealTime, Type, TransactionNumber, EndDate) VALUES (%s, 2, %s, %s, %s, -1, 1, %s, 1, %s, 1, "
                    "' ', %s)",
                    (acct, self.partner_id, obj, total, today, now, today),
                )  # fmt: skip
        return acct


def store_quantities(params: ConnectionParams) -> dict[tuple[int, int], float]:
    return {(int(o), int(g)): float(q) for o, g, q in sql_rows(params, "SELECT ObjectID, GoodID, Qtty FROM store")}


def test_import_and_another_writer_share_numbers_and_stock_safely(
    warehouse: ConnectionParams, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(SEED)
    objects = {str(r[1]).strip(): int(r[0]) for r in sql_rows(warehouse, "SELECT ID, Name FROM objects WHERE ID > 1")}
    partner = int(sql_rows(warehouse, "SELECT MIN(ID) FROM partners WHERE ID > 1")[0][0])
    goods = warehouse_goods(warehouse)
    simple = [g for g in goods if g.barcode2.startswith(("AC", "OF"))] + goods[:10]
    price_in = {int(r[0]): float(r[1]) for r in sql_rows(warehouse, "SELECT ID, PriceIn FROM goods")}
    initial = store_quantities(warehouse)
    before = {(int(t), int(a)) for t, a in sql_rows(warehouse, "SELECT DISTINCT OperType, Acct FROM operations")}

    with SandboxServer(SandboxConfig(rate_limit=100_000)) as sandbox:
        monkeypatch.setenv(KEY_ENV, sandbox.config.api_key)
        shop = ShopAdmin(sandbox)
        shop.seed_goods(simple[:16])
        skus = [g.barcode2 for g in simple[:16]]
        for n in range(ORDERS):
            lines = [(sku, rng.randint(1, 2)) for sku in rng.sample(skus, rng.randint(1, 3))]
            shop.order(lines, email=f"c{n % 7}@example.com", first_name=f"Client{n % 7}")
        expected_lines = {
            str(o["id"]): Counter((line["sku"], float(line["quantity"])) for line in o["lines"])
            for o in shop.state()["orders"]
        }
        shop.close()

        writer = OtherWriter(
            warehouse, objects["Online shop"], partner, [(g.id, price_in[g.id]) for g in simple], rng,
            sale_objects=[objects["Central warehouse"], objects["Store Sofia"], objects["Online shop"]],
        )  # fmt: skip
        thread = threading.Thread(target=writer.run, name="other-writer")
        thread.start()
        server = make_server(sandbox.url, warehouse_section(warehouse))
        began = time.monotonic()
        report = asyncio.run(run_server(server, tasks=["import"]))
        ended = time.monotonic()
        writer.stop.set()
        thread.join(timeout=120)
    assert not thread.is_alive() and writer.error is None, writer.error
    assert report.status == "ok", report.to_dict()
    during = sum(1 for t in writer.commits if began <= t <= ended)
    print(
        f"other writer: {len(writer.documents)} documents ({during} during the import), {writer.retries} retries, "
        f"{writer.taken} numbers found taken"
    )
    assert during >= 5, "the other writer did not really write while the import ran"

    # One document per (OperType, Acct), across both writers.
    rows = sql_rows(
        warehouse,
        "SELECT OperType, Acct, COUNT(DISTINCT Note), COUNT(DISTINCT PartnerID), COUNT(*) FROM operations "
        "WHERE Acct > 0 AND PartnerID <> 0 GROUP BY OperType, Acct",
    )
    shared = [(t, a, notes) for t, a, notes, partners, _ in rows if notes != 1 or partners != 1]
    assert shared == [], f"document numbers used by two documents: {shared}"
    mine = {(kind, acct): (note, n) for kind, acct, note, n in writer.documents}
    assert len(mine) == len(writer.documents), "the other writer reused its own numbers"
    line_counts = {(int(t), int(a)): int(count) for t, a, _, _, count in rows}
    for key, (_note, n) in mine.items():
        assert line_counts[key] == n, f"document {key} of the other writer is incomplete"
    reserved = {str(r[0]) for r in sql_rows(warehouse, "SELECT NextAcct FROM nextacct")}
    for kind, acct in set(line_counts) - before:
        assert f"{'S' if kind == 2 else 'OR'}{acct}" in reserved, f"({kind}, {acct}) is not reserved in nextacct"

    # Every shop order: one document with exactly its lines, one ledger row, numbers apart from the writer's.
    documents = order_documents(warehouse)
    ledger = ledger_rows(warehouse)
    good_by_id = {g.id: g.barcode2 for g in goods}
    assert set(documents) == set(expected_lines) and len(ledger) == ORDERS
    for order_id, lines in documents.items():
        assert {row[0] for row in lines} == {ledger[order_id][0]}
        assert Counter((good_by_id[int(r[1])], float(r[2])) for r in lines) == expected_lines[order_id], order_id
    writer_orders = {acct for kind, acct in mine if kind == 19}
    assert not writer_orders & {acct for acct, _ in ledger.values()}
    assert len(writer_orders) >= MIN_ITERATIONS // 2 - 1

    # No lost stock update: store = initial - sold, for every (object, good).
    final = store_quantities(warehouse)
    assert set(final) == set(initial)
    sold = writer.sold
    changed = {k: (initial[k], final[k], sold.get(k, 0)) for k in final if final[k] != initial[k] - sold.get(k, 0)}
    assert changed == {}, f"store rows that lost an update (initial, final, sold): {changed}"
    assert sum(writer.sold.values()) > 0
    # ... and it is what the operations say (recipe §3.13 C keeps store = Σ Qtty·Sign per object and good).
    moved: defaultdict[tuple[int, int], float] = defaultdict(float)
    sales = (
        "SELECT ObjectID, GoodID, SUM(Qtty) FROM operations WHERE OperType = 2 AND Note LIKE 'Other writer%' "
        "GROUP BY ObjectID, GoodID"
    )
    for obj, good, qtty in sql_rows(warehouse, sales):
        moved[(int(obj), int(good))] = float(qtty)
    assert dict(moved) == {k: float(v) for k, v in writer.sold.items()}
