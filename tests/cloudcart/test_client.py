"""CloudCartClient over httpx.MockTransport: headers, paging, CRUD, accounting, logging."""

from __future__ import annotations

import asyncio
import json
import logging
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from app.cloudcart import CloudCartClient, NotFound, Ref, UnexpectedResponse
from app.domain.errors import ConfigurationError, CredentialError
from tests.cloudcart.helpers import KEY, FakeClock, Script, client, jsonapi, page, resource


def query(request: httpx.Request) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(str(request.url)).query).items()}


async def test_headers_are_exactly_key_accept_and_content_type() -> None:
    script = Script([jsonapi({"data": resource("variants", "101", sku="A")})])
    async with client(script) as shop:
        variant = await shop.get("variants", "101", include=["product", "option1"])
    request = script.requests[0]
    assert str(request.url) == "https://mystore.cloudcart.net/api/v2/variants/101?include=product%2Coption1"
    assert request.headers["X-CloudCart-ApiKey"] == KEY
    assert request.headers["Accept"] == "application/vnd.api+json"
    assert request.headers["Content-Type"] == "application/vnd.api+json"
    assert "authorization" not in request.headers
    assert not any(name.lower().startswith("x-site") for name in request.headers)
    assert variant.attributes["sku"] == "A"


async def test_ids_are_quoted_in_paths() -> None:
    script = Script([jsonapi({"data": resource("variants", "a/b", sku="A")})])
    async with client(script) as shop:
        await shop.get("variants", "a/b")
    assert script.requests[0].url.raw_path == b"/api/v2/variants/a%2Fb"


def test_bad_keys_and_identifiers_are_refused_before_any_request() -> None:
    with pytest.raises(CredentialError):
        CloudCartClient("mystore.cloudcart.net", "   ")
    with pytest.raises(CredentialError):
        CloudCartClient("mystore.cloudcart.net", "ABC DEF")
    with pytest.raises(ConfigurationError):
        CloudCartClient("http://mystore.cloudcart.net", KEY)


def test_repr_never_shows_the_key() -> None:
    shop = CloudCartClient("mystore.cloudcart.net", KEY)
    assert KEY not in repr(shop) and KEY not in str(vars(shop))
    assert repr(shop) == "CloudCartClient('https://mystore.cloudcart.net/api/v2')"


async def test_iterate_walks_every_page_with_filters_sort_and_include() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        q = query(request)
        number = int(q["page[number]"])
        items = [resource("variants", str(number * 10 + i), sku=f"S{number}{i}") for i in range(2)]
        return jsonapi(page(items, number, 3, size=2))

    script = Script(handler)
    async with client(script) as shop:
        found = await shop.list_all("variants", filters={"item_id": "42"}, sort="id", include=("product",), page_size=2)
    assert [v.id for v in found] == ["10", "11", "20", "21", "30", "31"]
    assert len(script.requests) == 3
    first = query(script.requests[0])
    assert first == {
        "filter[item_id]": "42",
        "sort": "id",
        "include": "product",
        "page[number]": "1",
        "page[size]": "2",
    }
    assert shop.stats.calls[("GET", "variants")] == 3


async def test_iterate_stops_on_empty_page_and_without_meta() -> None:
    script = Script([jsonapi(page([resource("products", "1")], 1, 9)), jsonapi(page([], 2, 9))])
    async with client(script) as shop:
        assert [p.id for p in await shop.list_all("products")] == ["1"]
    assert len(script.requests) == 2
    script = Script([jsonapi({"data": [resource("products", "1")]})])
    async with client(script) as shop:
        assert [p.id for p in await shop.list_all("products")] == ["1"]


async def test_iterate_single_record_mode() -> None:
    script = Script([jsonapi({"data": resource("variant-parameters", "5", name="Color")})])
    async with client(script) as shop:
        found = await shop.list_all("variant-parameters", filters={"name": "Color"})
    assert [(r.type, r.id, r.attributes["name"]) for r in found] == [("variant-parameters", "5", "Color")]
    assert len(script.requests) == 1


async def test_iterate_halves_the_page_after_a_gateway_timeout() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        q = query(request)
        size, number = int(q["page[size]"]), int(q["page[number]"])
        if size > 25:
            return jsonapi({"errors": [{"status": "504"}]}, 504)
        ids = range((number - 1) * size + 1, min(number * size, 60) + 1)
        return jsonapi(page([resource("orders", str(i)) for i in ids], number, -(-60 // size), size=size))

    script = Script(handler)
    async with client(script) as shop:
        orders = await shop.list_all("orders", page_size=100)
    assert [int(o.id) for o in orders] == list(range(1, 61))
    sizes = [query(r)["page[size]"] for r in script.requests]
    assert sizes[:3] == ["100", "50", "25"]


async def test_create_update_delete_bodies_and_results() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            body = json.loads(request.content)
            return jsonapi({"data": {**body["data"], "id": "777"}}, 201, {"Location": "/api/v2/variants/777"})
        if request.method == "PATCH":
            body = json.loads(request.content)
            return jsonapi({"data": body["data"]})
        return httpx.Response(204)

    script = Script(handler)
    async with client(script) as shop:
        created = await shop.create("variants", {"sku": "TS-RED-M", "price": 1999}, {"product": Ref("products", "42")})
        updated = await shop.update("variants", created.id, {"quantity": 4})
        order = await shop.patch_order("1042", status="paid", usn="WP-1")
        await shop.delete("variants", created.id)
    assert created.id == "777" and created.rel_id("product") == "42"
    assert updated.attributes == {"quantity": 4}
    post, patch, patch_order, delete = script.requests
    assert json.loads(post.content) == {
        "data": {
            "type": "variants",
            "attributes": {"sku": "TS-RED-M", "price": 1999},
            "relationships": {"product": {"data": {"type": "products", "id": "42"}}},
        }
    }
    assert patch.method == "PATCH" and patch.url.path == "/api/v2/variants/777"
    assert json.loads(patch.content)["data"]["id"] == "777"
    assert json.loads(patch_order.content) == {
        "data": {"type": "orders", "id": "1042", "attributes": {"status": "paid", "usn": "WP-1"}}
    }
    assert order.type == "orders"
    assert delete.method == "DELETE" and delete.url.path == "/api/v2/variants/777"
    assert shop.stats.total == 4
    assert dict(shop.stats.calls) == {
        ("POST", "variants"): 1,
        ("PATCH", "variants"): 1,
        ("PATCH", "orders"): 1,
        ("DELETE", "variants"): 1,
    }
    assert shop.stats.as_dict()["calls"] == {
        "DELETE variants": 1,
        "PATCH orders": 1,
        "PATCH variants": 1,
        "POST variants": 1,
    }


async def test_delete_404_after_a_lost_answer_counts_as_done_but_a_plain_404_does_not() -> None:
    request = httpx.Request("DELETE", "https://x/api/v2/variants/5")
    script = Script([httpx.ReadTimeout("lost", request=request), jsonapi({"errors": [{"status": "404"}]}, 404)])
    async with client(script) as shop:
        await shop.delete("variants", "5")
    assert len(script.requests) == 2
    script = Script([jsonapi({"errors": [{"status": "404"}]}, 404)])
    async with client(script) as shop:
        with pytest.raises(NotFound):
            await shop.delete("variants", "5")


async def test_order_statuses() -> None:
    statuses = [{"id": 1, "name": "Pending", "slug": "pending", "status_type": "default"}]
    script = Script([jsonapi({"data": statuses}), jsonapi({"data": {"id": 1}})])
    async with client(script) as shop:
        assert await shop.order_statuses() == statuses
        with pytest.raises(UnexpectedResponse):
            await shop.order_statuses()
    assert script.requests[0].url.path == "/api/v2/order-status"


async def test_test_connection_reports_the_rate_limit() -> None:
    headers = {"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "97", "X-RateLimit-Reset": "1790000000"}
    script = Script([jsonapi(page([resource("products", "1")], 1, 250, size=1, total=250), headers=headers)])
    async with client(script) as shop:
        check = await shop.test_connection()
    assert check.ok and (check.rate_limit, check.remaining) == (100, 97)
    assert "250 products" in check.message and "100 requests per minute" in check.message
    assert query(script.requests[0])["page[size]"] == "1"
    assert shop.budget.reset == 1790000000


async def test_test_connection_with_a_refused_key() -> None:
    script = Script([jsonapi({"errors": [{"status": "401", "title": "Unauthenticated"}]}, 401)])
    async with CloudCartClient("www.myshop.bg", KEY, transport=script.transport) as shop:
        check = await shop.test_connection()
    assert not check.ok
    assert "API key refused" in check.message and "www." in check.message
    assert KEY not in check.message


async def test_feature_probe() -> None:
    missing = jsonapi({"errors": [{"status": "404", "title": "Not Found", "detail": "stores app not installed"}]}, 404)
    plain_404 = jsonapi({"errors": [{"status": "404", "title": "Not Found"}]}, 404)
    script = Script([missing, plain_404, jsonapi(page([], 1, 1))])
    async with client(script) as shop:
        assert await shop.has_feature("stores") is False
        assert await shop.has_feature("store-quantity") is False
        assert await shop.has_feature("store-quantity") is True


async def test_debug_log_line_per_request_without_the_key(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="app.cloudcart")
    script = Script([jsonapi(page([], 1, 1)), jsonapi({"errors": [{"status": "422", "detail": KEY}]}, 422)])
    async with client(script) as shop:
        await shop.list_all("variants", filters={"sku": "TS-RED-M"})
        with pytest.raises(Exception):  # noqa: B017 - any typed error; only the log matters here
            await shop.update("variants", "1", {"sku": KEY})
    lines = [r.getMessage() for r in caplog.records if r.name == "app.cloudcart"]
    assert lines[0].startswith("GET /api/v2/variants?filter[sku]=TS-RED-M&page[number]=1&page[size]=100 -> 200 (")
    assert lines[1].startswith("PATCH /api/v2/variants/1 -> 422 (")
    assert all(KEY not in line for line in lines)


async def test_pool_closed_on_exit_and_on_cancellation() -> None:
    started = asyncio.Event()

    async def slow(request: httpx.Request) -> httpx.Response:
        started.set()
        await asyncio.sleep(30)
        return jsonapi({"data": []})

    shop = CloudCartClient("mystore.cloudcart.net", KEY, transport=httpx.MockTransport(slow))

    async def run() -> None:
        async with shop:
            await shop.list_all("products")

    task = asyncio.create_task(run())
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert shop._session._http.is_closed


async def test_concurrency_is_bounded() -> None:
    in_flight = 0
    peak = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.01)
        in_flight -= 1
        return jsonapi({"data": resource("variants", request.url.path.rsplit("/", 1)[-1])})

    clock = FakeClock()
    async with CloudCartClient(
        "mystore.cloudcart.net", KEY, transport=httpx.MockTransport(handler), concurrency=3, clock=clock
    ) as shop:
        results = await asyncio.gather(*(shop.get("variants", str(i)) for i in range(12)))
    assert [r.id for r in results] == [str(i) for i in range(12)]
    assert peak == 3


async def test_iterate_does_not_loop_when_the_shop_repeats_its_page_number() -> None:
    script = Script(lambda request: jsonapi(page([resource("products", "1")], 1, 3)))
    async with client(script) as shop:
        found = await shop.list_all("products")
    assert len(script.requests) == 3
    assert [query(r)["page[number]"] for r in script.requests] == ["1", "2", "3"]
    assert [p.id for p in found] == ["1", "1", "1"]
