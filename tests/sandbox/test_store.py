"""The store: transactions roll back rows, ids, indexes and id order; indexes agree with a full scan."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.sandbox.store import Store
from tests.sandbox.conftest import Sandbox

SKUS = st.sampled_from(["A", "B", "C", None])
OPS = st.lists(
    st.one_of(
        st.tuples(st.just("insert"), SKUS, st.integers(0, 3)),
        st.tuples(st.just("update"), SKUS, st.integers(0, 20)),
        st.tuples(st.just("delete"), st.none(), st.integers(0, 20)),
        st.tuples(st.just("fail"), SKUS, st.integers(0, 3)),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(OPS)
def test_indexes_and_order_match_a_full_scan(ops: list[tuple[str, Any, int]]) -> None:
    store = Store()
    store.find_by("variants", "sku", "A")  # build the index before the changes
    for op, sku, n in ops:
        ids = sorted(store.tables["variants"])
        try:
            with store.transaction():
                if op in ("insert", "fail"):
                    store.insert("variants", {"sku": sku, "item_id": n})
                    if op == "fail":
                        raise RuntimeError("rolled back")
                elif op == "update" and ids:
                    store.update("variants", ids[n % len(ids)], {"sku": sku})
                elif op == "delete" and ids:
                    store.delete("variants", ids[n % len(ids)])
        except RuntimeError:
            pass
        rows = store.rows("variants")
        assert [r["id"] for r in rows] == sorted(store.tables["variants"])
        for value in ("A", "B", "C", None):
            assert store.find_by("variants", "sku", value) == [r for r in rows if r["sku"] == value]
        for item in range(4):
            assert store.find_by("variants", "item_id", item, str(item)) == [r for r in rows if r["item_id"] == item]


def test_rollback_restores_ids() -> None:
    store = Store()
    with store.transaction():
        store.insert("vendors", {"name": "A"})
    with pytest.raises(RuntimeError), store.transaction():
        store.insert("vendors", {"name": "B"})
        raise RuntimeError
    assert store.insert("vendors", {"name": "C"})["id"] == 2


async def test_failed_seed_leaves_no_trace_in_lookups(sandbox: Sandbox) -> None:
    spec = {"products": [{"name": "Fine", "category": "Home", "sku": "OK-1"}, {"name": "X", "category": "Home"}]}
    assert (await sandbox.client.post("/admin/seed", json=spec)).status_code == 422
    assert (await sandbox.get("/variants", **{"filter[sku]": "OK-1"})).json()["data"] == []
    assert (await sandbox.get("/products", **{"filter[url_handle]": "fine"})).json()["data"] is None
    await sandbox.seed({"products": [{"name": "Fine", "category": "Home", "sku": "OK-1"}]})
    assert (await sandbox.variant("OK-1"))["attributes"]["sku"] == "OK-1"
    assert (await sandbox.get("/products", **{"filter[url_handle]": "fine"})).json()["data"]["id"] == "1"
