"""A create whose answer is lost is never blindly repeated: exactly one object exists afterwards."""

from __future__ import annotations

import itertools
import json
from typing import Any

import httpx
import pytest

from app.cloudcart import AnswerLost, Ref, ServerError
from app.domain.errors import ItemError
from tests.cloudcart.helpers import FakeClock, client, jsonapi


class MemoryShop:
    """Server-side state for variants: POST creates (unique SKU), GET filters by any attribute."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(100)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            data = json.loads(request.content)["data"]
            sku = data["attributes"].get("sku")
            if any(row["sku"] == sku for row in self.rows.values()):
                return jsonapi(
                    {
                        "errors": [
                            {
                                "status": "422",
                                "detail": "The sku has already been taken.",
                                "source": {"pointer": "/data/attributes/sku"},
                            }
                        ]
                    },
                    422,
                )
            ident = str(next(self._ids))
            self.rows[ident] = dict(data["attributes"])
            return jsonapi({"data": self._object(ident)}, 201)
        filters = {k[7:-1]: v for k, v in request.url.params.items() if k.startswith("filter[")}
        found = [
            self._object(i) for i, row in self.rows.items() if all(str(row.get(k)) == v for k, v in filters.items())
        ]
        return jsonapi({"data": found, "meta": {"page": {"current-page": 1, "last-page": 1, "total": len(found)}}})

    def _object(self, ident: str) -> dict[str, Any]:
        return {"type": "variants", "id": ident, "attributes": self.rows[ident]}


class LoseAnswers:
    """Forward to the shop, then lose the answer of the first ``count`` POSTs (the create did happen)."""

    def __init__(self, shop: MemoryShop, failure: str = "timeout", count: int = 1, sink: MemoryShop | None = None):
        self.shop = shop
        self.sink = sink or shop  # where a lost POST lands (another object: it did not stick)
        self.failure = failure
        self.left = count
        self.methods: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.methods.append(request.method)
        if request.method == "POST" and self.left:
            self.left -= 1
            if self.failure == "refused":  # never reached the shop
                raise httpx.ConnectError("refused", request=request)
            self.sink(request)
            if self.failure == "502":
                return jsonapi({}, 502)
            raise httpx.ReadTimeout("answer lost", request=request)
        return self.shop(request)


def script_client(handler: LoseAnswers, **kwargs: Any) -> Any:
    class Adapter:  # the helpers' client() takes a Script-like object with .transport
        transport = httpx.MockTransport(handler)

    return client(Adapter(), FakeClock(), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("failure", ["timeout", "502"])
async def test_lost_answer_then_lookup_by_natural_key_creates_exactly_one(failure: str) -> None:
    shop = MemoryShop()
    lossy = LoseAnswers(shop, failure)
    async with script_client(lossy) as cc:
        variant = await cc.create(
            "variants",
            {"sku": "TS-RED-M", "price": 1999},
            {"product": Ref("products", "42")},
            natural_key={"sku": "TS-RED-M"},
        )
    assert [row["sku"] for row in shop.rows.values()] == ["TS-RED-M"]
    assert variant.id in shop.rows and variant.attributes["sku"] == "TS-RED-M"
    assert lossy.methods == ["POST", "GET"]  # looked up, not posted again
    assert cc.stats.retries == 1


async def test_lookup_finds_nothing_so_the_create_is_sent_again() -> None:
    shop = MemoryShop()
    lossy = LoseAnswers(shop, "timeout", sink=MemoryShop())  # the lost POST was rolled back
    async with script_client(lossy) as cc:
        variant = await cc.create("variants", {"sku": "A-1"}, natural_key={"sku": "A-1"})
    assert lossy.methods == ["POST", "GET", "POST"]
    assert list(shop.rows) == [variant.id]


async def test_not_sent_at_all_is_simply_retried() -> None:
    shop = MemoryShop()
    lossy = LoseAnswers(shop, "refused")
    async with script_client(lossy) as cc:
        await cc.create("variants", {"sku": "B-2"})
    assert lossy.methods == ["POST", "POST"]
    assert len(shop.rows) == 1


@pytest.mark.parametrize("failure", ["timeout", "502"])
async def test_without_a_natural_key_the_create_is_not_repeated(failure: str) -> None:
    shop = MemoryShop()
    lossy = LoseAnswers(shop, failure)
    async with script_client(lossy) as cc:
        with pytest.raises(AnswerLost) as caught:
            await cc.create("variants", {"sku": "C-3"})
    assert lossy.methods == ["POST"]
    assert len(shop.rows) == 1
    error = caught.value
    assert isinstance(error, ItemError) and error.key == "variants"
    assert "check in the CloudCart admin" in error.message
    if failure == "502":
        assert isinstance(error.cause, ServerError)


async def test_answers_lost_every_time_give_up_after_the_retry_budget() -> None:
    shop = MemoryShop()
    lossy = LoseAnswers(shop, "timeout", count=100, sink=MemoryShop())  # nothing ever sticks
    async with script_client(lossy, max_retries=2) as cc:
        with pytest.raises(AnswerLost):
            await cc.create("variants", {"sku": "D-4"}, natural_key={"sku": "D-4"})
    assert lossy.methods == ["POST", "GET", "POST", "GET", "POST"]
