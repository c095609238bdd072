"""Benchmark: read goods + stock + open orders for 100,000 goods over an object group of 5 objects.

Builds the demo database (SQLite file and, when reachable, a scratch MariaDB database), then times
the reads an export does and reports wall time and peak Python memory (tracemalloc).

    .venv/bin/python benchmarks/warehouse_reads.py [--goods 100000] [--mysql-url mysql://root@127.0.0.1:3306/]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path
from urllib.parse import unquote, urlparse

from app.warehouse import ConnectionParams, connect
from app.warehouse.demo import build_demo_database, build_demo_mysql

EXTRA_STORES = 3  # "Warehouses" = Central warehouse + Store Sofia + 3 extra stores = 5 objects


def read_all(params: ConnectionParams) -> str:
    with connect(params) as db:
        objects = db.objects_in_groups(["Warehouses"])
        groups = db.find_goods_groups(["Web shop"])
        goods = db.goods([g.id for g in groups])
        ids = [o.id for o in objects]
        stock = db.stock(ids)
        ordered = db.open_order_quantities(ids)
    return (
        f"{len(objects)} objects, {len(goods)} goods in 'Web shop' and below, "
        f"{len(stock)} stock entries, {len(ordered)} goods in open orders"
    )


def measure_reads(params: ConnectionParams) -> None:
    """One timed pass without tracing, then one pass under tracemalloc for the peak (tracing slows)."""
    started = time.perf_counter()
    what = read_all(params)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    read_all(params)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  goods+stock+open orders: {elapsed:6.2f} s, peak Python memory {peak / 1e6:6.1f} MB ({what})")


def timed_build(label: str, build: object) -> None:
    started = time.perf_counter()
    build()  # type: ignore[operator]
    print(f"{label}: built in {time.perf_counter() - started:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--goods", type=int, default=100_000)
    parser.add_argument("--mysql-url", default="mysql://root@127.0.0.1:3306/")
    parser.add_argument("--skip-mysql", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db3"
        timed_build(f"SQLite, {args.goods} goods", lambda: build_demo_database(path, args.goods, 7,
                                                                                extra_stores=EXTRA_STORES))
        measure_reads(ConnectionParams("sqlite", str(path)))

    if args.skip_mysql:
        return
    url = urlparse(args.mysql_url)
    params = ConnectionParams(
        "mysql", f"uc_wh_bench_{uuid.uuid4().hex[:6]}", host=url.hostname or "127.0.0.1", port=url.port or 3306,
        user=unquote(url.username or "root"), password=unquote(url.password) if url.password else None,
    )
    try:
        timed_build(f"MariaDB, {args.goods} goods", lambda: build_demo_mysql(params, args.goods, 7,
                                                                             extra_stores=EXTRA_STORES))
        measure_reads(params)
        print("  (same database through the MariaDB ODBC driver)")
        from dataclasses import replace

        measure_reads(replace(params, odbc_driver="MariaDB Unicode"))
    finally:
        import pymysql

        connection = pymysql.connect(host=params.host, port=params.port or 3306, user=params.user,
                                     password=params.password or "")
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{params.database}`")
        connection.close()


if __name__ == "__main__":
    main()
