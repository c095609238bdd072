"""Retries: which failures are retried, the back-off arithmetic, and the bound."""

from __future__ import annotations

import random

import httpx
import pytest

from app.cloudcart import Maintenance, NetworkError, RequestTimeout, ServerError
from app.cloudcart.retry import RetryPolicy
from tests.cloudcart.helpers import FakeClock, Script, client, jsonapi, resource

OK = jsonapi({"data": resource("variants", "1", sku="A")})
REQUEST = httpx.Request("GET", "https://mystore.cloudcart.net/api/v2/variants/1")


def test_full_jitter_delays_stay_under_the_exponential_ceiling() -> None:
    policy = RetryPolicy(max_retries=6, base_delay=0.5, max_delay=30.0, rng=random.Random(7))
    for n in range(12):
        ceiling = min(30.0, 0.5 * 2**n)
        delays = [policy.delay(n) for _ in range(200)]
        assert all(0.0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8  # really spread over the whole range
    assert policy.should_retry(5) and not policy.should_retry(6)


@pytest.mark.parametrize(
    "failure",
    [
        jsonapi({"errors": [{"status": "500"}]}, 500),
        jsonapi({}, 502),
        jsonapi({"errors": [{"status": "503", "title": "Maintenance mode"}]}, 503),
        jsonapi({}, 504),
        httpx.ReadTimeout("slow", request=REQUEST),
        httpx.ConnectError("refused", request=REQUEST),
        httpx.RemoteProtocolError("reset", request=REQUEST),
    ],
)
async def test_retryable_failures_then_success(failure: httpx.Response | Exception) -> None:
    clock = FakeClock()
    script = Script([failure, failure, OK])
    async with client(script, clock, rng=random.Random(1)) as shop:
        variant = await shop.get("variants", "1")
    assert variant.attributes["sku"] == "A"
    assert len(script.requests) == 3
    assert shop.stats.retries == 2
    assert shop.stats.calls[("GET", "variants")] == 3
    assert len(clock.sleeps) == 2
    assert clock.sleeps[0] <= 0.5 and clock.sleeps[1] <= 1.0


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (jsonapi({}, 500), ServerError),
        (jsonapi({"errors": [{"status": "503"}]}, 503), Maintenance),
        (httpx.ReadTimeout("slow", request=REQUEST), RequestTimeout),
        (httpx.ConnectError("refused", request=REQUEST), NetworkError),
    ],
)
async def test_attempts_are_bounded(failure: httpx.Response | Exception, error: type[Exception]) -> None:
    clock = FakeClock()
    script = Script([failure] * 10)
    async with client(script, clock, max_retries=3) as shop:
        with pytest.raises(error):
            await shop.get("variants", "1")
    assert len(script.requests) == 4
    assert shop.stats.retries == 3
    assert clock.slept <= 0.5 + 1 + 2


async def test_patch_is_retried_after_a_lost_answer() -> None:
    request = httpx.Request("PATCH", "https://mystore.cloudcart.net/api/v2/variants/1")
    script = Script([httpx.ReadTimeout("slow", request=request), OK])
    async with client(script) as shop:
        await shop.update("variants", "1", {"quantity": 5})
    assert [r.method for r in script.requests] == ["PATCH", "PATCH"]
