"""Every error answer becomes a typed error with an actionable message; nothing leaks the key."""

from __future__ import annotations

import json

import httpx
import pytest

from app.cloudcart import (
    AccessDenied,
    AuthenticationFailed,
    Blocked,
    FeatureUnavailable,
    GatewayTimeout,
    Maintenance,
    NetworkError,
    NotFound,
    PlanExpired,
    Redirected,
    RequestRejected,
    RequestTimeout,
    ServerError,
    ShopNotFound,
    UnexpectedResponse,
    ValidationFailed,
)
from app.domain.errors import ConfigurationError, ConnectionFailed, CredentialError, ItemError, ShopError
from tests.cloudcart.helpers import KEY, FakeClock, Script, client, jsonapi

HTML = {"content-type": "text/html; charset=utf-8"}


def errors(status: int, detail: str | None = None, **source: str) -> httpx.Response:
    item: dict[str, object] = {"status": str(status), "title": "Error"}
    if detail:
        item["detail"] = detail
    if source:
        item["source"] = source
    return jsonapi({"errors": [item]}, status)


async def fail(answer: httpx.Response | Exception, call: str = "get", *, max_retries: int = 0) -> Exception:
    script = Script(lambda request: _raise_or_return(answer))
    async with client(script, max_retries=max_retries) as shop:
        with pytest.raises(Exception) as caught:
            if call == "get":
                await shop.get("variants", "101")
            elif call == "list":
                await shop.list_all("products")
            else:
                await shop.update("variants", "101", {"quantity": 3})
    error = caught.value
    text = f"{error} {error!r} {getattr(error, 'title', '')} {getattr(error, 'details', '')}"
    assert KEY not in text
    return error


def _raise_or_return(answer: httpx.Response | Exception) -> httpx.Response:
    if isinstance(answer, Exception):
        raise answer
    return answer


async def test_401_is_a_credential_error() -> None:
    error = await fail(jsonapi({"errors": [{"status": "401", "title": "Unauthenticated"}]}, 401))
    assert isinstance(error, AuthenticationFailed) and isinstance(error, CredentialError)
    assert error.status == 401
    assert "Settings > API keys" in error.message
    assert error.exit_status == 2


async def test_402_plan_expired_carries_the_detail() -> None:
    error = await fail(errors(402, "Your plan has expired"))
    assert isinstance(error, PlanExpired) and isinstance(error, ShopError)
    assert "Your plan has expired" in error.message and "renew" in error.message


async def test_json_403_and_html_403() -> None:
    assert isinstance(await fail(errors(403)), AccessDenied)
    blocked = await fail(httpx.Response(403, content=b"<html>Access denied</html>", headers=HTML))
    assert isinstance(blocked, Blocked)
    assert "15 minutes" in blocked.message


async def test_404_on_an_object_is_an_item_error() -> None:
    error = await fail(jsonapi({"errors": [{"status": "404", "title": "Not Found"}]}, 404))
    assert isinstance(error, NotFound) and isinstance(error, ItemError)
    assert error.key == "variants/101"
    assert error.exit_status == 1


async def test_404_on_a_collection_means_a_wrong_address() -> None:
    error = await fail(errors(404), "list")
    assert isinstance(error, ShopNotFound) and isinstance(error, ConfigurationError)
    assert "primary domain" in error.message


@pytest.mark.parametrize(
    "answer",
    [
        errors(404, "stores app not installed"),
        errors(422, "404: Stores App Not Installed"),
        jsonapi({"errors": [{"status": "404", "title": "grocery_store app not installed"}]}, 404),
    ],
)
async def test_app_not_installed_is_feature_unavailable(answer: httpx.Response) -> None:
    error = await fail(answer, "list")
    assert isinstance(error, FeatureUnavailable)
    assert error.feature.lower() in ("stores", "grocery_store")
    assert "CloudCart > Apps" in error.message


async def test_422_collects_pointers_parameters_and_details() -> None:
    answer = jsonapi(
        {
            "errors": [
                {
                    "status": "422",
                    "detail": "The sku has already been taken.",
                    "source": {"pointer": "/data/attributes/sku"},
                },
                {"status": "422", "title": "Invalid", "detail": "Too big", "source": {"parameter": "page[size]"}},
                {"status": "422"},
            ]
        },
        422,
    )
    error = await fail(answer, "update")
    assert isinstance(error, ValidationFailed) and isinstance(error, ItemError)
    assert error.fields == ["/data/attributes/sku", "page[size]"]
    assert [p.field for p in error.problems] == ["sku", "page[size]", None]
    assert "sku: The sku has already been taken." in error.message
    assert error.key == "variants/101"


@pytest.mark.parametrize("status", [400, 409])
async def test_400_and_409_are_validation_errors(status: int) -> None:
    assert isinstance(await fail(errors(status, "type mismatch", pointer="/data/type"), "update"), ValidationFailed)


@pytest.mark.parametrize("status", [405, 406, 415, 418])
async def test_other_4xx_are_rejected_requests_and_not_retried(status: int) -> None:
    script = Script([errors(status, "nope")] * 3)
    async with client(script, max_retries=5) as shop:
        with pytest.raises(RequestRejected) as caught:
            await shop.get("variants", "1")
    assert len(script.requests) == 1
    assert "report it" in caught.value.message


async def test_503_maintenance_after_retries() -> None:
    body = {"errors": [{"status": "503", "title": "Maintenance mode", "detail": "Try again few minutes later"}]}
    error = await fail(jsonapi(body, 503), max_retries=2)
    assert isinstance(error, Maintenance) and isinstance(error, ConnectionFailed)
    assert "few minutes" in error.message


async def test_5xx_server_error_mentions_the_log_id() -> None:
    error = await fail(jsonapi({"errors": [{"status": "500", "title": "Server Error"}], "details": "abc123"}, 500))
    assert isinstance(error, ServerError)
    assert "abc123" in error.message
    assert isinstance(await fail(jsonapi({}, 504)), GatewayTimeout)
    assert isinstance(await fail(httpx.Response(502, content=b"<html>Bad gateway</html>", headers=HTML)), ServerError)


async def test_redirect_names_the_new_address() -> None:
    error = await fail(httpx.Response(301, headers={"Location": "https://mystore.bg/api/v2/variants/101"}))
    assert isinstance(error, Redirected) and isinstance(error, ConfigurationError)
    assert error.location == "https://mystore.bg/api/v2/variants/101"


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(200, content=b"<!DOCTYPE html><html><body>Shop</body></html>", headers=HTML),
        httpx.Response(200, content=b'{"data": {"type": "variants", "id": "1"', headers={}),
        httpx.Response(200, content=b"", headers={}),
        httpx.Response(200, content=b"\xff\xfe\x00garbage"),
        jsonapi({"meta": {}}),
        jsonapi({"data": []}),  # no object where one was expected
        httpx.Response(404, content=b"<html>Not found</html>", headers=HTML),
    ],
)
async def test_unexpected_answers(answer: httpx.Response) -> None:
    assert isinstance(await fail(answer), UnexpectedResponse)


async def test_network_errors() -> None:
    request = httpx.Request("GET", "https://mystore.cloudcart.net/api/v2/variants/101")
    timeout = await fail(httpx.ReadTimeout("timed out", request=request))
    assert isinstance(timeout, RequestTimeout) and isinstance(timeout, ConnectionFailed)
    assert "25 s" in timeout.message
    refused = await fail(httpx.ConnectError("[Errno 111] Connection refused", request=request))
    assert isinstance(refused, NetworkError) and "mystore.cloudcart.net" in refused.message
    tls = await fail(httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", request=request))
    assert isinstance(tls, NetworkError) and "certificate" in tls.message
    broken = await fail(httpx.RemoteProtocolError("Server disconnected", request=request))
    assert isinstance(broken, NetworkError)


async def test_server_text_echoing_the_key_is_redacted() -> None:
    error = await fail(errors(422, f"Key {KEY} is odd", pointer="/data/attributes/sku"), "update")
    assert KEY not in error.message
    assert "***" in error.message


async def test_no_retries_for_422_even_with_budget() -> None:
    clock = FakeClock()
    script = Script([errors(422, "bad")] * 3)
    async with client(script, clock, max_retries=5) as shop:
        with pytest.raises(ValidationFailed):
            await shop.update("variants", "1", {"quantity": "x"})
    assert len(script.requests) == 1
    assert clock.sleeps == []
    assert json.loads(script.requests[0].content)["data"]["id"] == "1"
