"""Recognising a Warehouse database and creating a blank one (schema doc §1, §4, §6.7)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.domain.errors import ConfigurationError, WarehouseError

from .ddl import mysql as mysql_ddl
from .ddl import sqlite as sqlite_ddl
from .drivers import PyMySQLDriver, open_session
from .models import DatabaseInfo
from .params import ConnectionParams
from .session import Session
from .values import as_int, clean_text, is_true

# Open's own test for "this is a Warehouse database" (§1, S1 GetDatabases()).
REQUIRED_TABLES: frozenset[str] = frozenset(
    {
        "applicationlog", "cashbook", "configuration", "currencies", "currencieshistory", "documents",
        "goods", "goodsgroups", "lots", "nextacct", "objects", "objectsgroups", "operations",
        "operationtype", "partners", "partnersgroups", "payments", "paymenttypes", "store", "system",
        "users", "usersgroups", "userssecurity",
    }
)  # fmt: skip

# Columns this package reads or writes; probed with a zero-row SELECT so that a layout that lacks
# one is refused up front instead of failing half-way through a run (§6.5, §6.7).
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "goods": (
        "ID", "Code", "BarCode1", "BarCode2", "BarCode3", "Catalog1", "Catalog2", "Catalog3", "Name", "Name2",
        "Measure1", "Measure2", "Ratio", "PriceIn", "PriceOut1", "PriceOut2", "PriceOut3", "PriceOut4",
        "PriceOut5", "PriceOut6", "PriceOut7", "PriceOut8", "PriceOut9", "PriceOut10", "MinQtty",
        "NormalQtty", "Description", "Type", "IsRecipe", "TaxGroup", "IsVeryUsed", "GroupID", "Deleted",
    ),
    "goodsgroups": ("ID", "Code", "Name"),
    "objects": ("ID", "Code", "Name", "PriceGroup", "GroupID", "Deleted"),
    "objectsgroups": ("ID", "Code", "Name"),
    "store": ("ObjectID", "GoodID", "Qtty", "Price", "Lot", "LotID", "LotOrder"),
    "operations": (
        "ID", "OperType", "Acct", "GoodID", "PartnerID", "ObjectID", "OperatorID", "Qtty", "Sign", "PriceIn",
        "PriceOut", "VATIn", "VATOut", "Discount", "CurrencyID", "CurrencyRate", "Date", "Lot", "LotID",
        "Note", "SrcDocID", "UserID", "UserRealTime",
    ),
    "partners": ("ID", "Company", "eMail", "Deleted"),
    "vatgroups": ("ID", "VATValue"),
    "nextacct": ("NextAcct",),
    "configuration": ("Key", "Value", "UserID"),
}  # fmt: skip

# Open 3.07 writes '3.07'; Pro databases carry other 3.x strings.  Another major is refused (§6.7).
KNOWN_MAJOR_VERSIONS = frozenset({"3"})

CONFIG_VAT_INCLUDED = "configkey20"
CONFIG_STOCK_MODE = "configkey23"
CONFIG_NUMBERS_PER_LOCATION = "configkey48"
LOT_MODES = frozenset({2, 3, 4, 5})


def recognise(session: Session) -> str:
    """Check the 23 tables, the columns we use and ``system.Version``; returns the version."""
    try:
        tables = session.table_names()
    except WarehouseError as exc:
        raise WarehouseError(
            f"{session.label} cannot be read as a database ({exc.message}). Check the path/database name.",
            title="Not a Warehouse Pro database",
        ) from exc
    missing = sorted(REQUIRED_TABLES - tables)
    if missing:
        shown = ", ".join(missing[:6]) + (" …" if len(missing) > 6 else "")
        raise WarehouseError(
            f"{session.label} is not a Warehouse Pro database: {len(missing)} of its 23 tables are missing "
            f"({shown}). Check the database name or file in the server settings.",
            title="Not a Warehouse Pro database",
        )
    d = session.dialect
    rows = session.all(f"SELECT {d.q('Version')} FROM {d.t('system')}")
    versions = [clean_text(r[0]) for r in rows if clean_text(r[0])]
    if not versions:
        raise WarehouseError(
            f"{session.label} has no schema version in table 'system'; it does not look like a Warehouse Pro "
            "database this program knows.",
            title="Unknown database layout",
        )
    version = versions[0]
    major = version.split(".")[0].strip()
    if major not in KNOWN_MAJOR_VERSIONS:
        raise WarehouseError(
            f"{session.label} has Warehouse schema version {version}; this program knows the 3.x layout only. "
            "Do not sync this database until the program supports that version.",
            title="Unknown database layout",
        )
    for table, columns in REQUIRED_COLUMNS.items():
        try:
            session.all(f"SELECT {d.cols(columns)} FROM {d.t(table)} WHERE 1 = 0")
        except WarehouseError as exc:
            absent = [c for c in columns if not _column_exists(session, table, c)]
            raise WarehouseError(
                f"{session.label} (version {version}) has an unknown layout: table {table} lacks "
                f"{', '.join(absent) or 'expected columns'}.",
                title="Unknown database layout",
            ) from exc
    return version


def _column_exists(session: Session, table: str, column: str) -> bool:
    d = session.dialect
    try:
        session.all(f"SELECT {d.q(column)} FROM {d.t(table)} WHERE 1 = 0")
    except WarehouseError:
        return False
    return True


def read_settings(session: Session) -> dict[str, str]:
    """Global configuration values (``UserID = -1`` preferred, §3.11)."""
    d = session.dialect
    keys = (CONFIG_VAT_INCLUDED, CONFIG_STOCK_MODE, CONFIG_NUMBERS_PER_LOCATION)
    rows = session.all(
        f"SELECT {d.cols(['Key', 'Value', 'UserID'])} FROM {d.t('configuration')} "
        f"WHERE {d.q('Key')} IN ({d.params(len(keys))})",
        keys,
    )
    values: dict[str, tuple[int, str]] = {}
    for key, value, user_id in rows:
        rank = 0 if as_int(user_id) == -1 else 1
        current = values.get(key)
        if current is None or rank < current[0]:
            values[key] = (rank, clean_text(value))
    return {key: value for key, (_, value) in values.items()}


def read_info(session: Session, engine: str, version: str) -> DatabaseInfo:
    d = session.dialect
    settings = read_settings(session)
    live = f"{d.q('ID')} <> 1 AND ({d.q('Deleted')} IS NULL OR {d.q('Deleted')} = 0)"
    goods_count = as_int(session.scalar(f"SELECT COUNT(*) FROM {d.t('goods')} WHERE {live}"))
    objects_count = as_int(session.scalar(f"SELECT COUNT(*) FROM {d.t('objects')} WHERE {live}"))
    return DatabaseInfo(
        engine=engine,
        version=version,
        goods_count=goods_count,
        objects_count=objects_count,
        vat_included=is_true(settings.get(CONFIG_VAT_INCLUDED)),
        stock_mode=as_int(settings.get(CONFIG_STOCK_MODE)),
        numbers_per_location=is_true(settings.get(CONFIG_NUMBERS_PER_LOCATION)),
    )


def create_schema(params: ConnectionParams) -> None:
    """Create an empty ("Blank" 3.07) Warehouse database: a new SQLite file, or a MySQL database.

    Refuses to touch an existing non-empty file or a MySQL database that already has tables.  MS SQL
    and Access databases are created by Warehouse Pro itself (our DDL for them is an untested draft).
    """
    if params.engine == "sqlite":
        _create_sqlite(Path(params.database).expanduser())
    elif params.engine == "mysql":
        _create_mysql(params)
    else:
        raise ConfigurationError(
            f"Creating a {params.engine} database is not supported; create it with Warehouse Pro and connect to it."
        )


def _create_sqlite(path: Path) -> None:
    if path.exists() and path.stat().st_size > 0:
        raise ConfigurationError(f"{path} already exists; choose a new file name for the new database.")
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(str(path), isolation_level=None)
    try:
        connection.executescript("BEGIN;\n" + sqlite_ddl.TABLES + sqlite_ddl.SEED + "\nCOMMIT;")
    except sqlite3.Error as exc:
        connection.close()
        path.unlink(missing_ok=True)
        raise WarehouseError(f"Could not create {path}: {exc}") from exc
    connection.close()


def _create_mysql(params: ConnectionParams) -> None:
    server_params = ConnectionParams(
        "mysql", "", host=params.host, port=params.port, user=params.user, password=params.password
    )
    driver = PyMySQLDriver()
    connection = driver.connect(server_params)
    try:
        with connection.cursor() as cursor:
            name = params.database.replace("`", "")
            # utf8 (utf8mb3) as Open's script does (§4.2), so the 4-byte trap is reproducible.
            cursor.execute(f"CREATE DATABASE IF NOT EXISTS `{name}` CHARACTER SET utf8")
    finally:
        connection.close()
    session = open_session(params)
    try:
        if session.table_names():
            raise ConfigurationError(f"The database '{params.database}' already has tables; use a new database name.")
        for statement in session.dialect.split_script(mysql_ddl.TABLES + mysql_ddl.SEED):
            session.execute(statement)
    finally:
        session.close()
