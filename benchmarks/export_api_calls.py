"""API efficiency of the export: calls and seconds for N goods (default 10,000) against the sandbox.

Prints: the first export, a no-change re-export, a re-export after k price changes (calls per changed
item), and the naive per-good approach (look the variant up by SKU, then PATCH it: 2 calls per good)
measured in the same run against the same shop. Loopback only, bounded in time.

    .venv/bin/python benchmarks/export_api_calls.py [--goods 10000] [--changed 100]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.cloudcart import CloudCartClient
from app.sandbox import SandboxConfig
from app.sandbox.server import SandboxServer
from app.sync.runner import run_server
from app.warehouse.demo import build_demo_database
from tests.support.sync_env import KEY_ENV, make_server


def machine() -> str:
    return f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"


async def naive(url: str, key: str, skus: list[str]) -> tuple[int, float]:
    """What a per-good tool does: GET /variants?filter[sku]=X, then PATCH it."""
    started = time.perf_counter()
    async with CloudCartClient(url, key) as client:
        for sku in skus:
            found = await client.list_all("variants", filters={"sku": sku})
            if found:
                await client.update("variants", found[0].id, {"price": found[0].attributes["price"]})
        return client.stats.total, time.perf_counter() - started


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--goods", type=int, default=10_000)
    parser.add_argument("--changed", type=int, default=100)
    parser.add_argument("--naive-sample", type=int, default=1000, help="goods measured for the naive approach")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="uc-bench-"))
    os.environ["UTILITY_CENTER_HOME"] = str(work / "home")
    db = work / "warehouse.db3"
    t0 = time.perf_counter()
    build_demo_database(db, goods=args.goods)
    print(f"machine: {machine()}")
    print(f"demo warehouse with {args.goods} goods built in {time.perf_counter() - t0:.1f} s")
    config = SandboxConfig(rate_limit=1_000_000)
    os.environ[KEY_ENV] = config.api_key
    with SandboxServer(config) as shop:
        server = make_server(shop.url, {"engine": "sqlite", "database": str(db)}, export={"goods_groups": []})
        rows = []
        for label in ("first export", "no-change re-export"):
            started = time.perf_counter()
            report = await run_server(server, tasks=["export"])
            task = report.tasks[0]
            rows.append((label, task.api_calls, time.perf_counter() - started, dict(task.counts)))
        conn = sqlite3.connect(db)
        ids = [r[0] for r in conn.execute("SELECT ID FROM goods WHERE ID > 1 AND BarCode2 <> ' ' ORDER BY ID")]
        step = max(1, len(ids) // args.changed)
        changed = ids[::step][: args.changed]
        conn.executemany("UPDATE goods SET PriceOut2 = PriceOut2 + 1 WHERE ID = ?", [(i,) for i in changed])
        conn.commit()
        skus = [r[0] for r in conn.execute("SELECT BarCode2 FROM goods WHERE ID > 1 AND BarCode2 <> ' ' ORDER BY ID")]
        conn.close()
        started = time.perf_counter()
        report = await run_server(server, tasks=["export"])
        task = report.tasks[0]
        rows.append(
            (f"{len(changed)} prices changed", task.api_calls, time.perf_counter() - started, dict(task.counts))
        )
        sample = skus[: args.naive_sample]
        naive_calls, naive_s = await naive(shop.url, config.api_key, sample)

    total = rows[0][3].get("created", 0) + rows[0][3].get("unchanged", 0)
    print(f"\n{'run':<24}{'API calls':>10}{'seconds':>10}  counts")
    for label, calls, seconds, counts in rows:
        print(f"{label:<24}{calls:>10}{seconds:>10.1f}  {counts}")
    reading = rows[1][1]
    per_changed = (rows[2][1] - reading) / max(1, len(changed))
    print(f"\ncalls per changed item (beyond the {reading} reading calls): {per_changed:.2f}")
    print(f"target for k changed of N: <= ceil(N/100) + k + a handful = {-(-total // 100) + len(changed) + 5}")
    scaled = naive_calls * len(skus) / max(1, len(sample))
    print(
        f"naive per-good approach: {naive_calls} calls for {len(sample)} goods in {naive_s:.1f} s "
        f"-> about {scaled:.0f} calls for {len(skus)} goods (2 per good), for any run, changed or not"
    )


if __name__ == "__main__":
    asyncio.run(main())
