"""Seeded, deterministic fault injection for the /api/v2 surface (never for /admin or the storefront).

Spec: comma-separated ``kind:probability[@arg]``:

* ``500`` — JSON:API 500 with a ``details`` log id; ``503`` — maintenance answer;
* ``429[@N]`` — an edge 429, repeated for a burst of N requests (default 1);
* ``timeout[@Ss]`` — hold the request ``timeout_s`` (or S) seconds, then answer 504;
* ``slow[@Ss]`` — wait S seconds (default 2), then answer normally;
* ``html[@CODE]`` — an HTML error page from "another layer" (default 502).

One random number is drawn per request from ``random.Random(seed)``, so the same seed and the
same request sequence give the same faults.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass

KINDS = ("500", "503", "429", "timeout", "slow", "html")


@dataclass(frozen=True)
class Fault:
    kind: str
    probability: float
    seconds: float | None = None
    count: int = 1


def parse_faults(spec: str) -> list[Fault]:
    """Parse a fault spec; ValueError with a readable message when it is wrong."""
    faults: list[Fault] = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        kind, sep, rest = part.partition(":")
        kind = kind.strip().lower()
        if kind not in KINDS or not sep:
            raise ValueError(f"bad fault {part!r}: expected KIND:PROBABILITY with KIND one of {', '.join(KINDS)}")
        probability_text, _, arg = rest.partition("@")
        try:
            probability = float(probability_text)
        except ValueError:
            raise ValueError(f"bad fault {part!r}: the probability must be a number") from None
        if not 0 <= probability <= 1:
            raise ValueError(f"bad fault {part!r}: the probability must be between 0 and 1")
        seconds: float | None = None
        count = 1
        if arg:
            try:
                if kind in ("timeout", "slow"):
                    seconds = float(arg.removesuffix("s"))
                else:
                    count = int(arg)
            except ValueError:
                raise ValueError(f"bad fault {part!r}: cannot read {arg!r}") from None
        if kind == "slow" and seconds is None:
            seconds = 2.0
        faults.append(Fault(kind, probability, seconds, count))
    if sum(f.probability for f in faults) > 1 + 1e-9:
        raise ValueError("the fault probabilities add up to more than 1")
    return faults


class FaultInjector:
    def __init__(self, spec: str, seed: int) -> None:
        self.faults = parse_faults(spec)
        self._rng = random.Random(seed)
        self._burst: Fault | None = None
        self._burst_left = 0
        self._lock = threading.Lock()

    def draw(self) -> Fault | None:
        """The fault for the next request, or None."""
        with self._lock:
            if self._burst_left > 0:
                self._burst_left -= 1
                return self._burst
            roll = self._rng.random()
            edge = 0.0
            for fault in self.faults:
                edge += fault.probability
                if roll < edge:
                    if fault.count > 1:
                        self._burst, self._burst_left = fault, fault.count - 1
                    return fault
            return None
