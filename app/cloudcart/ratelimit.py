"""Proactive pacing against CloudCart's sliding-window rate limit.

CloudCart counts requests per store domain in a sliding 60 s window and lets ``limit - 1`` of them
through; every answer carries ``X-RateLimit-Limit`` / ``-Remaining`` / ``-Reset``. The limiter:

* keeps the send times of this client's requests of the last window, and never lets more than
  ``limit - 1`` of them fall into one window (plus a small ``margin`` for network jitter); a long run
  therefore uses almost the whole budget and rarely meets a 429;
* trusts the shop's ``Remaining`` when it is lower than its own count (other programs using the same
  store): when that budget is used up it sends no faster than ``limit`` per window;
* after a 429, holds every request until ``Retry-After`` has passed (:meth:`hold`).

``sleep`` and ``clock`` are injectable so tests do not wait.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]


@dataclass(frozen=True)
class Budget:
    """What the shop said last: requests per window, how many are left, and when it resets (Unix time)."""

    limit: int | None = None
    remaining: int | None = None
    reset: int | None = None


def _header_int(headers: Mapping[str, str], name: str) -> int | None:
    value = headers.get(name)
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        return None
    return number if number >= 0 else None


class RateLimiter:
    def __init__(
        self,
        *,
        window: float = 60.0,
        margin: float = 1.0,
        concurrency: int = 4,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
    ) -> None:
        self.window = window
        self.margin = margin
        self.concurrency = max(1, concurrency)
        self._sleep = sleep
        self._clock = clock
        self._sends: deque[float] = deque()
        self._seq = 0
        self._budget = Budget()
        self._report_seq = 0
        self._report_time: float | None = None
        self._held_until = 0.0
        self._latency = 0.3
        self._lock = asyncio.Lock()

    @property
    def budget(self) -> Budget:
        return self._budget

    async def acquire(self) -> int:
        """Wait until a request may be sent; returns its ticket for :meth:`observe`."""
        async with self._lock:
            while (wait := self.wait_needed()) > 0:
                await self._sleep(wait)
            self._seq += 1
            self._sends.append(self._clock())
            return self._seq

    def wait_needed(self) -> float:
        """Seconds to wait before the next request may be sent (0 = now)."""
        now = self._clock()
        self._prune(now)
        earliest = self._held_until
        limit = self._budget.limit
        if limit:
            cap = max(1, limit - 1)
            if len(self._sends) >= cap:
                earliest = max(earliest, self._sends[-cap] + self.window + self.margin)
            if self._server_available(now) <= 0 and self._sends:
                earliest = max(earliest, self._sends[-1] + self.window / limit)
        return max(0.0, earliest - now)

    def observe(self, ticket: int, headers: Mapping[str, str], latency: float | None = None) -> None:
        """Record the rate-limit headers of the answer to request ``ticket``."""
        if latency is not None and latency >= 0:
            self._latency = 0.8 * self._latency + 0.2 * latency
        limit = _header_int(headers, "X-RateLimit-Limit")
        remaining = _header_int(headers, "X-RateLimit-Remaining")
        if limit is None and remaining is None:
            return
        if ticket < self._report_seq:
            if limit is not None:
                self._budget = Budget(limit, self._budget.remaining, self._budget.reset)
            return
        self._report_seq = ticket
        self._report_time = self._clock()
        self._budget = Budget(
            limit if limit is not None else self._budget.limit,
            remaining,
            _header_int(headers, "X-RateLimit-Reset"),
        )

    def hold(self, seconds: float) -> None:
        """Send nothing for ``seconds`` (after a 429)."""
        self._held_until = max(self._held_until, self._clock() + max(0.0, seconds))

    def eta_seconds(self, calls: int) -> float:
        """Estimated seconds to make ``calls`` more requests at the current budget (for the progress panel).

        Requests that fit in the free part of the window go at the speed of the network
        (``latency / concurrency`` each); the rest at the window's sustained rate ``(limit - 1) / window``.
        """
        if calls <= 0:
            return 0.0
        per_call = self._latency / self.concurrency
        limit = self._budget.limit
        if not limit:
            return calls * per_call
        now = self._clock()
        self._prune(now)
        cap = max(1, limit - 1)
        free = max(0, min(cap - len(self._sends), self._server_available(now)))
        if calls <= free:
            return calls * per_call
        sustained = (self.window + self.margin) / cap
        return free * per_call + (calls - free) * max(sustained, per_call)

    def _server_available(self, now: float) -> int:
        """Requests the shop's last ``Remaining`` still allows, minus those sent since (large if unknown)."""
        remaining = self._budget.remaining
        if remaining is None or self._report_time is None or now - self._report_time > self.window:
            return 1 << 30
        return remaining - 1 - (self._seq - self._report_seq)

    def _prune(self, now: float) -> None:
        horizon = now - self.window - self.margin
        while self._sends and self._sends[0] <= horizon:
            self._sends.popleft()
