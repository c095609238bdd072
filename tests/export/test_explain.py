"""`utility-center explain`: the arithmetic behind one quantity, checked against plain SQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.sandbox import SandboxConfig
from app.sandbox.server import SandboxServer
from app.sync.explain import explain_quantity
from app.sync.runner import run_server
from app.warehouse.demo import build_demo_database
from tests.support.sync_env import KEY_ENV, make_server


async def test_explain_shows_objects_orders_and_shop_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "demo.db3"
    build_demo_database(path, goods=60)
    conn = sqlite3.connect(path)
    good_id, sku = conn.execute(
        "SELECT g.ID, g.BarCode2 FROM goods g JOIN operations o ON o.GoodID = g.ID AND o.OperType = 19"
        " WHERE o.PartnerID <> 0 AND o.Acct > 0 AND g.BarCode2 <> ' ' ORDER BY g.ID LIMIT 1"
    ).fetchone()
    object_id = conn.execute(
        "SELECT ObjectID FROM operations WHERE OperType = 19 AND GoodID = ? AND PartnerID <> 0", (good_id,)
    ).fetchone()[0]
    on_hand = conn.execute(
        "SELECT SUM(Qtty) FROM store WHERE GoodID = ? AND ObjectID = ?", (good_id, object_id)
    ).fetchone()[0]
    ordered = conn.execute(
        "SELECT SUM(Qtty) FROM operations WHERE OperType = 19 AND GoodID = ? AND ObjectID = ? AND PartnerID <> 0",
        (good_id, object_id),
    ).fetchone()[0]
    object_name = conn.execute("SELECT Name FROM objects WHERE ID = ?", (object_id,)).fetchone()[0]
    conn.close()
    config = SandboxConfig(rate_limit=10_000)
    monkeypatch.setenv(KEY_ENV, config.api_key)
    with SandboxServer(config) as sandbox:
        server = make_server(
            sandbox.url,
            {"engine": "sqlite", "database": str(path)},
            export={"quantity_object_groups": [], "goods_groups": [], "object": object_name},
        )
        before = await explain_quantity(server, sku)
        assert "no variant with this key yet" in before.lines[-1]
        await run_server(server, tasks=["export"])
        after = await explain_quantity(server, sku)
    text = "\n".join(after.lines)
    expected = max(0.0, on_hand - ordered)
    assert f"open customer orders (19)      -{ordered:g}" in text
    assert f"Value the export sends: {expected:g}" in text
    assert f"quantity {expected:g}" in after.lines[-1]
    assert f"Last pushed: {expected:g}" in text
