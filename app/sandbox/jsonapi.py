"""JSON:API 1.0 plumbing shared by every resource: errors, query parameters, documents, paging."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

MEDIA_TYPE = "application/vnd.api+json"

TITLES = {
    400: "Bad Request",
    401: "Unauthenticated",
    402: "Payment Required",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    409: "Conflict",
    415: "Unsupported Media Type",
    422: "Unprocessable Entity",
    500: "Internal Server Error",
    503: "Maintenance mode",
    504: "Gateway Timeout",
}

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


@dataclass
class ApiError(Exception):
    """One JSON:API error; raising it from a handler answers with the error envelope."""

    status: int
    detail: str | None = None
    pointer: str | None = None
    parameter: str | None = None
    title: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_error(self) -> dict[str, Any]:
        error: dict[str, Any] = {"status": str(self.status)}
        title = self.title if self.title is not None else TITLES.get(self.status)
        if title:
            error["title"] = title
        if self.detail is not None:
            error["detail"] = self.detail
        if self.pointer is not None:
            error["source"] = {"pointer": self.pointer}
        elif self.parameter is not None:
            error["source"] = {"parameter": self.parameter}
        error.update(self.extra)
        return error

    def document(self) -> dict[str, Any]:
        return {"errors": [self.to_error()]}


def invalid(
    detail: str, *, pointer: str | None = None, parameter: str | None = None, title: str | None = None
) -> ApiError:
    """A 422 validation error."""
    return ApiError(422, detail=detail, pointer=pointer, parameter=parameter, title=title)


def attribute_error(name: str, detail: str) -> ApiError:
    return invalid(detail, pointer=f"/data/attributes/{name}")


def relationship_error(name: str, detail: str, *, title: str | None = None) -> ApiError:
    return invalid(detail, pointer=f"/data/relationships/{name}", title=title)


def not_found(detail: str | None = None) -> ApiError:
    return ApiError(404, detail=detail)


# -- query parameters ----------------------------------------------------------------------

_BRACKET = re.compile(r"^([a-z_]+)\[([^\]]*)\](.*)$")


@dataclass
class Query:
    """The JSON:API query parameters of one request."""

    page_number: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    filters: dict[str, str] = field(default_factory=dict)
    sort: list[tuple[str, bool]] = field(default_factory=list)  # (field, descending)
    include: list[str] = field(default_factory=list)
    fields: dict[str, set[str]] = field(default_factory=dict)
    append: dict[str, set[str]] = field(default_factory=dict)
    has_paging: bool = False


def _positive_int(raw: str, parameter: str, *, maximum: int | None = None) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise invalid(f"The {parameter} must be an integer.", parameter=parameter) from None
    if value < 1:
        raise invalid(f"The {parameter} must be at least 1.", parameter=parameter)
    if maximum is not None and value > maximum:
        raise invalid(f"The {parameter} may not be greater than {maximum}.", parameter=parameter)
    return value


def parse_query(items: list[tuple[str, str]]) -> Query:
    """Parse ``page[...]``, ``filter[...]``, ``sort``, ``include``, ``fields[...]``, ``append[...]``.

    Other parameters are ignored, as Laravel does. Structural mistakes (``page[foo]``, a nested
    ``filter[x][]``) are 422 with ``source.parameter``.
    """
    query = Query()
    for key, value in items:
        if key == "sort":
            for part in (p.strip() for p in value.split(",")):
                if not part:
                    raise invalid("The sort parameter is invalid.", parameter="sort")
                query.sort.append((part.lstrip("-"), part.startswith("-")))
            continue
        if key == "include":
            query.include = [p.strip() for p in value.split(",") if p.strip()]
            continue
        match = _BRACKET.match(key)
        if match is None:
            continue
        group, name, rest = match.groups()
        if group == "filter":
            if rest or not name:
                raise invalid(f"The filter {key} is not supported.", parameter=key)
            query.filters[name] = value
        elif group == "page":
            query.has_paging = True
            if name == "number":
                query.page_number = _positive_int(value, "page[number]")
            elif name == "size":
                query.page_size = _positive_int(value, "page[size]", maximum=MAX_PAGE_SIZE)
            else:
                raise invalid(f"The paging parameter {key} is not supported.", parameter=key)
        elif group == "fields":
            query.fields[name] = {p.strip() for p in value.split(",") if p.strip()}
        elif group == "append":
            query.append[name] = {p.strip() for p in value.split(",") if p.strip()}
    return query


# -- documents -----------------------------------------------------------------------------


def identifier(kind: str, row_id: int | str) -> dict[str, str]:
    return {"type": kind, "id": str(row_id)}


@dataclass
class Page:
    """One page of a collection, with the kebab-case ``meta.page`` of CloudCart."""

    items: list[Any]
    number: int
    size: int
    total: int

    @property
    def last(self) -> int:
        return max(1, math.ceil(self.total / self.size))

    def meta(self) -> dict[str, Any]:
        start = (self.number - 1) * self.size
        return {
            "current-page": self.number,
            "per-page": self.size,
            "from": start + 1 if self.items else None,
            "to": start + len(self.items) if self.items else None,
            "total": self.total,
            "last-page": self.last,
        }

    def links(self, base: str) -> dict[str, str]:
        def link(number: int) -> str:
            return f"{base}?page[number]={number}&page[size]={self.size}"

        links = {"first": link(1)}
        if self.number > 1:
            links["prev"] = link(min(self.number - 1, self.last))
        if self.number < self.last:
            links["next"] = link(self.number + 1)
        links["last"] = link(self.last)
        return links


def paginate(rows: list[Any], query: Query) -> Page:
    start = (query.page_number - 1) * query.page_size
    return Page(rows[start : start + query.page_size], query.page_number, query.page_size, len(rows))


def parse_body(payload: Any) -> dict[str, Any]:
    """Check the top-level shape of a POST/PATCH document and return its ``data`` member."""
    if not isinstance(payload, dict) or "data" not in payload:
        raise ApiError(400, detail="The request body must be a JSON:API document with a data member.")
    data = payload["data"]
    if not isinstance(data, dict):
        raise invalid("The data member must be a resource object.", pointer="/data")
    for member in ("attributes", "relationships"):
        if member in data and not isinstance(data[member], dict):
            raise invalid(f"The {member} member must be an object.", pointer=f"/data/{member}")
    return data
