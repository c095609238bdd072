"""Rate limit: reading the headers, pacing under a sliding window, waiting out 429s (both body shapes)."""

from __future__ import annotations

import asyncio
from collections import deque

import httpx
import pytest

from app.cloudcart import Blocked, RateLimited
from app.cloudcart.ratelimit import RateLimiter
from tests.cloudcart.helpers import FakeClock, Script, client, jsonapi, resource

OK = jsonapi({"data": resource("variants", "1")}, headers={"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "50"})
EDGE_429 = jsonapi(
    {
        "error": "Too Many Requests",
        "message": "API rate limit exceeded. Please wait and retry later, or upgrade "
        "your current plan to a higher level for increased API limits.",
        "retry_after": 60,
    },
    429,
    {"Retry-After": "60", "X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "0"},
)
JSONAPI_429 = jsonapi({"errors": [{"status": "429", "title": "Too Many Requests"}]}, 429, {"Retry-After": "7"})
BODY_ONLY_429 = jsonapi({"error": "Too Many Requests", "message": "slow down", "retry_after": 12}, 429)


class SlidingWindowShop:
    """CloudCart's limiter as documented: per-window count at arrival, limit - 1 pass, headers on every answer."""

    def __init__(self, clock: FakeClock, limit: int = 100, window: float = 60.0, foreign_per_window: int = 0):
        self.clock = clock
        self.limit = limit
        self.window = window
        self.arrivals: deque[float] = deque()
        self.passed = 0
        self.refused = 0
        self.foreign = foreign_per_window

    def __call__(self, request: httpx.Request) -> httpx.Response:
        now = self.clock()
        while self.arrivals and self.arrivals[0] <= now - self.window:
            self.arrivals.popleft()
        used = len(self.arrivals) + self.foreign
        headers = {"X-RateLimit-Limit": str(self.limit), "X-RateLimit-Reset": str(int(now + 60))}
        if used >= self.limit - 1:
            self.refused += 1
            headers |= {"X-RateLimit-Remaining": "0", "Retry-After": "60"}
            return jsonapi(
                {"error": "Too Many Requests", "message": "API rate limit exceeded.", "retry_after": 60}, 429, headers
            )
        self.arrivals.append(now)
        self.passed += 1
        headers["X-RateLimit-Remaining"] = str(self.limit - 1 - used - 1)
        return jsonapi({"data": resource("variants", "1")}, headers=headers)


@pytest.mark.parametrize(("answer", "wait"), [(EDGE_429, 60.0), (JSONAPI_429, 7.0), (BODY_ONLY_429, 12.0)])
async def test_429_is_waited_out_and_not_counted_as_a_failure(answer: httpx.Response, wait: float) -> None:
    clock = FakeClock()
    script = Script([answer, answer, OK])
    async with client(script, clock, max_retries=0) as shop:
        await shop.get("variants", "1")
    assert len(script.requests) == 3
    assert shop.stats.rate_limited == 2 and shop.stats.retries == 0
    assert clock.slept == pytest.approx(2 * wait)


async def test_total_wait_for_429_is_bounded() -> None:
    clock = FakeClock()
    script = Script([EDGE_429] * 20)
    async with client(script, clock, max_rate_wait=200.0) as shop:
        with pytest.raises(RateLimited) as caught:
            await shop.get("variants", "1")
    assert len(script.requests) == 4  # three 60 s waits fit in 200 s, the fourth would not
    assert clock.slept == pytest.approx(180.0)
    assert caught.value.retry_after == 60.0 and not caught.value.no_api_access
    assert "run again later" in caught.value.message


@pytest.mark.parametrize(
    "answer",
    [
        jsonapi(
            {"error": "Too Many Requests", "message": "API rate limit exceeded.", "retry_after": 60},
            429,
            {"X-RateLimit-Limit": "0", "X-RateLimit-Remaining": "0", "Retry-After": "60"},
        ),
        jsonapi(
            {
                "error": "Too Many Requests",
                "message": "API rate limit exceeded. You do not have API access on "
                "your current plan. Please upgrade your subscription plan to enable API access.",
                "retry_after": 60,
            },
            429,
        ),
    ],
)
async def test_no_api_access_fails_at_once(answer: httpx.Response) -> None:
    clock = FakeClock()
    script = Script([answer] * 3)
    async with client(script, clock) as shop:
        with pytest.raises(RateLimited) as caught:
            await shop.get("variants", "1")
    assert len(script.requests) == 1 and clock.sleeps == []
    assert caught.value.no_api_access and "primary domain" in caught.value.message


async def test_html_429_is_another_layer_and_not_retried() -> None:
    script = Script([httpx.Response(429, content=b"<html>slow down</html>", headers={"content-type": "text/html"})])
    async with client(script) as shop:
        with pytest.raises(Blocked):
            await shop.get("variants", "1")
    assert len(script.requests) == 1


async def test_retry_after_as_http_date() -> None:
    clock = FakeClock()
    answer = jsonapi({"errors": [{"status": "429"}]}, 429, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
    script = Script([answer, OK])
    async with client(script, clock) as shop:
        await shop.get("variants", "1")
    assert clock.sleeps == [1.0]  # a date in the past: only the minimum pause


async def test_pacing_uses_the_budget_without_429s() -> None:
    """594 sequential calls against a 100/min sliding window: no 429, and >= 90 % of the budget used."""
    clock = FakeClock()
    shop_side = SlidingWindowShop(clock, limit=100)
    calls = 6 * 99
    async with client(Script(shop_side), clock) as shop:
        for _ in range(calls):
            await shop.get("variants", "1")
    assert shop_side.refused == 0 and shop.stats.rate_limited == 0
    elapsed = clock.now - 1000.0
    # the best possible: 99 at once, then 99 more each time the window slides (60 s)
    assert elapsed >= 5 * 60.0
    used = (calls - 99) / (elapsed / 60.0 * 100)
    assert used >= 0.95


async def test_pacing_with_concurrent_callers() -> None:
    clock = FakeClock()
    shop_side = SlidingWindowShop(clock, limit=50)
    async with client(Script(shop_side), clock, concurrency=4) as shop:
        await asyncio.gather(*(shop.get("variants", str(i)) for i in range(200)))
    assert shop_side.refused == 0
    assert shop_side.passed == 200


async def test_foreign_traffic_slows_to_limit_per_window() -> None:
    """Another program uses almost the whole budget: the shop's Remaining is trusted over our own count."""
    clock = FakeClock()
    shop_side = SlidingWindowShop(clock, limit=100, foreign_per_window=95)
    async with client(Script(shop_side), clock) as shop:
        for _ in range(4):
            await shop.get("variants", "1")
    # 3 requests fit in the free part (99 - 95 - our reserve of 1); then one per 60/100 s
    assert shop_side.refused == 0
    assert clock.sleeps and all(s == pytest.approx(0.6) for s in clock.sleeps)


async def test_budget_and_eta() -> None:
    clock = FakeClock()
    limiter = RateLimiter(window=60.0, margin=1.0, concurrency=4, sleep=clock.sleep, clock=clock)
    assert limiter.budget.limit is None
    assert limiter.eta_seconds(0) == 0.0
    assert limiter.eta_seconds(40) == pytest.approx(40 * 0.3 / 4)  # unknown limit: network speed
    ticket = await limiter.acquire()
    limiter.observe(ticket, {"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "98", "X-RateLimit-Reset": "5"})
    assert (limiter.budget.limit, limiter.budget.remaining, limiter.budget.reset) == (100, 98, 5)
    free = 97  # 98 remaining, one kept in reserve
    assert limiter.eta_seconds(free) < 10
    assert limiter.eta_seconds(free + 99 * 3) == pytest.approx(free * limiter._latency / 4 + 3 * 61.0, rel=0.01)


async def test_stale_report_does_not_override_a_newer_one() -> None:
    clock = FakeClock()
    limiter = RateLimiter(sleep=clock.sleep, clock=clock)
    first = await limiter.acquire()
    second = await limiter.acquire()
    limiter.observe(second, {"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "40"})
    limiter.observe(first, {"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "41"})
    assert limiter.budget.remaining == 40
    limiter.observe(second + 1, {"X-RateLimit-Limit": "abc"})  # garbage headers are ignored
    assert limiter.budget.remaining == 40


async def test_retry_after_zero_cannot_loop_forever() -> None:
    clock = FakeClock()
    answer = jsonapi({"error": "Too Many Requests", "message": "wait", "retry_after": 0}, 429, {"Retry-After": "0"})
    script = Script([answer] * 50)
    async with client(script, clock, max_rate_wait=10.0) as shop:
        with pytest.raises(RateLimited):
            await shop.get("variants", "1")
    assert len(script.requests) == 11  # each 429 waits at least 1 s; 10 s in all
    assert clock.slept == pytest.approx(10.0)
