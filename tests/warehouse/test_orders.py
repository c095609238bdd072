"""OperType 19 documents: numbering, prices, partners, exactly-once, atomicity, voiding."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.errors import ItemError, WarehouseError
from app.warehouse import ConnectionParams, NewOrder, NewOrderLine, PartnerInfo, connect
from app.warehouse import orders as orders_module

from . import scenario as sc
from .conftest import Backend

DAY = dt.date(2026, 3, 5)
SERVER = "server-a"


def order(note: str = "CloudCart order 1042", *, object_id: int = sc.ONLINE, partner: PartnerInfo | None = None,
          lines: list[NewOrderLine] | None = None) -> NewOrder:  # fmt: skip
    return NewOrder(
        object_id=object_id,
        date=DAY,
        partner=partner or PartnerInfo("Maria Ivanova", "maria@example.bg", "+359 1", "Sofia", "ul. 1"),
        note=note,
        lines=lines or [NewOrderLine(sc.SHIRT_RED, 2, 12.0, 20.0), NewOrderLine(sc.BOOTS, 1, 10.9, 9.0)],
    )


@pytest.fixture
def db_params(blank: ConnectionParams) -> ConnectionParams:
    return sc.build(blank)


def operations_of(params: ConnectionParams, acct: int) -> list[tuple[object, ...]]:
    return sc.rows(
        params,
        "SELECT [GoodID], [PartnerID], [ObjectID], [Qtty], [Sign], [PriceIn], [PriceOut], [VATIn], [VATOut], [Note], "
        "[Lot], [LotID], [CurrencyID], [UserID], [OperatorID], [Date], [UserRealTime] FROM <operations> "
        "WHERE [OperType] = 19 AND [Acct] = ? ORDER BY [ID]",
        [acct],
    )


def test_numbering_honours_pseudo_rows_and_reserves_nextacct(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        first = db.write_order(order("m1"), server_id=SERVER, shop_order_id="1")
        second = db.write_order(order("m2"), server_id=SERVER, shop_order_id="2")
    assert (first.acct, first.created) == (8, True)  # pseudo row Acct 7 pushes the series to 8
    assert second.acct == 9
    assert sc.count(db_params, "FROM <nextacct> WHERE [NextAcct] IN ('OR8', 'OR9')") == 2


def test_numbering_skips_numbers_reserved_by_others(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        db.session.insert("nextacct", {"NextAcct": "OR8"})  # someone reserved 8 but has not saved yet
        assert db.write_order(order(), server_id=SERVER, shop_order_id="1").acct == 9


def test_numbering_per_location(db_params: ConnectionParams) -> None:
    sc.set_config(db_params, "configkey48", "-1")
    with connect(db_params) as db:
        assert db.info().numbers_per_location
        sofia = db.write_order(order("a", object_id=sc.SOFIA), server_id=SERVER, shop_order_id="a")
        central = db.write_order(order("b", object_id=sc.CENTRAL), server_id=SERVER, shop_order_id="b")
        online = db.write_order(order("c", object_id=sc.ONLINE), server_id=SERVER, shop_order_id="c")
    assert sofia.acct == 3  # Sofia's series: MAX 2 + 1
    assert central.acct == 8  # Central's series includes its pseudo row 7
    assert online.acct == 4  # Online's MAX is 2 -> 3, but 'OR3' is reserved by Sofia -> 4 (one nextacct, §3.5)


def test_lines_prices_and_columns_when_prices_include_vat(db_params: ConnectionParams) -> None:
    sc.set_config(db_params, "configkey20", "-1")
    with connect(db_params) as db:
        acct = db.write_order(order(), server_id=SERVER, shop_order_id="1").acct
    lines = operations_of(db_params, acct)
    assert len(lines) == 2
    red, boots = lines
    assert red[0] == sc.SHIRT_RED and float(red[3]) == 2.0 and int(red[4]) == 0  # Sign 0
    assert float(red[6]) == pytest.approx(12.0) and float(red[8]) == pytest.approx(2.0)  # 12*20/120
    assert float(red[5]) == 4.0 and float(red[7]) == pytest.approx(4.0 * 20 / 120)  # PriceIn from goods
    assert float(boots[6]) == pytest.approx(10.9) and float(boots[8]) == pytest.approx(0.9)  # 9 %
    assert red[9] == "CloudCart order 1042" and red[10] == " " and int(red[11]) == 1 and int(red[12]) == 1
    assert red[15] is not None and str(red[15]).startswith("2026-03-05")
    assert all(value is not None for value in red)


def test_prices_without_vat(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        assert not db.info().vat_included
        acct = db.write_order(order(), server_id=SERVER, shop_order_id="1").acct
    red = operations_of(db_params, acct)[0]
    assert float(red[6]) == pytest.approx(10.0) and float(red[8]) == pytest.approx(2.0)  # 12 = 10 + 20 %


def test_no_store_update_and_reserves_availability(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        before = db.stock([sc.ONLINE])
        db.write_order(order(), server_id=SERVER, shop_order_id="1")
        assert db.stock([sc.ONLINE]) == before
        assert db.open_order_quantities([sc.ONLINE])[sc.SHIRT_RED] == 9.0 + 2.0
    assert sc.count(db_params, "FROM <payments>") == 0


def test_partner_found_by_email_then_name_else_created(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        by_mail = db.write_order(order("m1", partner=PartnerInfo("Other Name", "maria@example.bg")), server_id=SERVER,
                                 shop_order_id="1")  # fmt: skip
        by_name = db.write_order(order("m2", partner=PartnerInfo("Georgi Petrov", "new@example.bg")), server_id=SERVER,
                                 shop_order_id="2")  # fmt: skip
        new = db.write_order(order("m3", partner=PartnerInfo("Ana Todorova", "", "+359 2", "Varna", "bul. 5")),
                             server_id=SERVER, shop_order_id="3")  # fmt: skip
        assert db.order_lines(by_mail.acct)[0].partner_id == 2
        assert db.order_lines(by_name.acct)[0].partner_id == 3
        new_partner = db.order_lines(new.acct)[0].partner_id
    assert new_partner not in (1, 2, 3)
    row = sc.rows(db_params, "SELECT * FROM <partners> WHERE [ID] = ?", [new_partner])[0]
    assert None not in row  # every column written explicitly
    fields = sc.rows(db_params, "SELECT [Company], [City], [Phone], [eMail], [Type], [Deleted] FROM <partners> "
                                "WHERE [ID] = ?", [new_partner])[0]  # fmt: skip
    assert fields[:4] == ("Ana Todorova", "Varna", "+359 2", " ") and int(fields[4]) == 2 and int(fields[5]) == 0


def test_write_twice_gives_one_document(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        first = db.write_order(order(), server_id=SERVER, shop_order_id="1042")
        again = db.write_order(order(), server_id=SERVER, shop_order_id="1042")
        other_server = db.ledger("server-b")
        entries = db.ledger(SERVER)
    assert first.created and not again.created and again.acct == first.acct
    assert len(operations_of(db_params, first.acct)) == 2
    assert sc.count(db_params, "FROM <operations> WHERE [OperType] = 19 AND [Note] = 'CloudCart order 1042'") == 2
    assert other_server == {}
    assert entries["1042"].acct == first.acct and entries["1042"].status == "written"
    assert entries["1042"].object_id == sc.ONLINE


def test_marker_adoption(db_params: ConnectionParams) -> None:
    # A document with our marker exists (e.g. the ledger was lost): adopt it, do not write again.
    with connect(db_params) as db:
        result = db.write_order(order("Phone order"), server_id=SERVER, shop_order_id="77")
        assert (result.acct, result.created) == (1, False)
        assert db.ledger(SERVER)["77"].status == "adopted"
        assert db.write_order(order("Phone order"), server_id=SERVER, shop_order_id="77") == result
    assert sc.count(db_params, "FROM <operations> WHERE [OperType] = 19 AND [Acct] = 1") == 2


def test_failure_mid_transaction_leaves_nothing(db_params: ConnectionParams, monkeypatch: pytest.MonkeyPatch) -> None:
    real = orders_module._insert_lines

    def half_then_crash(session, rows):  # type: ignore[no-untyped-def]
        real(session, rows[:1])
        raise RuntimeError("power cut")

    before_partners = sc.count(db_params, "FROM <partners>")
    monkeypatch.setattr(orders_module, "_insert_lines", half_then_crash)
    partner = PartnerInfo("Brand New", "brand@new.bg")
    with connect(db_params) as db, pytest.raises(RuntimeError):
        db.write_order(order(partner=partner), server_id=SERVER, shop_order_id="9")
    assert sc.count(db_params, "FROM <operations> WHERE [Note] = 'CloudCart order 1042'") == 0
    assert sc.count(db_params, "FROM <uc_order_ledger>") == 0
    assert sc.count(db_params, "FROM <nextacct> WHERE [NextAcct] = 'OR8'") == 0
    assert sc.count(db_params, "FROM <partners>") == before_partners
    monkeypatch.undo()
    with connect(db_params) as db:
        assert db.write_order(order(partner=partner), server_id=SERVER, shop_order_id="9").acct == 8
        assert db.ledger(SERVER)["9"].acct == 8


def test_void_order(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        acct = db.write_order(order(), server_id=SERVER, shop_order_id="5").acct
        assert db.void_order(SERVER, "5") is True
        assert db.order_lines(acct) == []
        assert db.ledger(SERVER)["5"].status == "voided"
        assert db.void_order(SERVER, "5") is False
        assert db.void_order(SERVER, "unknown") is False
        # a voided order is not written again by a re-run
        again = db.write_order(order(), server_id=SERVER, shop_order_id="5")
        assert (again.acct, again.created) == (acct, False)
        assert db.order_lines(acct) == []
    assert sc.count(db_params, "FROM <nextacct> WHERE [NextAcct] = ?", [f"OR{acct}"]) == 0
    assert sc.count(db_params, "FROM <operations> WHERE [OperType] = 19 AND [Acct] = 1") == 2  # others untouched


def test_bad_orders_are_item_errors_and_write_nothing(db_params: ConnectionParams) -> None:
    with connect(db_params) as db:
        with pytest.raises(ItemError) as deleted:
            db.write_order(order(lines=[NewOrderLine(sc.DELETED_SHIRT, 1, 3.0, 20)]), server_id=SERVER,
                           shop_order_id="x")  # fmt: skip
        assert deleted.value.key == "x" and "13" in deleted.value.message
        with pytest.raises(ItemError):
            db.write_order(order(lines=[NewOrderLine(sc.SHIRT_RED, 0, 3.0, 20)]), server_id=SERVER, shop_order_id="y")
    assert sc.count(db_params, "FROM <uc_order_ledger>") == 0
    assert sc.count(db_params, "FROM <nextacct>") == 2


@pytest.mark.parametrize("mode", ["2", "5"])
def test_lot_modes_refuse_writes(db_params: ConnectionParams, mode: str) -> None:
    sc.set_config(db_params, "configkey23", mode)
    with connect(db_params) as db:
        assert db.info().stock_mode == int(mode)
        assert len(db.goods()) == 7  # reading still works
        with pytest.raises(WarehouseError) as info:
            db.write_order(order(), server_id=SERVER, shop_order_id="1")
        assert "lot" in info.value.message.lower() and info.value.title == "Writing refused (lot mode)"
        with pytest.raises(WarehouseError):
            db.create_goods([], group_name="CloudCart")
    assert sc.count(db_params, "FROM <operations> WHERE [Note] = 'CloudCart order 1042'") == 0


def test_four_byte_characters(backend: Backend, db_params: ConnectionParams) -> None:
    partner = PartnerInfo("Maria 😀 Shop", "emoji@example.bg")
    with connect(db_params) as db:
        if backend.is_mysql:  # utf8 (utf8mb3) tables as Warehouse creates them: report, never mangle
            with pytest.raises(ItemError) as info:
                db.write_order(order(partner=partner), server_id=SERVER, shop_order_id="e1")
            assert info.value.key == "e1" and "Company" in info.value.message and "😀" in info.value.message
            assert sc.count(db_params, "FROM <uc_order_ledger>") == 0
        else:  # SQLite stores any Unicode
            acct = db.write_order(order(partner=partner), server_id=SERVER, shop_order_id="e1").acct
            partner_id = db.order_lines(acct)[0].partner_id
            stored = sc.scalar(db_params, "SELECT [Company] FROM <partners> WHERE [ID] = ?", [partner_id])
            assert stored == "Maria 😀 Shop"


def test_long_text_is_cut_to_the_column_width(db_params: ConnectionParams) -> None:
    long_name = "Ж" * 300
    with connect(db_params) as db:
        acct = db.write_order(order(partner=PartnerInfo(long_name, "long@example.bg")), server_id=SERVER,
                              shop_order_id="L").acct  # fmt: skip
        partner_id = db.order_lines(acct)[0].partner_id
    assert sc.scalar(db_params, "SELECT [Company] FROM <partners> WHERE [ID] = ?", [partner_id]) == "Ж" * 255
