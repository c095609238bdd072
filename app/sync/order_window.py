"""Which orders a run looks at: two cursors in the shop's own clock, each read with an overlap.

* ``import.date_added`` — the newest ``date_added`` among orders fully handled (written, skipped or
  put on the "needs attention" list). New orders are fetched with ``filter[start_date] = cursor -
  overlap`` (``date_added >= ...``), so an order saved late with an earlier ``date_added`` (a slow
  checkout, clock steps) is still seen; the ledger makes seeing an order twice harmless.
* ``import.updated_at`` — the newest ``updated_at`` seen by the scan for changed orders (cancellations,
  orders that reached an imported status later). The shop has no ``updated_at`` filter, so the scan
  reads ``sort=-updated_at`` pages until ``updated_at < cursor - overlap``.

Both values are the shop's store-local ``YYYY-MM-DD HH:MM:SS`` text, never this computer's clock, so a
wrong PC clock or time zone cannot skip orders. The first run (no cursor) looks back
:data:`FIRST_RUN_DAYS` days from this computer's clock (a generous window: the time zone does not matter).
"""

from __future__ import annotations

import datetime as dt

from app.sync.order_mapping import SHOP_DATETIME

FIRST_RUN_DAYS = 30
DATE_CURSOR = "import.date_added"
CHANGES_CURSOR = "import.updated_at"
# The first run's window start: older orders are never imported, even when they change later (an order
# completed long before the integration started must not come in as an open customer order).
EPOCH_CURSOR = "import.since"


def window_start(cursor: str | None, overlap_minutes: int, now: dt.datetime | None = None) -> str:
    """``filter[start_date]`` for new orders: ``cursor - overlap``, or ``now - 30 days`` on the first run."""
    if not cursor:
        moment = (now or dt.datetime.now()) - dt.timedelta(days=FIRST_RUN_DAYS)
        return moment.replace(microsecond=0).strftime(SHOP_DATETIME)
    return minus_overlap(cursor, overlap_minutes)


def minus_overlap(value: str, overlap_minutes: int) -> str:
    moment = dt.datetime.strptime(value, SHOP_DATETIME) - dt.timedelta(minutes=overlap_minutes)
    return moment.strftime(SHOP_DATETIME)


def newest(current: str | None, candidate: str) -> str | None:
    """The later of two shop date-times (the text form sorts chronologically); empty values are ignored."""
    if not candidate:
        return current
    return candidate if current is None or candidate > current else current
