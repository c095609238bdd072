"""Generated SQL per dialect.  MS SQL and Access have no server here: their SQL is checked as text,
and the Access/MS SQL control flow (duplicate errors, OUTPUT ids) against a recording fake driver."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from app.warehouse import numbering, reads
from app.warehouse.dialects import (
    AccessDialect,
    ColumnDef,
    Dialect,
    MSSQLDialect,
    MySQLDialect,
    SQLiteDialect,
    dialect_for,
)
from app.warehouse.drivers import Driver, odbc_connection_string
from app.warehouse.ledger import COLUMNS as LEDGER_COLUMNS
from app.warehouse.params import ConnectionParams
from app.warehouse.session import Session

ALL = [SQLiteDialect(), MySQLDialect(), MySQLDialect("qmark"), MSSQLDialect(), AccessDialect()]


class FakeDuplicate(Exception):
    pass


class FakeCursor:
    def __init__(self, connection: FakeConnection) -> None:
        self.connection = connection
        self.rowcount = -1
        self.lastrowid = None
        self._rows: list[tuple[Any, ...]] = []

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        self.connection.log.append((sql, params))
        self._rows, self.rowcount = self.connection.answer(sql, params)

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self._rows

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows[0] if self._rows else None

    def close(self) -> None:
        pass


class FakeConnection:
    """Answers MAX(Acct) with 41 and refuses NextAcct 'OR42' as a duplicate (as Jet would)."""

    def __init__(self) -> None:
        self.log: list[tuple[str, tuple[Any, ...]]] = []
        self.taken = {"OR42"}

    def cursor(self) -> FakeCursor:
        return FakeCursor(self)

    def answer(self, sql: str, params: tuple[Any, ...]) -> tuple[list[tuple[Any, ...]], int]:
        if sql.startswith("SELECT MAX"):
            return [(41,)], 1
        if "NextAcct" in sql and sql.startswith("INSERT"):
            if params[0] in self.taken:
                raise FakeDuplicate("duplicate key")
            self.taken.add(params[0])
            return [], 1
        if "OUTPUT INSERTED" in sql:
            return [(77,)], 1
        if sql == "SELECT @@IDENTITY":
            return [(78,)], 1
        return [], 1


class FakeDriver(Driver):
    errors = (FakeDuplicate,)

    def classify(self, exc: BaseException) -> Any:
        return "duplicate" if isinstance(exc, FakeDuplicate) else None


def fake_session(dialect: Dialect) -> tuple[Session, FakeConnection]:
    connection = FakeConnection()
    return Session(connection, dialect, FakeDriver(), "fake"), connection


@pytest.mark.parametrize("dialect", ALL, ids=lambda d: f"{d.name}-{d.paramstyle}")
def test_every_identifier_is_quoted_in_the_goods_query(dialect: Dialect) -> None:
    session, _ = fake_session(dialect)
    sql = reads._goods_sql(session, "")
    open_q, close_q = dialect.open_quote, dialect.close_quote
    bare = re.sub(re.escape(open_q) + r"[^" + re.escape(close_q) + r"]+" + re.escape(close_q), "", sql)
    words = set(re.findall(r"[A-Za-z_]+", bare))
    assert words <= {"SELECT", "FROM", "LEFT", "JOIN", "ON", "ABS", "WHERE", "AND", "IS", "NULL", "OR", "ORDER", "BY"}


def test_table_names_and_quoting_per_engine() -> None:
    assert SQLiteDialect().t("goods") == "`goods`"
    assert MySQLDialect().t("system") == "`system`"  # reserved in MySQL 8
    assert MSSQLDialect().t("goods") == "[Goods]" and MSSQLDialect().t("vatgroups") == "[VATGroups]"
    assert AccessDialect().t("nextacct") == "[NextAcct]" and AccessDialect().t("uc_order_ledger") == "[uc_order_ledger]"
    assert MySQLDialect().p == "%s" and MySQLDialect("qmark").p == "?" and AccessDialect().p == "?"
    with pytest.raises(ValueError):
        MSSQLDialect().q("bad]name")


def test_row_limits() -> None:
    assert SQLiteDialect().select_limited("`ID`", "FROM `goods`", 1) == "SELECT `ID` FROM `goods` LIMIT 1"
    assert MSSQLDialect().select_limited("[ID]", "FROM [Goods]", 1) == "SELECT TOP 1 [ID] FROM [Goods]"
    assert AccessDialect().select_limited("[ID]", "FROM [Goods]", 5) == "SELECT TOP 5 [ID] FROM [Goods]"


def test_access_nests_joins_and_others_do_not() -> None:
    session, _ = fake_session(AccessDialect())
    sql = reads._goods_sql(session, "")
    assert (
        "FROM ([Goods] [g] LEFT JOIN [GoodsGroups] [gg] ON ABS([g].[GroupID]) = [gg].[ID]) LEFT JOIN [VATGroups]" in sql
    )
    mysql_sql = reads._goods_sql(fake_session(MySQLDialect())[0], "")
    assert "FROM `goods` `g` LEFT JOIN `goodsgroups` `gg`" in mysql_sql and "(`goods`" not in mysql_sql


def test_insert_if_absent_per_engine() -> None:
    values = ["OR5"]
    assert (
        SQLiteDialect()
        .insert_if_absent("nextacct", ["NextAcct"], ["NextAcct"], values)[0]
        .startswith("INSERT OR IGNORE INTO `nextacct`")
    )
    assert (
        MySQLDialect()
        .insert_if_absent("nextacct", ["NextAcct"], ["NextAcct"], values)[0]
        .startswith("INSERT IGNORE INTO `nextacct`")
    )
    sql, params = MSSQLDialect().insert_if_absent("nextacct", ["NextAcct"], ["NextAcct"], values)
    assert sql == (
        "INSERT INTO [NextAcct] ([NextAcct]) SELECT ? WHERE NOT EXISTS "
        "(SELECT 1 FROM [NextAcct] WITH (UPDLOCK, HOLDLOCK) WHERE [NextAcct] = ?)"
    )
    assert params == ["OR5", "OR5"]
    assert AccessDialect().insert_if_absent("nextacct", ["NextAcct"], ["NextAcct"], values)[0] == (
        "INSERT INTO [NextAcct] ([NextAcct]) VALUES (?)"
    )


def test_access_numbering_treats_duplicate_error_as_taken() -> None:
    session, connection = fake_session(AccessDialect())
    assert numbering.reserve(session, 19, "OR", None) == 43  # 42 was taken: the Jet error moved us on
    assert connection.log[0][0] == "SELECT MAX([Acct]) FROM [Operations] WHERE [OperType] = ?"
    assert [p for sql, p in connection.log if sql.startswith("INSERT")] == [("OR42",), ("OR43",)]


def test_mssql_numbering_per_location_sql() -> None:
    session, connection = fake_session(MSSQLDialect())
    connection.taken = set()
    assert numbering.reserve(session, 19, "OR", 3) == 42
    sql = "SELECT MAX([Acct]) FROM [Operations] WHERE [OperType] = ? AND [ObjectID] = ?"
    assert connection.log[0] == (sql, (19, 3))


def test_new_ids_per_engine() -> None:
    mssql, log = fake_session(MSSQLDialect())
    assert mssql.insert_returning_id("partners", {"Company": "X"}) == 77
    assert log.log[0][0] == "INSERT INTO [Partners] ([Company]) OUTPUT INSERTED.[ID] VALUES (?)"
    access, log2 = fake_session(AccessDialect())
    assert access.insert_returning_id("partners", {"Company": "X"}) == 78
    assert [sql for sql, _ in log2.log] == ["INSERT INTO [Partners] ([Company]) VALUES (?)", "SELECT @@IDENTITY"]
    assert MySQLDialect("qmark").last_id_query == "SELECT LAST_INSERT_ID()" and MySQLDialect().last_id_query is None


def test_own_tables_ddl_per_engine() -> None:
    key = ("server_id", "shop_order_id")
    sqlite = SQLiteDialect().create_table_if_absent("uc_order_ledger", LEDGER_COLUMNS, key)
    assert sqlite is not None and sqlite.startswith("CREATE TABLE IF NOT EXISTS `uc_order_ledger`")
    assert "PRIMARY KEY (`server_id`, `shop_order_id`)" in sqlite
    mysql = MySQLDialect().create_table_if_absent("uc_order_ledger", LEDGER_COLUMNS, key)
    assert mysql is not None and mysql.endswith("ENGINE=InnoDB DEFAULT CHARSET=utf8mb4")
    mssql = MSSQLDialect().create_table_if_absent("uc_order_ledger", LEDGER_COLUMNS, key)
    assert mssql is not None and mssql.startswith("IF OBJECT_ID(N'uc_order_ledger', N'U') IS NULL CREATE TABLE")
    assert "[server_id] nvarchar(100) NOT NULL" in mssql and "[created_at] datetime" in mssql
    assert AccessDialect().create_table_if_absent("uc_order_ledger", LEDGER_COLUMNS, key) is None
    access = AccessDialect().create_table("uc_order_ledger", LEDGER_COLUMNS, key)
    assert "[server_id] TEXT(100) NOT NULL" in access and "[acct] LONG" in access and "[created_at] DATETIME" in access
    assert ColumnDef("x", "int").kind == "int"


def test_expressions_and_values() -> None:
    assert AccessDialect().coalesce("[a]", "0") == "IIF([a] IS NULL, 0, [a])"
    assert MSSQLDialect().trim("[b]") == "LTRIM(RTRIM([b]))" and SQLiteDialect().trim("`b`") == "TRIM(`b`)"
    day = dt.date(2026, 3, 5)
    moment = dt.datetime(2026, 3, 5, 14, 7, 9, 123456)
    assert SQLiteDialect().date_value(day) == "2026-03-05 00:00:00"
    assert SQLiteDialect().timestamp_value(moment) == "2026-03-05 14:07:09"
    assert MSSQLDialect().date_value(day) == dt.datetime(2026, 3, 5)
    assert MySQLDialect().timestamp_value(moment) == dt.datetime(2026, 3, 5, 14, 7, 9)
    assert dialect_for("mysql", odbc=True).paramstyle == "qmark"
    assert AccessDialect().one_statement_per_execute and AccessDialect().split_script("A;\n-- c\nB;\n") == ["A", "B"]


def test_odbc_connection_strings() -> None:
    mssql = odbc_connection_string(
        ConnectionParams("mssql", "Warehouse", host="srv", port=1433, user="sa", password="p;w{d}"),
        "ODBC Driver 18 for SQL Server",
    )
    assert mssql == (
        "DRIVER={ODBC Driver 18 for SQL Server};SERVER=srv,1433;DATABASE=Warehouse;UID=sa;PWD={p;w{d}}};"
        "TrustServerCertificate=yes"
    )
    trusted = odbc_connection_string(ConnectionParams("mssql", "W", host="srv"), "D")
    assert "Trusted_Connection=yes" in trusted and "UID" not in trusted
    access = odbc_connection_string(
        ConnectionParams("access", r"C:\data\baza.mdb"), "Microsoft Access Driver (*.mdb, *.accdb)"
    )
    assert access == r"DRIVER={Microsoft Access Driver (*.mdb, *.accdb)};DBQ=C:\data\baza.mdb"
