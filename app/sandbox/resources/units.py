"""``/api/v2/units`` — measuring units of the Grocery Store app (GET only, fixed list)."""

from __future__ import annotations

from typing import Any

from app.sandbox.resources.base import READ_ONLY, Relation, Resource
from app.sandbox.store import Row

_UNITS: tuple[Row, ...] = (
    {"id": 1, "parent_id": None, "name": "kilogram", "short_name": "kg", "multiple_name": "kilograms",
     "steps": 1.0, "decimals": 3},
    {"id": 2, "parent_id": 1, "name": "gram", "short_name": "g", "multiple_name": "grams", "steps": 1000.0,
     "decimals": 0},
    {"id": 3, "parent_id": None, "name": "piece", "short_name": "pcs", "multiple_name": "pieces", "steps": 1.0,
     "decimals": 0},
)  # fmt: skip


class Units(Resource):
    type = "units"
    attributes = ("parent_id", "name", "short_name", "multiple_name", "steps", "decimals", "created_at",
                  "updated_at", "storefront_name")  # fmt: skip
    methods = READ_ONLY
    app_gate = "grocery_store"
    relations = (Relation("parent", "units", column="parent_id"),)
    includes = frozenset({"parent"})
    sorts = frozenset({"id"})

    def rows(self) -> list[Row]:
        return [dict(u, created_at="2026-01-01 00:00:00", updated_at="2026-01-01 00:00:00") for u in _UNITS]

    def lookup(self, row_id: Any) -> Row | None:
        return next((u for u in self.rows() if str(u["id"]) == str(row_id)), None)

    def attributes_of(self, row: Row) -> dict[str, Any]:
        return {**super().attributes_of(row), "storefront_name": row.get("short_name") or row.get("name")}
