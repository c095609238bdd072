"""Fixtures of the sandbox conformance suite: every test runs in-process (httpx.ASGITransport) and
over real loopback HTTP (SandboxServer), against a fresh shop."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, fields
from typing import Any

import httpx
import pytest

from app.sandbox import SandboxConfig, create_app
from app.sandbox.config import RUNTIME_FIELDS
from app.sandbox.jsonapi import MEDIA_TYPE
from app.sandbox.server import SandboxServer
from app.sandbox.shop import Shop

DEFAULTS = {f.name: getattr(SandboxConfig(), f.name) for f in fields(SandboxConfig) if f.name in RUNTIME_FIELDS}

CATALOGUE: dict[str, Any] = {
    "categories": [{"name": "Clothes"}, {"name": "Shirts", "parent": "Clothes"}, {"name": "Kitchen"}],
    "vendors": [{"name": "ACME"}],
    "parameters": [
        {"name": "Size", "display_type": "radio", "options": ["S", "M", "L"]},
        {"name": "Color", "display_type": "color", "options": ["Red", "Blue"]},
    ],
    "products": [
        {"name": "Cotton T-Shirt", "category": "Shirts", "vendor": "ACME", "tracking": "yes",
         "parameters": ["Size", "Color"],
         "variants": [
             {"sku": "TS-S-RED", "barcode": "3800000000011", "price": 1999, "quantity": 10, "options": ["S", "Red"]},
             {"sku": "TS-M-RED", "barcode": "3800000000028", "price": 1999, "quantity": 5, "options": ["M", "Red"]},
             {"sku": "TS-L-BLUE", "barcode": "3800000000035", "price": 2499, "quantity": 0, "options": ["L", "Blue"]},
         ]},
        {"name": "Ceramic Mug", "category": "Kitchen", "tracking": "yes", "sku": "MUG-1", "barcode": "3800000000042",
         "price": 1290, "quantity": 30},
        {"name": "Gift Card", "category": "Kitchen", "tracking": "yes", "sku": "GIFT", "price": 5000, "quantity": None},
        {"name": "Untracked Tea", "category": "Kitchen", "tracking": "no", "sku": "TEA", "price": 500, "quantity": 3},
    ],
}  # fmt: skip


@dataclass
class Sandbox:
    """A fresh sandbox shop and a client speaking to it."""

    client: httpx.AsyncClient
    shop: Shop
    mode: str

    @property
    def key(self) -> str:
        return self.shop.config.api_key

    def headers(self, *, key: str | None = None, accept: str | None = MEDIA_TYPE) -> dict[str, str]:
        headers = {"X-CloudCart-ApiKey": self.key if key is None else key}
        if accept is not None:
            headers["Accept"] = accept
        return headers

    async def api(self, method: str, path: str, *, json: Any = None, params: Any = None,
                  headers: dict[str, str] | None = None) -> httpx.Response:  # fmt: skip
        """A well-formed JSON:API request to /api/v2 (override headers to break it)."""
        sent = self.headers()
        if json is not None:
            sent["Content-Type"] = MEDIA_TYPE
        sent.update(headers or {})
        content = None if json is None else httpx.Request("POST", "http://x", json=json).content
        return await self.client.request(method, "/api/v2" + path, content=content, params=params, headers=sent)

    async def get(self, path: str, **params: Any) -> httpx.Response:
        return await self.api("GET", path, params=params or None)

    async def post(self, kind: str, attributes: dict[str, Any], relationships: dict[str, Any] | None = None,
                   ) -> httpx.Response:  # fmt: skip
        data: dict[str, Any] = {"type": kind, "attributes": attributes}
        if relationships:
            data["relationships"] = relationships
        return await self.api("POST", f"/{kind}", json={"data": data})

    async def patch(self, kind: str, row_id: Any, attributes: dict[str, Any] | None = None,
                    relationships: dict[str, Any] | None = None) -> httpx.Response:  # fmt: skip
        data: dict[str, Any] = {"type": kind, "id": str(row_id)}
        if attributes is not None:
            data["attributes"] = attributes
        if relationships is not None:
            data["relationships"] = relationships
        return await self.api("PATCH", f"/{kind}/{row_id}", json={"data": data})

    async def seed(self, spec: dict[str, Any] | None = None) -> dict[str, Any]:
        response = await self.client.post("/admin/seed", json=CATALOGUE if spec is None else spec)
        assert response.status_code == 201, response.text
        return response.json()

    async def order(self, **spec: Any) -> dict[str, Any]:
        spec.setdefault("customer", {"first_name": "Ivan", "last_name": "Petrov", "email": "ivan@example.com"})
        response = await self.client.post("/admin/orders", json=spec)
        assert response.status_code == 201, response.text
        return response.json()

    async def settings(self, **changes: Any) -> dict[str, Any]:
        response = await self.client.post("/admin/settings", json=changes)
        assert response.status_code == 200, response.text
        return response.json()

    async def state(self) -> dict[str, Any]:
        return (await self.client.get("/admin/state")).json()

    async def variant(self, sku: str) -> dict[str, Any]:
        response = await self.get("/variants", **{"filter[sku]": sku})
        data = response.json()["data"]
        assert len(data) == 1, response.text
        return data[0]

    async def quantity(self, sku: str) -> Any:
        return (await self.variant(sku))["attributes"]["quantity"]


def ref(kind: str, row_id: Any) -> dict[str, Any]:
    return {"data": {"type": kind, "id": str(row_id)}}


@pytest.fixture(scope="module")
def http_server() -> Iterator[SandboxServer]:
    # Per module, so no server thread outlives the sandbox tests (other suites check for leftovers).
    with SandboxServer(SandboxConfig()) as server:
        yield server


@pytest.fixture(params=["asgi", "http"])
async def sandbox(request: pytest.FixtureRequest) -> AsyncIterator[Sandbox]:
    if request.param == "asgi":
        app = create_app(SandboxConfig())
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://shop.test") as client:
            yield Sandbox(client, app.state.shop, "asgi")
        return
    server: SandboxServer = request.getfixturevalue("http_server")
    server.shop.apply_settings(dict(DEFAULTS))
    server.shop.reset()
    async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
        yield Sandbox(client, server.shop, "http")
    server.shop.apply_settings(dict(DEFAULTS))


@pytest.fixture
async def seeded(sandbox: Sandbox) -> Sandbox:
    await sandbox.seed()
    return sandbox
