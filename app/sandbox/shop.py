"""One sandbox shop: settings, state, the resource registry, the rate limiter and the fault injector."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from app.sandbox.config import RUNTIME_FIELDS, SandboxConfig, config_as_dict
from app.sandbox.faults import FaultInjector
from app.sandbox.fields import DATETIME_FORMAT
from app.sandbox.ratelimit import RateLimiter
from app.sandbox.resources import RESOURCE_CLASSES, Resource
from app.sandbox.resources.orders import Orders
from app.sandbox.resources.products import Products
from app.sandbox.resources.variants import Variants
from app.sandbox.store import TABLES, Store


class Shop:
    """Everything one sandbox shop knows; ``app.state.shop`` in the ASGI app."""

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.store = Store(config.data_path)
        self.limiter = RateLimiter()
        self.faults = FaultInjector(config.faults, config.fault_seed)
        self._resources: dict[str, Resource] = {cls.type: cls(self) for cls in RESOURCE_CLASSES}
        self.products: Products = self._typed("products", Products)
        self.variants: Variants = self._typed("variants", Variants)
        self.orders: Orders = self._typed("orders", Orders)

    def _typed(self, kind: str, cls: type[Any]) -> Any:
        resource = self._resources[kind]
        assert isinstance(resource, cls)
        return resource

    def has_resource(self, kind: str) -> bool:
        return kind in self._resources

    def resource(self, kind: str) -> Resource:
        return self._resources[kind]

    @staticmethod
    def now() -> str:
        """Store-local time as CloudCart prints it: ``YYYY-MM-DD HH:MM:SS``."""
        return datetime.now().strftime(DATETIME_FORMAT)

    def app_installed(self, gate: str | None) -> bool:
        if gate == "stores":
            return self.config.stores_app
        if gate == "grocery_store":
            return self.config.grocery_app
        return True

    # -- admin -----------------------------------------------------------------------------

    def apply_settings(self, changes: dict[str, Any]) -> SandboxConfig:
        """Change runtime settings (``POST /admin/settings``); ValueError on an unknown or bad one."""
        unknown = sorted(set(changes) - RUNTIME_FIELDS)
        if unknown:
            raise ValueError(f"unknown or fixed settings: {', '.join(unknown)}")
        updated = replace(self.config, **changes)  # __post_init__ validates
        if "faults" in changes or "fault_seed" in changes:
            self.faults = FaultInjector(updated.faults, updated.fault_seed)
        if "rate_limit" in changes or "rate_window_s" in changes:
            self.limiter.clear()
        for name in RUNTIME_FIELDS:  # keep the same object: others hold a reference to it
            setattr(self.config, name, getattr(updated, name))
        return self.config

    def reset(self) -> None:
        self.store.clear()
        self.limiter.clear()
        self.faults = FaultInjector(self.config.faults, self.config.fault_seed)

    def dump(self) -> dict[str, Any]:
        """Counts and full rows for assertions (``GET /admin/state``)."""
        with self.store.lock:
            tables = {kind: [dict(row) for row in self.store.rows(kind)] for kind in TABLES}
        lines: dict[int, list[dict[str, Any]]] = {}
        for line in tables["order-products"]:
            lines.setdefault(line["order_id"], []).append(line)
        orders = [{**order, "lines": lines.get(order["id"], [])} for order in tables["orders"]]
        live_products = [p for p in tables["products"] if not p.get("_deleted_at")]
        return {
            "counts": {kind: len(rows) for kind, rows in tables.items()} | {"live_products": len(live_products)},
            "products": tables["products"],
            "variants": tables["variants"],
            "orders": orders,
            "tables": {k: v for k, v in tables.items() if k not in ("products", "variants", "orders")},
            "settings": config_as_dict(self.config),
        }

    def close(self) -> None:
        self.store.close()
