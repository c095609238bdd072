"""Whatever the shop sends back, the client raises one of our typed errors and nothing else."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cloudcart import Resource
from app.domain.errors import AppError
from tests.cloudcart.helpers import FakeClock, client

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
identifiers = st.fixed_dictionaries(
    {
        "type": st.one_of(st.just("variants"), json_scalars),
        "id": st.one_of(st.text(max_size=4), st.integers(), json_scalars),
    }
)
resource_objects = st.one_of(
    identifiers,
    st.fixed_dictionaries(
        {"type": st.just("variants"), "id": st.just("1")},
        optional={
            "attributes": json_values,
            "relationships": st.one_of(
                json_values,
                st.dictionaries(
                    st.sampled_from(["product", "images"]),
                    st.one_of(
                        json_values,
                        st.fixed_dictionaries(
                            {"data": st.one_of(json_values, identifiers, st.lists(identifiers, max_size=3))}
                        ),
                    ),
                ),
            ),
        },
    ),
)
documents = st.fixed_dictionaries(
    {},
    optional={
        "data": st.one_of(json_values, resource_objects, st.lists(resource_objects, max_size=3)),
        "included": st.one_of(json_values, st.lists(resource_objects, max_size=3)),
        "meta": st.one_of(
            json_values,
            st.fixed_dictionaries(
                {
                    "page": st.dictionaries(
                        st.sampled_from(["current-page", "last-page", "per-page", "total"]), json_values
                    )
                }
            ),
        ),
        "errors": st.one_of(
            json_values,
            st.lists(
                st.dictionaries(st.sampled_from(["status", "title", "detail", "source"]), json_values), max_size=3
            ),
        ),
        "error": json_values,
        "message": json_values,
        "retry_after": json_values,
        "details": json_values,
    },
)
small = st.one_of(st.integers(min_value=-1, max_value=6), json_scalars)
valid_pages = st.fixed_dictionaries(
    {
        "data": st.one_of(
            st.lists(st.just({"type": "variants", "id": "1", "attributes": {"sku": "A"}}), max_size=2),
            st.just({"type": "variants", "id": "1", "attributes": {"sku": "A"}}),
        ),
        "meta": st.fixed_dictionaries({"page": st.fixed_dictionaries({"current-page": small, "last-page": small})}),
    }
)
VALID = json.dumps({"data": {"type": "variants", "id": "1", "attributes": {"sku": "A"}}}).encode()


def _encode(doc: Any) -> bytes:
    return json.dumps(doc).encode()


bodies = st.one_of(
    st.binary(max_size=64),
    st.text(max_size=64).map(str.encode),
    st.just(b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"),
    st.just(b""),
    json_values.map(_encode),
    documents.map(_encode),
    valid_pages.map(_encode),
    st.integers(min_value=1, max_value=len(VALID) - 1).map(lambda n: VALID[:n]),  # truncated JSON
)
content_types = st.sampled_from(["application/vnd.api+json", "application/json", "text/html", "text/plain", None])
header_values = st.one_of(
    st.none(),
    st.sampled_from(["0", "1", "60", "-5", "abc", "1e309", "nan", "Wed, 21 Oct 2015 07:28:00 GMT", "99999999999"]),
)
statuses = st.one_of(
    st.sampled_from([200, 201, 204, 301, 400, 401, 402, 403, 404, 405, 409, 415, 422, 429, 500, 502, 503, 504]),
    st.integers(min_value=200, max_value=599),
)
answers = st.tuples(statuses, bodies, content_types, header_values, header_values, header_values)
calls = st.sampled_from(["get", "list", "create", "create_keyed", "update", "delete", "statuses", "test", "probe"])


def _response(answer: tuple[int, bytes, str | None, str | None, str | None, str | None]) -> httpx.Response:
    status, body, content_type, retry_after, limit, remaining = answer
    headers = {}
    for name, value in (
        ("Content-Type", content_type),
        ("Retry-After", retry_after),
        ("X-RateLimit-Limit", limit),
        ("X-RateLimit-Remaining", remaining),
    ):
        if value is not None:
            headers[name] = value
    if 300 <= status < 400 and limit is not None:
        headers["Location"] = "https://elsewhere.example/api/v2"
    return httpx.Response(status, content=body, headers=headers)


async def _call(name: str, answers_list: list[Any]) -> object:
    queue = [_response(a) for a in answers_list]

    class Replay:
        transport = httpx.MockTransport(lambda request: queue.pop(0) if len(queue) > 1 else queue[0])

    async with client(Replay(), FakeClock(), max_retries=2, max_rate_wait=120.0) as shop:  # type: ignore[arg-type]
        if name == "get":
            return await shop.get("variants", "1", include=["product"])
        if name == "list":
            return await shop.list_all("variants", filters={"sku": "A"})
        if name == "create":
            return await shop.create("variants", {"sku": "A"})
        if name == "create_keyed":
            return await shop.create("variants", {"sku": "A"}, natural_key={"sku": "A"})
        if name == "update":
            return await shop.update("variants", "1", {"quantity": 1})
        if name == "delete":
            return await shop.delete("variants", "1")
        if name == "statuses":
            return await shop.order_statuses()
        if name == "probe":
            return await shop.has_feature("stores")
        return await shop.test_connection()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calls, st.lists(answers, min_size=1, max_size=4))
def test_any_answer_gives_a_result_or_a_typed_error(name: str, answers_list: list[Any]) -> None:
    try:
        # a hang (the client looping on some answer) fails the test as TimeoutError
        result = asyncio.run(asyncio.wait_for(_call(name, answers_list), 10.0))
    except AppError as error:
        assert error.title and error.message
        return
    if name in ("get", "create", "create_keyed", "update"):
        assert isinstance(result, Resource)
    elif name == "list":
        assert isinstance(result, list) and all(isinstance(r, Resource) for r in result)
