"""JSON:API documents: decoding answers into :class:`Resource` objects and encoding request bodies.

Decoding is strict about structure (a malformed document raises :class:`UnexpectedResponse`) and
tolerant about content: unknown attributes, extra members, integer ids and missing ``jsonapi``
members are accepted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from app.cloudcart.errors import UnexpectedResponse


@dataclass(frozen=True)
class Ref:
    """A resource identifier: ``{"type": "variants", "id": "101"}``."""

    type: str
    id: str

    def encode(self) -> dict[str, str]:
        return {"type": self.type, "id": self.id}


Linkage: TypeAlias = Ref | list[Ref] | None


@dataclass(frozen=True)
class Resource:
    """One resource object; ``related()`` resolves relationships through the document's ``included``."""

    type: str
    id: str
    attributes: dict[str, Any] = field(default_factory=dict)
    relationships: dict[str, Linkage] = field(default_factory=dict)
    _index: Mapping[tuple[str, str], Resource] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ref(self) -> Ref:
        return Ref(self.type, self.id)

    def rel_id(self, name: str) -> str | None:
        """The id of a to-one relationship, ``None`` when empty or absent."""
        linkage = self.relationships.get(name)
        if isinstance(linkage, list):
            raise ValueError(f"{self.type} relationship {name!r} is to-many; use rel_ids()")
        return linkage.id if linkage is not None else None

    def rel_ids(self, name: str) -> list[str]:
        """The ids of a relationship (a to-one gives zero or one id)."""
        linkage = self.relationships.get(name)
        if linkage is None:
            return []
        if isinstance(linkage, Ref):
            return [linkage.id]
        return [ref.id for ref in linkage]

    def related(self, name: str) -> Resource | None:
        """The included resource of a to-one relationship, ``None`` if empty or not included."""
        linkage = self.relationships.get(name)
        if isinstance(linkage, list):
            raise ValueError(f"{self.type} relationship {name!r} is to-many; use related_many()")
        return self._index.get((linkage.type, linkage.id)) if linkage is not None else None

    def related_many(self, name: str) -> list[Resource]:
        """The included resources of a relationship, in linkage order; missing ones are skipped."""
        linkage = self.relationships.get(name)
        refs = [linkage] if isinstance(linkage, Ref) else (linkage or [])
        return [found for ref in refs if (found := self._index.get((ref.type, ref.id))) is not None]


RelationshipInput: TypeAlias = Ref | Resource | Sequence[Ref | Resource] | None


@dataclass(frozen=True)
class PageInfo:
    current_page: int
    last_page: int
    per_page: int | None = None
    total: int | None = None


@dataclass(frozen=True)
class Document:
    """A decoded answer. ``single`` is true when ``data`` was one object (or null), not a list."""

    resources: list[Resource]
    single: bool
    page: PageInfo | None = None


def _malformed(why: str) -> UnexpectedResponse:
    return UnexpectedResponse(
        f"CloudCart sent a malformed JSON:API document ({why}). Try again later; if it persists, "
        "send the log file to support."
    )


def _identifier(obj: object, where: str) -> tuple[str, str]:
    if not isinstance(obj, dict):
        raise _malformed(f"{where} is not an object")
    kind, ident = obj.get("type"), obj.get("id")
    if not isinstance(kind, str) or not kind:
        raise _malformed(f"{where} has no type")
    if isinstance(ident, bool) or not isinstance(ident, (str, int)) or ident == "":
        raise _malformed(f"{where} has no id")
    return kind, str(ident)


def _linkage(value: object, where: str) -> Linkage:
    if value is None:
        return None
    if isinstance(value, list):
        return [Ref(*_identifier(item, where)) for item in value]
    return Ref(*_identifier(value, where))


def _resource(obj: object, index: dict[tuple[str, str], Resource], where: str) -> Resource:
    kind, ident = _identifier(obj, where)
    assert isinstance(obj, dict)
    attributes = obj.get("attributes", {})
    if attributes is None:
        attributes = {}
    if not isinstance(attributes, dict):
        raise _malformed(f"{where} attributes is not an object")
    raw_relationships = obj.get("relationships", {}) or {}
    if not isinstance(raw_relationships, dict):
        raise _malformed(f"{where} relationships is not an object")
    relationships: dict[str, Linkage] = {}
    for name, rel in raw_relationships.items():
        if not isinstance(rel, dict):
            raise _malformed(f"{where} relationship {name!r} is not an object")
        if "data" in rel:  # a links-only relationship says nothing about linkage
            relationships[str(name)] = _linkage(rel["data"], f"{where} relationship {name!r}")
    return Resource(kind, ident, dict(attributes), relationships, index)


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _page_info(meta: object) -> PageInfo | None:
    if not isinstance(meta, dict) or not isinstance(meta.get("page"), dict):
        return None
    page = meta["page"]
    current, last = _int(page.get("current-page")), _int(page.get("last-page"))
    if current is None or last is None:
        return None
    return PageInfo(current, last, _int(page.get("per-page")), _int(page.get("total")))


def decode_document(payload: object) -> Document:
    """Decode a parsed JSON:API answer; raises :class:`UnexpectedResponse` when it is not one."""
    if not isinstance(payload, dict):
        raise _malformed("the answer is not a JSON object")
    if "data" not in payload:
        raise _malformed("'data' is missing")
    index: dict[tuple[str, str], Resource] = {}
    data = payload["data"]
    if data is None:
        resources, single = [], True
    elif isinstance(data, list):
        resources = [_resource(item, index, f"data[{n}]") for n, item in enumerate(data)]
        single = False
    else:
        resources, single = [_resource(data, index, "data")], True
    included = payload.get("included", []) or []
    if not isinstance(included, list):
        raise _malformed("'included' is not a list")
    for n, item in enumerate(included):
        resource = _resource(item, index, f"included[{n}]")
        index[(resource.type, resource.id)] = resource
    for resource in resources:
        index.setdefault((resource.type, resource.id), resource)
    return Document(resources, single, _page_info(payload.get("meta")))


def _encode_linkage(value: RelationshipInput) -> dict[str, Any]:
    if value is None:
        return {"data": None}
    if isinstance(value, (Ref, Resource)):
        return {"data": {"type": value.type, "id": value.id}}
    return {"data": [{"type": item.type, "id": item.id} for item in value]}


def encode_resource(
    kind: str,
    attributes: Mapping[str, Any],
    relationships: Mapping[str, RelationshipInput] | None = None,
    *,
    id: str | None = None,
) -> dict[str, Any]:
    """The body of a POST (no id) or PATCH (id required by CloudCart in body and URL)."""
    data: dict[str, Any] = {"type": kind}
    if id is not None:
        data["id"] = str(id)
    data["attributes"] = dict(attributes)
    if relationships:
        data["relationships"] = {name: _encode_linkage(value) for name, value in relationships.items()}
    return {"data": data}
