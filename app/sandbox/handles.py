"""``url_handle`` values: slugs made from names (Bulgarian Cyrillic transliterated), kept unique."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Bulgarian streamlined transliteration (the official system since 2009).
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
    "ы": "y", "э": "e", "ё": "yo", "є": "ye", "і": "i", "ї": "yi",
}  # fmt: skip


def slugify(name: str) -> str:
    text = "".join(_CYRILLIC.get(ch, ch) for ch in name.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:180] or "item"


def unique_handle(name: str, taken: Callable[[str], bool]) -> str:
    """A slug of ``name`` for which ``taken`` is false: ``shirt``, then ``shirt-1``, ``shirt-2``…"""
    base = slugify(name)
    handle, n = base, 0
    while taken(handle):
        n += 1
        handle = f"{base}-{n}"
    return handle
