"""``/admin/*`` — plain JSON endpoints for tests and the demo (no key, no rate limit, no faults)."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.sandbox.catalogue import load_catalogue
from app.sandbox.config import config_as_dict
from app.sandbox.jsonapi import ApiError
from app.sandbox.ordering import place_order
from app.sandbox.shop import Shop
from app.sandbox.stock import order_lines


def _shop(request: Request) -> Shop:
    shop: Shop = request.app.state.shop
    return shop


async def _json(request: Request) -> Any:
    raw = await request.body()
    try:
        return json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        raise ApiError(400, detail="The body is not valid JSON.") from None


def _error(error: ApiError) -> Response:
    return JSONResponse(error.document(), status_code=error.status)


async def seed(request: Request) -> Response:
    try:
        spec = await _json(request)
        if not isinstance(spec, dict):
            raise ApiError(400, detail="The seed must be a JSON object.")
        created = load_catalogue(_shop(request), spec)
    except ApiError as error:
        return _error(error)
    return JSONResponse({"created": created, "counts": _shop(request).dump()["counts"]}, status_code=201)


async def orders(request: Request) -> Response:
    shop = _shop(request)
    try:
        spec = await _json(request)
        if not isinstance(spec, dict):
            raise ApiError(400, detail="The order must be a JSON object.")
        order = place_order(shop, spec)
    except ApiError as error:
        return _error(error)
    lines = order_lines(shop, order["id"])
    return JSONResponse({**order, "lines": lines}, status_code=201)


async def state(request: Request) -> Response:
    return JSONResponse(_shop(request).dump())


async def reset(request: Request) -> Response:
    _shop(request).reset()
    return JSONResponse({"reset": True})


async def settings(request: Request) -> Response:
    shop = _shop(request)
    if request.method == "POST":
        try:
            changes = await _json(request)
            if not isinstance(changes, dict):
                raise ApiError(400, detail="The settings must be a JSON object.")
            shop.apply_settings(changes)
        except ApiError as error:
            return _error(error)
        except (ValueError, TypeError) as error:
            return _error(ApiError(422, detail=str(error)))
    return JSONResponse(config_as_dict(shop.config))


routes = [
    Route("/admin/seed", seed, methods=["POST"]),
    Route("/admin/orders", orders, methods=["POST"]),
    Route("/admin/state", state, methods=["GET"]),
    Route("/admin/reset", reset, methods=["POST"]),
    Route("/admin/settings", settings, methods=["GET", "POST"]),
]
