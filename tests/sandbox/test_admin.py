"""The /admin endpoints, the Python accessor, the demo seed and persistence across restarts."""

from __future__ import annotations

from pathlib import Path

import httpx

from app.sandbox import SandboxConfig, create_app
from app.sandbox.seed import demo_catalogue, load_demo
from tests.sandbox.conftest import CATALOGUE, Sandbox


async def test_seed_state_and_reset(sandbox: Sandbox) -> None:
    created = await sandbox.seed()
    assert len(created["created"]["products"]) == len(CATALOGUE["products"])
    state = await sandbox.state()
    assert state["counts"]["products"] == 4 and state["counts"]["variants"] == 6
    assert {v["sku"] for v in state["variants"]} >= {"TS-M-RED", "MUG-1"}
    assert state["settings"]["rate_limit"] == 100
    assert (await sandbox.client.post("/admin/reset")).status_code == 200
    assert (await sandbox.state())["counts"]["products"] == 0
    again = await sandbox.seed()
    assert again["created"]["products"][0] == 1  # ids restart after a reset


async def test_seed_errors_name_the_entry_and_change_nothing(sandbox: Sandbox) -> None:
    products = [{"name": "Ok", "category": "Home"}, {"name": "X", "category": "Home"}]
    spec = {"vendors": [{"name": "ACME"}], "products": products}
    response = await sandbox.client.post("/admin/seed", json=spec)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["meta"] == {"item": "products[1]"}
    assert error["source"] == {"pointer": "/data/attributes/name"}
    assert (await sandbox.state())["counts"]["vendors"] == 0  # one transaction


async def test_admin_orders_apply_stock_and_appear_in_state(seeded: Sandbox) -> None:
    order = await seeded.order(status="paid", lines=[{"sku": "MUG-1", "quantity": 4}])
    assert order["status"] == "paid" and order["lines"][0]["sku"] == "MUG-1"
    state = await seeded.state()
    assert state["orders"][0]["lines"][0]["quantity"] == 4
    assert next(v for v in state["variants"] if v["sku"] == "MUG-1")["quantity"] == 26


async def test_settings_round_trip_and_refusals(sandbox: Sandbox) -> None:
    settings = await sandbox.settings(stores_app=True, rate_limit=150)
    assert settings["stores_app"] is True and settings["rate_limit"] == 150
    assert (await sandbox.client.get("/admin/settings")).json()["rate_limit"] == 150
    for bad in ({"data_path": "/tmp/x"}, {"decrement_status": "shipped"}, {"colour": 1}, {"rate_limit": -1}):
        assert (await sandbox.client.post("/admin/settings", json=bad)).status_code == 422, bad


async def test_python_accessor(seeded: Sandbox) -> None:
    shop = seeded.shop
    assert shop.dump()["counts"]["products"] == 4
    assert shop.variants.rows()[0]["sku"] == "TS-S-RED"


async def test_state_survives_a_restart_with_a_data_file(tmp_path: Path) -> None:
    data = tmp_path / "shop.sqlite"
    app = create_app(SandboxConfig(data_path=data))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://shop.test") as client:
        assert (await client.post("/admin/seed", json=CATALOGUE)).status_code == 201
        headers = {"X-CloudCart-ApiKey": app.state.shop.config.api_key, "Content-Type": "application/vnd.api+json"}
        mug = (await client.get("/api/v2/variants?filter[sku]=MUG-1", headers=headers)).json()["data"][0]
        body = {"data": {"type": "variants", "id": mug["id"], "attributes": {"quantity": 11}}}
        assert (await client.patch(f"/api/v2/variants/{mug['id']}", json=body, headers=headers)).status_code == 200
        # A refused request leaves nothing behind.
        bad = {"data": {"type": "vendors", "attributes": {"name": "X"}}}
        assert (await client.post("/api/v2/vendors", json=bad, headers=headers)).status_code == 422
    app.state.shop.close()
    reopened = create_app(SandboxConfig(data_path=data))
    state = reopened.state.shop.dump()
    assert state["counts"]["products"] == 4
    assert next(v for v in state["variants"] if v["sku"] == "MUG-1")["quantity"] == 11
    new_vendor = reopened.state.shop.resource("vendors").create({"type": "vendors", "attributes": {"name": "Next"}})
    assert new_vendor["id"] == 2  # ids continue after the restart
    reopened.state.shop.close()


async def test_rolled_back_request_changes_nothing(seeded: Sandbox) -> None:
    before = await seeded.state()
    size = (await seeded.get("/variant-parameters", **{"filter[name]": "Size"})).json()["data"]["id"]
    kitchen = (await seeded.get("/categories", **{"filter[url_handle]": "kitchen"})).json()["data"]["id"]
    # Valid product, but the duplicate parameter is found after other checks: nothing may remain.
    response = await seeded.post("products", {"name": "Half"}, {
        "category": {"data": {"type": "categories", "id": kitchen}},
        "parameter1": {"data": {"type": "variant-parameters", "id": size}},
        "parameter2": {"data": {"type": "variant-parameters", "id": size}}})  # fmt: skip
    assert response.status_code == 422
    assert (await seeded.state())["counts"] == before["counts"]


def test_demo_catalogue_loads() -> None:
    app = create_app()
    created = load_demo(app.state.shop)
    assert len(created["products"]) == len(demo_catalogue()["products"])
    state = app.state.shop.dump()
    assert state["counts"]["orders"] == 3
    assert all(v["sku"] for v in state["variants"])
