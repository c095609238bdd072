"""The sandbox shop as an ASGI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.routing import Route

from app.sandbox import admin, storefront
from app.sandbox.api import API_PREFIX, handle
from app.sandbox.config import SandboxConfig
from app.sandbox.shop import Shop

API_METHODS = ["GET", "HEAD", "POST", "PATCH", "DELETE", "PUT", "OPTIONS", "TRACE", "CONNECT"]


def create_app(config: SandboxConfig | None = None) -> Starlette:
    """Build the sandbox shop; ``app.state.shop`` is the :class:`Shop` (state, settings, helpers)."""
    shop = Shop(config or SandboxConfig())

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        shop.close()

    routes = [
        Route(API_PREFIX, handle, methods=API_METHODS),
        Route(API_PREFIX + "/{path:path}", handle, methods=API_METHODS),
        *admin.routes,
        *storefront.routes,
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.shop = shop
    return app
