"""Group trees (goods, objects): code paths of 3-character segments (schema doc §3.2).

There is no ParentID: a group's sub-groups are the groups whose code starts with its code.  Group
ID 1 (code ``'-1'``) is the service group and is never listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.domain.errors import ConfigurationError

from .models import Group

SEGMENT = 3
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Bulgarian alphabet order; Pro/micro.bg examples use Cyrillic codes such as "ААА", "ААНААВ" (§3.2).
CYRILLIC = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯ"


def _key(text: str) -> str:
    return text.strip().casefold()


def resolve(groups: Sequence[Group], names_or_codes: Iterable[str], kind: str) -> list[Group]:
    """The groups named (by name, case-insensitive, or by exact code); unknown -> ConfigurationError."""
    by_name: dict[str, list[Group]] = {}
    by_code: dict[str, Group] = {}
    for group in groups:
        by_name.setdefault(_key(group.name), []).append(group)
        by_code[group.code] = group
    found: list[Group] = []
    for wanted in names_or_codes:
        if not wanted.strip():
            continue
        matches = by_name.get(_key(wanted)) or ([by_code[wanted.strip()]] if wanted.strip() in by_code else [])
        if not matches:
            raise ConfigurationError(
                f"There is no {kind} group named '{wanted.strip()}' in the Warehouse database. "
                f"Available: {available(g.name for g in groups)}."
            )
        found.extend(m for m in matches if m not in found)
    return found


def subtree(groups: Sequence[Group], roots: Iterable[Group]) -> list[Group]:
    """Each root and every group below it (code prefix), each group once, in code order."""
    prefixes = [root.code for root in roots if root.code]
    result = [g for g in groups if any(g.code.startswith(prefix) for prefix in prefixes)]
    return sorted(result, key=lambda g: (g.code, g.id))


def available(names: Iterable[str], limit: int = 8) -> str:
    unique = sorted({n for n in names if n})
    shown = ", ".join(f"'{n}'" for n in unique[:limit])
    if not unique:
        return "none"
    return shown + (f" and {len(unique) - limit} more" if len(unique) > limit else "")


def alphabet_of(codes: Iterable[str]) -> str:
    """Cyrillic when any existing code uses Cyrillic letters, else Latin (§3.2, §6.10 assumption)."""
    for code in codes:
        if any(ch in CYRILLIC for ch in code.upper()):
            return CYRILLIC
    return LATIN


def next_child_code(existing_codes: Iterable[str], parent_code: str = "") -> str:
    """The next free code for a new child of ``parent_code`` (``""`` = top level).

    Siblings are counted in base-N over the alphabet of the existing codes (``AAA``, ``AAB``, …,
    ``AAZ``, ``ABA`` …); the new code is one past the highest sibling that is written in that
    alphabet, skipping any code already used.
    """
    codes = {c.strip() for c in existing_codes if c and c.strip()}
    letters = alphabet_of(codes)
    width = len(parent_code) + SEGMENT
    siblings = [
        c[len(parent_code) :]
        for c in codes
        if len(c) == width and c.startswith(parent_code) and all(ch in letters for ch in c[len(parent_code) :])
    ]
    base = len(letters)

    def number(segment: str) -> int:
        value = 0
        for ch in segment:
            value = value * base + letters.index(ch)
        return value

    def segment_of(value: int) -> str:
        chars = []
        for _ in range(SEGMENT):
            value, digit = divmod(value, base)
            chars.append(letters[digit])
        return "".join(reversed(chars))

    candidate = max((number(s) for s in siblings), default=-1) + 1
    while candidate < base**SEGMENT:
        code = parent_code + segment_of(candidate)
        if code not in codes:
            return code
        candidate += 1
    raise ConfigurationError(f"No free group code is left under '{parent_code or 'the top level'}'.")
