"""``connect()`` and :class:`WarehouseDB`, the public face of the package.

All methods block; callers run them in a worker thread, one connection per thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from types import TracebackType

from . import ledger as order_ledger
from . import locks, orders, reads, schema
from . import new_goods as goods_writes
from .drivers import open_session
from .models import (
    DatabaseInfo,
    Good,
    Group,
    LedgerEntry,
    NewGood,
    NewOrder,
    OrderLine,
    WarehouseObject,
    WrittenOrder,
)
from .params import ConnectionParams
from .reads import KeyColumn
from .session import Session
from .text_fit import TextFitter

WRITTEN_TABLES = ("goods", "goodsgroups", "partners", "operations")


class WarehouseDB:
    """One open, recognised Warehouse Pro database."""

    def __init__(self, session: Session, params: ConnectionParams, version: str) -> None:
        self.session = session
        self.params = params
        self.version = version
        self._info: DatabaseInfo | None = None
        self._fitter: TextFitter | None = None

    # -- life cycle -------------------------------------------------------------------------------
    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> WarehouseDB:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def info(self, *, refresh: bool = False) -> DatabaseInfo:
        """Version, counts and the settings that change how we write (read once, cached)."""
        if self._info is None or refresh:
            self._info = schema.read_info(self.session, self.params.engine, self.version)
        return self._info

    @property
    def fitter(self) -> TextFitter:
        if self._fitter is None:
            self._fitter = TextFitter(self.session, WRITTEN_TABLES)
        return self._fitter

    # -- reads --------------------------------------------------------------------------------------
    def objects(self) -> list[WarehouseObject]:
        return reads.objects(self.session)

    def object_groups(self) -> list[Group]:
        return reads.group_rows(self.session, "objectsgroups")

    def goods_groups(self) -> list[Group]:
        return reads.group_rows(self.session, "goodsgroups")

    def find_object(self, name_or_code: str) -> WarehouseObject:
        return reads.find_object(self.session, name_or_code)

    def objects_in_groups(self, names_or_codes: Sequence[str]) -> list[WarehouseObject]:
        return reads.objects_in_groups(self.session, names_or_codes)

    def find_goods_groups(self, names_or_codes: Sequence[str]) -> list[Group]:
        return reads.find_goods_groups(self.session, names_or_codes)

    def goods(self, group_ids: Sequence[int] | None = None) -> list[Good]:
        return reads.goods(self.session, group_ids)

    def stock(self, object_ids: Sequence[int]) -> dict[int, float]:
        return reads.stock(self.session, object_ids)

    def open_order_quantities(self, object_ids: Sequence[int]) -> dict[int, float]:
        return reads.open_order_quantities(self.session, object_ids)

    def goods_by_key(self, column: KeyColumn, keys: Iterable[str]) -> dict[str, list[Good]]:
        return reads.goods_by_key(self.session, column, keys)

    def order_lines(self, acct: int, object_id: int | None = None) -> list[OrderLine]:
        return reads.order_lines(self.session, acct, object_id)

    # -- order documents ----------------------------------------------------------------------------
    def write_order(self, order: NewOrder, *, server_id: str, shop_order_id: str) -> WrittenOrder:
        return orders.write_order(
            self.session, self.info(), self.fitter, order, server_id=server_id, shop_order_id=shop_order_id
        )

    def ledger(self, server_id: str) -> dict[str, LedgerEntry]:
        """The imported orders of a server; read-only (an absent ledger table is an empty ledger)."""
        if order_ledger.TABLE.lower() not in self.session.table_names():
            return {}
        return order_ledger.entries(self.session, server_id)

    def vat_rate(self, vat_group_id: int) -> float:
        """``vatgroups.VATValue`` (percent) of one VAT group; 0 when the group does not exist."""
        return reads.vat_rate(self.session, vat_group_id)

    def void_order(self, server_id: str, shop_order_id: str) -> bool:
        return orders.void_order(self.session, server_id, shop_order_id)

    # -- goods --------------------------------------------------------------------------------------
    def create_goods(self, goods: Sequence[NewGood], *, group_name: str) -> list[int]:
        orders.refuse_lot_mode(self.info())
        return goods_writes.create_goods(self.session, self.fitter, goods, group_name=group_name)

    # -- run locks ----------------------------------------------------------------------------------
    def acquire_lock(
        self,
        name: str,
        holder: str,
        stale_after_s: float = 900,
        holder_is_gone: Callable[[str], bool] | None = None,
    ) -> None:
        locks.acquire(self.session, name, holder, stale_after_s, holder_is_gone)

    def refresh_lock(self, name: str, holder: str) -> None:
        locks.refresh(self.session, name, holder)

    def release_lock(self, name: str, holder: str) -> None:
        locks.release(self.session, name, holder)


def connect(params: ConnectionParams) -> WarehouseDB:
    """Open and recognise the database; raises operator errors (ConfigurationError, ConnectionFailed,
    CredentialError, WarehouseError), never a driver exception."""
    session = open_session(params)
    try:
        version = schema.recognise(session)
    except BaseException:
        session.close()
        raise
    return WarehouseDB(session, params, version)
