"""Two writers at once, each with its own connection (thread): numbers never shared, orders once."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from app.warehouse import ConnectionParams, NewOrder, NewOrderLine, PartnerInfo, WrittenOrder, connect, numbering

from . import scenario as sc


@pytest.fixture
def db_params(blank: ConnectionParams) -> ConnectionParams:
    return sc.build(blank)


def make_order(note: str) -> NewOrder:
    return NewOrder(sc.ONLINE, dt.date(2026, 3, 5), PartnerInfo("Racer", "racer@example.bg"), note,
                    [NewOrderLine(sc.SHIRT_RED, 1, 12.0, 20.0)])  # fmt: skip


def run_in_threads(count: int, work: Callable[[int], Any]) -> list[Any]:
    results: list[Any] = [None] * count
    errors: list[BaseException] = []
    barrier = threading.Barrier(count)

    def target(index: int) -> None:
        try:
            barrier.wait()
            results[index] = work(index)
        except BaseException as exc:  # re-raised in the main thread below
            errors.append(exc)

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    if errors:
        raise errors[0]
    return results


@pytest.fixture
def slow_reservation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hold each transaction open a little after reserving, so that writers really overlap."""
    real = numbering.reserve

    def slow(*args: Any, **kwargs: Any) -> int:
        number = real(*args, **kwargs)
        time.sleep(0.02)
        return number

    monkeypatch.setattr(numbering, "reserve", slow)


def test_two_writers_never_share_a_number(db_params: ConnectionParams, slow_reservation: None) -> None:
    per_writer = 8

    def writer(index: int) -> list[int]:
        with connect(db_params) as db:
            return [
                db.write_order(make_order(f"w{index}-{n}"), server_id="s", shop_order_id=f"{index}-{n}").acct
                for n in range(per_writer)
            ]

    first, second = run_in_threads(2, writer)
    numbers = first + second
    assert len(set(numbers)) == 2 * per_writer  # nobody got a number twice
    assert sorted(numbers) == list(range(8, 8 + 2 * per_writer))  # after the pseudo row 7, no gaps
    rows = sc.rows(db_params, "SELECT [Acct], COUNT(*) FROM <operations> WHERE [OperType] = 19 AND [Acct] >= 8 "
                              "GROUP BY [Acct]")  # fmt: skip
    assert sorted(int(acct) for acct, _ in rows) == sorted(numbers) and all(int(n) == 1 for _, n in rows)
    with connect(db_params) as db:
        assert len(db.ledger("s")) == 2 * per_writer


def test_the_same_order_written_concurrently_exists_once(db_params: ConnectionParams, slow_reservation: None) -> None:
    def writer(_: int) -> WrittenOrder:
        with connect(db_params) as db:
            return db.write_order(make_order("CloudCart order 5"), server_id="s", shop_order_id="5")

    results = run_in_threads(3, writer)
    assert sorted(r.created for r in results) == [False, False, True]
    assert len({r.acct for r in results}) == 1
    assert sc.count(db_params, "FROM <operations> WHERE [Note] = 'CloudCart order 5'") == 1
    assert sc.count(db_params, "FROM <nextacct> WHERE [NextAcct] LIKE 'OR%'") == 3  # OR1, OR2 + the winner's
