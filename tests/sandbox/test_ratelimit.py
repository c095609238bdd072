"""§3.1: the edge rate limit per Host, its headers and its 429 body."""

from __future__ import annotations

import asyncio

from app.sandbox.ratelimit import LIMIT_MESSAGE, NO_ACCESS_MESSAGE, RateLimiter, host_key
from tests.sandbox.conftest import Sandbox


async def test_budget_headers_and_edge_429(sandbox: Sandbox) -> None:
    await sandbox.settings(rate_limit=5)
    remaining = []
    for _ in range(4):  # limit - 1 pass (the documented off-by-one)
        response = await sandbox.get("/products")
        assert response.status_code == 200
        assert response.headers["X-RateLimit-Limit"] == "5"
        remaining.append(int(response.headers["X-RateLimit-Remaining"]))
    assert remaining == [3, 2, 1, 0]
    refused = await sandbox.get("/products")
    assert refused.status_code == 429
    assert refused.json() == {"error": "Too Many Requests", "message": LIMIT_MESSAGE, "retry_after": 60}
    assert refused.headers["Retry-After"] == "60"
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    assert refused.headers["content-type"] == "application/json"
    # Unauthenticated requests spend the same budget (the edge counts before auth).
    assert (await sandbox.client.get("/api/v2/products")).status_code == 429


async def test_budget_is_per_lower_cased_host(sandbox: Sandbox) -> None:
    await sandbox.settings(rate_limit=3)
    for host in ("shop-a.test", "SHOP-A.test"):
        response = await sandbox.api("GET", "/products", headers={"Host": host})
        assert response.status_code == 200
    assert (await sandbox.api("GET", "/products", headers={"Host": "Shop-A.TEST"})).status_code == 429
    assert (await sandbox.api("GET", "/products", headers={"Host": "shop-b.test"})).status_code == 200


async def test_sliding_window_recovers(sandbox: Sandbox) -> None:
    await sandbox.settings(rate_limit=3, rate_window_s=0.4)
    assert [(await sandbox.get("/products")).status_code for _ in range(3)] == [200, 200, 429]
    refused = await sandbox.get("/products")
    assert refused.headers["Retry-After"] == "1"  # the shortened window, rounded up
    assert refused.json()["retry_after"] == 1
    await asyncio.sleep(0.45)
    assert (await sandbox.get("/products")).status_code == 200


async def test_no_api_access_plan(sandbox: Sandbox) -> None:
    await sandbox.settings(rate_limit=0)
    response = await sandbox.get("/products")
    assert response.status_code == 429
    assert response.json()["message"] == NO_ACCESS_MESSAGE
    assert response.headers["X-RateLimit-Limit"] == "0"
    assert response.headers["X-RateLimit-Remaining"] == "0"
    assert response.headers["X-RateLimit-Info"] == NO_ACCESS_MESSAGE


async def test_admin_and_storefront_are_not_limited(sandbox: Sandbox) -> None:
    await sandbox.settings(rate_limit=0)
    assert (await sandbox.client.get("/admin/state")).status_code == 200
    assert (await sandbox.client.get("/")).status_code == 200


def test_sliding_window_unit() -> None:
    now = [100.0]
    limiter = RateLimiter(clock=lambda: now[0])
    assert [limiter.hit("h", 4, 10).allowed for _ in range(4)] == [True, True, True, False]
    now[0] += 5
    assert not limiter.hit("h", 4, 10).allowed  # still inside the window
    now[0] += 5.01
    assert limiter.hit("h", 4, 10).allowed  # the first hits slid out


def test_host_key() -> None:
    assert host_key("Shop.Example.COM:8443") == "shop.example.com"
    assert host_key("[::1]:8000") == "[::1]"
    assert host_key("127.0.0.1") == "127.0.0.1"
