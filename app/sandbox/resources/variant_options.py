"""``/api/v2/variant-options`` — the values of a variant parameter (M, Red)."""

from __future__ import annotations

from typing import Any, ClassVar

from app.sandbox import fields as f
from app.sandbox.fields import FieldType
from app.sandbox.jsonapi import ApiError
from app.sandbox.resources.base import Resource, relation_one
from app.sandbox.resources.variant_parameters import casefold_name
from app.sandbox.store import Row


class VariantOptions(Resource):
    type = "variant-options"
    attributes = ("name", "sort", "image", "color", "visible", "parameter_id", "max_thumb_size",
                  "created_at", "updated_at")  # fmt: skip
    fields: ClassVar[dict[str, FieldType]] = {
        "name": f.string(191, min_length=1),
        "sort": f.nullable(f.integer),
        "image": f.short_text,
        "color": f.hex_colour,
        "visible": f.flag,
    }
    required = ("name",)
    relations = (relation_one("parameter", "variant-parameters", "parameter_id", writable="POST PATCH", required=True),)
    includes = frozenset({"parameter"})
    named_filters = frozenset({"name"})
    single_filters = frozenset({"name"})

    def named_filter(self, name: str, value: str, rows: list[Row]) -> list[Row]:
        return [r for r in rows if casefold_name(r.get("name")) == casefold_name(value)]

    def defaults(self) -> dict[str, Any]:
        now = self.shop.now()
        return {**super().defaults(), "sort": 0, "visible": 1, "created_at": now, "updated_at": now}

    def _check_name(self, name: Any, parameter_id: Any, exclude: int | None) -> None:
        siblings = [r for r in self.rows() if r.get("parameter_id") == parameter_id]
        self.unique("name", name, exclude=exclude, normalise=casefold_name, rows=siblings)

    def insert(self, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        parameter = rels["parameter"]
        assert parameter is not None
        attrs["name"] = attrs["name"].strip()
        self._check_name(attrs["name"], parameter["id"], None)
        return super().insert(attrs, rels)

    def modify(self, row: Row, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        if "name" in attrs:
            attrs["name"] = attrs["name"].strip()
        parameter = rels.get("parameter")
        parameter_id = parameter["id"] if parameter is not None else row.get("parameter_id")
        if parameter_id != row.get("parameter_id") and self._in_use(row):
            raise ApiError(422, detail="Cannot move a variant option which is in use by a variants resource.",
                           pointer="/data/relationships/parameter")  # fmt: skip
        self._check_name(attrs.get("name", row.get("name")), parameter_id, row["id"])
        row = super().modify(row, {**attrs, "updated_at": self.shop.now()}, rels)
        if "name" in attrs:  # variants keep a snapshot of the option labels
            for variant in self.shop.resource("variants").rows():
                for slot in (1, 2, 3):
                    if variant.get(f"v{slot}_id") == row["id"]:
                        self.store.update("variants", variant["id"], {f"v{slot}": row["name"]})
        return row

    def _in_use(self, row: Row) -> bool:
        return any(
            row["id"] in (v.get("v1_id"), v.get("v2_id"), v.get("v3_id")) for v in self.shop.resource("variants").rows()
        )

    def remove(self, row: Row) -> None:
        if self._in_use(row):
            raise ApiError(422, detail="Cannot delete a variant option which is in use by a variants resource.",
                           pointer="/data")  # fmt: skip
        super().remove(row)
