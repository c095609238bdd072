"""CloudCart's edge rate limit: a sliding window per request Host, shared by every key of the store.

As documented, the budget leaks one request: with a limit of N, N - 1 requests pass per window.
A limit of 0 is a plan without API access: every request is refused.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

LIMIT_MESSAGE = (
    "API rate limit exceeded. Please wait and retry later, or upgrade your current plan to a higher level "
    "for increased API limits."
)
NO_ACCESS_MESSAGE = (
    "API rate limit exceeded. You do not have API access on your current plan. Please upgrade your subscription "
    "plan to enable API access."
)


@dataclass(frozen=True)
class Decision:
    limit: int
    remaining: int
    reset: int
    retry_after: int
    allowed: bool
    message: str

    def headers(self) -> dict[str, str]:
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset),
            "X-RateLimit-Info": self.message,
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.retry_after)
        return headers

    def body(self) -> dict[str, object]:
        return {"error": "Too Many Requests", "message": self.message, "retry_after": self.retry_after}


def host_key(host_header: str) -> str:
    """The domain of a Host header, lower-cased, without the port."""
    host = host_header.strip().lower()
    if host.startswith("["):  # [::1]:8000
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class RateLimiter:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._hits.clear()

    def hit(self, host: str, limit: int, window_s: float) -> Decision:
        """Count one request for ``host``; say whether it passes and what the headers are."""
        reset = math.ceil(time.time() + window_s)
        retry_after = math.ceil(window_s)
        if limit <= 0:
            return Decision(0, 0, reset, retry_after, False, NO_ACCESS_MESSAGE)
        info = (
            f"This store may make {limit} API requests per {retry_after} seconds (sliding window). "
            "Upgrade your plan for a higher limit."
        )
        now = self._clock()
        with self._lock:
            hits = self._hits.setdefault(host, deque())
            while hits and hits[0] <= now - window_s:
                hits.popleft()
            budget = limit - 1  # the documented off-by-one
            if len(hits) >= budget:
                return Decision(limit, 0, reset, retry_after, False, LIMIT_MESSAGE)
            hits.append(now)
            return Decision(limit, max(0, budget - len(hits)), reset, retry_after, True, info)
