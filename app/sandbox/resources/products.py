"""``/api/v2/products`` — products; SKU, price and stock live on their variants."""

from __future__ import annotations

from typing import Any, ClassVar

from app.sandbox import fields as f
from app.sandbox.fields import FieldType
from app.sandbox.handles import unique_handle
from app.sandbox.jsonapi import ApiError, attribute_error, relationship_error
from app.sandbox.resources.base import Relation, Resource, relation_many, relation_one
from app.sandbox.store import Row

YES_NO_FLAGS = ("active", "digital", "sale", "new", "tracking", "shipping", "draft", "continue_selling")
SLOTS = (1, 2, 3)


class Products(Resource):
    type = "products"
    attributes = (
        "name", "url_handle", *YES_NO_FLAGS, "minimum", "status_id", "out_of_stock_id", "description",
        "short_description", "description_title", "seo_title", "seo_description", "sort_order", "featured",
        "featured_from", "new_from", "publish_date", "active_to", "threshold", "imported", "app_import",
        "xml_import_id", "xml_import_product_id", "xml_import_name", "per_row", "unit_short_name",
        "p1", "p2", "p3", "p1_id", "p2_id", "p3_id", "category_id", "vendor_id", "image_id", "views",
        "price_from", "price_to", "product_type", "unit_id", "date_added", "date_modified",
    )  # fmt: skip
    fields: ClassVar[dict[str, FieldType]] = {
        "name": f.string(191, min_length=2),
        "url_handle": f.alpha_dash,
        **{flag: f.yes_no for flag in YES_NO_FLAGS},
        "minimum": f.number,
        "status_id": f.nullable(f.integer),
        "out_of_stock_id": f.nullable(f.integer),
        "description": f.text,
        "short_description": f.text,
        "description_title": f.short_text,
        "seo_title": f.short_text,
        "seo_description": f.text,
        "sort_order": f.nullable(f.integer),
        "featured": f.flag,
        "featured_from": f.datetime_field,
        "new_from": f.datetime_field,
        "publish_date": f.datetime_field,
        "active_to": f.datetime_field,
        "threshold": f.nullable(f.integer),
        "imported": f.short_text,
        "app_import": f.short_text,
        "xml_import_id": f.short_text,
        "xml_import_product_id": f.short_text,
        "xml_import_name": f.short_text,
        "per_row": f.nullable(f.integer),
        "unit_short_name": f.short_text,
    }
    required = ("name",)
    relations = (
        Relation("variant", "variants"),
        relation_many("variants", "variants", "item_id"),
        Relation("image", "images"),
        relation_many("images", "images"),
        relation_one("category", "categories", "category_id", writable="POST PATCH", required=True),
        relation_many("categories", "categories"),
        relation_one("vendor", "vendors", "vendor_id", writable="POST PATCH"),
        *(relation_one(f"parameter{n}", "variant-parameters", f"p{n}_id", writable="POST PATCH") for n in SLOTS),
        relation_many("property-options", "property-options"),
        relation_many("linked-products", "products"),
    )
    includes = frozenset({
        "variants", "variant", "images", "image", "category", "categories", "vendor", "parameter1", "parameter2",
        "parameter3", "property-options", "linked-products", "product-to-discount", "variant.images",
        "variants.images", "property-options.property",
    })  # fmt: skip
    sorts = frozenset({"id", "name", "date_added", "date_modified", "sort_order", "views"})
    named_filters = frozenset({"sku", "barcode", "property_id", "property_option_id", "url_handle"})
    single_filters = frozenset({"url_handle"})
    appends = frozenset({"meta", "discount"})
    number_attributes = frozenset({"minimum"})

    # -- reading ---------------------------------------------------------------------------

    def visible(self, row: Row) -> bool:
        return not row.get("_deleted_at")

    def named_filter(self, name: str, value: str, rows: list[Row]) -> list[Row]:
        if name in ("sku", "barcode"):
            ids = {v["item_id"] for v in self.shop.variants.with_value(name, value)}
            return [r for r in rows if r["id"] in ids]
        if name == "url_handle":
            return [r for r in rows if r.get("url_handle") == value]
        return []  # properties are not modelled: no product has any

    def custom_related(self, row: Row, rel: Relation) -> list[Row]:
        if rel.name == "variant":
            default = self.default_variant(row["id"])
            return [default] if default is not None else []
        return []

    def variants_of(self, product_id: int) -> list[Row]:
        return self.store.find_by("variants", "item_id", product_id)

    def default_variant(self, product_id: int) -> Row | None:
        """The system-managed default variant: the lowest price, the lowest id on a tie."""
        variants = self.variants_of(product_id)
        return min(variants, key=lambda v: (v.get("price") or 0, v["id"])) if variants else None

    # -- writing ---------------------------------------------------------------------------

    def defaults(self) -> dict[str, Any]:
        now = self.shop.now()
        return {
            **super().defaults(),
            **dict.fromkeys(YES_NO_FLAGS, "no"),
            "minimum": 1, "featured": 0, "sort_order": 0, "views": 0, "price_from": 0, "price_to": 0,
            "product_type": "simple", "date_added": now, "date_modified": now,
        }  # fmt: skip

    def insert(self, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        slots = self._parameter_slots({}, rels)
        self._check_handle(attrs, None)
        attrs.setdefault("url_handle", unique_handle(attrs["name"], self.handle_taken))
        self._check_threshold({**self.defaults(), **attrs})
        self._check_unit(attrs)
        row = super().insert({**attrs, **self._snapshots(slots)}, rels)
        if not any(slots):
            self.shop.variants.create_phantom(row["id"])
        return row

    def modify(self, row: Row, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        before = [row.get(f"p{n}_id") for n in SLOTS]
        slots = self._parameter_slots(row, rels)
        self._check_handle(attrs, row["id"])
        self._check_threshold({**row, **attrs})
        self._check_unit(attrs)
        row = super().modify(row, {**attrs, **self._snapshots(slots), "date_modified": self.shop.now()}, rels)
        if [s["id"] if s else None for s in slots] != before:
            # Changing the parameters deletes every variant of the product.
            for variant in self.variants_of(row["id"]):
                self.store.delete("variants", variant["id"])
            if not any(slots):
                self.shop.variants.create_phantom(row["id"])
            self.refresh(row["id"])
        return row

    def remove(self, row: Row) -> None:
        """Soft delete: the product (and its variants) disappear from the API, never restored."""
        self.store.update(self.table_name, row["id"], {"_deleted_at": self.shop.now()})

    def _parameter_slots(self, row: Row, rels: dict[str, Row | None]) -> list[Row | None]:
        """The three parameter slots after applying ``rels``; 422 on a gap or a duplicate."""
        params = self.shop.resource("variant-parameters")
        slots: list[Row | None] = []
        for n in SLOTS:
            key = f"parameter{n}"
            slots.append(rels[key] if key in rels else params.lookup(row.get(f"p{n}_id")))
        for n in (2, 3):
            if slots[n - 1] is not None and any(s is None for s in slots[: n - 1]):
                missing = " and ".join(f"parameter{m}" for m in range(1, n) if slots[m - 1] is None)
                raise relationship_error(f"parameter{n}", f"The parameter{n} requires {missing}.",
                                         title="Missing Parameter Relationship")  # fmt: skip
        for n in (2, 3):
            for m in range(1, n):
                current, earlier = slots[n - 1], slots[m - 1]
                if current is not None and earlier is not None and current["id"] == earlier["id"]:
                    raise relationship_error(f"parameter{n}", f"The parameter{n} can not be the same as parameter{m}",
                                             title="Duplicate Parameter Relationship")  # fmt: skip
        return slots

    @staticmethod
    def _snapshots(slots: list[Row | None]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for n, slot in zip(SLOTS, slots, strict=True):
            out[f"p{n}"] = slot["name"] if slot else None
            out[f"p{n}_id"] = slot["id"] if slot else None
        return out

    def _check_handle(self, attrs: dict[str, Any], row_id: int | None) -> None:
        if "url_handle" in attrs:
            self.unique("url_handle", attrs["url_handle"], exclude=row_id)

    @staticmethod
    def _check_threshold(merged: dict[str, Any]) -> None:
        threshold = merged.get("threshold")
        if threshold is None:
            return
        if threshold == 0:
            raise attribute_error("threshold", "The threshold must be at least 1.")
        if merged.get("tracking") != "yes":
            raise attribute_error("threshold", "The threshold can only be set when tracking is yes.")

    def _check_unit(self, attrs: dict[str, Any]) -> None:
        name = attrs.get("unit_short_name")
        if name is None:
            return
        if not self.config.grocery_app:
            raise ApiError(404, detail="grocery_store app not installed")
        unit = next((u for u in self.shop.resource("units").rows() if u.get("short_name") == name), None)
        if unit is None:
            raise attribute_error("unit_short_name", "The selected unit short name is invalid.")
        attrs["unit_id"] = unit["id"]

    def refresh(self, product_id: int) -> None:
        """Recompute ``price_from``/``price_to`` and bump ``date_modified`` after a variant change."""
        prices = [v.get("price") or 0 for v in self.variants_of(product_id)]
        self.store.update(self.table_name, product_id, {
            "price_from": min(prices, default=0),
            "price_to": max(prices, default=0),
            "date_modified": self.shop.now(),
        })  # fmt: skip
