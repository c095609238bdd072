"""The client against the CloudCart-compatible sandbox shop over real loopback HTTP."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app.cloudcart import (
    AnswerLost,
    AuthenticationFailed,
    CloudCartClient,
    FeatureUnavailable,
    Maintenance,
    NotFound,
    PlanExpired,
    RateLimited,
    RateLimiter,
    ValidationFailed,
    parse_datetime,
)
from app.sandbox import DEMO_API_KEY, SandboxConfig
from app.sandbox.server import SandboxServer

CATALOGUE = {
    "products": [
        {
            "name": "Cotton T-Shirt",
            "category": "Shirts",
            "tracking": "yes",
            "parameters": ["Size", "Color"],
            "variants": [
                {"sku": "TS-M-RED", "price": 1999, "quantity": 25, "options": ["M", "Red"]},
                {"sku": "TS-L-RED", "price": 2099, "quantity": 5, "options": ["L", "Red"]},
            ],
        },
        *(
            {"name": f"Mug {n:02d}", "category": "Kitchen", "sku": f"MUG-{n:02d}", "price": 999, "quantity": n}
            for n in range(1, 24)
        ),
    ],
    "orders": [
        {
            "customer": {"first_name": "Ivan", "last_name": "Petrov", "email": "ivan@example.com"},
            "status": "paid",
            "lines": [{"sku": "MUG-01", "quantity": 1}],
        }
    ],
}


async def no_wait(seconds: float) -> None:
    """Back-off sleeps skipped: the shop is local, the arithmetic is tested elsewhere."""


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(rate_limit=800)) as server:
        httpx.post(server.url + "/admin/seed", json=CATALOGUE, timeout=10).raise_for_status()
        yield server


def settings(server: SandboxServer, **changes: Any) -> None:
    httpx.post(server.url + "/admin/settings", json=changes, timeout=10).raise_for_status()


def shop(server: SandboxServer, **kwargs: Any) -> CloudCartClient:
    return CloudCartClient(server.url, kwargs.pop("key", DEMO_API_KEY), sleep=no_wait, **kwargs)


async def test_connection_and_budget(sandbox: SandboxServer) -> None:
    async with shop(sandbox) as cc:
        check = await cc.test_connection()
    assert check.ok, check.message
    assert check.rate_limit == 800 and check.remaining is not None and check.remaining < 800
    assert "24 products" in check.message


async def test_paging_includes_and_single_record_mode(sandbox: SandboxServer) -> None:
    async with shop(sandbox) as cc:
        products = await cc.list_all("products", sort="id", include=["variants"], page_size=10)
        assert len(products) == 24 and len({p.id for p in products}) == 24
        assert cc.stats.calls[("GET", "products")] == 3
        shirt = products[0]
        assert sorted(v.attributes["sku"] for v in shirt.related_many("variants")) == ["TS-L-RED", "TS-M-RED"]
        assert parse_datetime(shirt.attributes["date_added"]).year >= 2024
        [color] = await cc.list_all("variant-parameters", filters={"name": "Color"})
        assert color.attributes["name"] == "Color"
        [red] = await cc.list_all("variant-options", filters={"parameter_id": color.id})
        assert red.attributes["name"] == "Red" and red.rel_id("parameter") == color.id


async def test_get_update_and_read_back(sandbox: SandboxServer) -> None:
    async with shop(sandbox) as cc:
        [variant] = await cc.list_all("variants", filters={"sku": "MUG-05"})
        product = (await cc.get("variants", variant.id, include=["product"])).related("product")
        assert product is not None and product.attributes["name"] == "Mug 05"
        saved = await cc.update("variants", variant.id, {"quantity": 42, "price": 1234})
        assert (saved.attributes["quantity"], saved.attributes["price"]) == (42, 1234)
        again = await cc.get("variants", variant.id)
        assert again.attributes["quantity"] == 42
        with pytest.raises(NotFound):
            await cc.get("variants", "999999")


async def test_create_parameter_option_and_variant_with_natural_keys(sandbox: SandboxServer) -> None:
    async with shop(sandbox) as cc:
        size = await cc.create(
            "variant-parameters", {"name": "Material", "display_type": "select"}, natural_key={"name": "Material"}
        )
        wool = await cc.create(
            "variant-options",
            {"name": "Wool"},
            {"parameter": size},
            natural_key={"name": "Wool", "parameter_id": size.id},
        )
        assert wool.rel_id("parameter") == size.id
        category = (await cc.list_all("categories", filters={"name": "Shirts"}))[0]
        scarf = await cc.create(
            "products", {"name": "Scarf", "tracking": "yes"}, {"category": category, "parameter1": size}
        )
        variant = await cc.create(
            "variants",
            {"sku": "SCARF-WOOL", "price": 2500, "quantity": 3},
            {"product": scarf, "option1": wool},
            natural_key={"sku": "SCARF-WOOL"},
        )
        assert variant.attributes["v1"] == "Wool"
        with pytest.raises(ValidationFailed) as caught:
            await cc.create("variants", {"sku": "SCARF-WOOL", "price": 1}, {"product": scarf, "option1": wool})
        assert caught.value.fields  # the shop names the field it refuses


async def test_lost_create_answer_over_http_leaves_exactly_one_object(sandbox: SandboxServer) -> None:
    class LoseFirstPostAnswer(httpx.AsyncBaseTransport):
        def __init__(self) -> None:
            self.inner = httpx.AsyncHTTPTransport()
            self.lost = 0

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            response = await self.inner.handle_async_request(request)
            if request.method == "POST" and not self.lost:
                self.lost += 1
                await response.aread()  # the shop did the work...
                await response.aclose()
                raise httpx.ReadTimeout("answer lost", request=request)  # ...and the answer never arrives
            return response

        async def aclose(self) -> None:
            await self.inner.aclose()

    lossy = LoseFirstPostAnswer()
    async with shop(sandbox, transport=lossy) as cc:
        parameter = await cc.create(
            "variant-parameters", {"name": "Lost Answer", "display_type": "select"}, natural_key={"name": "Lost Answer"}
        )
        assert lossy.lost == 1
        assert cc.stats.calls[("POST", "variant-parameters")] == 1
    async with shop(sandbox) as cc:
        found = await cc.list_all("variant-parameters", filters={"name": "Lost Answer"})
        assert [p.id for p in found] == [parameter.id]
    # without a natural key the create is not repeated
    async with shop(sandbox, transport=LoseFirstPostAnswer()) as cc:
        with pytest.raises(AnswerLost):
            await cc.create("variant-parameters", {"name": "Lost Twice", "display_type": "select"})
    state = httpx.get(sandbox.url + "/admin/state", timeout=10).json()
    names = [row["name"] for row in state["tables"]["variant-parameters"]]
    assert names.count("Lost Answer") == 1 and names.count("Lost Twice") == 1


async def test_orders_and_statuses(sandbox: SandboxServer) -> None:
    async with shop(sandbox) as cc:
        statuses = await cc.order_statuses()
        assert {"pending", "paid", "completed", "cancelled"} <= {s["slug"] for s in statuses}
        [order] = await cc.list_all("orders", include=["products"], sort="-date_added")
        assert [line.attributes["sku"] for line in order.related_many("products")] == ["MUG-01"]
        saved = await cc.patch_order(order.id, usn="WP-000001")
        assert saved.attributes["usn"] == "WP-000001"


async def test_refused_key(sandbox: SandboxServer) -> None:
    async with shop(sandbox, key="WRONG" * 12 + "WXYZ") as cc:
        with pytest.raises(AuthenticationFailed):
            await cc.list_all("products")
        check = await cc.test_connection()
    assert not check.ok and "API key" in check.message


async def test_feature_probing_follows_the_stores_app(sandbox: SandboxServer) -> None:
    async with shop(sandbox) as cc:
        assert not await cc.has_feature("stores")
        with pytest.raises(FeatureUnavailable) as caught:
            await cc.probe_feature("store-quantity")
        assert caught.value.feature == "stores"
        settings(sandbox, stores_app=True)
        try:
            assert await cc.has_feature("stores")
            assert await cc.has_feature("store-quantity")
        finally:
            settings(sandbox, stores_app=False)


async def test_maintenance_plan_expired_and_no_api_access(sandbox: SandboxServer) -> None:
    async with shop(sandbox, max_retries=2) as cc:
        settings(sandbox, maintenance=True)
        try:
            with pytest.raises(Maintenance):
                await cc.list_all("products")
            assert cc.stats.retries == 2
        finally:
            settings(sandbox, maintenance=False)
        settings(sandbox, plan_expired=True)
        try:
            with pytest.raises(PlanExpired):
                await cc.list_all("products")
        finally:
            settings(sandbox, plan_expired=False)
    server = SandboxServer(SandboxConfig(rate_limit=0))
    with server:
        async with shop(server) as cc:
            with pytest.raises(RateLimited) as caught:
                await cc.list_all("products")
    assert caught.value.no_api_access


async def test_pacing_over_http_meets_no_429() -> None:
    """A real sliding window (20 per 1.5 s): 60 calls at concurrency 4 use the budget without one 429."""
    with SandboxServer(SandboxConfig(rate_limit=20, rate_window_s=1.5)) as server:
        limiter = RateLimiter(window=1.5, margin=0.1, concurrency=4)
        async with CloudCartClient(server.url, DEMO_API_KEY, rate_limiter=limiter) as cc:
            started = time.monotonic()
            for _ in range(60):
                await cc.list_all("products", page_size=1)
            elapsed = time.monotonic() - started
    assert cc.stats.rate_limited == 0
    assert cc.stats.total == 60
    # 19 per window pass: the first 19 at once, then 41 more need at least two more windows
    assert 2 * 1.5 <= elapsed < 3 * 1.6 + 1.0
