"""``/api/v2/orders`` — read and PATCH only (status, usn, invoice fields, notes)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from app.sandbox import fields as f
from app.sandbox.fields import DATE_FORMAT, DATETIME_FORMAT, FieldType
from app.sandbox.jsonapi import attribute_error, invalid
from app.sandbox.resources.base import Relation, Resource, relation_many
from app.sandbox.stock import API_SETTABLE, NEGATIVE, STATUS_BY_ID, STATUS_IDS, settle
from app.sandbox.store import Row

ORDER_ATTRIBUTES = (
    "status", "status_id", "status_fulfillment", "currency", "total", "subtotal", "tax", "discount",
    "shipping_price", "notify_customer", "customer_id", "customer_group_id", "customer_first_name",
    "customer_last_name", "customer_email", "customer_ip", "customer_geoip", "note_customer", "note_administrator",
    "abandoned", "desired_delivery_date", "shipping_from", "shipping_to", "shipping_date", "invoice_number",
    "invoice_date", "usn", "date_added", "updated_at", "date_archived",
)  # fmt: skip


def parse_date_filter(name: str, value: str) -> str:
    """``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM:SS`` as a comparable ``YYYY-MM-DD HH:MM:SS`` string."""
    for fmt in (DATETIME_FORMAT, DATE_FORMAT):
        try:
            return datetime.strptime(value, fmt).strftime(DATETIME_FORMAT)
        except ValueError:
            continue
    raise invalid(f"The {name} is not a valid date (Y-m-d or Y-m-d H:i:s).", parameter=f"filter[{name}]")


class Orders(Resource):
    type = "orders"
    attributes = ORDER_ATTRIBUTES
    fields: ClassVar[dict[str, FieldType]] = {
        "status": f.string(191),
        "status_id": f.integer,
        "invoice_number": f.string(191, min_length=1),
        "invoice_date": f.datetime_field,
        "usn": f.string(191, min_length=1),
        "note_administrator": f.text,
        "notify_customer": f.yes_no,
    }
    methods = frozenset({"GET", "PATCH"})
    relations = (
        relation_many("products", "order-products", "order_id"),
        Relation("payment", "order-payment"),
        relation_many("discounts", "order-discount"),
        relation_many("modifications", "order-modification"),
        relation_many("totals", "order-total"),
        relation_many("taxes", "order-tax"),
        Relation("shipping", "order-shipping"),
        Relation("shipping-address", "order-shipping-address"),
        Relation("billing-address", "order-billing-address"),
    )
    includes = frozenset({
        "products", "products.options", "payment", "discounts", "modifications", "totals", "taxes", "shipping",
        "shipping.provider", "shipping-address", "billing-address",
    })  # fmt: skip
    sorts = frozenset({"id", "date_added", "updated_at", "date_archived"})
    named_filters = frozenset({"start_date", "end_date", "geo_zone_id", "geo_zone_name"})
    appends = frozenset({"meta"})

    def named_filter(self, name: str, value: str, rows: list[Row]) -> list[Row]:
        if name == "start_date":
            since = parse_date_filter(name, value)
            return [r for r in rows if (r.get("date_added") or "") >= since]
        if name == "end_date":  # date_added <= value, literally (a bare date means its midnight)
            until = parse_date_filter(name, value)
            return [r for r in rows if (r.get("date_added") or "") <= until]
        return []  # no order has a shipping geo zone in the sandbox

    def modify(self, row: Row, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        if row.get("date_archived"):
            raise invalid("Archived orders can not be changed.", pointer="/data")
        status = self._wanted_status(attrs)
        changes: dict[str, Any] = {k: v for k, v in attrs.items() if k not in ("status", "status_id")}
        if "usn" in attrs:
            if row.get("usn"):
                raise attribute_error("usn", "You can set USN only once")
            self.unique("usn", attrs["usn"], exclude=row["id"])
        if "invoice_number" in attrs:
            if row.get("invoice_number"):
                raise attribute_error("invoice_number", "You can set invoice number only once.")
            self.unique("invoice_number", attrs["invoice_number"], exclude=row["id"],
                        detail="The invoice number has already been taken.")  # fmt: skip
            if not row.get("invoice_date") and "invoice_date" not in attrs:
                changes["invoice_date"] = self.shop.now()
        row = self.store.update(self.table_name, row["id"], {**changes, "updated_at": self.shop.now()})
        if status is not None and status != row.get("status"):
            self.change_status(row, status, gated=True)
        return row

    def _wanted_status(self, attrs: dict[str, Any]) -> str | None:
        status = attrs.get("status")
        if "status_id" in attrs:
            by_id = STATUS_BY_ID.get(attrs["status_id"])
            if by_id is None or by_id not in API_SETTABLE:
                raise attribute_error("status_id", self._invalid_status_message())
            if status is not None and status != by_id:
                raise attribute_error("status_id", "The status and status_id do not match.")
            status = by_id
        if status is not None and status not in API_SETTABLE:
            raise attribute_error("status", self._invalid_status_message())
        return status

    @staticmethod
    def _invalid_status_message() -> str:
        return f"Invalid status. You can use one of: {', '.join(API_SETTABLE)}"

    def change_status(self, row: Row, status: str, *, gated: bool) -> Row:
        """Move an order to ``status`` and run the stock side effects; API moves pass the hard gates."""
        current = row.get("status")
        if gated:
            if status == "cancelled" and current in ("paid", "completed"):
                raise attribute_error("status", f"An order with status {current} can not be cancelled.")
            if status == "completed" and (current not in ("paid", "completed")
                                          or row.get("status_fulfillment") != "fulfilled"):  # fmt: skip
                raise attribute_error("status", "Only paid and fulfilled orders can be completed.")
        changes: dict[str, Any] = {"status": status, "status_id": STATUS_IDS.get(status), "updated_at": self.shop.now()}
        if status in NEGATIVE:
            changes["status_fulfillment"] = "not_fulfilled"
        row = self.store.update(self.table_name, row["id"], changes)
        settle(self.shop, row)
        return row

    def fulfil(self, row: Row, attrs: dict[str, Any]) -> Row:
        """Create the fulfilment of an order (POST /order-fulfillment, PATCH /orders/{id}/fulfill)."""
        if row.get("date_archived"):
            raise invalid("Archived orders can not be changed.", pointer="/data/relationships/order")
        if row.get("status_fulfillment") == "fulfilled":
            raise invalid("This order is already fulfilled.", pointer="/data/relationships/order")
        now = self.shop.now()
        fulfilment = self.store.insert("order-fulfillment", {
            "shipping_tracking_url": None, "shipping_tracking_number": None, "shipping_date_delivery": None,
            "shipping_date_expedition": now[:10], **attrs,
            "order_id": row["id"], "shipping_provider": None, "date_fulfilled": now,
        })  # fmt: skip
        for line in self.store.find_by("order-products", "order_id", row["id"]):
            self.store.update("order-products", line["id"], {"order_fulfillment_id": fulfilment["id"]})
        row = self.store.update(self.table_name, row["id"], {"status_fulfillment": "fulfilled", "updated_at": now})
        settle(self.shop, row)
        return fulfilment

    def unfulfil(self, fulfilment: Row) -> None:
        order = self.store.get(self.table_name, fulfilment["order_id"])
        if order is not None:
            status = "paid" if order.get("status") in ("paid", "completed") else "pending"
            self.store.update(self.table_name, order["id"], {
                "status_fulfillment": "not_fulfilled", "status": status, "status_id": STATUS_IDS[status],
                "updated_at": self.shop.now(),
            })  # fmt: skip
        for line in self.store.find_by("order-products", "order_fulfillment_id", fulfilment["id"]):
            self.store.update("order-products", line["id"], {"order_fulfillment_id": None})


class OrderProducts(Resource):
    """``/api/v2/order-products`` — order lines, snapshots taken at checkout (GET only)."""

    type = "order-products"
    attributes = (
        "order_id", "product_id", "variant_id", "name", "sku", "barcode", "quantity", "weight", "price",
        "order_price", "order_discount_id", "order_fulfillment_id", "p1", "p2", "p3", "v1", "v2", "v3",
        "vendor_id", "vendor_name", "category_id", "category_name", "sale", "new", "digital", "tracked",
        "unit_id", "unit_value", "units",
    )  # fmt: skip
    methods = frozenset({"GET"})
    relations = (
        Relation("order", "orders", column="order_id"),
        relation_many("options", "order-products-options"),
    )
    includes = frozenset({"order", "options"})
    sorts = frozenset({
        "order_id", "quantity", "product_id", "variant_id", "name", "weight", "price", "order_price", "vendor_id",
        "vendor_name", "category_id", "category_name",
    })  # fmt: skip
    number_attributes = frozenset({"quantity"})


class OrderFulfillment(Resource):
    """``/api/v2/order-fulfillment`` — marks a whole order fulfilled (and takes its stock)."""

    type = "order-fulfillment"
    attributes = ("order_id", "shipping_provider", "shipping_tracking_url", "shipping_tracking_number",
                  "shipping_date_delivery", "shipping_date_expedition", "date_fulfilled")  # fmt: skip
    fields: ClassVar[dict[str, FieldType]] = {
        "shipping_tracking_url": f.nullable_url,
        "shipping_tracking_number": f.short_text,
        "shipping_date_delivery": f.date_field,
        "shipping_date_expedition": f.date_field,
    }
    relations = (Relation("order", "orders", column="order_id", writable=frozenset({"POST"}), required=True),)
    includes = frozenset({"order"})
    sorts = frozenset({"id", "order_id", "date_fulfilled", "shipping_date_delivery", "shipping_date_expedition"})

    def insert(self, attrs: dict[str, Any], rels: dict[str, Row | None]) -> Row:
        order = rels["order"]
        assert order is not None
        return self.shop.orders.fulfil(order, attrs)

    def remove(self, row: Row) -> None:
        self.shop.orders.unfulfil(row)
        super().remove(row)

