"""The generic JSON:API resource: reading (filters, sorts, includes, sparse fields), writing
(attribute and relationship checks) and serialisation. Each CloudCart resource is a small
subclass that declares its attributes, relationships and allow-lists and adds its own rules."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from app.sandbox.fields import FieldType, normalise_number
from app.sandbox.jsonapi import ApiError, Query, identifier, invalid, not_found, relationship_error
from app.sandbox.store import Row, Store

if TYPE_CHECKING:
    from app.sandbox.config import SandboxConfig
    from app.sandbox.shop import Shop

ALL_METHODS = frozenset({"GET", "POST", "PATCH", "DELETE"})
READ_ONLY = frozenset({"GET"})


@dataclass(frozen=True)
class Relation:
    """A relationship of a resource.

    ``column``: the foreign key held by this row (to-one); ``children``: the foreign key held by
    the target rows (to-many). A relation with neither is not modelled by the sandbox: it is
    accepted in ``include`` and serialised empty. ``writable`` lists the methods that may set it.
    """

    name: str
    target: str
    many: bool = False
    column: str | None = None
    children: str | None = None
    writable: frozenset[str] = frozenset()
    required: bool = False


@dataclass
class Context:
    """What a serialiser needs to know about the request."""

    query: Query
    base_url: str = ""
    show_links: bool = False


def relation_one(
    name: str, target: str, column: str | None = None, *, writable: str = "", required: bool = False
) -> Relation:
    return Relation(name, target, column=column, writable=frozenset(writable.split()), required=required)


def relation_many(name: str, target: str, children: str | None = None) -> Relation:
    return Relation(name, target, many=True, children=children)


def parse_id(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.isdigit():
        return int(raw)
    return None


def loose_values(wanted: str) -> list[Any]:
    """The stored values a query-string value matches (MySQL-like: "5" finds 5, "" and "null" find NULL)."""
    values: list[Any] = [wanted]
    with suppress(ValueError):
        values.append(float(wanted))
    if wanted in ("", "null"):
        values.append(None)
    return values


def raw_equals(value: Any, wanted: str) -> bool:
    """Equality of a stored column and a query-string value (MySQL-like loose comparison)."""
    if value is None:
        return wanted in ("", "null")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return float(wanted) == float(value)
        except ValueError:
            return False
    return str(value) == wanted


def sort_key(value: Any) -> tuple[int, Any]:
    """Sort NULLs first (MySQL ascending order), numbers numerically, strings case-insensitively."""
    if value is None:
        return (0, 0)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (1, value)
    return (2, str(value).lower())


class Resource:
    """Generic behaviour of one JSON:API resource type."""

    type: ClassVar[str]
    table: ClassVar[str | None] = None
    attributes: ClassVar[tuple[str, ...]] = ()
    fields: ClassVar[dict[str, FieldType]] = {}
    patch_fields: ClassVar[dict[str, FieldType] | None] = None
    required: ClassVar[tuple[str, ...]] = ()
    relations: ClassVar[tuple[Relation, ...]] = ()
    includes: ClassVar[frozenset[str]] = frozenset()
    sorts: ClassVar[frozenset[str]] = frozenset()
    named_filters: ClassVar[frozenset[str]] = frozenset()
    single_filters: ClassVar[frozenset[str]] = frozenset()
    extra_columns: ClassVar[tuple[str, ...]] = ()
    methods: ClassVar[frozenset[str]] = ALL_METHODS
    appends: ClassVar[frozenset[str]] = frozenset()
    app_gate: ClassVar[str | None] = None
    number_attributes: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, shop: Shop) -> None:
        self.shop = shop

    @property
    def store(self) -> Store:
        return self.shop.store

    @property
    def config(self) -> SandboxConfig:
        return self.shop.config

    @property
    def table_name(self) -> str:
        return self.table or self.type

    def relation(self, name: str) -> Relation | None:
        for rel in self.relations:
            if rel.name == name:
                return rel
        return None

    # -- reading ---------------------------------------------------------------------------

    def visible(self, row: Row) -> bool:
        return True

    def rows(self) -> list[Row]:
        return [row for row in self.store.rows(self.table_name) if self.visible(row)]

    def lookup(self, row_id: Any) -> Row | None:
        key = parse_id(row_id)
        if key is None:
            return None
        row = self.store.get(self.table_name, key)
        return row if row is not None and self.visible(row) else None

    def find(self, raw_id: str) -> Row:
        row = self.lookup(raw_id)
        if row is None:
            raise not_found()
        return row

    def raw_columns(self) -> set[str]:
        return {"id", *self.attributes, *self.extra_columns}

    def check_filters(self, filters: dict[str, str]) -> None:
        columns = self.raw_columns()
        for name in filters:
            if name not in self.named_filters and name not in columns:
                raise invalid(f"The filter {name} is not supported.", parameter=f"filter[{name}]")

    def select(self, filters: dict[str, str]) -> list[Row]:
        """The visible rows matching ``filters``; starts from an index when a raw column is filtered."""
        self.check_filters(filters)
        raw = [name for name in filters if name not in self.named_filters]
        if not raw or self.table_name not in self.store.tables:
            return self.filter_rows(self.rows(), filters)
        first = raw[0]
        candidates = self.store.find_by(self.table_name, first, *loose_values(filters[first]))
        rest = {name: value for name, value in filters.items() if name != first}
        return self.filter_rows([r for r in candidates if self.visible(r)], rest)

    def filter_rows(self, rows: list[Row], filters: dict[str, str]) -> list[Row]:
        self.check_filters(filters)
        for name, value in filters.items():
            if name in self.named_filters:
                rows = self.named_filter(name, value, rows)
            elif self.table_name in self.store.tables:
                matching = {r["id"] for r in self.store.find_by(self.table_name, name, *loose_values(value))}
                rows = [row for row in rows if row["id"] in matching]
            else:
                rows = [row for row in rows if raw_equals(row.get(name), value)]
        return rows

    def named_filter(self, name: str, value: str, rows: list[Row]) -> list[Row]:
        raise NotImplementedError(name)

    def sort_rows(self, rows: list[Row], sort: list[tuple[str, bool]]) -> list[Row]:
        for name, _ in sort:
            if name not in self.sorts:
                raise invalid(f"The sort field {name} is not supported.", parameter="sort")
        rows = sorted(rows, key=lambda row: row["id"])
        for name, descending in reversed(sort):
            rows = sorted(rows, key=self._sort_key(name), reverse=descending)
        return rows

    def _sort_key(self, name: str) -> Callable[[Row], tuple[int, Any]]:
        return lambda row: sort_key(row.get(name))

    def check_includes(self, paths: list[str]) -> None:
        for path in paths:
            if path not in self.includes:
                raise invalid(f"Include path {path} is not allowed.", parameter="include")

    def check_appends(self, query: Query) -> None:
        for kind, names in query.append.items():
            allowed = self.shop.resource(kind).appends if self.shop.has_resource(kind) else frozenset()
            for name in names:
                if name not in allowed:
                    raise invalid(f"The append {name} is not supported for {kind}.", parameter=f"append[{kind}]")

    def related(self, row: Row, rel: Relation) -> list[Row]:
        """The rows a relationship of ``row`` points at (empty for unmodelled relations)."""
        if rel.column is not None:
            found = self.shop.resource(rel.target).lookup(row.get(rel.column))
            return [found] if found is not None else []
        if rel.children is not None:
            target = self.shop.resource(rel.target)
            return [r for r in self.store.find_by(target.table_name, rel.children, row["id"]) if target.visible(r)]
        return self.custom_related(row, rel)

    def custom_related(self, row: Row, rel: Relation) -> list[Row]:
        return []

    def linkage(self, row: Row, rel: Relation) -> Any:
        rows = self.related(row, rel)
        if rel.many:
            return [identifier(rel.target, r["id"]) for r in rows]
        return identifier(rel.target, rows[0]["id"]) if rows else None

    def attributes_of(self, row: Row) -> dict[str, Any]:
        attrs = {name: row.get(name) for name in self.attributes}
        for name in self.number_attributes:
            value = attrs.get(name)
            if isinstance(value, (int, float)):
                attrs[name] = normalise_number(value)
        return attrs

    def serialize(self, row: Row, ctx: Context) -> dict[str, Any]:
        attrs = self.attributes_of(row)
        for name in ctx.query.append.get(self.type, ()):
            attrs[name] = self.appended(row, name)
        wanted = ctx.query.fields.get(self.type)
        if wanted is not None:
            attrs = {k: v for k, v in attrs.items() if k in wanted}
        obj: dict[str, Any] = {"type": self.type, "id": str(row["id"]), "attributes": attrs}
        rels = {
            rel.name: {"data": self.linkage(row, rel)}
            for rel in self.relations
            if wanted is None or rel.name in wanted
        }
        if rels:
            obj["relationships"] = rels
        if ctx.show_links:
            obj["links"] = {"self": f"{ctx.base_url}/{self.type}/{row['id']}"}
        return obj

    def appended(self, row: Row, name: str) -> Any:
        return {} if name == "meta" else None

    def included(self, rows: list[Row], paths: list[str], ctx: Context) -> list[dict[str, Any]]:
        """Serialise every row reached by the include paths, deduplicated by (type, id)."""
        primary = {(self.type, row["id"]) for row in rows}
        seen: dict[tuple[str, int], dict[str, Any]] = {}
        for path in paths:
            resource: Resource = self
            current = rows
            for segment in path.split("."):
                rel = resource.relation(segment)
                if rel is None or not self.shop.has_resource(rel.target):
                    break
                nxt: list[Row] = []
                for row in current:
                    nxt.extend(resource.related(row, rel))
                resource = self.shop.resource(rel.target)
                for row in nxt:
                    key = (resource.type, row["id"])
                    if key not in primary and key not in seen:
                        seen[key] = resource.serialize(row, ctx)
                current = nxt
        return list(seen.values())

    # -- writing ---------------------------------------------------------------------------

    def check_identity(self, data: dict[str, Any], row: Row | None) -> None:
        if data.get("type") != self.type:
            raise invalid(f"The resource type must be {self.type}.", pointer="/data/type")
        if row is None:
            if "id" in data:
                raise invalid("Client-generated ids are not supported.", pointer="/data/id")
            return
        if "id" not in data:
            raise invalid("The id member is required.", pointer="/data/id")
        if str(data["id"]) != str(row["id"]):
            raise invalid("The resource id does not match the URL.", pointer="/data/id")

    def check_attributes(self, data: dict[str, Any], *, creating: bool) -> dict[str, Any]:
        raw = data.get("attributes") or {}
        allowed = self.fields if creating or self.patch_fields is None else self.patch_fields
        known = set(self.attributes) | set(self.fields)
        values: dict[str, Any] = {}
        for name, value in raw.items():
            if name in allowed:
                values[name] = allowed[name](name, value)
            elif name in known:
                raise invalid(f"The {name.replace('_', ' ')} field is read-only.", pointer=f"/data/attributes/{name}")
            elif not self.config.allow_unknown_attributes:
                raise invalid(f"The attribute {name} is not supported.", pointer=f"/data/attributes/{name}")
        if creating:
            for name in self.required:
                if values.get(name) in (None, ""):
                    label = name.replace("_", " ")
                    raise invalid(f"The {label} field is required.", pointer=f"/data/attributes/{name}")
        return values

    def check_relationships(self, data: dict[str, Any], *, creating: bool) -> dict[str, Row | None]:
        """Resolve the ``relationships`` member: name -> target row (``None`` = cleared)."""
        raw = data.get("relationships") or {}
        method = "POST" if creating else "PATCH"
        resolved: dict[str, Row | None] = {}
        for name, member in raw.items():
            rel = self.relation(name)
            if rel is None:
                raise relationship_error(name, f"The relationship {name} is not supported.")
            if method not in rel.writable:
                raise relationship_error(name, f"The {name} relationship is read-only.")
            if not isinstance(member, dict) or "data" not in member:
                raise relationship_error(name, f"The {name} relationship must have a data member.")
            resolved[name] = self.resolve_linkage(rel, member["data"])
        for rel in self.relations:
            if rel.required and resolved.get(rel.name) is None and (creating or rel.name in resolved):
                raise relationship_error(rel.name, f"The {rel.name} field is required.")
        return resolved

    def resolve_linkage(self, rel: Relation, linkage: Any) -> Row | None:
        if linkage is None:
            return None
        if not isinstance(linkage, dict) or "type" not in linkage or "id" not in linkage:
            raise relationship_error(rel.name, f"The {rel.name} relationship must be a resource identifier.")
        if linkage["type"] != rel.target:
            raise relationship_error(rel.name, f"The {rel.name} relationship must point at {rel.target}.")
        row = self.shop.resource(rel.target).lookup(linkage["id"])
        if row is None:
            raise relationship_error(rel.name, f"The selected {rel.name} is invalid.")
        return row

    def create(self, data: dict[str, Any]) -> Row:
        self.check_identity(data, None)
        attrs = self.check_attributes(data, creating=True)
        rels = self.check_relationships(data, creating=True)
        return self.insert(attrs, rels)

    def update(self, row: Row, data: dict[str, Any]) -> Row:
        self.check_identity(data, row)
        attrs = self.check_attributes(data, creating=False)
        rels = self.check_relationships(data, creating=False)
        return self.modify(row, attrs, rels)

    def insert(self, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        row = {**self.defaults(), **attrs, **self.relation_columns(rels)}
        return self.store.insert(self.table_name, row)

    def modify(self, row: Row, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        return self.store.update(self.table_name, row["id"], {**attrs, **self.relation_columns(rels)})

    def remove(self, row: Row) -> None:
        self.store.delete(self.table_name, row["id"])

    def defaults(self) -> dict[str, Any]:
        return dict.fromkeys(self.attributes)

    def relation_columns(self, rels: dict[str, Row | None]) -> dict[str, Any]:
        columns: dict[str, Any] = {}
        for name, target in rels.items():
            rel = self.relation(name)
            if rel is not None and rel.column is not None:
                columns[rel.column] = target["id"] if target is not None else None
        return columns

    # -- helpers for subclasses --------------------------------------------------------------

    def handle_taken(self, handle: str) -> bool:
        """Whether a ``url_handle`` is used by any row, deleted ones included (a unique DB column)."""
        return bool(self.store.find_by(self.table_name, "url_handle", handle))

    def unique(
        self,
        name: str,
        value: Any,
        *,
        exclude: int | None = None,
        normalise: Callable[[Any], Any] | None = None,
        rows: list[Row] | None = None,
        detail: str | None = None,
    ) -> None:
        """422 ``The <name> has already been taken.`` when another row holds ``value``."""
        if value is None or value == "":
            return
        norm = normalise or (lambda v: v)
        wanted = norm(value)
        if rows is None:
            candidates = self.rows() if normalise else self.store.find_by(self.table_name, name, value)
            rows = [r for r in candidates if self.visible(r)]
        for other in rows:
            if other["id"] != exclude and other.get(name) is not None and norm(other.get(name)) == wanted:
                raise ApiError(
                    422,
                    detail=detail or f"The {name.replace('_', ' ')} has already been taken.",
                    pointer=f"/data/attributes/{name}",
                )
