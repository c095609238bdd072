"""Latency of a shop order reaching Warehouse Pro: sandbox shop -> order document, with the import on ``every:1m``.

A started server (``ServerScheduler``, the same object the window uses) imports at once and then every
minute. Orders are placed in the sandbox at seeded random moments; the warehouse ledger is polled every
0.1 s to see when each order's document exists. Printed: each order's latency, min/median/p90/max, and each
scheduled run's duration and API calls. With polling every N the expected latency is about N/2 on average
and at most N plus one run. Loopback only, bounded (default 100 s of orders, under 3 minutes in all).

    .venv/bin/python benchmarks/order_latency.py [--seconds 100] [--orders 8] [--every every:1m]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.report import RunReport
from app.sandbox import SandboxConfig
from app.sandbox.server import SandboxServer
from app.sync.events import null_reporter
from app.sync.scheduler import ServerScheduler
from app.warehouse.demo import build_demo_database
from tests.support.sync_env import KEY_ENV, make_server


def ledger_ids(db: Path) -> set[str]:
    conn = sqlite3.connect(db, timeout=5)
    try:
        return {str(r[0]) for r in conn.execute("SELECT shop_order_id FROM uc_order_ledger")}
    except sqlite3.OperationalError:  # before the first import created the table
        return set()
    finally:
        conn.close()


def seed_shop(url: str, db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT Name, BarCode1, BarCode2, PriceOut2 FROM goods WHERE ID <> 1 AND Deleted = 0 AND Type = 0 "
        "AND BarCode2 <> ' ' ORDER BY ID LIMIT 20"
    ).fetchall()
    conn.close()
    products = [
        {"name": n, "barcode": b1.strip(), "sku": b2.strip(), "price": round(p * 100), "quantity": 100}
        for n, b1, b2, p in rows
    ]
    httpx.post(url + "/admin/seed", json={"products": products}, timeout=30).raise_for_status()
    return [p["sku"] for p in products]


def place_order(url: str, skus: list[str], rng: random.Random) -> str:
    body = {
        "customer": {"first_name": "Bench", "last_name": "Mark", "email": "bench@example.com"},
        "status": "paid",
        "lines": [{"sku": s, "quantity": rng.randint(1, 3)} for s in rng.sample(skus, 2)],
    }
    response = httpx.post(url + "/admin/orders", json=body, timeout=30)
    response.raise_for_status()
    return str(response.json()["id"])


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=100.0, help="orders are placed during this long")
    parser.add_argument("--orders", type=int, default=8)
    parser.add_argument("--every", default="every:1m", help="the import's start mode")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="uc-latency-"))
    os.environ["UTILITY_CENTER_HOME"] = str(work / "home")
    db = work / "warehouse.db3"
    build_demo_database(db, goods=200)
    runs: list[RunReport] = []
    with SandboxServer(SandboxConfig(rate_limit=100)) as sandbox:  # CloudCart Pro's limit: 100 requests/min
        os.environ[KEY_ENV] = sandbox.config.api_key
        skus = seed_shop(sandbox.url, db)
        server = make_server(
            sandbox.url,
            {"engine": "sqlite", "database": str(db)},
            **{"import": {"start": args.every, "object": "Online shop"}, "export": {"start": "off"}},
        )
        scheduler = ServerScheduler(server, reporter=null_reporter, on_report=runs.append)
        moments = sorted(rng.uniform(1.0, args.seconds) for _ in range(args.orders))
        placed: dict[str, float] = {}
        seen: dict[str, float] = {}
        started = time.monotonic()
        scheduler.start()
        try:
            deadline = started + args.seconds + 75  # the last order may wait a whole interval and one run
            while time.monotonic() < deadline and (moments or len(seen) < len(placed)):
                now = time.monotonic() - started
                while moments and moments[0] <= now:
                    moments.pop(0)
                    placed[await asyncio.to_thread(place_order, sandbox.url, skus, rng)] = time.monotonic()
                for order_id in await asyncio.to_thread(ledger_ids, db):
                    if order_id in placed and order_id not in seen:
                        seen[order_id] = time.monotonic()
                await asyncio.sleep(0.1)
        finally:
            await scheduler.stop()
    elapsed = time.monotonic() - started
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(
        f"schedule {args.every}, {len(placed)} orders over {args.seconds:.0f} s, shop rate limit 100/min, "
        f"measured for {elapsed:.0f} s"
    )
    latencies = []
    for order_id, at in placed.items():
        if order_id in seen:
            latencies.append(seen[order_id] - at)
            print(f"  order {order_id}: document after {seen[order_id] - at:6.1f} s")
        else:
            print(f"  order {order_id}: no document before the end of the measurement")
    if latencies:
        ordered = sorted(latencies)
        p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
        print(
            f"latency: min {ordered[0]:.1f} s, median {statistics.median(ordered):.1f} s, p90 {p90:.1f} s, "
            f"max {ordered[-1]:.1f} s"
        )
    for report in runs:
        for task in report.tasks:
            print(
                f"  run at {report.started_at:%H:%M:%S}: {task.task} {task.status} in {report.duration_s:.2f} s, "
                f"{task.api_calls} API calls, imported {task.counts.get('orders_imported', 0)}"
            )


if __name__ == "__main__":
    asyncio.run(main())
