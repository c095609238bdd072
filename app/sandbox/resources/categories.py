"""``/api/v2/categories`` — product categories (a tree through ``parent``)."""

from __future__ import annotations

from typing import Any, ClassVar

from app.sandbox import fields as f
from app.sandbox.fields import FieldType
from app.sandbox.handles import unique_handle
from app.sandbox.jsonapi import ApiError, invalid
from app.sandbox.resources.base import Resource, relation_many, relation_one
from app.sandbox.store import Row


class Categories(Resource):
    type = "categories"
    attributes = (
        "name", "url_handle", "description", "order", "seo_title", "seo_description", "color", "icon",
        "icon_data", "image_url", "bnp_type_id", "ucf_cop", "make_interval", "taxonomy_id", "display_child",
        "background", "parent_id", "image", "max_thumb_size", "width", "height", "image_processed",
        "created_at", "updated_at",
    )  # fmt: skip
    fields: ClassVar[dict[str, FieldType]] = {
        "name": f.string(191, min_length=2),
        "url_handle": f.alpha_dash,
        "description": f.text,
        "order": f.integer,
        "seo_title": f.short_text,
        "seo_description": f.text,
        "color": f.nullable(f.string(7)),
        "icon": f.short_text,
        "icon_data": f.text,
        "image_url": f.nullable_url,
        "bnp_type_id": f.nullable(f.integer),
        "ucf_cop": f.short_text,
        "make_interval": f.nullable(f.integer),
        "taxonomy_id": f.nullable(f.integer),
        "display_child": f.flag,
        "background": f.nullable(f.string(7)),
    }
    required = ("name",)
    relations = (
        relation_one("parent", "categories", "parent_id", writable="POST PATCH"),
        relation_many("properties", "properties"),
    )
    includes = frozenset({"parent", "properties", "properties.options"})
    sorts = frozenset({"id", "name", "created_at", "updated_at", "order"})
    named_filters = frozenset({"url_handle", "parent_id"})
    single_filters = frozenset({"url_handle"})

    def named_filter(self, name: str, value: str, rows: list[Row]) -> list[Row]:
        if name == "parent_id":  # roots are asked for with filter[parent_id]=0
            wanted = None if value in ("0", "", "null") else value
            return [r for r in rows if (None if r.get("parent_id") is None else str(r["parent_id"])) == wanted]
        return [r for r in rows if r.get("url_handle") == value]

    def defaults(self) -> dict[str, Any]:
        now = self.shop.now()
        return {**super().defaults(), "order": 0, "display_child": 1, "image_processed": 0,
                "created_at": now, "updated_at": now}  # fmt: skip

    def insert(self, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        self._check_handle(attrs, None)
        attrs.setdefault("url_handle", unique_handle(attrs["name"], self.handle_taken))
        return super().insert(attrs, rels)

    def modify(self, row: Row, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        self._check_handle(attrs, row["id"])
        parent = rels.get("parent")
        if parent is not None and self._is_descendant(parent, row["id"]):
            raise invalid("A category cannot be moved under itself.", pointer="/data/relationships/parent")
        return super().modify(row, {**attrs, "updated_at": self.shop.now()}, rels)

    def _check_handle(self, attrs: dict[str, Any], row_id: int | None) -> None:
        if "url_handle" in attrs:
            self.unique("url_handle", attrs["url_handle"], exclude=row_id)

    def _is_descendant(self, candidate: Row, ancestor_id: int) -> bool:
        seen: set[int] = set()
        node: Row | None = candidate
        while node is not None and node["id"] not in seen:
            if node["id"] == ancestor_id:
                return True
            seen.add(node["id"])
            node = self.lookup(node.get("parent_id"))
        return False

    def remove(self, row: Row) -> None:
        if any(p.get("category_id") == row["id"] for p in self.shop.resource("products").rows()):
            raise ApiError(422, title="Not Deletable",
                           detail="You can not delete this category because it has products in it")  # fmt: skip
        for child in self.rows():
            if child.get("parent_id") == row["id"]:
                self.store.update(self.table_name, child["id"], {"parent_id": row.get("parent_id")})
        super().remove(row)
