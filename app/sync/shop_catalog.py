"""The shop's catalogue as the export needs it, read once per run.

All variants in pages of 100 with their products included (``GET /variants?include=product``): for N
variants that is ⌈N/100⌉ calls, whatever the size of each product. Products without any variant do
not exist in CloudCart (every product has at least its default variant).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from app.cloudcart import CloudCartClient, Resource
from app.cloudcart.codec import parse_quantity, parse_yes_no
from app.sync.compare_key import shop_key

PAGE_SIZE = 100


@dataclass(frozen=True)
class ShopVariant:
    id: str
    product_id: str
    sku: str
    barcode: str
    price: int | None
    quantity: float | None
    options: tuple[str | None, str | None, str | None]  # v1..v3 labels


@dataclass(frozen=True)
class ShopProduct:
    id: str
    name: str
    category_id: str | None
    parameters: tuple[str, ...]  # p1..p3 names that are set
    tracking: bool
    continue_selling: bool
    shipping: bool


@dataclass
class ShopCatalog:
    variants: list[ShopVariant] = field(default_factory=list)
    products: dict[str, ShopProduct] = field(default_factory=dict)

    def by_key(self, compare_by: str) -> dict[str, list[ShopVariant]]:
        index: dict[str, list[ShopVariant]] = defaultdict(list)
        for variant in self.variants:
            key = shop_key(compare_by, variant.sku, variant.barcode)
            if key:
                index[key].append(variant)
        return index

    def variants_of(self, product_id: str) -> list[ShopVariant]:
        return [v for v in self.variants if v.product_id == product_id]


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _quantity(value: object) -> float | None:
    parsed: Decimal | None = parse_quantity(value)
    return None if parsed is None else float(parsed)


def decode_variant(resource: Resource) -> ShopVariant:
    attrs = resource.attributes
    product_id = resource.rel_id("product") or str(attrs.get("item_id") or "")
    options = tuple(_text(attrs.get(f"v{i}")) or None for i in (1, 2, 3))
    return ShopVariant(
        id=resource.id,
        product_id=product_id,
        sku=_text(attrs.get("sku")),
        barcode=_text(attrs.get("barcode")),
        price=_int(attrs.get("price")),
        quantity=_quantity(attrs.get("quantity")),
        options=(options[0], options[1], options[2]),
    )


def decode_product(resource: Resource) -> ShopProduct:
    attrs = resource.attributes
    parameters = tuple(p for p in (_text(attrs.get(f"p{i}")) for i in (1, 2, 3)) if p)
    category_id = resource.rel_id("category") if "category" in resource.relationships else None
    if category_id is None and attrs.get("category_id") is not None:
        category_id = str(attrs.get("category_id"))
    return ShopProduct(
        id=resource.id,
        name=_text(attrs.get("name")),
        category_id=category_id,
        parameters=parameters,
        tracking=parse_yes_no(attrs.get("tracking", "no")),
        continue_selling=parse_yes_no(attrs.get("continue_selling", "no")),
        shipping=parse_yes_no(attrs.get("shipping", "no")),
    )


async def read_shop_catalog(client: CloudCartClient, on_page: Callable[[int], None] | None = None) -> ShopCatalog:
    catalog = ShopCatalog()
    count = 0
    async for resource in client.iterate("variants", include=("product",), sort="id", page_size=PAGE_SIZE):
        variant = decode_variant(resource)
        catalog.variants.append(variant)
        product = resource.related("product")
        if product is not None and product.id not in catalog.products:
            catalog.products[product.id] = decode_product(product)
        count += 1
        if on_page is not None and count % PAGE_SIZE == 0:
            on_page(count)
    return catalog
