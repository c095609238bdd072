"""Creating goods (recipe §3.13 A) and, when needed, their goods group (§3.2)."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.errors import ItemError

from . import groups as group_tree
from .models import PRICE_FIELDS, NewGood, price_index
from .reads import group_rows
from .session import Session
from .text_fit import TextFitter
from .values import BLANK, DB_FALSE, DB_TRUE, as_int

DEFAULT_MEASURE = "бр."  # the unit of the seed goods (§2.13); shop products carry none


def find_or_create_group(session: Session, fitter: TextFitter, name: str) -> int:
    """ID of the goods group named ``name`` (top-most when several), else a new top-level group.

    The new code continues the existing top-level codes in their alphabet (Latin or Cyrillic).
    """
    wanted = name.strip()
    existing = group_rows(session, "goodsgroups")
    matches = [g for g in existing if g.name.casefold() == wanted.casefold()]
    if matches:
        return min(matches, key=lambda g: (len(g.code), g.code, g.id)).id
    d = session.dialect
    all_codes = [str(r[0]) for r in session.all(f"SELECT {d.q('Code')} FROM {d.t('goodsgroups')}")]
    code = group_tree.next_child_code(all_codes)
    return session.insert_returning_id(
        "goodsgroups", {"Name": fitter.fit("goodsgroups", "Name", wanted, item_key=wanted), "Code": code}
    )


def _goods_values(fitter: TextFitter, good: NewGood, group_id: int) -> dict[str, object]:
    key = good.barcode2 or good.barcode1 or good.code or good.name

    def fit(column: str, value: str) -> str:
        return fitter.fit("goods", column, value, item_key=key)

    try:
        slot = price_index(good.price_field)
    except ValueError as exc:
        raise ItemError(key, str(exc)) from exc
    name = fit("Name", good.name)
    measure = fit("Measure1", good.measure1 or DEFAULT_MEASURE)
    values: dict[str, object] = {
        "Code": fit("Code", good.code),
        "BarCode1": fit("BarCode1", good.barcode1),
        "BarCode2": fit("BarCode2", good.barcode2),
        "BarCode3": BLANK,
        "Catalog1": fit("Catalog1", good.catalog1),
        "Catalog2": fit("Catalog2", good.catalog2),
        "Catalog3": fit("Catalog3", good.catalog3),
        "Name": name,
        "Name2": fit("Name2", good.name),
        "Measure1": measure,
        "Measure2": measure,
        "Ratio": 1.0,
        "PriceIn": 0.0,
    }
    for index, field in enumerate(PRICE_FIELDS):
        values[field] = float(good.price) if index == slot else 0.0
    values.update(
        {
            "MinQtty": 0.0,
            "NormalQtty": 0.0,
            "Description": BLANK,
            "Type": 0,
            "IsRecipe": DB_FALSE,
            "TaxGroup": good.tax_group,
            "IsVeryUsed": DB_TRUE,  # Open's default for new items (§2.1)
            "GroupID": group_id,
            "Deleted": DB_FALSE,
        }
    )
    return values


def create_goods(session: Session, fitter: TextFitter, goods: Sequence[NewGood], *, group_name: str) -> list[int]:
    """Insert ``goods`` with a zero ``store`` row at every object, all in one transaction."""
    if not goods:
        return []
    d = session.dialect
    ids: list[int] = []
    with session.transaction():
        vat_ids = {as_int(r[0]) for r in session.all(f"SELECT {d.q('ID')} FROM {d.t('vatgroups')}")}
        for good in goods:
            if good.tax_group not in vat_ids:
                raise ItemError(
                    good.barcode2 or good.barcode1 or good.code,
                    f"VAT group {good.tax_group} does not exist in Warehouse (known: {sorted(vat_ids)}).",
                )
        group_id = find_or_create_group(session, fitter, group_name)
        rows = [_goods_values(fitter, good, group_id) for good in goods]
        object_ids = [as_int(r[0]) for r in session.all(f"SELECT {d.q('ID')} FROM {d.t('objects')}")]
        store_sql = d.insert("store", ["ObjectID", "GoodID", "Qtty", "Price", "Lot", "LotID", "LotOrder"])
        store_rows: list[tuple[object, ...]] = []
        for values in rows:
            good_id = session.insert_returning_id("goods", values)
            ids.append(good_id)
            store_rows.extend((object_id, good_id, 0.0, 0.0, BLANK, 1, 1) for object_id in object_ids)
        session.executemany(store_sql, store_rows)
    return ids
