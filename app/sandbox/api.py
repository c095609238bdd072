"""The ``/api/v2`` surface: edge (rate limit, faults), maintenance, routing, auth, plan, content
negotiation, then the generic JSON:API handlers of :mod:`app.sandbox.resources`."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import math
import uuid
from dataclasses import dataclass
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from app.sandbox.faults import Fault
from app.sandbox.jsonapi import MEDIA_TYPE, ApiError, Query, invalid, paginate, parse_body, parse_query
from app.sandbox.ratelimit import LIMIT_MESSAGE, host_key
from app.sandbox.resources.base import Context, Resource
from app.sandbox.shop import Shop
from app.sandbox.stock import ORDER_STATUSES

log = logging.getLogger(__name__)

API_PREFIX = "/api/v2"
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PATCH", "DELETE", "OPTIONS"})
ACCEPTABLE = frozenset({MEDIA_TYPE, "*/*", "application/*"})
ALLOW_HEADERS = (
    "Content-Type, Accept, X-XSRF-TOKEN, Authorization, X-Requested-With, Application, X-CloudCart-ApiKey, "
    "Origin, Accept-Encoding, X-PINGOTHER"
)
MAINTENANCE = ApiError(503, title="Maintenance mode", detail="Try again few minutes later")
PLAN_EXPIRED = ApiError(402, detail="The subscription plan of this store has expired. Renew it to use the API.")


class JsonApiResponse(JSONResponse):
    media_type = MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass
class Route:
    """What a request path names."""

    resource: Resource | None  # None: the order-status helper
    row_id: str | None = None
    related: str | None = None  # /{id}/<rel>
    linkage: str | None = None  # /{id}/relationships/<rel>
    action: str | None = None  # /orders/{id}/fulfill


def base_headers(request: Request) -> dict[str, str]:
    return {
        "x-powered-by": "cloudcart.com",
        "x-cc-p": "local",
        "x-cc-h": "sandbox",
        "Access-Control-Allow-Origin": request.headers.get("origin", "*"),
        "Access-Control-Allow-Methods": "GET, POST, PATCH, DELETE, OPTIONS",
        "Access-Control-Allow-Headers": ALLOW_HEADERS,
    }


def error_response(error: ApiError, headers: dict[str, str]) -> Response:
    return JsonApiResponse(error.document(), status_code=error.status, headers=headers)


async def handle(request: Request) -> Response:
    """Entry point of every /api/v2 request."""
    shop: Shop = request.app.state.shop
    config = shop.config
    decision = shop.limiter.hit(host_key(request.headers.get("host", "")), config.rate_limit, config.rate_window_s)
    headers = base_headers(request) | decision.headers()
    if not decision.allowed:
        return JSONResponse(decision.body(), status_code=429, headers=headers)
    fault = shop.faults.draw()
    if fault is not None:
        answer = await inject(fault, shop, headers)
        if answer is not None:
            return answer
    try:
        if config.maintenance:
            raise MAINTENANCE
        route = resolve(shop, request.method, request.url.path)
        authenticate(shop, request)
        if config.plan_expired:
            raise PLAN_EXPIRED
        if route.resource is not None and not shop.app_installed(route.resource.app_gate):
            raise ApiError(404, detail=f"{route.resource.app_gate} app not installed")
        negotiate(request)
        if request.method == "OPTIONS":
            return Response(status_code=204, headers=headers)
        body = await request.body()
        status, document, extra = dispatch(shop, request, route, body)
    except ApiError as error:
        return error_response(error, headers)
    except ClientDisconnect:  # the client went away mid-request (a killed run, a timeout): nobody to answer
        log.debug("sandbox: client disconnected during %s %s", request.method, request.url.path)
        return Response(status_code=499, headers=headers)
    except Exception:
        details = uuid.uuid4().hex[:12]
        log.exception("sandbox: unhandled error %s", details)
        return error_response(ApiError(500, extra={"details": details}), headers)
    if status == 204:
        return Response(status_code=204, headers=headers)
    if route.resource is None:  # order-status is not JSON:API
        return JSONResponse(document, status_code=status, headers=headers)
    return JsonApiResponse(document, status_code=status, headers=headers | extra)


async def inject(fault: Fault, shop: Shop, headers: dict[str, str]) -> Response | None:
    if fault.kind == "slow":
        await asyncio.sleep(fault.seconds or 0)
        return None
    if fault.kind == "timeout":
        await asyncio.sleep(fault.seconds if fault.seconds is not None else shop.config.timeout_s)
        return error_response(ApiError(504), headers)
    if fault.kind == "500":
        return error_response(ApiError(500, extra={"details": uuid.uuid4().hex[:12]}), headers)
    if fault.kind == "503":
        return error_response(MAINTENANCE, headers)
    if fault.kind == "429":
        retry = math.ceil(shop.config.rate_window_s)
        body = {"error": "Too Many Requests", "message": LIMIT_MESSAGE, "retry_after": retry}
        return JSONResponse(body, status_code=429,
                            headers=headers | {"X-RateLimit-Remaining": "0", "Retry-After": str(retry)})  # fmt: skip
    code = fault.count if fault.count >= 400 else 502
    page = (
        f"<!DOCTYPE html><html><head><title>{code} Bad Gateway</title></head><body>"
        f"<center><h1>{code} Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
    )
    return HTMLResponse(page, status_code=code, headers={k: v for k, v in headers.items() if k.startswith("X-Rate")})


def resolve(shop: Shop, method: str, path: str) -> Route:
    """Routing: 404 for unknown paths, 405 for verbs a path does not take."""
    if method not in KNOWN_METHODS:
        raise ApiError(405)
    parts = [p for p in path[len(API_PREFIX) :].split("/") if p]
    if not parts:
        raise ApiError(404)
    kind = parts[0]
    if kind == "order-status" and len(parts) == 1:
        return _allow(Route(None), method, frozenset({"GET"}))
    if not shop.has_resource(kind):
        raise ApiError(404)
    resource = shop.resource(kind)
    if len(parts) == 1:
        return _allow(Route(resource), method, resource.methods & {"GET", "POST"})
    row_id = parts[1]
    if len(parts) == 2:
        return _allow(Route(resource, row_id), method, resource.methods & {"GET", "PATCH", "DELETE"})
    if len(parts) == 3 and kind == "orders" and parts[2] == "fulfill":
        return _allow(Route(resource, row_id, action="fulfill"), method, frozenset({"PATCH"}))
    if len(parts) == 3 and resource.relation(parts[2]) is not None:
        return _allow(Route(resource, row_id, related=parts[2]), method, frozenset({"GET"}))
    if len(parts) == 4 and parts[2] == "relationships" and resource.relation(parts[3]) is not None:
        rel = resource.relation(parts[3])
        assert rel is not None
        writable = frozenset({"PATCH"}) if "PATCH" in rel.writable and "PATCH" in resource.methods else frozenset()
        return _allow(Route(resource, row_id, linkage=parts[3]), method, frozenset({"GET"}) | writable)
    raise ApiError(404)


def _allow(route: Route, method: str, allowed: frozenset[str]) -> Route:
    if method in ("OPTIONS",) or method in allowed or (method == "HEAD" and "GET" in allowed):
        return route
    raise ApiError(405)


def authenticate(shop: Shop, request: Request) -> None:
    key = request.headers.get("x-cloudcart-apikey", "").strip()
    if not key or not hmac.compare_digest(key.encode(), shop.config.api_key.encode()):
        raise ApiError(401)


def _media_types(header: str) -> list[tuple[str, bool]]:
    """(type, has parameters) for each entry of an Accept / Content-Type header."""
    out = []
    for item in header.split(","):
        media, _, params = item.partition(";")
        params_clean = [p.strip() for p in params.split(";") if p.strip() and not p.strip().startswith("q=")]
        out.append((media.strip().lower(), bool(params_clean)))
    return out


def negotiate(request: Request) -> None:
    if request.method in ("POST", "PATCH"):
        content_type = request.headers.get("content-type", "")
        media, has_params = _media_types(content_type)[0] if content_type else ("", False)
        if media != MEDIA_TYPE or has_params:
            raise ApiError(415, detail=f"The request Content-Type must be {MEDIA_TYPE}.")
    accept = request.headers.get("accept")
    if accept and not any(media in ACCEPTABLE and not params for media, params in _media_types(accept)):
        raise ApiError(406, detail=f"The Accept header must allow {MEDIA_TYPE}.")


def _decode(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8")) if raw else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ApiError(400, detail="The request body is not valid JSON.") from None


def _read_body(raw: bytes) -> dict[str, Any]:
    return parse_body(_decode(raw))


def dispatch(shop: Shop, request: Request, route: Route, raw: bytes) -> tuple[int, Any, dict[str, str]]:
    """Run one request inside a store transaction: (status, document, extra headers)."""
    query = parse_query(list(request.query_params.multi_items()))
    base_url = str(request.base_url).rstrip("/") + API_PREFIX
    ctx = Context(query, base_url, request.headers.get("x-show-links") == "1")
    method = "GET" if request.method == "HEAD" else request.method
    if route.resource is None:
        return 200, order_statuses(request.query_params.get("filter")), {}
    resource = route.resource
    with shop.store.transaction():
        if route.row_id is None and method == "GET":
            return 200, collection(resource, ctx), {}
        if route.row_id is None:  # POST
            row = resource.create(_read_body(raw))
            location = f"{base_url}/{resource.type}/{row['id']}"
            return 201, single(resource, row, ctx), {"Location": location}
        if route.action == "fulfill":
            order = resource.find(route.row_id)
            data = _read_body(raw)
            resource.check_identity(data, order)
            fulfil_attrs = shop.resource("order-fulfillment").check_attributes(data, creating=True)
            shop.orders.fulfil(order, fulfil_attrs)
            return 200, single(resource, resource.find(route.row_id), ctx), {}
        if route.related is not None or route.linkage is not None:
            return 200, relationship(shop, resource, route, method, raw, ctx), {}
        row = resource.find(route.row_id)
        if method == "GET":
            _no_list_params(query)
            return 200, single(resource, row, ctx), {}
        if method == "PATCH":
            row = resource.update(row, _read_body(raw))
            return 200, single(resource, row, ctx), {}
        resource.remove(row)
        return 204, None, {}


def _no_list_params(query: Query) -> None:
    if query.filters:
        raise invalid("Filters are not supported when fetching one resource.", parameter="filter")
    if query.sort:
        raise invalid("Sorting is not supported when fetching one resource.", parameter="sort")


def _check_read_params(resource: Resource, query: Query) -> None:
    resource.check_includes(query.include)
    resource.check_appends(query)


def collection(resource: Resource, ctx: Context) -> dict[str, Any]:
    query = ctx.query
    _check_read_params(resource, query)
    rows = resource.sort_rows(resource.select(query.filters), query.sort)
    if any(name in resource.single_filters for name in query.filters):
        return single(resource, rows[0] if rows else None, ctx)
    page = paginate(rows, query)
    document: dict[str, Any] = {"data": [resource.serialize(row, ctx) for row in page.items]}
    if query.include:
        document["included"] = resource.included(page.items, query.include, ctx)
    document["meta"] = {"page": page.meta()}
    if ctx.show_links:
        document["links"] = page.links(f"{ctx.base_url}/{resource.type}")
    document["jsonapi"] = {"version": "1.0"}
    return document


def single(resource: Resource, row: dict[str, Any] | None, ctx: Context) -> dict[str, Any]:
    _check_read_params(resource, ctx.query)
    document: dict[str, Any] = {"data": resource.serialize(row, ctx) if row is not None else None}
    if ctx.query.include:
        document["included"] = resource.included([row] if row is not None else [], ctx.query.include, ctx)
    document["jsonapi"] = {"version": "1.0"}
    return document


def relationship(shop: Shop, resource: Resource, route: Route, method: str, raw: bytes, ctx: Context) -> Any:
    """``/{type}/{id}/{rel}`` (related resources) and ``/{type}/{id}/relationships/{rel}`` (linkage)."""
    assert route.row_id is not None
    row = resource.find(route.row_id)
    name = route.related or route.linkage
    rel = resource.relation(name or "")
    assert rel is not None
    if method == "PATCH":  # to-one linkage replacement
        payload = _read_json(raw)
        data = {"type": resource.type, "id": str(row["id"]), "relationships": {rel.name: payload}}
        row = resource.update(row, data)
    if route.linkage is not None:
        return {"data": resource.linkage(row, rel), "jsonapi": {"version": "1.0"}}
    target = shop.resource(rel.target) if shop.has_resource(rel.target) else None
    rows = resource.related(row, rel)
    if target is None:
        return {"data": [] if rel.many else None, "jsonapi": {"version": "1.0"}}
    if not rel.many:
        return single(target, rows[0] if rows else None, ctx)
    page = paginate(target.sort_rows(target.filter_rows(rows, ctx.query.filters), ctx.query.sort), ctx.query)
    _check_read_params(target, ctx.query)
    document: dict[str, Any] = {"data": [target.serialize(r, ctx) for r in page.items]}
    if ctx.query.include:
        document["included"] = target.included(page.items, ctx.query.include, ctx)
    document["meta"] = {"page": page.meta()}
    document["jsonapi"] = {"version": "1.0"}
    return document


def _read_json(raw: bytes) -> Any:
    payload = _decode(raw)
    if not isinstance(payload, dict) or "data" not in payload:
        raise ApiError(400, detail="The request body must be a JSON:API document with a data member.")
    return payload


def order_statuses(search: str | None) -> dict[str, Any]:
    """``GET /order-status``: not JSON:API, not paginated; ``?filter=`` searches name and slug."""
    rows = [
        {"id": status_id, "name": name, "slug": slug, "status_type": "default"}
        for status_id, slug, name in ORDER_STATUSES
    ]
    if search:
        needle = search.lower()
        rows = [r for r in rows if needle in str(r["name"]).lower() or needle in str(r["slug"])]
    return {"data": rows}
