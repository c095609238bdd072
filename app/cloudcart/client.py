"""The asynchronous CloudCart JSON:API v2 client used by the sync tasks.

One :class:`CloudCartClient` per run: it owns one pooled ``httpx.AsyncClient`` (closed on exit and on
cancellation), paces requests under the shop's rate limit, retries what is safe to retry, and turns
every failure into a typed :mod:`app.cloudcart.errors` error.

    async with CloudCartClient("mystore.cloudcart.net", key) as shop:
        async for variant in shop.iterate("variants", filters={"sku": "TS-RED-M"}):
            await shop.update("variants", variant.id, {"quantity": 4})
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType, TracebackType
from typing import Any
from urllib.parse import quote

import httpx

from app.cloudcart.errors import (
    AnswerLost,
    FeatureUnavailable,
    GatewayTimeout,
    NotFound,
    ShopNotFound,
    UnexpectedResponse,
)
from app.cloudcart.jsonapi import Document, RelationshipInput, Resource, decode_document, encode_resource
from app.cloudcart.ratelimit import Budget, RateLimiter
from app.cloudcart.responses import RequestInfo, read_json
from app.cloudcart.retry import RetryPolicy
from app.cloudcart.session import ApiSession
from app.cloudcart.stats import TrafficStats
from app.domain.errors import AppError, CredentialError
from app.domain.shop_address import base_url_from_identifier, domain_warning

_RESOURCE_NAME = re.compile(r"^[a-z][a-z0-9-]*(/[a-z][a-z0-9-]*)?$")
_EMPTY: Mapping[str, str] = MappingProxyType({})
MIN_PAGE_SIZE = 10


@dataclass(frozen=True)
class ConnectionCheck:
    """Result of :meth:`CloudCartClient.test_connection` for the server dialog's "Test" button."""

    ok: bool
    rate_limit: int | None
    remaining: int | None
    message: str


def _check_key(api_key: str) -> str:
    key = (api_key or "").strip()
    if not key:
        raise CredentialError(
            "No CloudCart API key is set. Create one in CloudCart > Settings > API keys and store it with "
            "'utility-center servers set-secret NAME api-key'.",
            title="CloudCart API key missing",
        )
    if not key.isascii() or any(ch.isspace() for ch in key):
        raise CredentialError(
            "The CloudCart API key contains spaces or characters that no CloudCart key has. Copy it again "
            "from CloudCart > Settings > API keys.",
            title="CloudCart API key invalid",
        )
    return key


def _info(method: str, resource: str, object_id: str | None = None) -> RequestInfo:
    """``("GET", "variants", "101")`` -> ``GET /variants/101`` (the id URL-quoted)."""
    if not _RESOURCE_NAME.match(resource):
        raise ValueError(f"not a CloudCart resource name: {resource!r}")
    path = f"/{resource}"
    if object_id is not None:
        object_id = str(object_id)
        if not object_id:
            raise ValueError(f"empty id for {resource}")
        path += "/" + quote(object_id, safe="")
    return RequestInfo(method, path, resource.split("/")[0], object_id)


def _include(include: Iterable[str]) -> dict[str, str]:
    names = [name for name in include if name]
    return {"include": ",".join(names)} if names else {}


class CloudCartClient:
    """Async context manager; see the module docstring."""

    def __init__(
        self,
        api_identifier: str,
        api_key: str,
        *,
        concurrency: int = 4,
        timeout: float = 25.0,
        max_retries: int = 6,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        rate_limiter: RateLimiter | None = None,
        rng: random.Random | None = None,
        max_rate_wait: float = 300.0,
    ) -> None:
        self.base_url = base_url_from_identifier(api_identifier)
        self.domain_warning = domain_warning(api_identifier)
        self.concurrency = max(1, concurrency)
        self._limiter = rate_limiter or RateLimiter(concurrency=self.concurrency, sleep=sleep, clock=clock)
        self._session = ApiSession(
            self.base_url,
            _check_key(api_key),
            concurrency=self.concurrency,
            timeout=timeout,
            retry=RetryPolicy(max_retries=max(0, max_retries), rng=rng or random.Random()),
            limiter=self._limiter,
            sleep=sleep,
            clock=clock,
            transport=transport,
            max_rate_wait=max_rate_wait,
        )

    def __repr__(self) -> str:
        return f"CloudCartClient({self.base_url!r})"

    async def __aenter__(self) -> CloudCartClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool (also done by ``async with``, even on cancellation)."""
        await asyncio.shield(self._session.aclose())

    # -- traffic and budget -------------------------------------------------------------------

    @property
    def stats(self) -> TrafficStats:
        return self._session.stats

    @property
    def budget(self) -> Budget:
        """The shop's last rate-limit headers: limit per minute, remaining, reset time."""
        return self._limiter.budget

    def eta_seconds(self, calls: int) -> float:
        """Estimated seconds for ``calls`` more requests at the current rate-limit budget."""
        return self._limiter.eta_seconds(calls)

    # -- generic JSON:API ----------------------------------------------------------------------

    async def _document(
        self,
        method: str,
        info: RequestInfo,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        idempotent: bool = True,
        no_retry_statuses: frozenset[int] = frozenset(),
    ) -> Document:
        content = json.dumps(body, ensure_ascii=False, default=str).encode() if body is not None else None
        response = await self._session.send(
            method, info, params=params, content=content, idempotent=idempotent, no_retry_statuses=no_retry_statuses
        )
        return decode_document(read_json(response, info))

    @staticmethod
    def _one(document: Document, info: RequestInfo) -> Resource:
        if len(document.resources) != 1:
            raise UnexpectedResponse(
                f"CloudCart answered {info.label} with {len(document.resources)} objects where one was expected. "
                "Try again; if it repeats, send the log file to support.",
                request=info.label,
            )
        return document.resources[0]

    async def get(self, resource: str, id: str, *, include: Iterable[str] = ()) -> Resource:
        """``GET /<resource>/<id>``; :class:`NotFound` if it does not exist."""
        info = _info("GET", resource, id)
        return self._one(await self._document("GET", info, params=_include(include)), info)

    async def iterate(
        self,
        resource: str,
        *,
        filters: Mapping[str, str] = _EMPTY,
        sort: str | None = None,
        include: Iterable[str] = (),
        page_size: int = 100,
    ) -> AsyncIterator[Resource]:
        """Every object of a collection, page by page (``page[number]``/``page[size]``).

        Stops when ``current-page >= last-page`` or a page is empty; a single-record-mode answer (data is
        one object, e.g. ``variant-parameters?filter[name]=Color``) yields that object. A page that times out
        at the shop (504) is fetched again in halves.
        """
        if not 1 <= page_size <= 100:
            raise ValueError("page_size must be between 1 and 100")
        info = _info("GET", resource)
        params = {f"filter[{name}]": str(value) for name, value in filters.items()}
        if sort:
            params["sort"] = sort
        params.update(_include(include))
        number, size = 1, page_size
        while True:
            page_params = {**params, "page[number]": str(number), "page[size]": str(size)}
            can_shrink = size >= 2 * MIN_PAGE_SIZE and size % 2 == 0
            try:
                document = await self._document(
                    "GET", info, params=page_params, no_retry_statuses=frozenset({504}) if can_shrink else frozenset()
                )
            except GatewayTimeout:
                if not can_shrink:
                    raise
                offset = (number - 1) * size
                size //= 2
                number = offset // size + 1
                continue
            for item in document.resources:
                yield item
            if document.single or not document.resources:
                return
            page = document.page
            if page is None or page.current_page >= page.last_page or number >= page.last_page:
                return
            number += 1  # our own count: a shop repeating "current-page" must not loop us forever

    async def list_all(
        self,
        resource: str,
        *,
        filters: Mapping[str, str] = _EMPTY,
        sort: str | None = None,
        include: Iterable[str] = (),
        page_size: int = 100,
    ) -> list[Resource]:
        """:meth:`iterate` collected into a list."""
        return [
            item
            async for item in self.iterate(resource, filters=filters, sort=sort, include=include, page_size=page_size)
        ]

    async def find_one(self, resource: str, natural_key: Mapping[str, str]) -> Resource | None:
        """The object whose attributes equal ``natural_key`` (compared as text), found with ``filter[...]``."""
        wanted = {name: str(value) for name, value in natural_key.items()}
        try:
            async for item in self.iterate(resource, filters=wanted):
                if all(str(item.attributes.get(name)) == value for name, value in wanted.items()):
                    return item
        except NotFound:
            return None
        return None

    async def create(
        self,
        resource: str,
        attributes: Mapping[str, Any],
        relationships: Mapping[str, RelationshipInput] | None = None,
        *,
        natural_key: Mapping[str, str] | None = None,
    ) -> Resource:
        """``POST /<resource>``; returns the created object.

        If the answer is lost after sending (timeout, broken connection, 500/502/504) the POST is not
        repeated blindly: with a ``natural_key`` (e.g. ``{"sku": "TS-RED-M"}``) the object is looked up
        first and returned when it exists; without one :class:`AnswerLost` is raised.
        """
        info = _info("POST", resource)
        body = encode_resource(resource, attributes, relationships)
        retries = 0
        while True:
            try:
                return self._one(await self._document("POST", info, body=body, idempotent=False), info)
            except AnswerLost:
                if natural_key is None or not self._session.retry.should_retry(retries):
                    raise
            await self._session.backoff(retries)
            retries += 1
            found = await self.find_one(resource, natural_key)
            if found is not None:
                return found

    async def update(
        self,
        resource: str,
        id: str,
        attributes: Mapping[str, Any],
        relationships: Mapping[str, RelationshipInput] | None = None,
    ) -> Resource:
        """``PATCH /<resource>/<id>`` with the id in the URL and in the body; returns the saved object."""
        info = _info("PATCH", resource, id)
        body = encode_resource(resource, attributes, relationships, id=str(id))
        return self._one(await self._document("PATCH", info, body=body), info)

    async def delete(self, resource: str, id: str) -> None:
        """``DELETE /<resource>/<id>``. A 404 on a repeated DELETE (first answer lost) counts as done."""
        info = _info("DELETE", resource, id)
        retried = self.stats.retries
        try:
            await self._session.send("DELETE", info)
        except NotFound:
            if self.stats.retries == retried:
                raise

    # -- CloudCart specifics -------------------------------------------------------------------

    async def order_statuses(self) -> list[dict[str, Any]]:
        """``GET /order-status`` (not JSON:API, not paginated): ``[{"id", "name", "slug", "status_type"}, ...]``."""
        info = _info("GET", "order-status")
        payload = read_json(await self._session.send("GET", info), info)
        data = payload.get("data") if isinstance(payload, dict) else None
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise UnexpectedResponse(
                "CloudCart's list of order statuses is malformed. Try again; if it repeats, send the log file "
                "to support.",
                request=info.label,
            )
        return [dict(item) for item in data]

    async def patch_order(self, order_id: str, **attributes: Any) -> Resource:
        """``PATCH /orders/<id>`` with e.g. ``status="paid"`` or ``usn="WP-1042"``."""
        return await self.update("orders", order_id, attributes)

    async def probe_feature(self, resource: str) -> None:
        """Raise :class:`FeatureUnavailable` unless ``resource`` (e.g. ``stores``, ``store-quantity``) works."""
        info = _info("GET", resource)
        try:
            await self._document("GET", info, params={"page[number]": "1", "page[size]": "1"})
        except ShopNotFound:
            raise FeatureUnavailable(
                f"This CloudCart store does not offer '{resource}' (404). Install the CloudCart app that provides "
                "it, or turn off the option that needs it.",
                feature=resource,
                status=404,
                request=info.label,
            ) from None

    async def has_feature(self, resource: str) -> bool:
        """True when :meth:`probe_feature` passes."""
        try:
            await self.probe_feature(resource)
        except FeatureUnavailable:
            return False
        return True

    async def test_connection(self) -> ConnectionCheck:
        """One cheap request (``GET /products?page[size]=1``): does the key work, what is the rate limit?"""
        warning = f" Warning: {self.domain_warning}" if self.domain_warning else ""
        try:
            document = await self._document(
                "GET", _info("GET", "products"), params={"page[number]": "1", "page[size]": "1"}
            )
        except AppError as exc:
            return ConnectionCheck(False, self.budget.limit, self.budget.remaining, exc.for_operator() + warning)
        budget = self.budget
        total = document.page.total if document.page else None
        products = f" The shop has {total} products." if total is not None else ""
        limit = f" Rate limit: {budget.limit} requests per minute." if budget.limit else ""
        return ConnectionCheck(
            True, budget.limit, budget.remaining, f"Connected to {self.base_url}.{products}{limit}{warning}"
        )
