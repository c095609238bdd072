"""Fitting text into Warehouse columns before writing (schema doc §2.0, §5 "Text").

* Text is cut to the column width (SQLite does not enforce widths; we do, to stay compatible).
* Empty text is written as ``' '`` (§3.1).
* On MySQL the real width and character set of each column are read from ``information_schema``.
  A table declared ``utf8`` (= utf8mb3, as Open creates them) cannot hold 4-byte characters such as
  emoji; a strict server rejects the whole statement and a lax one stores ``?``.  Either way data
  would be lost silently or a whole order would fail with a driver message, so such text is refused
  up front with an :class:`~app.domain.errors.ItemError` naming the field.  Single-byte character
  sets (latin1, cp1251) are checked the same way.
"""

from __future__ import annotations

from app.domain.errors import ItemError

from .session import Session
from .values import blank_to_space

DEFAULT_WIDTH = 255
# Widths that are not 255 in §2 (others are VARCHAR(255)/nvarchar(255)).
STATIC_WIDTHS: dict[tuple[str, str], int] = {
    ("operations", "lot"): 50,
    ("store", "lot"): 250,
    ("nextacct", "nextacct"): 50,
    ("configuration", "key"): 50,
    ("configuration", "value"): 50,
}
# MySQL character set -> Python codec that accepts exactly what the column can store.
_SINGLE_BYTE_CODECS = {"latin1": "cp1252", "cp1251": "cp1251", "cp1250": "cp1250", "ascii": "ascii"}
_BMP_ONLY = {"utf8", "utf8mb3", "ucs2"}


class TextFitter:
    """Knows the width and character set of the text columns this package writes."""

    def __init__(self, session: Session, tables: tuple[str, ...]) -> None:
        self._columns: dict[tuple[str, str], tuple[int, str]] = {}
        if session.dialect.name == "mysql":
            d = session.dialect
            physical = [d.table_name(t) for t in tables]
            rows = session.all(
                "SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_MAXIMUM_LENGTH, CHARACTER_SET_NAME "
                "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                f"AND CHARACTER_SET_NAME IS NOT NULL AND TABLE_NAME IN ({d.params(len(physical))})",
                physical,
            )
            for table, column, width, charset in rows:
                key = (str(table).lower(), str(column).lower())
                self._columns[key] = (int(width or DEFAULT_WIDTH), str(charset or "").lower())

    def width(self, table: str, column: str) -> int:
        key = (table.lower(), column.lower())
        if key in self._columns:
            return self._columns[key][0]
        return STATIC_WIDTHS.get(key, DEFAULT_WIDTH)

    def charset(self, table: str, column: str) -> str:
        return self._columns.get((table.lower(), column.lower()), (0, ""))[1]

    def fit(self, table: str, column: str, value: str | None, *, item_key: str) -> str:
        """Text to store in ``table.column``: stripped, ``' '`` when empty, cut to width.

        Raises ItemError (keyed by ``item_key``) when the column's character set cannot hold it.
        """
        text = blank_to_space(value)
        charset = self.charset(table, column)
        bad = _unstorable(text, charset)
        if bad:
            raise ItemError(
                item_key,
                f"{column} ({table}) contains {bad!r}, which this Warehouse database cannot store (column "
                f"character set {charset}). Remove the character in the shop, or convert the table to utf8mb4.",
                title="Text cannot be stored",
            )
        width = self.width(table, column)
        return text if len(text) <= width else (text[:width].rstrip() or " ")


def _unstorable(text: str, charset: str) -> str:
    """The first characters ``charset`` cannot hold ("" when all fit)."""
    if charset in _BMP_ONLY:
        return "".join(ch for ch in text if ord(ch) > 0xFFFF)[:5]
    codec = _SINGLE_BYTE_CODECS.get(charset)
    if codec:
        return "".join(ch for ch in text if not _encodes(ch, codec))[:5]
    return ""


def _encodes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True
