"""Traffic accounting: how many requests a run made, by method and resource, for the run report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class TrafficStats:
    """Every HTTP request sent (retries included) is counted under ``(method, resource)``."""

    calls: Counter[tuple[str, str]] = field(default_factory=Counter)
    retries: int = 0
    rate_limited: int = 0

    @property
    def total(self) -> int:
        """All requests sent; the run report's ``api_calls``."""
        return sum(self.calls.values())

    def count(self, method: str, resource: str) -> None:
        self.calls[(method.upper(), resource)] += 1

    def as_dict(self) -> dict[str, object]:
        """Plain data for reports and logs: ``{"total": 12, "calls": {"GET variants": 10, ...}, ...}``."""
        return {
            "total": self.total,
            "retries": self.retries,
            "rate_limited": self.rate_limited,
            "calls": {f"{method} {resource}": n for (method, resource), n in sorted(self.calls.items())},
        }
