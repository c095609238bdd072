"""§1/§3 of the API: authentication, media types, verbs, headers, error bodies, maintenance, plan."""

from __future__ import annotations

import time

import pytest

from app.sandbox.jsonapi import MEDIA_TYPE
from tests.sandbox.conftest import Sandbox, ref

UNAUTHENTICATED = {"errors": [{"status": "401", "title": "Unauthenticated"}]}


@pytest.mark.parametrize("key", [None, "", "WRONG" * 12 + "KEYS"])
async def test_missing_empty_or_wrong_key_is_401(sandbox: Sandbox, key: str | None) -> None:
    headers = {"Accept": MEDIA_TYPE}
    if key is not None:
        headers["X-CloudCart-ApiKey"] = key
    response = await sandbox.client.get("/api/v2/products", headers=headers)
    assert response.status_code == 401
    assert response.json() == UNAUTHENTICATED
    assert "www-authenticate" not in response.headers


async def test_right_key_is_accepted(sandbox: Sandbox) -> None:
    assert (await sandbox.get("/products")).status_code == 200


async def test_options_preflight_needs_the_key(sandbox: Sandbox) -> None:
    assert (await sandbox.client.options("/api/v2/products")).status_code == 401
    response = await sandbox.client.options("/api/v2/products", headers=sandbox.headers())
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Methods"] == "GET, POST, PATCH, DELETE, OPTIONS"


async def test_body_without_jsonapi_content_type_is_415(seeded: Sandbox) -> None:
    body = {"data": {"type": "vendors", "attributes": {"name": "Nope"}}}
    for content_type in ("application/json", f"{MEDIA_TYPE}; charset=utf-8"):
        response = await seeded.api("POST", "/vendors", json=body, headers={"Content-Type": content_type})
        assert response.status_code == 415, content_type
        assert response.json()["errors"][0]["status"] == "415"
    patch = {"data": {"type": "vendors", "id": "1", "attributes": {"name": "Nope"}}}
    response = await seeded.api("PATCH", "/vendors/1", json=patch, headers={"Content-Type": "application/json"})
    assert response.status_code == 415


@pytest.mark.parametrize("accept", ["application/json", "text/html", f"{MEDIA_TYPE}; ext=bulk"])
async def test_mismatched_accept_is_406(sandbox: Sandbox, accept: str) -> None:
    response = await sandbox.api("GET", "/products", headers={"Accept": accept})
    assert response.status_code == 406


@pytest.mark.parametrize("accept", ["*/*", f"application/json, {MEDIA_TYPE}", "application/*"])
async def test_compatible_accept_passes(sandbox: Sandbox, accept: str) -> None:
    assert (await sandbox.api("GET", "/products", headers={"Accept": accept})).status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PUT", "/products/1"),
        ("PUT", "/variants"),
        ("POST", "/orders"),
        ("DELETE", "/orders/1"),
        ("POST", "/order-products"),
        ("PATCH", "/order-products/1"),
        ("DELETE", "/order-products/1"),
        ("PATCH", "/orders/1/relationships/products"),
        ("POST", "/products/1"),
        ("POST", "/order-status"),
    ],
)
async def test_blocked_verbs_are_405(seeded: Sandbox, method: str, path: str) -> None:
    await seeded.order(status="pending", lines=[{"sku": "MUG-1", "quantity": 1}])
    response = await seeded.api(method, path, json={"data": {"type": "x"}} if method != "DELETE" else None)
    assert response.status_code == 405
    assert response.json() == {"errors": [{"status": "405", "title": "Method Not Allowed"}]}


async def test_headers_on_every_api_response(seeded: Sandbox) -> None:
    for response in (
        await seeded.get("/products"),
        await seeded.client.get("/api/v2/products"),  # 401
        await seeded.get("/products/999"),  # 404
    ):
        headers = response.headers
        assert headers["x-powered-by"] == "cloudcart.com"
        assert headers["content-type"] == MEDIA_TYPE
        assert headers["X-RateLimit-Limit"] == "100"
        assert int(headers["X-RateLimit-Remaining"]) >= 0
        assert abs(int(headers["X-RateLimit-Reset"]) - (time.time() + 60)) < 5
        assert headers["X-RateLimit-Info"]
        assert headers["Access-Control-Allow-Origin"] == "*"
        for absent in ("etag", "cache-control", "last-modified", "x-request-id", "retry-after"):
            assert absent not in headers


async def test_admin_responses_carry_no_api_headers(sandbox: Sandbox) -> None:
    response = await sandbox.client.get("/admin/state")
    assert "x-ratelimit-limit" not in response.headers


async def test_created_resource_has_location(seeded: Sandbox) -> None:
    response = await seeded.post("vendors", {"name": "Globex"})
    assert response.status_code == 201
    new_id = response.json()["data"]["id"]
    assert response.headers["Location"].endswith(f"/api/v2/vendors/{new_id}")
    assert (await seeded.client.get(response.headers["Location"], headers=seeded.headers())).status_code == 200


async def test_not_found_is_a_jsonapi_404(seeded: Sandbox) -> None:
    for path in ("/products/999", "/products/abc", "/nothing-here", "/products/1/nothing"):
        response = await seeded.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"errors": [{"status": "404", "title": "Not Found"}]}


async def test_maintenance_is_503_without_retry_after(seeded: Sandbox) -> None:
    await seeded.settings(maintenance=True)
    response = await seeded.get("/products")
    assert response.status_code == 503
    assert response.json() == {
        "errors": [{"status": "503", "title": "Maintenance mode", "detail": "Try again few minutes later"}]
    }
    assert "retry-after" not in response.headers
    await seeded.settings(maintenance=False)
    assert (await seeded.get("/products")).status_code == 200


async def test_plan_expired_is_402(seeded: Sandbox) -> None:
    await seeded.settings(plan_expired=True)
    response = await seeded.get("/products")
    assert response.status_code == 402
    error = response.json()["errors"][0]
    assert error["title"] == "Payment Required" and error["detail"]
    # The key is checked first.
    assert (await seeded.client.get("/api/v2/products")).status_code == 401


async def test_malformed_json_is_400(seeded: Sandbox) -> None:
    headers = seeded.headers() | {"Content-Type": MEDIA_TYPE}
    response = await seeded.client.post("/api/v2/vendors", content=b"{not json", headers=headers)
    assert response.status_code == 400
    response = await seeded.client.post("/api/v2/vendors", content=b'{"nodata": 1}', headers=headers)
    assert response.status_code == 400


async def test_patch_needs_matching_type_and_id(seeded: Sandbox) -> None:
    for data, pointer in (
        ({"type": "vendors", "attributes": {"name": "X Co"}}, "/data/id"),
        ({"type": "vendors", "id": "2", "attributes": {"name": "X Co"}}, "/data/id"),
        ({"type": "products", "id": "1", "attributes": {"name": "X Co"}}, "/data/type"),
    ):
        response = await seeded.api("PATCH", "/vendors/1", json={"data": data})
        assert response.status_code == 422
        assert response.json()["errors"][0]["source"] == {"pointer": pointer}


async def test_jsonapi_ids_are_strings_and_foreign_keys_integers(seeded: Sandbox) -> None:
    variant = await seeded.variant("MUG-1")
    assert isinstance(variant["id"], str)
    assert isinstance(variant["attributes"]["item_id"], int)
    assert variant["relationships"]["product"] == ref("products", variant["attributes"]["item_id"])


async def test_links_only_with_x_show_links(seeded: Sandbox) -> None:
    plain = (await seeded.get("/products", **{"page[size]": 2})).json()
    assert "links" not in plain
    linked = (await seeded.api("GET", "/products", params={"page[size]": 2}, headers={"X-Show-Links": "1"})).json()
    assert "prev" not in linked["links"]
    assert linked["links"]["next"].endswith("/api/v2/products?page[number]=2&page[size]=2")
    assert linked["links"]["last"].endswith("page[number]=2&page[size]=2")
