from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.cloudcart import (
    UnexpectedValue,
    from_minor,
    parse_datetime,
    parse_quantity,
    parse_yes_no,
    to_minor,
    yes_no,
)
from app.domain.errors import AppError


@pytest.mark.parametrize(
    ("amount", "minor"),
    [
        (Decimal("19.99"), 1999),
        (Decimal("19.995"), 2000),
        (Decimal("19.994"), 1999),
        (Decimal("0.005"), 1),
        (Decimal("-0.005"), -1),
        (Decimal("12"), 1200),
        (7, 700),
        (Decimal("0"), 0),
    ],
)
def test_to_minor_rounds_half_up(amount: Decimal, minor: int) -> None:
    assert to_minor(amount) == minor


def test_to_minor_refuses_nan() -> None:
    with pytest.raises(ValueError):
        to_minor(Decimal("NaN"))


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_minor_round_trip(minor: int) -> None:
    assert to_minor(from_minor(minor)) == minor


def test_from_minor() -> None:
    assert from_minor(1999) == Decimal("19.99")
    assert str(from_minor(5)) == "0.05"
    with pytest.raises(UnexpectedValue):
        from_minor("12")  # type: ignore[arg-type]
    with pytest.raises(UnexpectedValue):
        from_minor(True)


def test_yes_no() -> None:
    assert yes_no(True) == "yes"
    assert yes_no(False) == "no"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("yes", True),
        ("no", False),
        ("YES", True),
        (1, True),
        (0, False),
        ("1", True),
        ("0", False),
        (True, True),
        (False, False),
        ("true", True),
        ("false", False),
    ],
)
def test_parse_yes_no(value: object, expected: bool) -> None:
    assert parse_yes_no(value) is expected


@pytest.mark.parametrize("value", ["maybe", 2, None, 1.5, [], {}])
def test_parse_yes_no_refuses_other_values_with_a_typed_error(value: object) -> None:
    with pytest.raises(UnexpectedValue) as caught:
        parse_yes_no(value)
    assert isinstance(caught.value, AppError)
    assert isinstance(caught.value, ValueError)


def test_parse_datetime_both_formats() -> None:
    assert parse_datetime("2026-06-01 09:12:33") == datetime(2026, 6, 1, 9, 12, 33)
    assert parse_datetime("2026-05-12T08:30:00+00:00") == datetime(2026, 5, 12, 8, 30, tzinfo=UTC)
    assert parse_datetime("2026-05-12T08:30:00Z") == datetime(2026, 5, 12, 8, 30, tzinfo=UTC)
    assert parse_datetime("2026-05-12T10:30:00+02:00").utcoffset() == timedelta(hours=2)
    assert parse_datetime("2026-05-12") == datetime(2026, 5, 12)
    for bad in ("yesterday", "", "2026-13-01 00:00:00"):
        with pytest.raises(UnexpectedValue):
            parse_datetime(bad)


def test_parse_quantity() -> None:
    assert parse_quantity(None) is None
    assert parse_quantity(25) == Decimal(25)
    assert parse_quantity(2.5) == Decimal("2.5")
    assert parse_quantity("1.250") == Decimal("1.25")
    assert parse_quantity(-3) == Decimal(-3)
    for bad in ("x", True, float("nan"), [1]):
        with pytest.raises(UnexpectedValue):
            parse_quantity(bad)
