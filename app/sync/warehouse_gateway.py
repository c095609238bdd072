"""Blocking warehouse calls off the event loop.

The database drivers (sqlite3, pymysql, pyodbc) block; the window must never freeze. The gateway owns
one worker thread and one connection opened in that thread; every call runs there, in order, so a
connection is never shared between threads.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from app.warehouse import ConnectionParams, WarehouseDB, connect

T = TypeVar("T")


class WarehouseGateway:
    def __init__(self, params: ConnectionParams) -> None:
        self.params = params
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="warehouse")
        self._db: WarehouseDB | None = None

    async def __aenter__(self) -> WarehouseGateway:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def open(self) -> None:
        loop = asyncio.get_running_loop()
        self._db = await loop.run_in_executor(self._executor, connect, self.params)

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(db, *args, **kwargs)`` in the warehouse thread."""
        db = self._db
        if db is None:
            raise RuntimeError("warehouse gateway is not open")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, db, *args, **kwargs))

    async def close(self) -> None:
        db, self._db = self._db, None
        if db is not None:
            loop = asyncio.get_running_loop()
            try:
                await loop.run_in_executor(self._executor, db.close)
            finally:
                self._executor.shutdown(wait=False)
        else:
            self._executor.shutdown(wait=False)
