"""Crash safety of the order import: a real ``utility-center run NAME --task import`` child process is killed
with SIGKILL at random (seeded) moments, 20 times, while it imports 50 shop orders; then it runs to the end.

Afterwards every shop order exists exactly once in the warehouse (one document number per marker note and
one ledger row), and no document is half written (each has exactly the lines of its order). Kills land in
the HTTP reads, inside warehouse transactions, between a commit and the usn PATCH, and in cursor writes;
the sandbox answers every API call 20 ms late so that a run spans its orders instead of finishing at once.

It runs on a SQLite file (about 35 s) and on the real MariaDB (about 45 s).

A killed child leaves its run lock behind; the next child takes it over at once because the holder is a dead
process of this computer (app.bootstrap.holder_is_gone). The lock is also aged before each start so the
stale-lock path is exercised too.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.domain.settings import ServerSettings
from app.sandbox import SandboxConfig
from app.sandbox.server import SandboxServer
from app.servers.store import ServerStore
from app.warehouse import ConnectionParams
from app.warehouse.demo import build_demo_database, build_demo_mysql
from tests.support.sync_env import KEY_ENV, make_server, mysql_available, scratch_mysql_database, warehouse_section
from tests.sync.conftest import ShopAdmin, ledger_rows, order_documents, sql_rows, warehouse_goods

ROOT = Path(__file__).resolve().parents[2]
ORDERS = 50
UPFRONT = 20  # placed before the first run; the other 30 arrive two per cycle, so most runs have new work
KILLS = 20
SEED = 20261204
ANYWHERE = 0.25  # share of kills at a random moment of the whole run (start-up, reads, lock, ...)
ANYWHERE_S = (0.1, 2.5)
IMPORTING_S = (0.0, 0.35)  # the other kills: this long after the child began importing orders
STALE = "2000-01-01 00:00:00"

pytestmark = pytest.mark.slow


@pytest.fixture(params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
def warehouse(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ConnectionParams]:
    if request.param == "sqlite":
        path = tmp_path / "warehouse.db3"
        build_demo_database(path, goods=60, seed=11)
        yield ConnectionParams("sqlite", str(path))
        return
    reason = mysql_available()
    if reason:
        pytest.skip(reason)
    with scratch_mysql_database() as params:
        build_demo_mysql(params, goods=60, seed=11)
        yield params


def expire_run_lock(params: ConnectionParams) -> None:
    """What 15 minutes without a heartbeat do: the next run takes the lock over."""
    try:
        sql_rows(params, "UPDATE uc_locks SET heartbeat = ?", [STALE])
    except Exception:  # no run has created the table yet
        return


class Child:
    """``utility-center run NAME --task import``; its progress lines (stderr) tell when importing began."""

    def __init__(self, server: ServerSettings) -> None:
        command = [sys.executable, "-m", "app", "run", server.name, "--task", "import"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for raw in self.process.stderr:
            line = raw.decode(errors="replace")
            self.stderr.append(line)
            self.lines.put(line)
        self.lines.put("")  # end of output

    def wait_for(self, text: str, timeout: float = 30) -> bool:
        """True when a stderr line contains ``text``; False when the child ended first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if not line:
                return False
            if text in line:
                return True
        raise AssertionError(f"the child printed no {text!r} within {timeout} s: {''.join(self.stderr)}")

    def kill(self) -> bool:
        """SIGKILL unless it has finished; True when it was killed."""
        if self.process.poll() is not None:
            return False
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        return True

    def finish(self, timeout: float = 120) -> int:
        return self.process.wait(timeout=timeout)


def place_orders(shop: ShopAdmin, skus: list[str], rng: random.Random, count: int) -> None:
    for _ in range(count):
        lines = [(sku, rng.randint(1, 3)) for sku in rng.sample(skus, rng.randint(1, 3))]
        shop.order(lines, status=rng.choice(["paid", "pending"]), email=f"c{rng.randint(1, 9)}@example.com")


def expected_lines(shop: ShopAdmin, good_ids: dict[str, int]) -> dict[str, Counter[tuple[int, float]]]:
    return {
        str(order["id"]): Counter((good_ids[line["sku"]], float(line["quantity"])) for line in order["lines"])
        for order in shop.state()["orders"]
    }


def test_killed_imports_never_duplicate_nor_half_write(
    warehouse: ConnectionParams, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(SEED)
    config = SandboxConfig(rate_limit=100_000, faults="slow:1@0.02s", fault_seed=SEED)
    with SandboxServer(config) as sandbox:
        shop = ShopAdmin(sandbox)
        goods = warehouse_goods(warehouse)[:12]
        shop.seed_goods(goods)
        skus = [g.barcode2 for g in goods]
        place_orders(shop, skus, rng, UPFRONT)
        monkeypatch.setenv(KEY_ENV, sandbox.config.api_key)
        server = ServerStore().add(make_server(sandbox.url, warehouse_section(warehouse)))

        killed_mid_import = 0
        kills = 0
        placed = UPFRONT
        lifetime = ANYWHERE_S[1]  # how long a child that was not killed lived, to aim "anywhere" kills
        while kills < KILLS:
            new_work = kills < (ORDERS - UPFRONT) // 2 and placed < ORDERS
            if new_work:  # two new orders per kill cycle, 50 in all
                batch = min(2, ORDERS - placed)
                place_orders(shop, skus, rng, batch)
                placed += batch
            before = len(ledger_rows(warehouse))
            expire_run_lock(warehouse)
            started = time.monotonic()
            child = Child(server)
            if not new_work or rng.random() < ANYWHERE:
                # a random moment of the run (start-up, reads, lock, usn writes...); a run without new orders
                # never prints "Importing orders", so it is always killed this way
                time.sleep(rng.uniform(ANYWHERE_S[0], max(ANYWHERE_S[0] * 2, 0.9 * lifetime)))
            elif child.wait_for("Importing orders"):
                time.sleep(rng.uniform(*IMPORTING_S))
            if not child.kill():
                lifetime = time.monotonic() - started
                continue  # it finished first: not a kill
            kills += 1
            after = len(ledger_rows(warehouse))
            killed_mid_import += int(before < after < len(shop.state()["orders"]))

        expire_run_lock(warehouse)
        final = Child(server)
        assert final.finish() == 0, "".join(final.stderr)

        good_ids = {g.barcode2: g.id for g in goods}
        expected = expected_lines(shop, good_ids)
        documents = order_documents(warehouse)
        ledger = ledger_rows(warehouse)
        orders: dict[str, Any] = shop.orders()

    print(f"{warehouse.engine}: {kills} kills, {killed_mid_import} in the middle of an import")
    assert len(expected) == ORDERS
    assert set(documents) == set(expected), "every order has a document"
    for order_id, rows in documents.items():
        accts = {row[0] for row in rows}
        assert len(accts) == 1, f"order {order_id} is in documents {sorted(accts)}"
        assert Counter((int(r[1]), float(r[2])) for r in rows) == expected[order_id], f"order {order_id} half written"
        assert ledger[order_id] == (rows[0][0], "written")
        assert orders[order_id]["usn"] == f"WP-OR-{rows[0][0]}"
    assert len(ledger) == ORDERS
    # Killed runs really were interrupted in the middle of importing, not only before or after it.
    assert killed_mid_import >= 3, f"only {killed_mid_import} kills landed mid-import; tune KILL_AFTER"
