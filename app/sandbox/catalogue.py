"""Load a catalogue into the shop (``POST /admin/seed``), through the same rules as the API.

Spec (every list optional)::

    {"categories": [{"name": "Shirts", "parent": "Clothes", ...category attributes}],
     "vendors": [{"name": "ACME"}],
     "parameters": [{"name": "Color", "display_type": "color", "options": ["Red", {"name": "Blue"}]}],
     "stores": [{"title": "Sofia", "city": "Sofia"}],
     "products": [
        {"name": "Cotton T-Shirt", "category": "Shirts", "vendor": "ACME", "tracking": "yes",
         "parameters": ["Size", "Color"],
         "variants": [{"sku": "TS-M-RED", "barcode": "380", "price": 1999, "quantity": 25, "options": ["M", "Red"]}]},
        {"name": "Mug", "category": "Kitchen", "sku": "MUG", "price": 999, "quantity": 10}],
     "store_quantities": [{"store": "Sofia", "sku": "MUG", "qty": 4}],
     "orders": [<bodies of POST /admin/orders>]}

Categories, vendors, parameters and options named by a product are created when missing. A
product without ``parameters`` takes ``sku``/``barcode``/``price``/``quantity``/``weight`` for its
default (phantom) variant.
"""

from __future__ import annotations

from typing import Any

from app.sandbox.handles import unique_handle
from app.sandbox.jsonapi import ApiError
from app.sandbox.ordering import place_order
from app.sandbox.resources.variant_parameters import casefold_name
from app.sandbox.shop import Shop
from app.sandbox.store import Row

VARIANT_KEYS = ("sku", "barcode", "price", "quantity", "weight", "delivery_price", "minimum")


def _ref(kind: str, row: Row | None) -> dict[str, Any]:
    return {"data": {"type": kind, "id": str(row["id"])} if row is not None else None}


class CatalogueLoader:
    def __init__(self, shop: Shop) -> None:
        self.shop = shop
        self.where = ""

    def create(self, kind: str, attributes: dict[str, Any], relationships: dict[str, Any] | None = None) -> Row:
        data: dict[str, Any] = {"type": kind, "attributes": attributes}
        if relationships:
            data["relationships"] = relationships
        return self.shop.resource(kind).create(data)

    def by_name(self, kind: str, name: str, key: str = "name", rows: list[Row] | None = None) -> Row | None:
        wanted = casefold_name(name)
        for row in rows if rows is not None else self.shop.resource(kind).rows():
            if casefold_name(row.get(key)) == wanted:
                return row
        return None

    def category(self, ref: Any) -> Row:
        if isinstance(ref, int):
            return self.shop.resource("categories").find(str(ref))
        return self.by_name("categories", ref) or self.create("categories", {"name": ref})

    def vendor(self, ref: Any) -> Row:
        if isinstance(ref, int):
            return self.shop.resource("vendors").find(str(ref))
        return self.by_name("vendors", ref) or self.create("vendors", {"name": ref})

    def parameter(self, name: str, display_type: str = "select") -> Row:
        return self.by_name("variant-parameters", name) or self.create(
            "variant-parameters", {"name": name, "display_type": display_type}
        )

    def option(self, parameter: Row, spec: Any) -> Row:
        attrs = dict(spec) if isinstance(spec, dict) else {"name": str(spec)}
        siblings = [o for o in self.shop.resource("variant-options").rows() if o["parameter_id"] == parameter["id"]]
        found = self.by_name("variant-options", attrs["name"], rows=siblings)
        return found or self.create("variant-options", attrs, {"parameter": _ref("variant-parameters", parameter)})

    def load(self, spec: dict[str, Any]) -> dict[str, Any]:
        created: dict[str, list[int]] = {}

        def note(kind: str, row: Row) -> None:
            created.setdefault(kind, []).append(row["id"])

        for i, item in enumerate(spec.get("categories", [])):
            self.where = f"categories[{i}]"
            attrs = {k: v for k, v in item.items() if k != "parent"}
            rels = {"parent": _ref("categories", self.category(item["parent"]))} if item.get("parent") else None
            note("categories", self.create("categories", attrs, rels))
        for i, item in enumerate(spec.get("vendors", [])):
            self.where = f"vendors[{i}]"
            note("vendors", self.create("vendors", dict(item)))
        for i, item in enumerate(spec.get("parameters", [])):
            self.where = f"parameters[{i}]"
            parameter = self.parameter(item["name"], item.get("display_type", "select"))
            note("variant-parameters", parameter)
            for option in item.get("options", []):
                self.option(parameter, option)
        for i, item in enumerate(spec.get("stores", [])):
            self.where = f"stores[{i}]"
            note("stores", self.store_row(item))
        for i, item in enumerate(spec.get("products", [])):
            self.where = f"products[{i}]"
            note("products", self.product(item))
        for i, item in enumerate(spec.get("store_quantities", [])):
            self.where = f"store_quantities[{i}]"
            note("store-quantity", self.store_quantity(item))
        for i, item in enumerate(spec.get("orders", [])):
            self.where = f"orders[{i}]"
            note("orders", place_order(self.shop, item))
        return created

    def product(self, item: dict[str, Any]) -> Row:
        reserved = {"category", "vendor", "parameters", "variants", *VARIANT_KEYS}
        attrs = {k: v for k, v in item.items() if k not in reserved}
        rels: dict[str, Any] = {"category": _ref("categories", self.category(item.get("category", "Default")))}
        if item.get("vendor"):
            rels["vendor"] = _ref("vendors", self.vendor(item["vendor"]))
        parameters = [self.parameter(name) for name in item.get("parameters", [])]
        for n, parameter in enumerate(parameters, start=1):
            rels[f"parameter{n}"] = _ref("variant-parameters", parameter)
        product = self.create("products", attrs, rels)
        if not parameters:
            phantom = self.shop.products.variants_of(product["id"])[0]
            changes = {k: item[k] for k in VARIANT_KEYS if k in item}
            if changes:
                data = {"type": "variants", "id": str(phantom["id"]), "attributes": changes}
                self.shop.variants.update(phantom, data)
            return product
        for variant in item.get("variants", []):
            names = variant.get("options", [])
            if len(names) != len(parameters):
                raise ApiError(422, detail=f"variant {variant.get('sku')!r} needs {len(parameters)} options")
            vrels = {"product": _ref("products", product)}
            for n, (parameter, name) in enumerate(zip(parameters, names, strict=True), start=1):
                vrels[f"option{n}"] = _ref("variant-options", self.option(parameter, name))
            self.create("variants", {k: variant[k] for k in VARIANT_KEYS if k in variant}, vrels)
        return product

    def store_row(self, item: dict[str, Any]) -> Row:
        now = self.shop.now()
        stores = self.shop.resource("stores")
        row = {**stores.defaults(), "active": 1, "sort": 0, "virtual": "no", "created_at": now, "updated_at": now,
               **item}  # fmt: skip
        row.setdefault("url_handle", None)
        if not row["url_handle"]:
            row["url_handle"] = unique_handle(str(row.get("title") or "store"), stores.handle_taken)
        return self.shop.store.insert("stores", row)

    def store_quantity(self, item: dict[str, Any]) -> Row:
        store = self.by_name("stores", item["store"], key="title") if isinstance(item["store"], str) else (
            self.shop.resource("stores").lookup(item["store"]))  # fmt: skip
        variant = next(iter(self.shop.variants.with_value("sku", item["sku"])), None)
        if store is None or variant is None:
            raise ApiError(422, detail="unknown store or SKU")
        rels = {
            "store": _ref("stores", store),
            "product": {"data": {"type": "products", "id": str(variant["item_id"])}},
            "variant": _ref("variants", variant),
        }
        return self.shop.resource("store-quantity").create(
            {"type": "store-quantity", "attributes": {"qty": item["qty"]}, "relationships": rels}
        )


def load_catalogue(shop: Shop, spec: dict[str, Any]) -> dict[str, Any]:
    """Load ``spec`` in one transaction; ApiError (with ``meta.item``) names the failing entry."""
    loader = CatalogueLoader(shop)
    try:
        with shop.store.transaction():
            return loader.load(spec)
    except ApiError as error:
        error.extra = {**error.extra, "meta": {"item": loader.where}}
        raise
    except (KeyError, TypeError, AttributeError) as error:
        raise ApiError(422, detail=f"bad seed entry: {error!r}", extra={"meta": {"item": loader.where}}) from None
