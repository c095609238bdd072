"""A small server-rendered storefront at ``/`` (placeholder; filled in below)."""

from __future__ import annotations

from starlette.routing import Route

routes: list[Route] = []
