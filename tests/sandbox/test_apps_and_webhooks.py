"""§4.6–4.8 and §4.14: stores, store-quantity, units (app-gated) and webhooks."""

from __future__ import annotations

import httpx
import pytest

from app.sandbox.resources.webhooks import EVENTS
from tests.sandbox.conftest import Sandbox, ref


@pytest.mark.parametrize(("path", "app"), [("/stores", "stores"), ("/store-quantity", "stores"),
                                           ("/units", "grocery_store")])  # fmt: skip
async def test_app_gated_resources_are_404_without_the_app(sandbox: Sandbox, path: str, app: str) -> None:
    response = await sandbox.get(path)
    assert response.status_code == 404
    error = {"status": "404", "title": "Not Found", "detail": f"{app} app not installed"}
    assert response.json() == {"errors": [error]}


async def with_stores(sandbox: Sandbox) -> tuple[str, str, str]:
    await sandbox.settings(stores_app=True)
    await sandbox.seed({"stores": [{"title": "Sofia", "city": "Sofia"}, {"title": "Plovdiv", "city": "Plovdiv"}]})
    mug = await sandbox.variant("MUG-1")
    stores = (await sandbox.get("/stores", sort="title")).json()["data"]
    assert [s["attributes"]["title"] for s in stores] == ["Plovdiv", "Sofia"]
    return stores[1]["id"], str(mug["attributes"]["item_id"]), mug["id"]


async def test_stores_are_read_only(seeded: Sandbox) -> None:
    store, _, _ = await with_stores(seeded)
    assert (await seeded.post("stores", {"title": "Varna"})).status_code == 405
    assert (await seeded.patch("stores", store, {"title": "Varna"})).status_code == 405
    assert (await seeded.api("DELETE", f"/stores/{store}")).status_code == 405


async def test_store_quantity_unique_triple_and_patch_only_qty(seeded: Sandbox) -> None:
    store, product, variant = await with_stores(seeded)
    rels = {"store": ref("stores", store), "product": ref("products", product), "variant": ref("variants", variant)}
    created = await seeded.post("store-quantity", {"qty": 25}, rels)
    assert created.status_code == 201, created.text
    attrs = created.json()["data"]["attributes"]
    assert (attrs["shop_id"], attrs["product_id"], attrs["variant_id"], attrs["qty"]) == (
        int(store), int(product), int(variant), 25)  # fmt: skip
    duplicate = await seeded.post("store-quantity", {"qty": 1}, rels)
    assert duplicate.status_code == 422
    assert duplicate.json()["errors"][0] == {"status": "422", "detail": "Duplicate Entry",
                                             "source": {"pointer": "/data/relationships/store"}}  # fmt: skip
    row = created.json()["data"]["id"]
    assert (await seeded.patch("store-quantity", row, {"qty": 7})).json()["data"]["attributes"]["qty"] == 7
    frozen = await seeded.patch("store-quantity", row, relationships={"store": ref("stores", 2)})
    assert frozen.status_code == 422
    assert (await seeded.patch("store-quantity", row, {"shop_id": 2})).status_code == 422
    listed = (await seeded.get("/store-quantity", **{"filter[variant_id]": variant, "include": "store"})).json()
    assert len(listed["data"]) == 1 and listed["included"][0]["attributes"]["title"] == "Sofia"


async def test_store_quantity_requires_qty_and_relationships(seeded: Sandbox) -> None:
    store, product, variant = await with_stores(seeded)
    rels = {"store": ref("stores", store), "product": ref("products", product), "variant": ref("variants", variant)}
    missing_qty = await seeded.post("store-quantity", {}, rels)
    assert missing_qty.json()["errors"][0]["source"] == {"pointer": "/data/attributes/qty"}
    missing_store = await seeded.post("store-quantity", {"qty": 1}, {k: v for k, v in rels.items() if k != "store"})
    assert missing_store.json()["errors"][0]["source"] == {"pointer": "/data/relationships/store"}


async def test_units_with_the_grocery_app(sandbox: Sandbox) -> None:
    await sandbox.settings(grocery_app=True)
    units = (await sandbox.get("/units")).json()["data"]
    assert [u["attributes"]["storefront_name"] for u in units] == ["kg", "g", "pcs"]


async def webhook(sandbox: Sandbox, **attributes: object) -> httpx.Response:
    return await sandbox.post("webhooks", {"url": "https://erp.example.com/hook", "event": "order.created",
                                           **attributes})  # fmt: skip


async def test_webhook_crud(sandbox: Sandbox) -> None:
    created = await webhook(sandbox, request_headers={"X-Secret": "s3", "": "dropped", "Empty": ""})
    assert created.status_code == 201
    data = created.json()["data"]
    attrs = data["attributes"]
    assert attrs["active"] == "yes" and attrs["new_version"] == 1
    assert attrs["request_headers"] == {"X-Secret": "s3"}
    assert "api_key_id" not in attrs
    assert "T" in attrs["created_at"]  # ISO 8601
    patched = await sandbox.patch("webhooks", data["id"], {"active": 0, "request_headers": {"X-Other": "1"}})
    assert patched.json()["data"]["attributes"]["active"] == "no"
    assert patched.json()["data"]["attributes"]["request_headers"] == {"X-Other": "1"}  # fully replaced
    assert (await sandbox.get("/webhooks", **{"filter[event]": "order.created"})).json()["meta"]["page"]["total"] == 1
    assert (await sandbox.api("DELETE", f"/webhooks/{data['id']}")).status_code == 204


async def test_webhook_events(sandbox: Sandbox) -> None:
    assert len(EVENTS) == 20
    refused = await webhook(sandbox, event="order.deleted")
    error = refused.json()["errors"][0]
    assert refused.status_code == 422
    assert error["detail"].startswith("List of valid events: category.created,")
    assert error["source"] == {"pointer": "/data/attributes/event"}
    for event in EVENTS:
        assert (await webhook(sandbox, event=event)).status_code == 201


async def test_webhook_api_key_id_is_read_only_on_patch(sandbox: Sandbox) -> None:
    created = (await webhook(sandbox, api_key_id=1)).json()["data"]
    response = await sandbox.patch("webhooks", created["id"], {"api_key_id": 1})
    assert response.status_code == 422
    assert response.json()["errors"][0]["detail"] == "The api key id field is read-only."


async def test_webhook_url_is_required_and_checked(sandbox: Sandbox) -> None:
    assert (await sandbox.post("webhooks", {"event": "order.created"})).status_code == 422
    assert (await webhook(sandbox, url="ftp://x")).status_code == 422
