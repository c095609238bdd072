"""SQL dialects of the four Warehouse Pro engines (schema doc §5).

One object per engine builds every engine-specific piece of SQL the data layer needs; the rest of
the package writes SQL only through these methods, so the MS SQL and Access texts can be checked as
strings even without a server.  Rules applied everywhere:

* **every identifier is quoted** (``system``, ``Key``, ``Desc``, ``Date``, ``Type`` … are reserved
  somewhere);
* table names are lower case on SQLite/MySQL and PascalCase on MS SQL/Access (§1, §5);
* values are always bound parameters (``%s`` for pymysql, ``?`` elsewhere);
* Access needs parenthesised joins and one statement per ``execute``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

ParamStyle = Literal["qmark", "format"]

# Physical names on MS SQL (S2 scaffold) and, by assumption, on Access (§6.3).
PASCAL_TABLE_NAMES: dict[str, str] = {
    "applicationlog": "ApplicationLog",
    "cashbook": "CashBook",
    "configuration": "Configuration",
    "currencies": "Currencies",
    "currencieshistory": "CurrenciesHistory",
    "documents": "Documents",
    "ecrreceipts": "ECRReceipts",
    "goods": "Goods",
    "goodsgroups": "GoodsGroups",
    "internallog": "InternalLog",
    "lots": "Lots",
    "network": "Network",
    "nextacct": "NextAcct",
    "objects": "Objects",
    "objectsgroups": "ObjectsGroups",
    "operations": "Operations",
    "operationtype": "OperationType",
    "partners": "Partners",
    "partnersgroups": "PartnersGroups",
    "payments": "Payments",
    "paymenttypes": "PaymentTypes",
    "pricerules": "PriceRules",
    "registration": "Registration",
    "store": "Store",
    "system": "System",
    "transformations": "Transformations",
    "users": "Users",
    "usersgroups": "UsersGroups",
    "userssecurity": "UsersSecurity",
    "vatgroups": "VATGroups",
}


@dataclass(frozen=True)
class ColumnDef:
    """A column of one of our own tables (``uc_order_ledger``, ``uc_locks``)."""

    name: str
    kind: Literal["text", "int", "datetime"]
    size: int = 0
    not_null: bool = False


@dataclass(frozen=True)
class Join:
    kind: Literal["INNER", "LEFT"]
    table: str  # already quoted, may carry an alias
    on: str


class Dialect:
    """Base class; the defaults are ANSI-ish and overridden per engine."""

    name: str = "base"
    open_quote: str = '"'
    close_quote: str = '"'
    pascal_tables: bool = False
    nested_joins: bool = False
    one_statement_per_execute: bool = False
    text_dates: bool = False  # SQLite stores dates as text
    minute_dates: bool = False  # MS SQL smalldatetime

    def __init__(self, paramstyle: ParamStyle = "qmark") -> None:
        self.paramstyle: ParamStyle = paramstyle

    def __repr__(self) -> str:
        return f"{type(self).__name__}(paramstyle={self.paramstyle!r})"

    # -- identifiers and parameters ------------------------------------------------------------
    def q(self, identifier: str) -> str:
        """Quote one identifier (column or alias)."""
        if self.close_quote in identifier:
            raise ValueError(f"identifier {identifier!r} contains a quote character")
        return f"{self.open_quote}{identifier}{self.close_quote}"

    def table_name(self, table: str) -> str:
        """Physical (unquoted) name of a Warehouse table given in lower case."""
        if self.pascal_tables:
            return PASCAL_TABLE_NAMES.get(table.lower(), table)
        return table

    def t(self, table: str) -> str:
        """Quoted physical table name."""
        return self.q(self.table_name(table))

    def col(self, alias: str, column: str) -> str:
        """``alias.column``, both quoted."""
        return f"{self.q(alias)}.{self.q(column)}"

    def cols(self, columns: Sequence[str], alias: str | None = None) -> str:
        if alias is None:
            return ", ".join(self.q(c) for c in columns)
        return ", ".join(self.col(alias, c) for c in columns)

    @property
    def p(self) -> str:
        """One placeholder."""
        return "%s" if self.paramstyle == "format" else "?"

    def params(self, count: int) -> str:
        return ", ".join([self.p] * count)

    def literal_percent(self, text: str) -> str:
        """Escape ``%`` in SQL text for pymysql's ``format`` paramstyle."""
        return text.replace("%", "%%") if self.paramstyle == "format" else text

    # -- statements -----------------------------------------------------------------------------
    def select_limited(self, columns: str, rest: str, limit: int) -> str:
        """``SELECT <columns> <rest>`` returning at most ``limit`` rows."""
        return f"SELECT {columns} {rest} LIMIT {int(limit)}"

    def insert(self, table: str, columns: Sequence[str]) -> str:
        return f"INSERT INTO {self.t(table)} ({self.cols(columns)}) VALUES ({self.params(len(columns))})"

    def insert_returning_id(self, table: str, columns: Sequence[str]) -> str:
        """INSERT whose new ``ID`` is read by :attr:`last_id_query` or the cursor's ``lastrowid``."""
        return self.insert(table, columns)

    last_id_query: str | None = None
    """SQL to run right after the insert on the same connection, or None to use ``lastrowid``."""

    returns_id_as_result: bool = False
    """True when :meth:`insert_returning_id` yields the new ID as a result row."""

    def insert_if_absent(
        self, table: str, columns: Sequence[str], key_columns: Sequence[str], values: Sequence[Any]
    ) -> tuple[str, list[Any]]:
        """An insert that inserts nothing (rowcount 0) when a row with the same key exists."""
        raise NotImplementedError

    duplicate_raises: bool = False
    """True when :meth:`insert_if_absent` cannot absorb duplicates and the driver raises instead."""

    # -- expressions ----------------------------------------------------------------------------
    def joins(self, base: str, joins: Sequence[Join]) -> str:
        """``base JOIN … JOIN …``; nested in parentheses where the engine needs it (Access)."""
        sql = base
        for index, join in enumerate(joins):
            sql = f"{sql} {join.kind} JOIN {join.table} ON {join.on}"
            if self.nested_joins and index < len(joins) - 1:
                sql = f"({sql})"
        return sql

    def coalesce(self, expression: str, default: str) -> str:
        return f"COALESCE({expression}, {default})"

    def trim(self, expression: str) -> str:
        return f"TRIM({expression})"

    # -- values ---------------------------------------------------------------------------------
    def date_value(self, day: dt.date) -> Any:
        """A DATE column value (document date, time 00:00:00)."""
        value = dt.datetime(day.year, day.month, day.day)
        return value.strftime("%Y-%m-%d %H:%M:%S") if self.text_dates else value

    def timestamp_value(self, moment: dt.datetime) -> Any:
        """A TS column value (``UserRealTime``), to the second (minute on smalldatetime columns)."""
        value = moment.replace(microsecond=0, tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S") if self.text_dates else value

    # -- DDL of our own tables ------------------------------------------------------------------
    def column_type(self, column: ColumnDef) -> str:
        raise NotImplementedError

    def create_table_body(self, table: str, columns: Sequence[ColumnDef], primary_key: Sequence[str]) -> str:
        parts = [
            f"{self.q(c.name)} {self.column_type(c)}{' NOT NULL' if c.not_null or c.name in primary_key else ''}"
            for c in columns
        ]
        parts.append(f"PRIMARY KEY ({self.cols(primary_key)})")
        return f"{self.q(table)} ({', '.join(parts)})"

    def create_table(self, table: str, columns: Sequence[ColumnDef], primary_key: Sequence[str]) -> str:
        return f"CREATE TABLE {self.create_table_body(table, columns, primary_key)}"

    def create_table_if_absent(
        self, table: str, columns: Sequence[ColumnDef], primary_key: Sequence[str]
    ) -> str | None:
        """One statement creating the table unless it exists, or None when the engine has no
        such statement (the caller then checks the table list first)."""
        return f"CREATE TABLE IF NOT EXISTS {self.create_table_body(table, columns, primary_key)}"

    now_query = "SELECT CURRENT_TIMESTAMP"
    """The database server's local time (used for ``UserRealTime``, ledger and lock times)."""

    session_setup: tuple[str, ...] = ()
    """Statements run once after connecting."""

    list_tables_query: str | None = None
    """SQL listing the tables of the current database (one name per row) or None (ODBC catalog)."""

    def split_script(self, script: str) -> list[str]:
        """Split a DDL script on ``;`` at line ends (our scripts hold no ``;`` inside literals)."""
        statements: list[str] = []
        current: list[str] = []
        for line in script.splitlines():
            stripped = line.strip()
            if not stripped or stripped.startswith("--"):
                continue
            current.append(line)
            if stripped.endswith(";"):
                statements.append("\n".join(current).rstrip().rstrip(";"))
                current = []
        if current:
            statements.append("\n".join(current))
        return statements


class SQLiteDialect(Dialect):
    name = "sqlite"
    open_quote = close_quote = "`"
    text_dates = True
    list_tables_query = "SELECT name FROM sqlite_master WHERE type = 'table'"
    now_query = "SELECT DATETIME('now', 'localtime')"

    def insert_if_absent(
        self, table: str, columns: Sequence[str], key_columns: Sequence[str], values: Sequence[Any]
    ) -> tuple[str, list[Any]]:
        sql = f"INSERT OR IGNORE INTO {self.t(table)} ({self.cols(columns)}) VALUES ({self.params(len(columns))})"
        return sql, list(values)

    def column_type(self, column: ColumnDef) -> str:
        return {"text": f"VARCHAR({column.size})", "int": "INTEGER", "datetime": "DATETIME"}[column.kind]


class MySQLDialect(Dialect):
    name = "mysql"
    open_quote = close_quote = "`"
    list_tables_query = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"

    now_query = "SELECT NOW()"
    # Open uses READ COMMITTED (§5); every statement then sees the latest committed MAX(Acct).
    session_setup = ("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",)

    def __init__(self, paramstyle: ParamStyle = "format") -> None:
        super().__init__(paramstyle)
        if paramstyle == "qmark":  # pyodbc cursors have no lastrowid
            self.last_id_query = "SELECT LAST_INSERT_ID()"

    def insert_if_absent(
        self, table: str, columns: Sequence[str], key_columns: Sequence[str], values: Sequence[Any]
    ) -> tuple[str, list[Any]]:
        sql = f"INSERT IGNORE INTO {self.t(table)} ({self.cols(columns)}) VALUES ({self.params(len(columns))})"
        return sql, list(values)

    def column_type(self, column: ColumnDef) -> str:
        return {"text": f"VARCHAR({column.size})", "int": "INT", "datetime": "DATETIME"}[column.kind]

    def create_table_if_absent(
        self, table: str, columns: Sequence[ColumnDef], primary_key: Sequence[str]
    ) -> str | None:
        body = self.create_table_body(table, columns, primary_key)
        return f"CREATE TABLE IF NOT EXISTS {body} ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"


class MSSQLDialect(Dialect):
    name = "mssql"
    open_quote, close_quote = "[", "]"
    pascal_tables = True
    minute_dates = True
    returns_id_as_result = True
    now_query = "SELECT GETDATE()"
    list_tables_query = "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE'"

    def select_limited(self, columns: str, rest: str, limit: int) -> str:
        return f"SELECT TOP {int(limit)} {columns} {rest}"

    def insert_returning_id(self, table: str, columns: Sequence[str]) -> str:
        # SCOPE_IDENTITY() in a second execute is another batch under pyodbc and returns NULL;
        # OUTPUT returns the identity in the same statement.
        return (
            f"INSERT INTO {self.t(table)} ({self.cols(columns)}) OUTPUT INSERTED.{self.q('ID')} "
            f"VALUES ({self.params(len(columns))})"
        )

    def insert_if_absent(
        self, table: str, columns: Sequence[str], key_columns: Sequence[str], values: Sequence[Any]
    ) -> tuple[str, list[Any]]:
        by_name = dict(zip(columns, values, strict=True))
        condition = " AND ".join(f"{self.q(k)} = {self.p}" for k in key_columns)
        sql = (
            f"INSERT INTO {self.t(table)} ({self.cols(columns)}) SELECT {self.params(len(columns))} "
            f"WHERE NOT EXISTS (SELECT 1 FROM {self.t(table)} WITH (UPDLOCK, HOLDLOCK) WHERE {condition})"
        )
        return sql, [*values, *(by_name[k] for k in key_columns)]

    def trim(self, expression: str) -> str:
        return f"LTRIM(RTRIM({expression}))"  # TRIM() needs SQL Server 2017

    def date_value(self, day: dt.date) -> Any:
        return dt.datetime(day.year, day.month, day.day)

    def timestamp_value(self, moment: dt.datetime) -> Any:
        return moment.replace(microsecond=0, tzinfo=None)

    def column_type(self, column: ColumnDef) -> str:
        return {"text": f"nvarchar({column.size})", "int": "int", "datetime": "datetime"}[column.kind]

    def create_table_if_absent(
        self, table: str, columns: Sequence[ColumnDef], primary_key: Sequence[str]
    ) -> str | None:
        body = self.create_table_body(table, columns, primary_key)
        return f"IF OBJECT_ID(N'{table}', N'U') IS NULL CREATE TABLE {body}"


class AccessDialect(Dialect):
    name = "access"
    open_quote, close_quote = "[", "]"
    pascal_tables = True
    nested_joins = True
    one_statement_per_execute = True
    last_id_query = "SELECT @@IDENTITY"
    duplicate_raises = True
    now_query = "SELECT Now()"
    list_tables_query = None  # read through the ODBC catalog (cursor.tables)

    def select_limited(self, columns: str, rest: str, limit: int) -> str:
        return f"SELECT TOP {int(limit)} {columns} {rest}"

    def insert_if_absent(
        self, table: str, columns: Sequence[str], key_columns: Sequence[str], values: Sequence[Any]
    ) -> tuple[str, list[Any]]:
        # Jet has no INSERT IGNORE: a plain insert, the duplicate-key error means "taken".
        return self.insert(table, columns), list(values)

    def coalesce(self, expression: str, default: str) -> str:
        return f"IIF({expression} IS NULL, {default}, {expression})"

    def column_type(self, column: ColumnDef) -> str:
        return {"text": f"TEXT({column.size})", "int": "LONG", "datetime": "DATETIME"}[column.kind]

    def create_table_if_absent(
        self, table: str, columns: Sequence[ColumnDef], primary_key: Sequence[str]
    ) -> str | None:
        return None


def dialect_for(engine: str, *, odbc: bool = False) -> Dialect:
    """The dialect of ``engine``; MySQL over pyodbc uses ``?`` placeholders."""
    if engine == "sqlite":
        return SQLiteDialect()
    if engine == "mysql":
        return MySQLDialect("qmark" if odbc else "format")
    if engine == "mssql":
        return MSSQLDialect()
    if engine == "access":
        return AccessDialect()
    raise ValueError(f"unknown engine {engine!r}")
