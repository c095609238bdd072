"""``/api/v2/webhooks`` — event subscriptions (stored; the sandbox does not deliver them)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from app.sandbox import fields as f
from app.sandbox.fields import FieldType
from app.sandbox.jsonapi import attribute_error
from app.sandbox.resources.base import Resource
from app.sandbox.store import Row

EVENTS = (
    "category.created", "category.updated", "category.deleted",
    "vendor.created", "vendor.updated", "vendor.deleted",
    "product.created", "product.updated", "product.deleted",
    "discount.created", "discount.updated", "discount.deleted",
    "customer.created", "customer.updated", "customer.deleted",
    "order.created", "order.updated",
    "subscriber.created", "subscriber.updated", "subscriber.deleted",
)  # fmt: skip
API_KEY_ID = 1  # the sandbox store has one API key


def event(name: str, value: Any) -> str:
    if value not in EVENTS:
        raise attribute_error(name, f"List of valid events: {', '.join(EVENTS)}")
    return str(value)


def active(name: str, value: Any) -> str:
    if value in ("yes", 1, "1", True):
        return "yes"
    if value in ("no", 0, "0", False):
        return "no"
    raise attribute_error(name, "The active field must be yes, no, 1 or 0.")


def request_headers(name: str, value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise attribute_error(name, "The request headers must be an object.")
    return {str(k): str(v) for k, v in value.items() if str(k).strip() and v not in (None, "")}


def api_key_id(name: str, value: Any) -> int:
    if value != API_KEY_ID and value != str(API_KEY_ID):
        raise attribute_error(name, "The selected api key id is invalid.")
    return API_KEY_ID


class Webhooks(Resource):
    type = "webhooks"
    attributes = ("url", "event", "active", "new_version", "request_headers", "created_at", "updated_at")
    patch_fields: ClassVar[dict[str, FieldType]] = {
        "url": f.url,
        "event": event,
        "active": active,
        "new_version": f.flag,
        "request_headers": request_headers,
    }
    fields: ClassVar[dict[str, FieldType]] = {**patch_fields, "api_key_id": api_key_id}
    required = ("url", "event")
    sorts = frozenset({"id", "url", "event"})
    extra_columns = ("api_key_id",)

    @staticmethod
    def _now() -> str:
        return datetime.now(UTC).replace(microsecond=0).isoformat()

    def defaults(self) -> dict[str, Any]:
        now = self._now()
        return {**super().defaults(), "active": "yes", "new_version": 1, "request_headers": {},
                "api_key_id": API_KEY_ID, "created_at": now, "updated_at": now}  # fmt: skip

    def modify(self, row: Row, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        return super().modify(row, {**attrs, "updated_at": self._now()}, rels)
