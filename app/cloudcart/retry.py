"""When to try a request again, and how long to wait: exponential back-off with full jitter.

Retried: 500, 502, 503, 504, timeouts and connection errors. Never retried: any other 4xx (429 is
not a failure: it is waited out by :mod:`app.cloudcart.ratelimit`). A create (POST) whose answer
was lost after sending is never repeated here; :meth:`CloudCartClient.create` decides with a
natural-key lookup.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

RETRYABLE_STATUSES = frozenset({500, 502, 503, 504})

# Statuses after which a POST certainly did nothing: maintenance mode answers before any work.
NOTHING_DONE_STATUSES = frozenset({503})


@dataclass
class RetryPolicy:
    """``max_retries`` extra attempts after the first; delay n is uniform in [0, min(cap, base * 2**n)]."""

    max_retries: int = 6
    base_delay: float = 0.5
    max_delay: float = 30.0
    rng: random.Random = field(default_factory=random.Random)

    def should_retry(self, retries_done: int) -> bool:
        return retries_done < self.max_retries

    def delay(self, retries_done: int) -> float:
        """Seconds to wait before retry number ``retries_done + 1`` (full jitter)."""
        ceiling = min(self.max_delay, self.base_delay * (2 ** min(retries_done, 30)))
        return self.rng.uniform(0.0, ceiling)
