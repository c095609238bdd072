"""§5: stock side effects of orders."""

from __future__ import annotations

import pytest

from tests.sandbox.conftest import Sandbox

LINE = [{"sku": "MUG-1", "quantity": 3}]


@pytest.mark.parametrize("status", ["paid", "authorized", "completed"])
async def test_decrement_statuses_take_stock(seeded: Sandbox, status: str) -> None:
    await seeded.order(status=status, fulfilled=status == "completed", lines=LINE)
    assert await seeded.quantity("MUG-1") == 27


async def test_pending_order_does_not_take_stock_on_default_setting(seeded: Sandbox) -> None:
    order = await seeded.order(status="pending", lines=LINE)
    assert await seeded.quantity("MUG-1") == 30
    await seeded.patch("orders", order["id"], {"status": "paid"})
    assert await seeded.quantity("MUG-1") == 27
    await seeded.patch("orders", order["id"], {"status": "authorized"})  # already taken: not again
    assert await seeded.quantity("MUG-1") == 27


async def test_pending_setting_takes_stock_at_pending(seeded: Sandbox) -> None:
    await seeded.settings(decrement_status="pending")
    await seeded.order(status="pending", lines=LINE)
    assert await seeded.quantity("MUG-1") == 27


async def test_fulfilment_takes_stock(seeded: Sandbox) -> None:
    order = await seeded.order(status="pending", lines=LINE)
    body = {"data": {"type": "orders", "id": str(order["id"]), "attributes": {}}}
    assert (await seeded.api("PATCH", f"/orders/{order['id']}/fulfill", json=body)).status_code == 200
    assert await seeded.quantity("MUG-1") == 27


async def test_order_decrements_clamp_at_zero(seeded: Sandbox) -> None:
    await seeded.order(status="paid", lines=[{"sku": "TS-M-RED", "quantity": 8}])
    assert await seeded.quantity("TS-M-RED") == 0


async def test_untracked_products_and_unlimited_stock_are_untouched(seeded: Sandbox) -> None:
    await seeded.order(status="paid", lines=[{"sku": "TEA", "quantity": 2}, {"sku": "GIFT", "quantity": 1}])
    assert await seeded.quantity("TEA") == 3
    assert await seeded.quantity("GIFT") is None


@pytest.mark.parametrize("status", ["refunded"])
async def test_restock_returns_exactly_the_decremented_lines(seeded: Sandbox, status: str) -> None:
    order = await seeded.order(status="paid", lines=[{"sku": "MUG-1", "quantity": 3}, {"sku": "TEA", "quantity": 1}])
    assert await seeded.quantity("MUG-1") == 27
    await seeded.patch("orders", order["id"], {"status": status})
    assert await seeded.quantity("MUG-1") == 30
    assert await seeded.quantity("TEA") == 3  # never decremented, never restocked


async def test_cancelling_a_fulfilled_pending_order_restocks(seeded: Sandbox) -> None:
    order = await seeded.order(status="pending", fulfilled=True, lines=LINE)
    assert await seeded.quantity("MUG-1") == 27
    response = await seeded.patch("orders", order["id"], {"status": "cancelled"})
    assert response.json()["data"]["attributes"]["status_fulfillment"] == "not_fulfilled"
    assert await seeded.quantity("MUG-1") == 30


async def test_moving_between_negative_statuses_does_nothing(seeded: Sandbox) -> None:
    order = await seeded.order(status="paid", lines=LINE)
    await seeded.patch("orders", order["id"], {"status": "refunded"})
    await seeded.patch("orders", order["id"], {"status": "cancelled"})
    assert await seeded.quantity("MUG-1") == 30


async def test_re_paying_a_refunded_order_takes_stock_again(seeded: Sandbox) -> None:
    order = await seeded.order(status="paid", lines=LINE)
    await seeded.patch("orders", order["id"], {"status": "refunded"})
    await seeded.patch("orders", order["id"], {"status": "paid"})
    assert await seeded.quantity("MUG-1") == 27


async def test_admin_orders_in_negative_status_take_nothing(seeded: Sandbox) -> None:
    await seeded.order(status="cancelled", lines=LINE)
    assert await seeded.quantity("MUG-1") == 30


async def test_api_quantity_writes_are_not_clamped_but_orders_are(seeded: Sandbox) -> None:
    mug = await seeded.variant("MUG-1")
    await seeded.patch("variants", mug["id"], {"quantity": -2})
    assert await seeded.quantity("MUG-1") == -2
    await seeded.order(status="paid", lines=LINE)
    assert await seeded.quantity("MUG-1") == 0
