"""Value conversions between the program and CloudCart's JSON: money in minor units, "yes"/"no"
flags, quantities, and the two date-time formats the API uses."""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.cloudcart.errors import UnexpectedValue

_CENT = Decimal(1)
_TRUE = frozenset({"yes", "1", "true", "y", "on"})
_FALSE = frozenset({"no", "0", "false", "n", "off", ""})


def to_minor(amount: Decimal | int) -> int:
    """19.995 -> 2000: money in cents, rounded half-up (away from zero for negatives)."""
    value = Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"cannot send the amount {amount!r} to CloudCart")
    return int((value * 100).quantize(_CENT, rounding=ROUND_HALF_UP))


def from_minor(minor: int) -> Decimal:
    """1999 -> Decimal("19.99")."""
    if isinstance(minor, bool) or not isinstance(minor, int):
        raise UnexpectedValue(f"CloudCart sent the amount {minor!r} where whole cents were expected.")
    return Decimal(minor).scaleb(-2)


def yes_no(flag: bool) -> str:
    """True -> "yes", False -> "no" (CloudCart's boolean attributes)."""
    return "yes" if flag else "no"


def parse_yes_no(value: object) -> bool:
    """Accept "yes"/"no", 1/0, "1"/"0", true/false (CloudCart mixes them)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise UnexpectedValue(f"CloudCart sent {value!r} where yes/no was expected.")


def parse_quantity(value: object) -> Decimal | None:
    """A stock quantity: int, float, numeric string or ``None`` (unlimited stock)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise UnexpectedValue(f"CloudCart sent the quantity {value!r}.")
    if isinstance(value, (int, str)):
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = Decimal("NaN")
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        raise UnexpectedValue(f"CloudCart sent the quantity {value!r}.")
    if not number.is_finite():
        raise UnexpectedValue(f"CloudCart sent the quantity {value!r}.")
    return number


def parse_datetime(value: str) -> datetime:
    """``2026-06-01 09:12:33`` (store local time, naive) or ISO 8601 (``2026-05-12T08:30:00+00:00``)."""
    if not isinstance(value, str):
        raise UnexpectedValue(f"CloudCart sent {value!r} where a date and time was expected.")
    text = value.strip()
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise UnexpectedValue(f"CloudCart sent {value!r} where a date and time was expected.") from None
