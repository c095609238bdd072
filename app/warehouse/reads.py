"""Read queries: objects, groups, goods, stock, open orders (each one query, no per-good trips).

Traps handled everywhere (schema doc §3.1-§3.5): service records ID 1 are hidden, soft-deleted rows
(``Deleted`` non-zero, read defensively) are hidden, ``GroupID`` is joined with ``ABS()``, text is
normalised (NULL/``' '`` -> ``""``), and operations pseudo rows (``PartnerID`` 0/NULL, ``Acct`` <= 0)
are not document lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal

from app.domain.errors import ConfigurationError

from . import groups as group_tree
from .dialects import Join
from .models import Good, Group, OrderLine, WarehouseObject
from .session import Session
from .values import as_float, as_int, clean_text, parse_datetime

IN_CHUNK = 500  # keeps IN-lists below every engine's parameter limit (MS SQL 2100, old SQLite 999)
ORDER = 19  # OperType "Поръчка" (§3.6)
KeyColumn = Literal["BarCode1", "BarCode2"]

GOOD_TEXT_COLUMNS = ("Code", "Name", "BarCode1", "BarCode2", "BarCode3", "Catalog1", "Catalog2", "Catalog3", "Measure1")
PRICE_COLUMNS = tuple(f"PriceOut{n}" for n in range(1, 11))


def chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def live_filter(session: Session, alias: str | None = None) -> str:
    """``ID <> 1`` and not soft-deleted (``Deleted`` NULL or 0)."""
    d = session.dialect

    def c(name: str) -> str:
        return d.col(alias, name) if alias else d.q(name)

    return f"{c('ID')} <> 1 AND ({c('Deleted')} IS NULL OR {c('Deleted')} = 0)"


# -- objects and groups ------------------------------------------------------------------------
def objects(session: Session) -> list[WarehouseObject]:
    d = session.dialect
    rows = session.all(
        f"SELECT {d.cols(['ID', 'Code', 'Name', 'GroupID', 'PriceGroup'])} FROM {d.t('objects')} "
        f"WHERE {live_filter(session)} ORDER BY {d.q('ID')}"
    )
    return [
        WarehouseObject(as_int(r[0]), clean_text(r[1]), clean_text(r[2]), abs(as_int(r[3])), as_int(r[4])) for r in rows
    ]


def group_rows(session: Session, table: Literal["goodsgroups", "objectsgroups"]) -> list[Group]:
    d = session.dialect
    rows = session.all(
        f"SELECT {d.cols(['ID', 'Code', 'Name'])} FROM {d.t(table)} WHERE {d.q('ID')} <> 1 ORDER BY {d.q('Code')}"
    )
    return [Group(as_int(r[0]), clean_text(r[1]), clean_text(r[2])) for r in rows]


def find_object(session: Session, name_or_code: str) -> WarehouseObject:
    """An object by name (case-insensitive) or code; ConfigurationError listing a few when unknown."""
    wanted = name_or_code.strip()
    everything = objects(session)
    by_name = [o for o in everything if o.name.casefold() == wanted.casefold()]
    if len(by_name) == 1:
        return by_name[0]
    by_code = [o for o in everything if o.code and o.code == wanted]
    if len(by_code) == 1:
        return by_code[0]
    if len(by_name) > 1:
        codes = ", ".join(o.code or f"ID {o.id}" for o in by_name)
        raise ConfigurationError(
            f"Several Warehouse objects are named '{wanted}' (codes {codes}); give the object's code instead."
        )
    raise ConfigurationError(
        f"There is no object '{wanted}' in the Warehouse database. "
        f"Available: {group_tree.available(o.name for o in everything)}."
    )


def objects_in_groups(session: Session, names_or_codes: Sequence[str]) -> list[WarehouseObject]:
    """Objects whose group is one of the named object groups or below them (code prefix)."""
    all_groups = group_rows(session, "objectsgroups")
    roots = group_tree.resolve(all_groups, names_or_codes, "object")
    ids = {g.id for g in group_tree.subtree(all_groups, roots)}
    return [o for o in objects(session) if o.group_id in ids]


def find_goods_groups(session: Session, names_or_codes: Sequence[str]) -> list[Group]:
    all_groups = group_rows(session, "goodsgroups")
    return group_tree.subtree(all_groups, group_tree.resolve(all_groups, names_or_codes, "goods"))


# -- goods -------------------------------------------------------------------------------------
def _goods_sql(session: Session, extra_where: str) -> str:
    d = session.dialect
    columns = ", ".join(
        [
            d.col("g", "ID"),
            *(d.col("g", c) for c in GOOD_TEXT_COLUMNS),
            d.col("g", "PriceIn"),
            *(d.col("g", c) for c in PRICE_COLUMNS),
            d.col("g", "TaxGroup"),
            d.col("v", "VATValue"),
            d.col("g", "Type"),
            d.col("g", "GroupID"),
            d.col("gg", "Code"),
            d.col("gg", "Name"),
        ]
    )
    source = d.joins(
        f"{d.t('goods')} {d.q('g')}",
        [
            Join("LEFT", f"{d.t('goodsgroups')} {d.q('gg')}", f"ABS({d.col('g', 'GroupID')}) = {d.col('gg', 'ID')}"),
            Join("LEFT", f"{d.t('vatgroups')} {d.q('v')}", f"{d.col('g', 'TaxGroup')} = {d.col('v', 'ID')}"),
        ],
    )
    where = live_filter(session, "g") + (f" AND {extra_where}" if extra_where else "")
    return f"SELECT {columns} FROM {source} WHERE {where} ORDER BY {d.col('g', 'ID')}"


def _text(value: Any) -> str:
    """clean_text with a fast path for the common case (called ~10 times per good)."""
    return value.strip() if value.__class__ is str else clean_text(value)


def _number(value: Any) -> float:
    cls = value.__class__
    number = float(value) if cls is float or cls is int else as_float(value)
    return 0.0 if number == 0 else number  # one shared 0.0: most of the ten prices are zero


_NAN = float("nan")


def _price(value: Any) -> float:
    """A sale price; NULL or text that is not a number reads as NaN, so the export reports that good
    ("PriceOut2 is not a number") instead of selling it at 0.00."""
    cls = value.__class__
    if cls is float or cls is int:
        return 0.0 if value == 0 else float(value)
    number = as_float(value, _NAN)
    return 0.0 if number == 0 else number


class _GoodReader:
    """Builds Goods from rows, sharing equal strings of the low-cardinality columns (code, catalogs,
    unit, group) between goods: 100,000 goods then cost far less memory."""

    def __init__(self) -> None:
        self._shared: dict[str, str] = {}

    def _same(self, value: Any) -> str:
        text = _text(value)
        return self._shared.setdefault(text, text)

    def __call__(self, row: Sequence[Any]) -> Good:
        same = self._same
        return Good(
            id=as_int(row[0]),
            code=same(row[1]),
            name=_text(row[2]),
            barcode1=_text(row[3]),
            barcode2=_text(row[4]),
            barcode3=same(row[5]),
            catalog1=same(row[6]),
            catalog2=same(row[7]),
            catalog3=same(row[8]),
            measure1=same(row[9]),
            price_in=_number(row[10]),
            prices=tuple(map(_price, row[11:21])),
            tax_group=as_int(row[21]),
            vat_rate=_number(row[22]),
            type=as_int(row[23]),
            group_id=abs(as_int(row[24])),
            group_code=same(row[25]),
            group_name=same(row[26]),
        )


def goods(session: Session, group_ids: Sequence[int] | None = None) -> list[Good]:
    """All live goods, or those whose ``ABS(GroupID)`` is in ``group_ids`` (None or empty = all)."""
    d = session.dialect
    wanted = sorted({int(g) for g in group_ids or ()})
    read = _GoodReader()
    if wanted and len(wanted) <= IN_CHUNK:
        sql = _goods_sql(session, f"ABS({d.col('g', 'GroupID')}) IN ({d.params(len(wanted))})")
        return [read(r) for r in session.stream(sql, wanted)]
    result = [read(r) for r in session.stream(_goods_sql(session, ""))]
    if wanted:  # very many groups: one full read filtered here rather than many queries
        keep = set(wanted)
        result = [g for g in result if g.group_id in keep]
    return result


def goods_by_key(session: Session, column: KeyColumn, keys: Iterable[str]) -> dict[str, list[Good]]:
    """Live goods whose ``column`` equals a key exactly after stripping both sides.

    The database compares ``TRIM(column)`` (MySQL collations are also case-insensitive), so the
    candidates are filtered again here for an exact, case-sensitive match.  Keys without a match are
    absent from the result.
    """
    if column not in ("BarCode1", "BarCode2"):
        raise ValueError(f"goods_by_key: column must be BarCode1 or BarCode2, not {column!r}")
    d = session.dialect
    wanted = sorted({k.strip() for k in keys if k and k.strip()})
    found: dict[str, list[Good]] = {}
    read = _GoodReader()
    for part in chunks(wanted):
        sql = _goods_sql(session, f"{d.trim(d.col('g', column))} IN ({d.params(len(part))})")
        for row in session.all(sql, part):
            good = read(row)
            value = good.barcode1 if column == "BarCode1" else good.barcode2
            if value in part:
                found.setdefault(value, []).append(good)
    return found


# -- quantities ----------------------------------------------------------------------------------
def _sum_by_good(
    session: Session, table: str, condition: str, object_ids: Sequence[int], pre: Sequence[Any]
) -> dict[int, float]:
    d = session.dialect
    ids = sorted({int(i) for i in object_ids})
    totals: dict[int, float] = {}
    for part in chunks(ids):
        rows = session.all(
            f"SELECT {d.q('GoodID')}, SUM({d.q('Qtty')}) FROM {d.t(table)} "
            f"WHERE {condition}{d.q('ObjectID')} IN ({d.params(len(part))}) GROUP BY {d.q('GoodID')}",
            [*pre, *part],
        )
        for good_id, qtty in rows:
            key = as_int(good_id)
            totals[key] = totals.get(key, 0.0) + as_float(qtty)
    return totals


def stock(session: Session, object_ids: Sequence[int]) -> dict[int, float]:
    """On-hand quantity per good summed over ``object_ids`` (``SUM(store.Qtty)``, all stock modes, §3.4)."""
    return _sum_by_good(session, "store", "", object_ids, ())


def open_order_quantities(session: Session, object_ids: Sequence[int]) -> dict[int, float]:
    """Quantities of saved customer orders (OperType 19) per good at ``object_ids`` (§3.4 "available")."""
    d = session.dialect
    condition = f"{d.q('OperType')} = {d.p} AND {d.q('PartnerID')} <> 0 AND {d.q('Acct')} > 0 AND "
    return _sum_by_good(session, "operations", condition, object_ids, (ORDER,))


# -- order documents -----------------------------------------------------------------------------
ORDER_LINE_COLUMNS = (
    "ID", "Acct", "GoodID", "PartnerID", "ObjectID", "Qtty", "PriceIn", "PriceOut", "VATOut", "Date", "Note",
)  # fmt: skip


def order_lines(session: Session, acct: int, object_id: int | None = None) -> list[OrderLine]:
    """The lines of OperType 19 document ``acct`` (at ``object_id`` when numbers are per location)."""
    d = session.dialect
    where = f"{d.q('OperType')} = {d.p} AND {d.q('Acct')} = {d.p} AND {d.q('PartnerID')} <> 0"
    params: list[Any] = [ORDER, int(acct)]
    if object_id is not None:
        where += f" AND {d.q('ObjectID')} = {d.p}"
        params.append(int(object_id))
    rows = session.all(
        f"SELECT {d.cols(ORDER_LINE_COLUMNS)} FROM {d.t('operations')} WHERE {where} ORDER BY {d.q('ID')}", params
    )
    result = []
    for r in rows:
        moment = parse_datetime(r[9])
        result.append(
            OrderLine(
                id=as_int(r[0]),
                acct=as_int(r[1]),
                good_id=as_int(r[2]),
                partner_id=as_int(r[3]),
                object_id=as_int(r[4]),
                qtty=as_float(r[5]),
                price_in=as_float(r[6]),
                price_out=as_float(r[7]),
                vat_out=as_float(r[8]),
                date=moment.date() if moment else None,
                note=clean_text(r[10]),
            )
        )
    return result


def vat_rate(session: Session, vat_group_id: int) -> float:
    d = session.dialect
    value = session.scalar(
        f"SELECT {d.q('VATValue')} FROM {d.t('vatgroups')} WHERE {d.q('ID')} = {d.p}", [vat_group_id]
    )
    return float(value or 0.0)
