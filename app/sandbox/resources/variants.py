"""``/api/v2/variants`` — one SKU of a product: price, stock, barcode and up to three options."""

from __future__ import annotations

from typing import Any, ClassVar

from app.sandbox import fields as f
from app.sandbox.fields import FieldType
from app.sandbox.jsonapi import ApiError, invalid, relationship_error
from app.sandbox.resources.base import Resource, relation_many, relation_one
from app.sandbox.store import Row

MAX_VARIANTS = 500
SLOTS = (1, 2, 3)


class Variants(Resource):
    type = "variants"
    attributes = (
        "item_id", "sku", "barcode", "price", "delivery_price", "weight", "quantity", "minimum",
        "unit_value", "unit_text", "unit_id", "base_unit_value", "base_unit_id", "unit_type",
        "v1", "v2", "v3", "v1_id", "v2_id", "v3_id", "unit_name", "unit_short_name", "unit_value_formatted",
    )  # fmt: skip
    fields: ClassVar[dict[str, FieldType]] = {
        "sku": f.nullable(f.string(191)),
        "barcode": f.nullable(f.string(191)),
        "price": f.integer,
        "delivery_price": f.nullable(f.integer),
        "weight": f.nullable(f.integer),
        "quantity": f.nullable(f.number),
        "minimum": f.number,
        "unit_value": f.nullable(f.number),
        "unit_text": f.short_text,
        "unit_id": f.nullable(f.integer),
        "base_unit_value": f.number,
        "base_unit_id": f.nullable(f.integer),
        "unit_type": f.one_of("measured", "packaged"),
    }
    relations = (
        relation_one("product", "products", "item_id", writable="POST", required=True),
        relation_many("images", "images"),
        *(relation_one(f"option{n}", "variant-options", f"v{n}_id", writable="POST PATCH") for n in SLOTS),
    )
    includes = frozenset({
        "images", "product", "option1", "option2", "option3", "option1.parameter", "option2.parameter",
        "option3.parameter",
    })  # fmt: skip
    sorts = frozenset({"id", "quantity", "price", "weight"})
    named_filters = frozenset({"has_images"})
    number_attributes = frozenset({"quantity", "minimum", "unit_value", "base_unit_value"})

    def visible(self, row: Row) -> bool:
        product = self.store.get("products", row.get("item_id") or 0)
        return product is not None and not product.get("_deleted_at")

    def with_value(self, column: str, value: Any) -> list[Row]:
        """Visible variants whose ``column`` (sku, barcode…) equals ``value`` exactly."""
        return [v for v in self.store.find_by(self.table_name, column, value) if v.get(column) == value
                and self.visible(v)]  # fmt: skip

    def named_filter(self, name: str, value: str, rows: list[Row]) -> list[Row]:
        # has_images: the sandbox stores no images, so only "no"/0 matches anything.
        return rows if value in ("0", "no", "false") else []

    def defaults(self) -> dict[str, Any]:
        return {**super().defaults(), "price": 0, "delivery_price": 0, "weight": 0, "quantity": 0, "minimum": 1,
                "base_unit_value": 1, "unit_type": "measured"}  # fmt: skip

    def create_phantom(self, product_id: int) -> Row:
        """The default variant of a product without parameters (v1..v3 null)."""
        return self.store.insert(self.table_name, {**self.defaults(), "item_id": product_id})

    def insert(self, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        product = rels["product"]
        assert product is not None
        siblings = self.shop.products.variants_of(product["id"])
        if len(siblings) >= MAX_VARIANTS:
            raise relationship_error("product", f"max allowed {MAX_VARIANTS} exceeded")
        options = self._options(product, {n: rels.get(f"option{n}") for n in SLOTS})
        if not any(product.get(f"p{n}_id") for n in SLOTS) and siblings:
            raise relationship_error("product", "The product already has a default variant.")
        self.unique("sku", attrs.get("sku"))
        row = super().insert({**attrs, **options}, rels)
        self.shop.products.refresh(product["id"])
        return row

    def modify(self, row: Row, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        product = self.shop.resource("products").find(str(row["item_id"]))
        options_api = self.shop.resource("variant-options")
        chosen = {
            n: rels[f"option{n}"] if f"option{n}" in rels else options_api.lookup(row.get(f"v{n}_id")) for n in SLOTS
        }
        options = self._options(product, chosen)
        self.unique("sku", attrs.get("sku"), exclude=row["id"])
        row = super().modify(row, {**attrs, **options}, rels)
        self.shop.products.refresh(product["id"])
        return row

    def remove(self, row: Row) -> None:
        if len(self.shop.products.variants_of(row["item_id"])) <= 1:
            raise invalid("A product must keep at least one variant.", pointer="/data")
        super().remove(row)
        self.shop.products.refresh(row["item_id"])

    def _options(self, product: Row, chosen: dict[int, Row | None]) -> dict[str, Any]:
        """Check the options against the product's parameters; return the v1..v3 snapshot columns."""
        required = [n for n in SLOTS if product.get(f"p{n}_id")]
        given = [n for n in SLOTS if chosen.get(n) is not None]
        if given != required:
            raise relationship_error(
                "product",
                f"You are trying to save variant with {len(given)} options, but your product requires {len(required)}",
            )
        out: dict[str, Any] = {}
        for n in SLOTS:
            option = chosen.get(n)
            if option is not None and option.get("parameter_id") != product.get(f"p{n}_id"):
                raise ApiError(
                    422,
                    detail=f"Variant option '{option['name']}' does not belongs to variant parameter "
                    f"'{product.get(f'p{n}')}'",
                    pointer=f"/data/relationships/option{n}",
                )
            out[f"v{n}"] = option["name"] if option else None
            out[f"v{n}_id"] = option["id"] if option else None
        return out
