"""A small server-rendered storefront: the catalogue with stock and prices, and a test-order form.

``GET /`` lists products and recent orders; the form POSTs to ``/storefront/orders`` (plain
``application/x-www-form-urlencoded``), which places the order as a shopper would (stock side
effects included) and redirects to ``/storefront/orders/{id}``.
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from app.sandbox.jsonapi import ApiError
from app.sandbox.ordering import place_order
from app.sandbox.shop import Shop
from app.sandbox.stock import ORDER_STATUSES, STATUS_IDS, order_lines
from app.sandbox.store import Row

LINE_ROWS = 3

STYLE = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f4f6f8}
header{background:#16324f;color:#fff;padding:14px 32px;display:flex;align-items:baseline;gap:16px}
header h1{margin:0;font-size:20px;font-weight:600}
header span{opacity:.75;font-size:13px}
main{max-width:1180px;margin:24px auto;padding:0 24px;display:grid;grid-template-columns:1fr 380px;gap:24px}
section{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:18px 20px}
h2{margin:0 0 12px;font-size:16px}
table{width:100%;border-collapse:collapse;font-size:14px}
th{text-align:left;font-weight:600;color:#52606d;border-bottom:2px solid #e4e7eb;padding:6px 8px}
td{border-bottom:1px solid #eef1f4;padding:6px 8px;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.product td{background:#f8fafc;font-weight:600;border-top:1px solid #e4e7eb}
.muted{color:#7b8794;font-weight:400}
.tag{display:inline-block;padding:1px 7px;border-radius:10px;font-size:12px;background:#e6f0fa;color:#1c4f82}
.out{color:#b42318}.low{color:#b54708}
form label{display:block;font-size:13px;color:#52606d;margin:8px 0 3px}
input,select{width:100%;padding:6px 8px;border:1px solid #cbd2d9;border-radius:5px;font:inherit;background:#fff}
.line{display:grid;grid-template-columns:1fr 70px;gap:8px;margin-bottom:6px}
button{margin-top:14px;width:100%;padding:9px;border:0;border-radius:5px;background:#1c64f2;color:#fff;
 font:inherit;font-weight:600;cursor:pointer}
.error{background:#fdecea;color:#b42318;border:1px solid #f5c2c0;border-radius:5px;padding:8px 10px;margin-bottom:10px}
.ok{background:#ecfdf3;color:#05603a;border:1px solid #a6f4c5;border-radius:5px;padding:8px 10px;margin-bottom:12px}
dl{display:grid;grid-template-columns:140px 1fr;gap:4px 12px;margin:0 0 14px}dt{color:#52606d}dd{margin:0}
a{color:#1c64f2}
"""


def _shop(request: Request) -> Shop:
    shop: Shop = request.app.state.shop
    return shop


def money(minor: Any, currency: str) -> str:
    return f"{(minor or 0) / 100:,.2f} {escape(currency)}"


def _stock(variant: Row, product: Row) -> str:
    quantity = variant.get("quantity")
    if product.get("tracking") != "yes":
        return '<span class="muted">not tracked</span>'
    if quantity is None:
        return '<span class="muted">unlimited</span>'
    css = "out" if quantity <= 0 else "low" if quantity < 5 else ""
    return f'<span class="{css}">{quantity:g}</span>'


def page(title: str, body: str, status_code: int = 200) -> HTMLResponse:
    html = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>'
        f'<body><header><h1>Sandbox shop</h1><span>CloudCart-compatible test store · API at /api/v2</span></header>'
        f"{body}</body></html>"
    )
    return HTMLResponse(html, status_code=status_code)


def catalogue_table(shop: Shop) -> str:
    currency = shop.config.currency
    categories = {c["id"]: c["name"] for c in shop.resource("categories").rows()}
    rows = []
    for product in shop.products.rows():
        options = " / ".join(p for p in (product.get("p1"), product.get("p2"), product.get("p3")) if p)
        rows.append(
            f'<tr class="product"><td colspan="2">{escape(product["name"])} '
            f'<span class="tag">{escape(categories.get(product.get("category_id"), "—"))}</span></td>'
            f'<td colspan="3" class="muted">{escape(options) or "single variant"}</td></tr>'
        )
        for variant in shop.products.variants_of(product["id"]):
            label = " / ".join(v for v in (variant.get("v1"), variant.get("v2"), variant.get("v3")) if v) or "—"
            rows.append(
                f'<tr><td>{escape(variant.get("sku") or "")}</td><td>{escape(label)}</td>'
                f'<td class="muted">{escape(variant.get("barcode") or "")}</td>'
                f'<td class="num">{money(variant.get("price"), currency)}</td>'
                f'<td class="num">{_stock(variant, product)}</td></tr>'
            )
    if not rows:
        return '<p class="muted">No products yet. Seed the shop with POST /admin/seed.</p>'
    head = (
        '<tr><th>SKU</th><th>Options</th><th>Barcode</th><th class="num">Price</th><th class="num">Stock</th></tr>'
    )
    return f"<table>{head}{''.join(rows)}</table>"


def recent_orders(shop: Shop) -> str:
    orders = sorted(shop.orders.rows(), key=lambda o: o["id"], reverse=True)[:8]
    if not orders:
        return '<p class="muted">No orders yet.</p>'
    rows = "".join(
        f'<tr><td><a href="/storefront/orders/{o["id"]}">#{o["id"]}</a></td>'
        f'<td>{escape(o.get("customer_first_name") or "")} {escape(o.get("customer_last_name") or "")}</td>'
        f'<td><span class="tag">{escape(o["status"])}</span></td>'
        f'<td class="num">{money(o.get("total"), o.get("currency") or "")}</td></tr>'
        for o in orders
    )
    return f'<table><tr><th>Order</th><th>Customer</th><th>Status</th><th class="num">Total</th></tr>{rows}</table>'


def order_form(shop: Shop, values: dict[str, str], error: str | None) -> str:
    skus = [v["sku"] for v in shop.variants.rows() if v.get("sku")]

    def field(name: str, label: str, kind: str = "text") -> str:
        return (
            f'<label for="{name}">{label}</label>'
            f'<input id="{name}" name="{name}" type="{kind}" required value="{escape(values.get(name, ""))}">'
        )

    statuses = "".join(
        f'<option value="{slug}"{" selected" if values.get("status", "pending") == slug else ""}>{name}</option>'
        for _, slug, name in ORDER_STATUSES
    )
    lines = []
    for i in range(LINE_ROWS):
        chosen = values.get(f"sku{i}", "")
        choices = "".join(
            f'<option value="{escape(s)}"{" selected" if s == chosen else ""}>{escape(s)}</option>' for s in skus
        )
        lines.append(
            f'<div class="line"><select name="sku{i}" aria-label="SKU {i + 1}"><option value="">— SKU —</option>'
            f'{choices}</select><input name="qty{i}" type="number" min="1" step="1" aria-label="Quantity {i + 1}" '
            f'value="{escape(values.get(f"qty{i}", "1"))}"></div>'
        )
    problem = f'<div class="error">{escape(error)}</div>' if error else ""
    return (
        f'<form method="post" action="/storefront/orders">{problem}'
        f'{field("first_name", "First name")}{field("last_name", "Last name")}{field("email", "E-mail", "email")}'
        f'<label for="status">Status</label><select id="status" name="status">{statuses}</select>'
        f'<label>Lines (SKU and quantity)</label>{"".join(lines)}<button type="submit">Place order</button></form>'
    )


def home_page(shop: Shop, values: dict[str, str] | None = None, error: str | None = None) -> HTMLResponse:
    body = (
        f"<main><section><h2>Products</h2>{catalogue_table(shop)}</section>"
        f'<div><section><h2>Place a test order</h2>{order_form(shop, values or {}, error)}</section>'
        f'<section style="margin-top:24px"><h2>Recent orders</h2>{recent_orders(shop)}</section></div></main>'
    )
    return page("Sandbox shop", body, 422 if error else 200)


async def home(request: Request) -> Response:
    return home_page(_shop(request))


def _order_spec(values: dict[str, str]) -> dict[str, Any]:
    lines = []
    for i in range(LINE_ROWS):
        sku = values.get(f"sku{i}", "").strip()
        if not sku:
            continue
        try:
            quantity = int(values.get(f"qty{i}") or "1")
        except ValueError:
            raise ApiError(422, detail=f"The quantity of {sku} must be a whole number.") from None
        lines.append({"sku": sku, "quantity": quantity})
    return {
        "customer": {k: values.get(k, "").strip() for k in ("first_name", "last_name", "email")},
        "status": values.get("status", "pending"),
        "lines": lines,
    }


async def place(request: Request) -> Response:
    shop = _shop(request)
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    values = {k: v[0] for k, v in form.items()}
    try:
        order = place_order(shop, _order_spec(values))
    except ApiError as error:
        return home_page(shop, values, error.detail or "The order was refused.")
    return RedirectResponse(f"/storefront/orders/{order['id']}?placed=1", status_code=303)


async def show_order(request: Request) -> Response:
    shop = _shop(request)
    order = shop.orders.lookup(request.path_params["order_id"])
    if order is None:
        missing = '<main><section><h2>Order not found</h2><a href="/">Back</a></section></main>'
        return page("Order not found", missing, 404)
    currency = order.get("currency") or ""
    lines = order_lines(shop, order["id"])
    rows = "".join(
        f'<tr><td>{escape(line.get("sku") or "")}</td><td>{escape(line.get("name") or "")}</td>'
        f'<td>{escape(" / ".join(v for v in (line.get("v1"), line.get("v2"), line.get("v3")) if v))}</td>'
        f'<td class="num">{line["quantity"]:g}</td><td class="num">{money(line["price"], currency)}</td>'
        f'<td class="num">{money(line["price"] * line["quantity"], currency)}</td></tr>'
        for line in lines
    )
    placed = '<div class="ok">The order was placed.</div>' if request.query_params.get("placed") else ""
    status_id = STATUS_IDS.get(order["status"], "")
    body = (
        f'<main style="grid-template-columns:1fr"><section>{placed}<h2>Order #{order["id"]}</h2><dl>'
        f'<dt>Status</dt><dd><span class="tag">{escape(order["status"])}</span> '
        f'<span class="muted">(id {status_id}, {escape(order.get("status_fulfillment") or "")})</span></dd>'
        f"<dt>Customer</dt><dd>{escape(order.get('customer_first_name') or '')} "
        f"{escape(order.get('customer_last_name') or '')} &lt;{escape(order.get('customer_email') or '')}&gt;</dd>"
        f"<dt>Date</dt><dd>{escape(order.get('date_added') or '')}</dd>"
        f"<dt>Total</dt><dd>{money(order.get('total'), currency)}</dd></dl>"
        '<table><tr><th>SKU</th><th>Product</th><th>Options</th><th class="num">Qty</th>'
        f'<th class="num">Price</th><th class="num">Amount</th></tr>{rows}</table>'
        '<p><a href="/">← Back to the shop</a></p></section></main>'
    )
    return page(f"Order #{order['id']}", body)


routes = [
    Route("/", home, methods=["GET"]),
    Route("/storefront/orders", place, methods=["POST"]),
    Route("/storefront/orders/{order_id:int}", show_order, methods=["GET"]),
]
