"""A shop order as the import sees it, and its Warehouse Pro document (pure: no I/O).

* :func:`decode_order` turns a JSON:API ``orders`` resource (with its ``products`` included, and the
  shipping/billing address when included) into a :class:`ShopOrder`.
* :func:`match_lines` finds the good of every line by the Compare-by key; an order is written only
  when every line matches exactly one good, otherwise the problems say what the operator must do.
* :func:`build_document` gives the OperType 19 document: one line per order line, the unit price from
  the line's ``order_price`` (after order discounts, VAT included, minor units), the VAT rate of the
  good's VAT group, the customer as partner and the marker note that finds the document again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.cloudcart import Resource, from_minor, parse_datetime, parse_quantity
from app.sync.compare_key import key_label, shop_key, warehouse_column
from app.warehouse import Good, NewOrder, NewOrderLine, PartnerInfo

SHOP_DATETIME = "%Y-%m-%d %H:%M:%S"  # CloudCart's store-local format (cloudcart-api.md §7.1 item 3)
# Statuses after which an imported order no longer stands (cloudcart-api.md §4.10, negative codes).
NEGATIVE_STATUSES = frozenset({"cancelled", "refunded", "voided", "failed", "timeouted", "chargebacked", "disputed"})
ORDER_INCLUDES = ("products", "shipping-address", "billing-address")


@dataclass(frozen=True)
class ShopLine:
    position: int  # 1-based, as the operator counts lines
    name: str
    sku: str
    barcode: str
    quantity: float
    unit_price: Decimal  # order_price (per unit after order discounts), major units, VAT included


@dataclass(frozen=True)
class ShopOrder:
    id: str
    status: str
    date_added: str  # store-local "YYYY-MM-DD HH:MM:SS"
    updated_at: str
    usn: str
    currency: str
    customer: PartnerInfo
    lines: tuple[ShopLine, ...]

    @property
    def date(self) -> dt.date:
        return dt.datetime.strptime(self.date_added, SHOP_DATETIME).date()

    @property
    def total(self) -> Decimal:
        return sum((Decimal(repr(line.quantity)) * line.unit_price for line in self.lines), Decimal(0))

    def summary(self) -> str:
        """``3 lines, total 52.88 EUR``."""
        count = len(self.lines)
        total = self.total.quantize(Decimal("0.01"))
        return f"{count} line{'s' if count != 1 else ''}, total {total} {self.currency}".rstrip()


def _text(value: object) -> str:
    if value is None or isinstance(value, bool):
        return ""
    return str(value).strip()


def shop_datetime(value: object) -> str:
    """A shop date-time in the store-local text form (ISO 8601 input is accepted and reformatted)."""
    text = _text(value)
    return parse_datetime(text).strftime(SHOP_DATETIME) if text else ""


class OrderUnreadable(ValueError):
    """The shop's answer for one order cannot be turned into a document (the other orders go on)."""


def _money(value: object, where: str) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return from_minor(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return from_minor(int(value))
    if isinstance(value, float) and value.is_integer():
        return from_minor(int(value))
    raise OrderUnreadable(f"{where} has a price that is not a whole number of cents ({value!r})")


def _line(position: int, resource: Resource) -> ShopLine:
    attrs = resource.attributes
    price = attrs.get("order_price")
    if price is None:
        price = attrs.get("price")
    where = f"line {position}"
    try:
        quantity = parse_quantity(attrs.get("quantity"))
    except ValueError:
        raise OrderUnreadable(f"{where} has a quantity that is not a number ({attrs.get('quantity')!r})") from None
    return ShopLine(
        position=position,
        name=_text(attrs.get("name")),
        sku=_text(attrs.get("sku")),
        barcode=_text(attrs.get("barcode")),
        quantity=float(quantity) if quantity is not None else 0.0,  # match_lines names a line without one
        unit_price=_money(price, where),
    )


def _address_text(attrs: Mapping[str, object]) -> str:
    street = " ".join(p for p in (_text(attrs.get("street_name")), _text(attrs.get("street_number"))) if p)
    parts = [street or _text(attrs.get("address1")) or _text(attrs.get("text")), _text(attrs.get("post_code"))]
    return ", ".join(p for p in parts if p)


def _customer(order: Resource) -> PartnerInfo:
    attrs = order.attributes
    name = " ".join(p for p in (_text(attrs.get("customer_first_name")), _text(attrs.get("customer_last_name"))) if p)
    address: Mapping[str, object] = {}
    for relation in ("shipping-address", "billing-address"):
        if relation in order.relationships:
            found = order.related(relation)
            if found is not None:
                address = found.attributes
                break
    return PartnerInfo(
        name=name,
        email=_text(attrs.get("customer_email")),
        phone=_text(address.get("phone")),
        city=_text(address.get("city_name")),
        address=_address_text(address),
    )


def decode_order(resource: Resource) -> ShopOrder:
    """A ``GET /orders?include=products,...`` resource as a :class:`ShopOrder`.

    Raises :class:`OrderUnreadable` when a line the order links to is missing from the answer, or a date,
    quantity or price is not usable: such an order must not become a document with wrong or missing lines.
    """
    attrs = resource.attributes
    linked = resource.rel_ids("products")
    included = resource.related_many("products")
    if len(included) != len(linked):
        found = {item.id for item in included}
        missing = ", ".join(i for i in linked if i not in found)
        raise OrderUnreadable(f"the shop's answer lacks line(s) {missing} of this order")
    lines = tuple(_line(n, item) for n, item in enumerate(included, start=1))
    try:
        date_added = shop_datetime(attrs.get("date_added"))
        updated_at = shop_datetime(attrs.get("updated_at")) or date_added
    except ValueError:
        raise OrderUnreadable(f"its date is not readable ({attrs.get('date_added')!r})") from None
    if not date_added:
        raise OrderUnreadable("it has no date_added")
    return ShopOrder(
        id=resource.id,
        status=_text(attrs.get("status")).lower(),
        date_added=date_added,
        updated_at=updated_at,
        usn=_text(attrs.get("usn")),
        currency=_text(attrs.get("currency")),
        customer=_customer(resource),
        lines=lines,
    )


def marker_note(order_id: str, shop: str) -> str:
    """The document's Note, e.g. ``CloudCart order 1042 (mystore.cloudcart.net)``.

    The shop's address is part of it, so two shops that write into one Warehouse database never adopt
    each other's documents, and a server re-created for the same shop still finds its own.
    """
    return f"CloudCart order {order_id} ({shop})"


def usn_reference(acct: int) -> str:
    """The order's ``usn`` in the shop: the Warehouse document number, e.g. ``WP-OR-17``."""
    return f"WP-OR-{acct}"


@dataclass(frozen=True)
class Matched:
    lines: list[NewOrderLine]
    problems: list[str]


def line_keys(order: ShopOrder, compare_by: str) -> set[str]:
    return {k for line in order.lines if (k := shop_key(compare_by, line.sku, line.barcode))}


def _describe(line: ShopLine) -> str:
    return f"line {line.position} '{line.name}'" if line.name else f"line {line.position}"


def _sentence(text: str) -> str:
    """Upper-case the first letter only: the shop's product names stay as they are."""
    return text[:1].upper() + text[1:]


def match_lines(order: ShopOrder, goods: Mapping[str, Sequence[Good]], compare_by: str) -> Matched:
    """Document lines for ``order`` given the goods found per key; problems name every line that fails."""
    label, column = key_label(compare_by), warehouse_column(compare_by)
    lines: list[NewOrderLine] = []
    problems: list[str] = []
    if not order.lines:
        problems.append("The order has no lines in the shop's answer; check the order in CloudCart.")
    for line in order.lines:
        key = shop_key(compare_by, line.sku, line.barcode)
        found = list(goods.get(key, ())) if key else []
        if not key:
            problems.append(
                f"{_sentence(_describe(line))} has no {label} in the shop, so no good can match it: "
                "enter this order in Warehouse Pro by hand"
            )
        elif not found:
            problems.append(
                f"{label} {key} ({_describe(line)}) matches no good in Warehouse Pro: enter {key} as {column} of "
                "the good (or pull products from CloudCart); the order is imported on the next run"
            )
        elif len(found) > 1:
            ids = ", ".join(str(g.id) for g in found)
            problems.append(
                f"{label} {key} ({_describe(line)}) matches {len(found)} goods (IDs {ids}): make {column} unique "
                "in Warehouse Pro; the order is imported on the next run"
            )
        elif line.quantity <= 0:
            problems.append(f"{_sentence(_describe(line))} has quantity {line.quantity:g}; expected more than 0")
        else:
            good = found[0]
            lines.append(NewOrderLine(good.id, line.quantity, float(line.unit_price), good.vat_rate))
    return Matched(lines if not problems else [], problems)


def build_document(order: ShopOrder, lines: list[NewOrderLine], *, object_id: int, shop: str) -> NewOrder:
    return NewOrder(
        object_id=object_id,
        date=order.date,
        partner=order.customer,
        note=marker_note(order.id, shop),
        lines=lines,
    )
