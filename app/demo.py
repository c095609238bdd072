"""The one-command demo (``utility-center --demo``): a sandbox shop, a demo warehouse and a ready server.

:func:`start_demo` (no Qt) does, in this process:

1. creates **once** the demo Warehouse Pro database ``<home>/demo/warehouse.db3``
   (:func:`app.warehouse.demo.build_demo_database`);
2. starts the CloudCart-compatible sandbox shop on ``127.0.0.1`` on a free port, its state kept in the
   SQLite file ``<home>/demo/shop.sqlite3`` so that what the demo did (products exported, orders placed
   in the storefront, orders already imported) is still there on the next start and agrees with the
   server's own state (cursors, the order ledger);
3. seeds the shop **once** (only while it has neither products nor orders) with three products that the
   shop "already sold" - simple goods of the demo warehouse, same SKU (= ``goods.BarCode2``), an older
   price - and three customer orders for them. The first **Start** then imports those orders into the
   warehouse (OperType 19 documents at "Online shop") and exports the warehouse's "Web shop" goods: the
   three known products are updated (price, quantity), every other good is created;
4. creates or updates the server named ``Demo`` pointing at both. Its Key comes from the environment
   variable ``UC_DEMO_API_KEY``, set here for this process only: the demo never touches the OS keyring
   and never writes the Key to a file. The port changes on every start, so the server's API identifier
   is rewritten on every start.

See ``docs/demo.md``.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from app import paths
from app.domain.errors import AppError
from app.domain.settings import TYPE_KEY, ServerSettings, parse_settings
from app.sandbox import DEMO_API_KEY, SandboxConfig
from app.sandbox.catalogue import load_catalogue
from app.sandbox.jsonapi import ApiError
from app.sandbox.server import SandboxServer
from app.servers.store import ServerStore

log = logging.getLogger(__name__)

DEMO_SERVER_NAME = "Demo"
DEMO_KEY_ENV = "UC_DEMO_API_KEY"
WAREHOUSE_FILE = "warehouse.db3"
SHOP_FILE = "shop.sqlite3"
DEMO_GOODS = 60
DEMO_SEED = 7
# Generous for a demo (a first export of 60 goods takes a few dozen calls); real plans allow 50-800.
DEMO_RATE_LIMIT = 600
SHOP_OBJECT = "Online shop"
QUANTITY_GROUPS = ("Warehouses",)
GOODS_GROUPS = ("Web shop",)
SEEDED_PRODUCTS = 3


@dataclass(frozen=True)
class DemoGood:
    """A simple (non-variant) good of the demo warehouse that the seeded shop already lists."""

    sku: str
    barcode: str
    name: str
    price: float


@dataclass
class DemoEnvironment:
    """A running demo: the sandbox shop, the ``Demo`` server and where their files are."""

    sandbox: SandboxServer
    server: ServerSettings
    warehouse_path: Path
    shop_path: Path
    seeded: bool = False
    _previous_key: str | None = field(default=None, repr=False)

    @property
    def shop_url(self) -> str:
        """The sandbox's root URL, as stored in the server's API identifier."""
        return self.sandbox.url

    @property
    def storefront_url(self) -> str:
        return self.sandbox.url + "/"

    @property
    def api_url(self) -> str:
        return self.sandbox.api_url

    @property
    def running(self) -> bool:
        return self.sandbox.running

    def place_order(
        self,
        lines: list[dict[str, Any]],
        *,
        status: str = "paid",
        customer: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """Place an order as a shopper would; see :func:`place_demo_order`."""
        return place_demo_order(self.shop_url, lines, status=status, customer=customer)

    def stop(self) -> None:
        """Stop the sandbox shop (idempotent) and forget the Key this process was given."""
        if self.running:
            self.sandbox.stop()
            log.info("Demo sandbox shop stopped")
        if os.environ.get(DEMO_KEY_ENV) == self.sandbox.config.api_key:
            if self._previous_key is None:
                os.environ.pop(DEMO_KEY_ENV, None)
            else:
                os.environ[DEMO_KEY_ENV] = self._previous_key

    def __enter__(self) -> DemoEnvironment:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


# --- the warehouse ----------------------------------------------------------------------------------


def ensure_demo_warehouse(path: Path) -> bool:
    """Create the demo database at ``path`` unless it is there; True when it was created now."""
    if path.exists():
        return False
    from app.warehouse.demo import build_demo_database

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    build_demo_database(partial, goods=DEMO_GOODS, seed=DEMO_SEED)
    os.replace(partial, path)  # a crash while building leaves no half database behind
    log.info("Demo Warehouse Pro database created at %s", path)
    return True


def simple_web_goods(path: Path, limit: int = SEEDED_PRODUCTS) -> list[DemoGood]:
    """Simple goods (no Catalog variant fields) of the "Web shop" groups, that the export will send."""
    query = """
        SELECT g.BarCode2, g.BarCode1, g.Name, g.PriceOut2
        FROM goods g JOIN goodsgroups gg ON gg.ID = ABS(g.GroupID)
        WHERE gg.Code LIKE 'AAA%' AND g.Deleted = 0 AND (g.Type & 8) = 0
          AND TRIM(COALESCE(g.Catalog1, '')) = '' AND TRIM(COALESCE(g.BarCode2, '')) <> ''
          AND (SELECT COUNT(*) FROM goods o WHERE o.Code = g.Code) = 1
        ORDER BY g.ID
        LIMIT ?
    """
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute(query, (limit,)).fetchall()
    return [
        DemoGood(str(sku).strip(), str(barcode or "").strip(), str(name).strip(), float(price or 0))
        for sku, barcode, name, price in rows
    ]


# --- the shop ---------------------------------------------------------------------------------------


def _days_ago(days: int, hour: int) -> str:
    moment = (datetime.now() - timedelta(days=days)).replace(hour=hour, minute=15, second=0, microsecond=0)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def shop_seed(goods: list[DemoGood]) -> dict[str, Any]:
    """The catalogue spec (see :mod:`app.sandbox.catalogue`): ``goods`` listed at an older price, and orders."""
    if not goods:
        return {}
    products = [
        {
            "name": good.name,
            "category": "Accessories",
            "active": "yes",
            "tracking": "yes",
            "shipping": "yes",
            "sku": good.sku,
            "barcode": good.barcode or None,
            "price": round(good.price * 100) - 100 if good.price > 2 else round(good.price * 100),
            "quantity": 20,
        }
        for good in goods
    ]
    skus = [good.sku for good in goods]
    orders = [
        {"customer": {"first_name": "Ivan", "last_name": "Petrov", "email": "ivan@example.com"},
         "status": "paid", "date_added": _days_ago(2, 10),
         "lines": [{"sku": skus[0], "quantity": 2}, {"sku": skus[-1], "quantity": 1}]},
        {"customer": {"first_name": "Maria", "last_name": "Georgieva", "email": "maria@example.com"},
         "status": "pending", "date_added": _days_ago(1, 15),
         "lines": [{"sku": skus[len(skus) // 2], "quantity": 1}]},
        {"customer": {"first_name": "Georgi", "last_name": "Dimitrov", "email": "georgi@example.com"},
         "status": "completed", "fulfilled": True, "date_added": _days_ago(0, 9),
         "lines": [{"sku": skus[0], "quantity": 1}]},
    ]  # fmt: skip
    return {"categories": [{"name": "Accessories"}], "products": products, "orders": orders}


def seed_shop_once(sandbox: SandboxServer, warehouse_path: Path) -> bool:
    """Seed the shop when it has neither products nor orders; True when it did."""
    store = sandbox.shop.store
    if store.rows("products") or store.rows("orders"):
        return False
    spec = shop_seed(simple_web_goods(warehouse_path))
    if not spec:
        log.warning("The demo warehouse has no simple web goods; the demo shop starts empty")
        return False
    load_catalogue(sandbox.shop, spec)
    log.info("Demo shop seeded with %d products and %d orders", len(spec["products"]), len(spec["orders"]))
    return True


def place_demo_order(
    shop_url: str,
    lines: list[dict[str, Any]],
    *,
    status: str = "paid",
    customer: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Place an order in the sandbox shop at ``shop_url`` (``POST /admin/orders``), as a shopper would.

    ``lines`` as in :mod:`app.sandbox.ordering`, e.g. ``[{"sku": "AC3", "quantity": 2}]``. Returns the
    order with its ``lines``; raises :class:`RuntimeError` with the shop's message when it refuses.
    """
    body = {
        "customer": customer or {"first_name": "Demo", "last_name": "Shopper", "email": "shopper@example.com"},
        "status": status,
        "lines": lines,
    }
    response = httpx.post(shop_url.rstrip("/") + "/admin/orders", json=body, timeout=10)
    if response.status_code != 201:
        raise RuntimeError(f"the sandbox shop refused the order ({response.status_code}): {response.text[:300]}")
    order: dict[str, Any] = response.json()
    return order


# --- the server -------------------------------------------------------------------------------------


def demo_settings(name: str, shop_url: str, warehouse_path: Path) -> ServerSettings:
    """The Demo server, read through the same validation as a server file."""
    return parse_settings(
        {
            "name": name,
            "type": TYPE_KEY,
            "shop": {"api_identifier": shop_url, "api_key_env": DEMO_KEY_ENV, "compare_by": "sku"},
            "warehouse": {"engine": "sqlite", "database": str(warehouse_path)},
            "import": {"start": "on-server-start", "object": SHOP_OBJECT},
            "export": {
                "start": "on-server-start",
                "object": SHOP_OBJECT,
                "quantity_object_groups": list(QUANTITY_GROUPS),
                "goods_groups": list(GOODS_GROUPS),
            },
        }
    )


def _is_ours(server: ServerSettings, warehouse_path: Path) -> bool:
    return server.warehouse.engine == "sqlite" and Path(server.warehouse.database) == warehouse_path


def save_demo_server(store: ServerStore, shop_url: str, warehouse_path: Path) -> ServerSettings:
    """Create the ``Demo`` server, or point the existing one at this start's shop URL.

    The operator's other changes to the Demo server are kept; a server named "Demo" that is not the
    demo's (another warehouse) is left alone and the demo uses "Demo 2" (or the next free name).
    """
    servers = store.list()
    by_name = {s.name.lower(): s for s in servers}
    n = 1
    while True:
        name = DEMO_SERVER_NAME if n == 1 else f"{DEMO_SERVER_NAME} {n}"
        existing = by_name.get(name.lower())
        if existing is None:
            created = store.add(demo_settings(name, shop_url, warehouse_path))
            log.info("Demo server %r created for %s", created.name, shop_url)
            return created
        if _is_ours(existing, warehouse_path):
            shop = replace(existing.shop, api_identifier=shop_url, api_key_env=DEMO_KEY_ENV)
            return store.save(replace(existing, shop=shop))
        n += 1


# --- the whole ---------------------------------------------------------------------------------------


class DemoError(AppError):
    """The demo could not be set up (state folder not writable, no free port, a damaged demo file)."""

    title = "Demo not started"


def start_demo(*, store: ServerStore | None = None, host: str = "127.0.0.1") -> DemoEnvironment:
    """Start the demo (see the module's docstring); call :meth:`DemoEnvironment.stop` when done.

    Raises an :class:`AppError` (a :class:`DemoError` for file, socket and database problems) with a
    title and a message for the operator; nothing is left running then.
    """
    try:
        return _start(store, host)
    except AppError:
        raise
    except (OSError, RuntimeError, sqlite3.Error, ApiError) as exc:
        log.exception("The demo did not start")
        raise DemoError(
            f"The demo shop and warehouse could not be set up: {exc}. Check that {paths.demo_dir()} is "
            "writable; to start the demo afresh, delete that folder.",
            details=repr(exc),
        ) from exc


def _start(store: ServerStore | None, host: str) -> DemoEnvironment:
    folder = paths.demo_dir()
    warehouse_path = (folder / WAREHOUSE_FILE).resolve()
    shop_path = (folder / SHOP_FILE).resolve()
    fresh = ensure_demo_warehouse(warehouse_path)
    if fresh:  # a new warehouse starts a new story: a new shop, and the Demo server forgets its cursors
        for leftover in (shop_path, shop_path.with_name(shop_path.name + "-journal")):
            leftover.unlink(missing_ok=True)
    config = SandboxConfig(api_key=DEMO_API_KEY, rate_limit=DEMO_RATE_LIMIT, data_path=shop_path)
    sandbox = SandboxServer(config, host=host, port=0)
    previous = os.environ.get(DEMO_KEY_ENV)
    try:
        seeded = seed_shop_once(sandbox, warehouse_path)
        sandbox.start()
        os.environ[DEMO_KEY_ENV] = config.api_key  # this process (and its children) only
        server = save_demo_server(store or ServerStore(), sandbox.url, warehouse_path)
        if fresh:
            shutil.rmtree(paths.state_dir() / server.id, ignore_errors=True)
    except BaseException:
        sandbox.stop()
        sandbox.shop.close()
        raise
    log.info("Demo running: shop %s, warehouse %s, server %r", sandbox.url, warehouse_path, server.name)
    return DemoEnvironment(sandbox, server, warehouse_path, shop_path, seeded, previous)
