"""The CloudCart JSON:API v2 resources of the sandbox, one module per resource family."""

from __future__ import annotations

from app.sandbox.resources.base import Resource
from app.sandbox.resources.categories import Categories
from app.sandbox.resources.orders import OrderFulfillment, OrderProducts, Orders
from app.sandbox.resources.products import Products
from app.sandbox.resources.stores import StoreQuantity, Stores
from app.sandbox.resources.units import Units
from app.sandbox.resources.variant_options import VariantOptions
from app.sandbox.resources.variant_parameters import VariantParameters
from app.sandbox.resources.variants import Variants
from app.sandbox.resources.vendors import Vendors
from app.sandbox.resources.webhooks import Webhooks

RESOURCE_CLASSES: tuple[type[Resource], ...] = (
    Products,
    Variants,
    VariantParameters,
    VariantOptions,
    Categories,
    Vendors,
    Orders,
    OrderProducts,
    OrderFulfillment,
    Stores,
    StoreQuantity,
    Units,
    Webhooks,
)

__all__ = ["RESOURCE_CLASSES", "Resource"]
