"""Stock side effects of orders (CloudCart's inventory decrement and restock rules).

* An order takes stock when it reaches a *decrement status* — for the store setting ``paid``:
  ``paid``, ``authorized``, ``completed``; for ``pending``: those and ``pending`` — or when it is
  fulfilled. Each line remembers whether it was decremented (``_decremented``).
* Order decrements clamp the variant quantity at 0, touch tracked lines only and leave
  ``quantity = null`` (unlimited) alone.
* Moving into a negative status re-credits exactly the decremented lines (the line quantity);
  moving between negative statuses does nothing; re-marking a cancelled order ``paid`` takes
  stock again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.sandbox.fields import normalise_number
from app.sandbox.store import Row

if TYPE_CHECKING:
    from app.sandbox.shop import Shop

# The 11 canonical order statuses, with the ids served by GET /order-status.
ORDER_STATUSES: tuple[tuple[int, str, str], ...] = (
    (1, "pending", "Pending"),
    (2, "paid", "Paid"),
    (3, "authorized", "Authorized"),
    (4, "completed", "Completed"),
    (5, "cancelled", "Cancelled"),
    (6, "refunded", "Refunded"),
    (7, "voided", "Voided"),
    (8, "timeouted", "Timeouted"),
    (9, "failed", "Failed"),
    (10, "chargebacked", "Chargebacked"),
    (11, "disputed", "Disputed"),
)
STATUS_IDS = {slug: status_id for status_id, slug, _ in ORDER_STATUSES}
STATUS_BY_ID = {status_id: slug for status_id, slug, _ in ORDER_STATUSES}
NEGATIVE = frozenset({"voided", "timeouted", "cancelled", "failed", "refunded", "chargebacked", "disputed"})
# What the JSON:API may set; the other five come from payment gateways only.
API_SETTABLE = ("pending", "authorized", "paid", "completed", "cancelled", "refunded")


def decrement_statuses(setting: str) -> frozenset[str]:
    base = {"paid", "authorized", "completed"}
    return frozenset(base | {"pending"}) if setting == "pending" else frozenset(base)


def takes_stock(order: Row, setting: str) -> bool:
    return order.get("status") in decrement_statuses(setting) or order.get("status_fulfillment") == "fulfilled"


def order_lines(shop: Shop, order_id: int) -> list[Row]:
    return shop.store.find_by("order-products", "order_id", order_id)


def settle(shop: Shop, order: Row) -> None:
    """Bring the stock in line with the order's current status and fulfilment."""
    if order.get("status") in NEGATIVE:
        for line in order_lines(shop, order["id"]):
            if line.get("_decremented"):
                _move(shop, line, +1)
    elif takes_stock(order, shop.config.decrement_status):
        for line in order_lines(shop, order["id"]):
            if not line.get("_decremented"):
                _move(shop, line, -1)


def _move(shop: Shop, line: Row, sign: int) -> None:
    variant = shop.store.get("variants", line.get("variant_id") or 0)
    changed = False
    if variant is not None and line.get("tracked") == "yes" and variant.get("quantity") is not None:
        quantity = variant["quantity"] + sign * line["quantity"]
        if sign < 0:
            quantity = max(0, quantity)  # order-path decrements never go negative
        shop.store.update("variants", variant["id"], {"quantity": normalise_number(quantity)})
        changed = True
    # A line counts as decremented only when stock was actually taken (restock mirrors it).
    shop.store.update("order-products", line["id"], {"_decremented": changed if sign < 0 else False})
