"""``/api/v2/variant-parameters`` — catalogue-wide variant dimensions (Size, Color)."""

from __future__ import annotations

from typing import Any, ClassVar

from app.sandbox import fields as f
from app.sandbox.fields import FieldType
from app.sandbox.jsonapi import ApiError
from app.sandbox.resources.base import Resource, relation_many
from app.sandbox.store import Row

DISPLAY_TYPES = ("select", "radio", "image", "color", "2d", "numeric_alpha")


def casefold_name(value: Any) -> str:
    return str(value).strip().casefold()


class VariantParameters(Resource):
    type = "variant-parameters"
    attributes = ("name", "display_type", "sort", "visible", "in_listing", "show_label", "next_update")
    fields: ClassVar[dict[str, FieldType]] = {
        "name": f.string(191, min_length=3),
        "display_type": f.one_of(*DISPLAY_TYPES),
        "sort": f.nullable(f.integer),
        "visible": f.flag,
        "in_listing": f.flag,
        "show_label": f.flag,
        "next_update": f.datetime_field,
    }
    required = ("name", "display_type")
    relations = (relation_many("variant-options", "variant-options", "parameter_id"),)
    includes = frozenset({"variant-options"})
    named_filters = frozenset({"name"})
    single_filters = frozenset({"name"})

    def named_filter(self, name: str, value: str, rows: list[Row]) -> list[Row]:
        return [r for r in rows if casefold_name(r.get("name")) == casefold_name(value)]

    def defaults(self) -> dict[str, Any]:
        return {**super().defaults(), "sort": 0, "visible": 1, "in_listing": 0, "show_label": 0}

    def insert(self, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        self.unique("name", attrs["name"], normalise=casefold_name)
        return super().insert(attrs, rels)

    def modify(self, row: Row, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        self.unique("name", attrs.get("name"), exclude=row["id"], normalise=casefold_name)
        row = super().modify(row, attrs, rels)
        if "name" in attrs:  # products keep a snapshot of the parameter names
            for product in self.shop.resource("products").rows():
                for slot in (1, 2, 3):
                    if product.get(f"p{slot}_id") == row["id"]:
                        self.store.update("products", product["id"], {f"p{slot}": row["name"]})
        return row

    def remove(self, row: Row) -> None:
        products = self.shop.resource("products").rows()
        if any(row["id"] in (p.get("p1_id"), p.get("p2_id"), p.get("p3_id")) for p in products):
            raise ApiError(422, detail="Cannot delete a variant parameter which is in use by a products resource.",
                           pointer="/data")  # fmt: skip
        for option in self.shop.resource("variant-options").rows():
            if option.get("parameter_id") == row["id"]:
                self.store.delete("variant-options", option["id"])
        super().remove(row)
