"""Categories, variant parameters and options of the shop: found by name (case-insensitively) or created.

Each is read once per run and cached; creation is serialised per name so two products that need the
same new "Color" parameter at the same time create it once. Creations carry a natural key, so a POST
whose answer was lost is looked up instead of repeated.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict

from app.cloudcart import CloudCartClient, Ref
from app.sync.shop_catalog import ShopProduct, decode_product

CATEGORY_NAME_MIN = 2


class ShopDirectory:
    def __init__(self, client: CloudCartClient) -> None:
        self.client = client
        self._categories: dict[str, str] | None = None  # lower name -> id
        self._category_names: dict[str, str] = {}  # id -> name
        self._parameters: dict[str, str] | None = None  # lower name -> id
        self._options: dict[str, dict[str, str]] = {}  # parameter id -> lower name -> id
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._by_app_import: dict[str, ShopProduct] | None = None

    async def product_by_app_import(self, app_import: str) -> ShopProduct | None:
        """A product an earlier, interrupted run created (it carries our ``app_import`` key) but whose variants
        were never written, so the variant listing cannot show it. All products are read once, only when
        the run has products to create: ⌈P/100⌉ calls."""
        async with self._locks["products:load"]:
            if self._by_app_import is None:
                found: dict[str, ShopProduct] = {}
                async for product in self.client.iterate("products", sort="id"):
                    key = str(product.attributes.get("app_import") or "").strip()
                    if key:
                        found.setdefault(key, decode_product(product))
                self._by_app_import = found
        return self._by_app_import.get(app_import)

    async def category_names(self) -> dict[str, str]:
        await self._load_categories()
        return dict(self._category_names)

    async def _load_categories(self) -> dict[str, str]:
        async with self._locks["categories:load"]:
            if self._categories is None:
                found: dict[str, str] = {}
                async for category in self.client.iterate("categories", sort="id"):
                    name = str(category.attributes.get("name") or "").strip()
                    self._category_names[category.id] = name
                    found.setdefault(name.lower(), category.id)
                self._categories = found
        return self._categories

    async def category_id(self, name: str) -> str:
        categories = await self._load_categories()
        key = name.strip().lower()
        async with self._locks[f"category:{key}"]:
            if key not in categories:
                created = await self.client.create(
                    "categories", {"name": name.strip()}, natural_key={"name": name.strip()}
                )
                categories[key] = created.id
                self._category_names[created.id] = name.strip()
            return categories[key]

    async def _load_parameters(self) -> dict[str, str]:
        async with self._locks["parameters:load"]:
            if self._parameters is None:
                found: dict[str, str] = {}
                async for parameter in self.client.iterate("variant-parameters"):
                    found.setdefault(str(parameter.attributes.get("name") or "").strip().lower(), parameter.id)
                self._parameters = found
        return self._parameters

    async def parameter_id(self, name: str) -> str:
        parameters = await self._load_parameters()
        key = name.strip().lower()
        async with self._locks[f"parameter:{key}"]:
            if key not in parameters:
                created = await self.client.create(
                    "variant-parameters",
                    {"name": name.strip(), "display_type": "select"},
                    natural_key={"name": name.strip()},
                )
                parameters[key] = created.id
            return parameters[key]

    async def option_id(self, parameter_id: str, value: str) -> str:
        key = value.strip().lower()
        async with self._locks[f"options:{parameter_id}"]:
            options = self._options.get(parameter_id)
            if options is None:
                options = {}
                async for option in self.client.iterate("variant-options", filters={"parameter_id": parameter_id}):
                    options.setdefault(str(option.attributes.get("name") or "").strip().lower(), option.id)
                self._options[parameter_id] = options
            if key not in options:
                created = await self.client.create(
                    "variant-options",
                    {"name": value.strip()},
                    {"parameter": Ref("variant-parameters", parameter_id)},
                    natural_key={"name": value.strip(), "parameter_id": parameter_id},
                )
                options[key] = created.id
            return options[key]
