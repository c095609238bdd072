"""The database server's clock.

``UserRealTime`` is server time in Warehouse (schema doc §3.1), and run locks are compared across
computers, so times come from the database rather than from this computer's clock.
"""

from __future__ import annotations

import datetime as dt

from .session import Session
from .values import parse_datetime


def db_now(session: Session) -> dt.datetime:
    value = parse_datetime(session.scalar(session.dialect.now_query))
    return (value or dt.datetime.now()).replace(microsecond=0, tzinfo=None)
