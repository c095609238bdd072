"""§4.10–4.13: orders (GET, PATCH, gates), order-products, order-status, fulfilment."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sandbox.conftest import Sandbox, ref

LINES = [{"sku": "TS-M-RED", "quantity": 2}, {"sku": "MUG-1", "quantity": 1}]


async def test_order_with_products_include(seeded: Sandbox) -> None:
    order = await seeded.order(status="paid", lines=LINES)
    document = (await seeded.get(f"/orders/{order['id']}", include="products")).json()
    attrs = document["data"]["attributes"]
    assert attrs["status"] == "paid" and attrs["status_id"] == 2
    assert attrs["customer_email"] == "ivan@example.com"
    assert attrs["subtotal"] == 2 * 1999 + 1290 and attrs["total"] == attrs["subtotal"]
    lines = document["included"]
    assert [(line["type"], line["attributes"]["sku"], line["attributes"]["quantity"]) for line in lines] == [
        ("order-products", "TS-M-RED", 2), ("order-products", "MUG-1", 1)]  # fmt: skip
    shirt_line = lines[0]["attributes"]
    assert (shirt_line["p1"], shirt_line["v1"], shirt_line["p2"], shirt_line["v2"]) == ("Size", "M", "Color", "Red")
    assert shirt_line["order_id"] == order["id"] and shirt_line["tracked"] == "yes"


async def test_order_date_filters(seeded: Sandbox) -> None:
    for day in ("2026-06-01 09:00:00", "2026-06-15 12:30:00", "2026-06-30 18:00:00", "2026-07-02 08:00:00"):
        await seeded.order(date_added=day, lines=LINES[1:])

    async def dates(**params: Any) -> list[str]:
        response = await seeded.get("/orders", **params)
        assert response.status_code == 200, response.text
        return [o["attributes"]["date_added"] for o in response.json()["data"]]

    assert await dates(**{"filter[start_date]": "2026-06-15"}) == [
        "2026-06-15 12:30:00", "2026-06-30 18:00:00", "2026-07-02 08:00:00"]  # fmt: skip
    later = await dates(**{"filter[start_date]": "2026-06-15 12:30:01"})
    assert later == ["2026-06-30 18:00:00", "2026-07-02 08:00:00"]
    assert await dates(**{"filter[end_date]": "2026-06-30"}) == ["2026-06-01 09:00:00", "2026-06-15 12:30:00"]
    assert await dates(**{"filter[start_date]": "2026-06-01", "filter[end_date]": "2026-06-30 23:59:59",
                          "sort": "-date_added"}) == [
        "2026-06-30 18:00:00", "2026-06-15 12:30:00", "2026-06-01 09:00:00"]  # fmt: skip
    bad = await seeded.get("/orders", **{"filter[start_date]": "01.06.2026"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["source"] == {"parameter": "filter[start_date]"}


async def test_order_status_filter(seeded: Sandbox) -> None:
    await seeded.order(status="paid", lines=LINES[1:])
    await seeded.order(status="pending", lines=LINES[1:])
    paid = (await seeded.get("/orders", **{"filter[status]": "paid"})).json()["data"]
    assert [o["attributes"]["status"] for o in paid] == ["paid"]


@pytest.mark.parametrize("body", [{"status": "paid"}, {"status_id": 2}])
async def test_patch_status_by_code_or_id(seeded: Sandbox, body: dict[str, Any]) -> None:
    order = await seeded.order(status="pending", lines=LINES[1:])
    response = await seeded.patch("orders", order["id"], body)
    assert response.status_code == 200, response.text
    assert response.json()["data"]["attributes"]["status"] == "paid"
    assert response.json()["data"]["attributes"]["status_id"] == 2


@pytest.mark.parametrize("body", [{"status": "shipped"}, {"status": "chargebacked"}, {"status_id": 99}])
async def test_invalid_status_is_422(seeded: Sandbox, body: dict[str, Any]) -> None:
    order = await seeded.order(status="pending", lines=LINES[1:])
    response = await seeded.patch("orders", order["id"], body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["detail"].startswith("Invalid status. You can use one of:")


async def test_usn_is_set_once_and_unique(seeded: Sandbox) -> None:
    first = await seeded.order(lines=LINES[1:])
    second = await seeded.order(lines=LINES[1:])
    assert (await seeded.patch("orders", first["id"], {"usn": "WP-1001"})).status_code == 200
    again = await seeded.patch("orders", first["id"], {"usn": "WP-1002"})
    assert again.status_code == 422
    assert again.json()["errors"][0]["detail"] == "You can set USN only once"
    taken = await seeded.patch("orders", second["id"], {"usn": "WP-1001"})
    assert taken.status_code == 422
    assert taken.json()["errors"][0]["detail"] == "The usn has already been taken."
    assert (await seeded.get(f"/orders/{first['id']}")).json()["data"]["attributes"]["usn"] == "WP-1001"


async def test_invoice_number_set_once_and_stamps_date(seeded: Sandbox) -> None:
    order = await seeded.order(lines=LINES[1:])
    response = await seeded.patch("orders", order["id"], {"invoice_number": "0000000123"})
    assert response.json()["data"]["attributes"]["invoice_date"] is not None
    again = await seeded.patch("orders", order["id"], {"invoice_number": "0000000124"})
    assert again.json()["errors"][0]["detail"] == "You can set invoice number only once."
    other = await seeded.order(lines=LINES[1:])
    dup = await seeded.patch("orders", other["id"], {"invoice_number": "0000000123"})
    assert dup.json()["errors"][0]["detail"] == "The invoice number has already been taken."
    dated = await seeded.patch("orders", other["id"], {"invoice_date": "2026-06-01 10:00:00"})
    assert dated.json()["data"]["attributes"]["invoice_date"] == "2026-06-01 10:00:00"
    assert (await seeded.patch("orders", other["id"], {"invoice_date": "1.6.2026"})).status_code == 422


async def test_notes_and_notify_customer(seeded: Sandbox) -> None:
    order = await seeded.order(lines=LINES[1:])
    response = await seeded.patch("orders", order["id"], {"note_administrator": "called", "notify_customer": "no"})
    attrs = response.json()["data"]["attributes"]
    assert (attrs["note_administrator"], attrs["notify_customer"]) == ("called", "no")


@pytest.mark.parametrize("field", ["customer_email", "currency", "total", "status_fulfillment", "note_customer"])
async def test_read_only_order_attributes_are_rejected(seeded: Sandbox, field: str) -> None:
    order = await seeded.order(lines=LINES[1:])
    response = await seeded.patch("orders", order["id"], {field: "x"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"pointer": f"/data/attributes/{field}"}


@pytest.mark.parametrize("start", ["paid", "completed"])
async def test_cancel_is_blocked_from_paid_and_completed(seeded: Sandbox, start: str) -> None:
    order = await seeded.order(status=start, fulfilled=start == "completed", lines=LINES[1:])
    response = await seeded.patch("orders", order["id"], {"status": "cancelled"})
    assert response.status_code == 422
    assert (await seeded.get(f"/orders/{order['id']}")).json()["data"]["attributes"]["status"] == start


async def test_completed_requires_paid_and_fulfilled(seeded: Sandbox) -> None:
    order = await seeded.order(status="paid", lines=LINES[1:])
    assert (await seeded.patch("orders", order["id"], {"status": "completed"})).status_code == 422
    pending = await seeded.order(status="pending", fulfilled=True, lines=LINES[1:])
    assert (await seeded.patch("orders", pending["id"], {"status": "completed"})).status_code == 422
    fulfil = await seeded.api("PATCH", f"/orders/{order['id']}/fulfill",
                              json={"data": {"type": "orders", "id": str(order["id"]), "attributes": {
                                  "shipping_tracking_number": "PKG1"}}})  # fmt: skip
    assert fulfil.status_code == 200, fulfil.text
    assert fulfil.json()["data"]["attributes"]["status_fulfillment"] == "fulfilled"
    assert (await seeded.patch("orders", order["id"], {"status": "completed"})).status_code == 200


async def test_order_fulfillment_resource(seeded: Sandbox) -> None:
    order = await seeded.order(status="paid", lines=LINES[1:])
    created = await seeded.post("order-fulfillment", {"shipping_tracking_number": "PKG9"},
                                {"order": ref("orders", order["id"])})  # fmt: skip
    assert created.status_code == 201, created.text
    assert created.json()["data"]["attributes"]["order_id"] == order["id"]
    again = await seeded.post("order-fulfillment", {}, {"order": ref("orders", order["id"])})
    assert again.status_code == 422
    assert again.json()["errors"][0]["detail"] == "This order is already fulfilled."
    deleted = await seeded.api("DELETE", f"/order-fulfillment/{created.json()['data']['id']}")
    assert deleted.status_code == 204
    attrs = (await seeded.get(f"/orders/{order['id']}")).json()["data"]["attributes"]
    assert (attrs["status_fulfillment"], attrs["status"]) == ("not_fulfilled", "paid")


async def test_order_products_resource(seeded: Sandbox) -> None:
    order = await seeded.order(lines=LINES)
    await seeded.order(lines=LINES[1:])
    lines = (await seeded.get("/order-products", **{"filter[order_id]": order["id"], "sort": "-price"})).json()
    assert [line["attributes"]["sku"] for line in lines["data"]] == ["TS-M-RED", "MUG-1"]
    with_order = (await seeded.get("/order-products", include="order")).json()
    assert {i["type"] for i in with_order["included"]} == {"orders"}


async def test_order_status_list(sandbox: Sandbox) -> None:
    response = await sandbox.get("/order-status")
    assert response.status_code == 200
    statuses = response.json()["data"]
    assert len(statuses) == 11
    assert [s["id"] for s in statuses] == list(range(1, 12))
    assert {s["slug"] for s in statuses} == {
        "authorized", "pending", "paid", "completed", "voided", "timeouted", "cancelled", "failed", "refunded",
        "chargebacked", "disputed"}  # fmt: skip
    assert statuses[0] == {"id": 1, "name": "Pending", "slug": "pending", "status_type": "default"}
    assert "meta" not in response.json()
    assert (await sandbox.get("/order-status", filter="paid")).json()["data"] == [statuses[1]]


async def test_admin_order_validation(seeded: Sandbox) -> None:
    customer = {"first_name": "A", "last_name": "B", "email": "a@b.c"}
    for body in (
        {"customer": customer, "lines": [{"sku": "NOPE", "quantity": 1}]},
        {"customer": customer, "lines": []},
        {"customer": customer, "lines": [{"sku": "MUG-1", "quantity": 0}]},
        {"customer": customer, "status": "shipped", "lines": [{"sku": "MUG-1"}]},
        {"lines": [{"sku": "MUG-1"}]},
    ):
        response = await seeded.client.post("/admin/orders", json=body)
        assert response.status_code == 422, body
    assert (await seeded.state())["counts"]["orders"] == 0


async def test_admin_order_lines_by_barcode_product_and_price(seeded: Sandbox) -> None:
    mug_product = (await seeded.variant("MUG-1"))["attributes"]["item_id"]
    order = await seeded.order(lines=[{"barcode": "3800000000011", "quantity": 1},
                                      {"product_id": mug_product, "quantity": 2, "price": 1000}])  # fmt: skip
    assert [(line["sku"], line["price"]) for line in order["lines"]] == [("TS-S-RED", 1999), ("MUG-1", 1000)]
    assert order["subtotal"] == 1999 + 2000
