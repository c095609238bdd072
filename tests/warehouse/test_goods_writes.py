"""create_goods (recipe §3.13 A) and goods group creation (§3.2)."""

from __future__ import annotations

import pytest

from app.domain.errors import ItemError
from app.warehouse import ConnectionParams, NewGood, connect
from app.warehouse.groups import CYRILLIC, next_child_code

from . import scenario as sc
from .conftest import Backend


def shirt(sku: str, **kw: object) -> NewGood:
    values: dict[str, object] = {"code": "CC1", "name": "Linen shirt", "barcode1": "3800000009999", "barcode2": sku,
                                 "catalog1": "Color-Red", "catalog2": "Size-L", "price_field": "PriceOut2",
                                 "price": 39.9}  # fmt: skip
    values.update(kw)
    return NewGood(**values)  # type: ignore[arg-type]


def test_create_goods_new_group_and_store_rows(blank: ConnectionParams) -> None:
    sc.build(blank)
    with connect(blank) as db:
        ids = db.create_goods([shirt("CC1-RED-L"), shirt("CC1-RED-XL", catalog2="Size-XL", tax_group=2)],
                              group_name="CloudCart")  # fmt: skip
        groups = {g.name: g for g in db.goods_groups()}
        created = {g.id: g for g in db.goods() if g.id in ids}
    assert groups["CloudCart"].code == "AAC"  # after AAA and AAB, top level
    first, second = created[ids[0]], created[ids[1]]
    assert first.group_id == groups["CloudCart"].id and first.group_name == "CloudCart"
    assert first.price("PriceOut2") == 39.9 and first.price("PriceOut1") == 0.0 and first.measure1 == "бр."
    assert (first.barcode2, first.catalog1, first.catalog2) == ("CC1-RED-L", "Color-Red", "Size-L")
    assert second.tax_group == 2 and second.vat_rate == 9.0
    # one store row per object (service object and deleted ones included, as Open does), quantity 0
    objects = sc.count(blank, "FROM <objects>")
    for good_id in ids:
        counted = sc.rows(blank, "SELECT COUNT(*), SUM([Qtty]) FROM <store> WHERE [GoodID] = ?", [good_id])[0]
        assert (int(counted[0]), float(counted[1])) == (objects, 0.0)
    row = sc.rows(blank, "SELECT * FROM <goods> WHERE [ID] = ?", [ids[0]])[0]
    assert None not in row  # every column explicit
    flags = sc.rows(blank, "SELECT [Ratio], [IsVeryUsed], [Deleted], [BarCode3], [Description], [Type] FROM <goods> "
                           "WHERE [ID] = ?", [ids[0]])[0]  # fmt: skip
    got = (float(flags[0]), int(flags[1]), int(flags[2]), flags[3], flags[4], int(flags[5]))
    assert got == (1.0, -1, 0, " ", " ", 0)


def test_existing_group_is_reused_by_name(blank: ConnectionParams) -> None:
    sc.build(blank)
    with connect(blank) as db:
        before = len(db.goods_groups())
        (good_id,) = db.create_goods([shirt("X-1")], group_name="  office ")
        assert len(db.goods_groups()) == before
        assert [g.group_name for g in db.goods() if g.id == good_id] == ["Office"]


def test_cyrillic_siblings_give_a_cyrillic_code(blank: ConnectionParams) -> None:
    session_rows = [(2, "ААА", "Стоки"), (3, "ААБ", "Услуги")]
    from app.warehouse.drivers import open_session

    session = open_session(blank)
    sc.insert_rows(session, "goodsgroups", ["ID", "Code", "Name"], session_rows)
    session.close()
    with connect(blank) as db:
        db.create_goods([shirt("C-1")], group_name="CloudCart")
        codes = {g.name: g.code for g in db.goods_groups()}
    assert codes["CloudCart"] == "ААВ"


def test_invalid_goods_write_nothing(blank: ConnectionParams) -> None:
    with connect(blank) as db:
        with pytest.raises(ItemError) as vat:
            db.create_goods([shirt("V-1", tax_group=99)], group_name="CloudCart")
        assert vat.value.key == "V-1" and "99" in vat.value.message
        with pytest.raises(ItemError) as price:
            db.create_goods([shirt("P-1", price_field="PriceIn")], group_name="CloudCart")
        assert "PriceOut1..PriceOut10" in price.value.message
        assert db.goods() == [] and db.goods_groups() == []  # the group was rolled back too


def test_four_byte_name_reported_on_utf8_tables(backend: Backend, blank: ConnectionParams) -> None:
    with connect(blank) as db:
        if not backend.is_mysql:
            (good_id,) = db.create_goods([shirt("E-1", name="Shirt 👕")], group_name="CloudCart")
            assert db.goods()[0].name == "Shirt 👕" and db.goods()[0].id == good_id
            return
        with pytest.raises(ItemError) as info:
            db.create_goods([shirt("E-1", name="Shirt 👕")], group_name="CloudCart")
        assert info.value.key == "E-1" and "Name" in info.value.message and "👕" in info.value.message
        assert db.goods() == []


def test_next_child_code() -> None:
    assert next_child_code([]) == "AAA"
    assert next_child_code(["-1", "AAA", "AAB", "AABAAA"]) == "AAC"
    assert next_child_code(["AAZ"]) == "ABA"
    assert next_child_code(["AAA", "AAAAAA", "AAAAAB"], parent_code="AAA") == "AAAAAC"
    assert next_child_code(["ААА"]) == "АА" + CYRILLIC[1]
    assert next_child_code(["x1", "weird", "AAA"]) == "AAB"  # codes outside the alphabet are ignored
