"""How much of CloudCart's rate-limit budget does the client use, and how many 429s does it meet?

Starts the sandbox shop on a loopback port with a sliding-window limit (default 100 requests per
window, the window shortened from 60 s to 6 s so the run is short), makes a bounded number of calls
with the real client (a mix of reads and stock PATCHes at concurrency 4), and prints:

* budget use  = the best possible duration for that many calls (bursts of ``limit - 1`` every window)
  divided by the measured duration; goal >= 90 %;
* 429s per 1,000 calls; goal <= 1.

    .venv/bin/python benchmarks/rate_limit_use.py [--calls 1000] [--limit 100] [--window 6] [--concurrency 4]

Loopback only; the number of calls and the run time are bounded (``--max-seconds``).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.cloudcart import CloudCartClient, RateLimiter
from app.sandbox import DEMO_API_KEY, SandboxConfig
from app.sandbox.server import SandboxServer

MAX_CALLS = 5000


def seed(server: SandboxServer, products: int) -> None:
    spec = {
        "products": [
            {"name": f"Bench {n:03d}", "category": "Bench", "sku": f"B-{n:03d}", "price": 100 + n, "quantity": n}
            for n in range(products)
        ]
    }
    httpx.post(server.url + "/admin/seed", json=spec, timeout=30).raise_for_status()


async def run(server: SandboxServer, calls: int, limit: int, window: float, concurrency: int) -> dict[str, float]:
    limiter = RateLimiter(window=window, margin=window / 60.0, concurrency=concurrency)
    async with CloudCartClient(server.url, DEMO_API_KEY, concurrency=concurrency, rate_limiter=limiter,
                               max_rate_wait=10 * window) as shop:  # fmt: skip
        variants = await shop.list_all("variants", page_size=100)
        first = shop.stats.total
        queue: asyncio.Queue[int] = asyncio.Queue()
        for n in range(calls):
            queue.put_nowait(n)

        async def worker() -> None:
            while not queue.empty():
                n = queue.get_nowait()
                variant = variants[n % len(variants)]
                if n % 2:
                    await shop.update("variants", variant.id, {"quantity": n})
                else:
                    await shop.get("variants", variant.id, include=["product"])

        # The budget the listing used is in the window already: measure from a full window.
        await asyncio.sleep(window + limiter.margin)
        started = time.monotonic()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.monotonic() - started
        made = shop.stats.total - first
    per_window = limit - 1
    best = window * (math.ceil(made / per_window) - 1)
    return {
        "calls": made,
        "elapsed_s": elapsed,
        "best_s": best,
        "use": best / elapsed if elapsed > 0 else 1.0,
        "rate_limited": shop.stats.rate_limited,
        "per_1000": 1000 * shop.stats.rate_limited / max(1, made),
        "retries": shop.stats.retries,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--limit", type=int, default=100, help="requests per window (CloudCart Pro: 100)")
    parser.add_argument("--window", type=float, default=6.0, help="window in seconds (CloudCart: 60)")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--max-seconds", type=float, default=300.0, help="abort the run after this long")
    args = parser.parse_args(argv)
    calls = max(1, min(args.calls, MAX_CALLS))
    if args.limit < 2:
        parser.error("--limit must be 2 or more")
    with SandboxServer(SandboxConfig(rate_limit=args.limit, rate_window_s=args.window)) as server:
        seed(server, 50)
        try:
            result = asyncio.run(
                asyncio.wait_for(run(server, calls, args.limit, args.window, args.concurrency), args.max_seconds)
            )
        except TimeoutError:
            print(f"aborted after {args.max_seconds:g} s", file=sys.stderr)
            return 2
    print(f"limit {args.limit} per {args.window:g} s window, concurrency {args.concurrency}")
    print(f"calls            {result['calls']:.0f}")
    print(f"elapsed          {result['elapsed_s']:.2f} s (best possible {result['best_s']:.2f} s)")
    print(f"budget use       {100 * result['use']:.1f} %   (goal >= 90 %)")
    print(f"429 answers      {result['rate_limited']:.0f} = {result['per_1000']:.2f} per 1,000 calls   (goal <= 1)")
    print(f"retries          {result['retries']:.0f}")
    ok = result["use"] >= 0.9 and result["per_1000"] <= 1
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
