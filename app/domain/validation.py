"""Reading a nested settings mapping while collecting every problem at once.

A :class:`Section` pulls typed values out of one table of a server file; each wrong value becomes a
:class:`Problem` naming the key (``export.price_field``), the bad value and what is allowed. Unknown keys
are problems too. :class:`SettingsInvalid` carries the whole list so the operator fixes everything in
one go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from app.domain.errors import ConfigurationError

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"


class SettingsInvalid(ConfigurationError):
    title = "Invalid server settings"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "; ".join(str(p) for p in problems)
        super().__init__(f"{len(problems)} problem(s): {lines}")


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def add(self, key: str, message: str) -> None:
        self.items.append(Problem(key, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise SettingsInvalid(list(self.items))


class Section:
    """One table of the server file; ``prefix`` is its dotted path (``""`` for the top level)."""

    def __init__(self, data: Any, prefix: str, problems: Problems) -> None:
        self.prefix = prefix
        self.problems = problems
        self.seen: set[str] = set()
        if data is None:
            data = {}
        if not isinstance(data, Mapping):
            problems.add(prefix or "(file)", f"must be a table, not {_show(data)}")
            data = {}
        self.data: Mapping[str, Any] = data

    def key(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def has(self, name: str) -> bool:
        return name in self.data

    def _get(self, name: str, default: Any, required: bool) -> tuple[bool, Any]:
        self.seen.add(name)
        if name not in self.data:
            if required:
                self.problems.add(self.key(name), "is required")
            return False, default
        return True, self.data[name]

    def text(self, name: str, default: str = "", *, required: bool = False, allow_empty: bool = True) -> str:
        present, value = self._get(name, default, required)
        if not present:
            return default
        if not isinstance(value, str):
            self.problems.add(self.key(name), f"must be text, not {_show(value)}")
            return default
        stripped: str = value.strip()
        if not stripped and (required or not allow_empty):
            self.problems.add(self.key(name), "must not be empty")
        return stripped

    def optional_text(self, name: str) -> str | None:
        value = self.text(name, "")
        return value or None

    def boolean(self, name: str, default: bool) -> bool:
        present, value = self._get(name, default, False)
        if present and not isinstance(value, bool):
            self.problems.add(self.key(name), f"must be true or false, not {_show(value)}")
            return default
        return bool(value)

    def integer(self, name: str, default: int | None, *, low: int, high: int) -> int | None:
        present, value = self._get(name, default, False)
        if not present:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problems.add(self.key(name), f"must be a whole number, not {_show(value)}")
            return default
        if not low <= value <= high:
            self.problems.add(self.key(name), f"{value} is out of range; allowed {low}..{high}")
            return default
        return value

    def choice(self, name: str, allowed: Iterable[str], default: str, *, required: bool = False) -> str:
        options = list(allowed)
        present, value = self._get(name, default, required)
        if not present:
            return default
        if not isinstance(value, str) or value.strip().lower() not in options:
            shown = ", ".join(f'"{o}"' for o in options)
            self.problems.add(self.key(name), f"{_show(value)} is not allowed; use one of {shown}")
            return default
        return value.strip().lower()

    def text_list(
        self, name: str, *, allow_empty_list: bool = True, allowed: Iterable[str] | None = None
    ) -> tuple[str, ...]:
        present, value = self._get(name, [], False)
        if not present:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.add(self.key(name), f"must be a list of names, not {_show(value)}")
            return ()
        items = [v.strip() for v in value]
        if any(not v for v in items):
            self.problems.add(self.key(name), "contains an empty name; remove it or write the group's name or code")
            return ()
        if not items and not allow_empty_list:
            self.problems.add(self.key(name), "must name at least one item")
        if allowed is not None:
            options = list(allowed)
            bad = [v for v in items if v.lower() not in options]
            if bad:
                self.problems.add(self.key(name), f"{', '.join(map(repr, bad))} not allowed; use {', '.join(options)}")
                return ()
            items = [v.lower() for v in items]
        if len({v.lower() for v in items}) != len(items):
            self.problems.add(self.key(name), "names the same item twice")
        return tuple(items)

    def parsed(self, name: str, parse: Callable[[str], T], default: T) -> T:
        present, value = self._get(name, default, False)
        if not present:
            return default
        if not isinstance(value, str):
            self.problems.add(self.key(name), f"must be text, not {_show(value)}")
            return default
        try:
            return parse(value)
        except ValueError as exc:
            self.problems.add(self.key(name), str(exc))
            return default

    def section(self, name: str) -> Section:
        _, value = self._get(name, {}, False)
        return Section(value, self.key(name), self.problems)

    def finish(self) -> None:
        """Report the keys nobody asked for."""
        for name in self.data:
            if name not in self.seen:
                allowed = ", ".join(sorted(self.seen))
                self.problems.add(self.key(name), f"unknown key; allowed here: {allowed}")
