"""``/api/v2/vendors`` — brands / manufacturers."""

from __future__ import annotations

from typing import Any, ClassVar

from app.sandbox import fields as f
from app.sandbox.fields import FieldType
from app.sandbox.handles import unique_handle
from app.sandbox.jsonapi import ApiError
from app.sandbox.resources.base import Resource
from app.sandbox.store import Row


class Vendors(Resource):
    type = "vendors"
    attributes = (
        "name", "url_handle", "description", "seo_title", "seo_description", "image_url", "background",
        "image", "max_thumb_size", "width", "height", "image_processed", "created_at", "updated_at",
    )  # fmt: skip
    fields: ClassVar[dict[str, FieldType]] = {
        "name": f.string(191, min_length=2),
        "url_handle": f.alpha_dash,
        "description": f.text,
        "seo_title": f.short_text,
        "seo_description": f.text,
        "image_url": f.nullable_url,
        "background": f.nullable(f.string(7)),
    }
    required = ("name",)
    sorts = frozenset({"id", "name", "created_at", "updated_at"})
    named_filters = frozenset({"url_handle"})
    single_filters = frozenset({"url_handle"})

    def named_filter(self, name: str, value: str, rows: list[Row]) -> list[Row]:
        return [r for r in rows if r.get("url_handle") == value]

    def defaults(self) -> dict[str, Any]:
        now = self.shop.now()
        return {**super().defaults(), "image_processed": 0, "created_at": now, "updated_at": now}

    def insert(self, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        self.unique("url_handle", attrs.get("url_handle"))
        attrs.setdefault("url_handle", unique_handle(attrs["name"], self.handle_taken))
        return super().insert(attrs, rels)

    def modify(self, row: Row, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        self.unique("url_handle", attrs.get("url_handle"), exclude=row["id"])
        return super().modify(row, {**attrs, "updated_at": self.shop.now()}, rels)

    def remove(self, row: Row) -> None:
        if any(p.get("vendor_id") == row["id"] for p in self.shop.resource("products").rows()):
            raise ApiError(422, title="Not Deletable", detail="You can not delete this vendor because it has products")
        super().remove(row)
