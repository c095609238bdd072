"""Export under a misbehaving shop, and with a warehouse full of bad data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.sandbox import SandboxConfig
from app.sandbox.server import SandboxServer
from app.sync.runner import run_server
from app.warehouse.demo import build_demo_database
from tests.export.test_export_e2e import shop_variants
from tests.support.sync_env import KEY_ENV, admin_state, make_server


def _shape(url: str) -> dict[str, tuple[object, ...]]:
    """The shop state that matters, without ids (which differ between two shops)."""
    variants = shop_variants(url)
    return {sku: (v["price"], v["quantity"], v["barcode"], tuple(v["options"])) for sku, v in variants.items()}


@pytest.mark.slow
async def test_faults_give_the_same_final_state_as_a_clean_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clean_db = tmp_path / "clean.db3"
    build_demo_database(clean_db, goods=80)
    faulty_db = tmp_path / "faulty.db3"
    shutil.copyfile(clean_db, faulty_db)
    faults = "500:0.08,503:0.04,timeout:0.03,slow:0.05@0.2s,429:0.04@2,html:0.02"
    clean_cfg = SandboxConfig(rate_limit=10_000)
    faulty_cfg = SandboxConfig(rate_limit=10_000, rate_window_s=1.0, faults=faults, fault_seed=11, timeout_s=0.3)
    monkeypatch.setenv(KEY_ENV, clean_cfg.api_key)
    with SandboxServer(clean_cfg) as clean, SandboxServer(faulty_cfg) as faulty:
        clean_report = await run_server(make_server(clean.url, {"engine": "sqlite", "database": str(clean_db)}))
        assert clean_report.status == "ok"
        server = make_server(faulty.url, {"engine": "sqlite", "database": str(faulty_db)})
        first = await run_server(server, tasks=["export"])
        retried = first.tasks[0]
        assert retried.api_calls > 0
        if first.status != "ok":  # an item whose retries ran out converges on the next run
            second = await run_server(server, tasks=["export"])
            assert second.status == "ok", second.to_dict()
        assert _shape(faulty.url) == _shape(clean.url)
        faulty_counts = admin_state(faulty.url)["counts"]
        clean_counts = admin_state(clean.url)["counts"]
        for kind in ("products", "variants", "variant-parameters", "variant-options", "categories"):
            assert faulty_counts[kind] == clean_counts[kind], kind  # retries created no duplicates


async def test_bad_goods_are_reported_one_by_one_and_the_rest_is_exported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "demo.db3"
    build_demo_database(path, goods=60)
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT ID, BarCode2 FROM goods WHERE ID > 1 AND Deleted <> -1 AND Catalog1 IS NOT NULL AND Catalog1 <> ' '"
        " ORDER BY ID"
    ).fetchall()
    hyphenless, dup_a, dup_b = rows[0], rows[5], rows[9]
    conn.execute("UPDATE goods SET Catalog1 = 'Red' WHERE ID = ?", (hyphenless[0],))
    conn.execute("UPDATE goods SET BarCode2 = 'SAME-SKU' WHERE ID IN (?, ?)", (dup_a[0], dup_b[0]))
    long_name = "Ж" * 300
    conn.execute("UPDATE goods SET Name = ? WHERE ID = ?", (long_name, rows[12][0]))
    conn.commit()
    conn.close()

    config = SandboxConfig(rate_limit=10_000)
    monkeypatch.setenv(KEY_ENV, config.api_key)
    with SandboxServer(config) as sandbox:
        report = await run_server(make_server(sandbox.url, {"engine": "sqlite", "database": str(path)}))
        task = report.tasks[0]
        assert task.status == "partial" and report.exit_status == 1
        errors = {e.key: e.message for e in task.errors}
        assert "no hyphen" in errors[hyphenless[1]]
        assert "is used by 2 goods" in errors["SAME-SKU"]
        assert task.counts["created"] > 30
        exported = shop_variants(sandbox.url)
        assert hyphenless[1] not in exported and "SAME-SKU" not in exported
        names = [p["name"] for p in admin_state(sandbox.url)["products"]]
        assert all(len(n) <= 191 for n in names)
