"""``/api/v2/stores`` (GET only) and ``/api/v2/store-quantity`` — the Stores app (multi-warehouse stock)."""

from __future__ import annotations

from typing import Any, ClassVar

from app.sandbox import fields as f
from app.sandbox.fields import FieldType
from app.sandbox.jsonapi import ApiError
from app.sandbox.resources.base import READ_ONLY, Relation, Resource, relation_many
from app.sandbox.store import Row


class Stores(Resource):
    type = "stores"
    attributes = (
        "address_id", "url_handle", "title", "seo_title", "seo_description", "sort", "active", "city",
        "address_text", "video", "phone", "email", "virtual", "worktime", "gps_lt", "gps_ll", "created_at",
        "updated_at",
    )  # fmt: skip
    methods = READ_ONLY
    app_gate = "stores"
    relations = (
        relation_many("products", "products"),
        relation_many("quantities", "store-quantity", "shop_id"),
    )
    includes = frozenset({"products", "quantities"})
    sorts = frozenset({"id", "title", "sort", "active", "city"})
    named_filters = frozenset({"url_handle"})
    single_filters = frozenset({"url_handle"})

    def named_filter(self, name: str, value: str, rows: list[Row]) -> list[Row]:
        return [r for r in rows if r.get("url_handle") == value]


class StoreQuantity(Resource):
    type = "store-quantity"
    attributes = ("shop_id", "product_id", "variant_id", "qty", "created_at", "updated_at")
    fields: ClassVar[dict[str, FieldType]] = {"qty": f.integer}
    required = ("qty",)
    app_gate = "stores"
    relations = (
        Relation("store", "stores", column="shop_id", writable=frozenset({"POST"}), required=True),
        Relation("product", "products", column="product_id", writable=frozenset({"POST"}), required=True),
        Relation("variant", "variants", column="variant_id", writable=frozenset({"POST"}), required=True),
    )
    includes = frozenset({"store", "product", "variant"})
    sorts = frozenset({"id", "shop_id", "qty", "product_id", "variant_id"})
    number_attributes = frozenset({"qty"})

    def defaults(self) -> dict[str, Any]:
        now = self.shop.now()
        return {**super().defaults(), "created_at": now, "updated_at": now}

    def insert(self, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        triple = tuple((rels[name] or {}).get("id") for name in ("store", "product", "variant"))
        for row in self.rows():
            if (row["shop_id"], row["product_id"], row["variant_id"]) == triple:
                raise ApiError(422, title="", detail="Duplicate Entry", pointer="/data/relationships/store")
        return super().insert(attrs, rels)

    def modify(self, row: Row, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        return super().modify(row, {**attrs, "updated_at": self.shop.now()}, rels)
