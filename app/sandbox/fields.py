"""Attribute types of the sandbox resources: each checks and normalises one value from a request body.

A field type is a callable ``(name, value) -> value`` that raises a 422 :class:`ApiError` with
``source.pointer = /data/attributes/<name>`` when the value does not fit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.sandbox.jsonapi import attribute_error

FieldType = Callable[[str, Any], Any]

DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
DATE_FORMAT = "%Y-%m-%d"


def _label(name: str) -> str:
    return name.replace("_", " ")


def yes_no(name: str, value: Any) -> str:
    if value not in ("yes", "no"):
        raise attribute_error(name, f"The {_label(name)} field must be yes or no.")
    return str(value)


def flag(name: str, value: Any) -> int:
    """A tinyint 0/1 flag (``featured``, ``visible``…); booleans are accepted as 1/0."""
    if isinstance(value, bool):
        return int(value)
    if value in (0, 1, "0", "1"):
        return int(value)
    raise attribute_error(name, f"The {_label(name)} field must be 0 or 1.")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def integer(name: str, value: Any) -> int:
    if not _is_int(value):
        raise attribute_error(name, f"The {_label(name)} must be an integer.")
    return int(value)


def nullable(kind: FieldType) -> FieldType:
    def check(name: str, value: Any) -> Any:
        return None if value is None else kind(name, value)

    return check


def number(name: str, value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise attribute_error(name, f"The {_label(name)} must be a number.")
    return normalise_number(value)


def normalise_number(value: int | float) -> int | float:
    """Whole numbers as ``int``, others as ``float`` rounded to the 3 decimals of decimal(20,3)."""
    if isinstance(value, float):
        value = round(value, 3)
        if value.is_integer():
            return int(value)
    return value


def string(max_length: int = 191, *, min_length: int = 0) -> FieldType:
    def check(name: str, value: Any) -> str:
        if not isinstance(value, str):
            raise attribute_error(name, f"The {_label(name)} must be a string.")
        if len(value) > max_length:
            raise attribute_error(name, f"The {_label(name)} may not be greater than {max_length} characters.")
        if len(value.strip()) < min_length:
            if not value.strip():
                raise attribute_error(name, f"The {_label(name)} field is required.")
            raise attribute_error(name, f"The {_label(name)} must be at least {min_length} characters.")
        return value

    return check


text = nullable(string(65535))
short_text = nullable(string(191))


def one_of(*choices: str) -> FieldType:
    def check(name: str, value: Any) -> str:
        if value not in choices:
            raise attribute_error(name, f"The selected {_label(name)} is invalid. Use one of: {', '.join(choices)}.")
        return str(value)

    return check


def _timestamp(fmt: str, example: str) -> FieldType:
    def check(name: str, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return datetime.strptime(value, fmt).strftime(fmt)
            except ValueError:
                pass
        raise attribute_error(name, f"The {_label(name)} does not match the format {example}.")

    return check


datetime_field = _timestamp(DATETIME_FORMAT, "Y-m-d H:i:s")
date_field = _timestamp(DATE_FORMAT, "Y-m-d")

_ALPHA_DASH = re.compile(r"^[\w-]+$", re.UNICODE)
_HEX6 = re.compile(r"^[0-9A-Fa-f]{6}$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def alpha_dash(name: str, value: Any) -> str:
    value = string(191)(name, value)
    if not _ALPHA_DASH.match(value):
        raise attribute_error(name, f"The {_label(name)} may only contain letters, numbers, dashes and underscores.")
    return str(value)


def hex_colour(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _HEX6.match(value):
        raise attribute_error(name, f"The {_label(name)} must be 6 hexadecimal characters without #.")
    return value.lower()


def url(name: str, value: Any) -> str:
    if not isinstance(value, str) or not _URL.match(value):
        raise attribute_error(name, f"The {_label(name)} format is invalid.")
    return value


def nullable_url(name: str, value: Any) -> str | None:
    return None if value is None else url(name, value)


def any_value(name: str, value: Any) -> Any:
    return value
