"""Connecting: recognition of a Warehouse database, refusal of others, operator-readable errors."""

from __future__ import annotations

import builtins
import importlib
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.errors import ConfigurationError, CredentialError, WarehouseError
from app.logs import redact
from app.warehouse import ConnectionParams, connect
from app.warehouse.drivers import open_session
from tests.support.sync_env import mysql_params

from . import scenario as sc


def test_blank_database_is_recognised(blank: ConnectionParams) -> None:
    with connect(blank) as db:
        info = db.info()
    assert info.version == "3.07" and info.engine == blank.engine
    assert (info.goods_count, info.objects_count) == (0, 0)  # the service good/object do not count
    assert (info.vat_included, info.stock_mode, info.numbers_per_location) == (False, 0, False)


def test_info_reads_settings_and_counts(blank: ConnectionParams) -> None:
    sc.build(blank)
    sc.set_config(blank, "configkey20", "-1")
    sc.set_config(blank, "configkey23", "1")
    sc.set_config(blank, "configkey48", "-1")
    with connect(blank) as db:
        info = db.info()
    assert (info.vat_included, info.stock_mode, info.numbers_per_location) == (True, 1, True)
    assert (info.goods_count, info.objects_count) == (7, 4) and not info.lot_mode


class _Names:
    def __init__(self, quote: Callable[[str], str]) -> None:
        self.quote = quote

    def __getitem__(self, name: str) -> str:
        return self.quote(name)


def _alter(params: ConnectionParams, sql: str) -> None:
    """Run DDL written with {t[table]} / {q[name]} (reversible renames keep the suite fast)."""
    session = open_session(params)
    try:
        d = session.dialect
        session.execute(sql.format(t=_Names(d.t), q=_Names(d.q)))
    finally:
        session.close()


def test_missing_table_is_refused(blank: ConnectionParams) -> None:
    _alter(blank, "ALTER TABLE {t[lots]} RENAME TO {q[lots_away]}")
    try:
        with pytest.raises(WarehouseError) as info:
            connect(blank)
    finally:
        _alter(blank, "ALTER TABLE {q[lots_away]} RENAME TO {t[lots]}")
    assert info.value.title == "Not a Warehouse Pro database" and "lots" in info.value.message


def test_unknown_version_is_refused(blank: ConnectionParams) -> None:
    session = open_session(blank)
    session.execute(f"UPDATE {session.dialect.t('system')} SET {session.dialect.q('Version')} = '4.01'")
    session.close()
    with pytest.raises(WarehouseError) as info:
        connect(blank)
    assert info.value.title == "Unknown database layout" and "4.01" in info.value.message


def test_missing_column_is_refused(blank: ConnectionParams) -> None:
    _alter(blank, "ALTER TABLE {t[operations]} RENAME COLUMN {q[CurrencyRate]} TO {q[Rate]}")
    try:
        with pytest.raises(WarehouseError) as info:
            connect(blank)
    finally:
        _alter(blank, "ALTER TABLE {t[operations]} RENAME COLUMN {q[Rate]} TO {q[CurrencyRate]}")
    assert "operations" in info.value.message and "CurrencyRate" in info.value.message


def test_sqlite_file_missing_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.db3"
    with pytest.raises(ConfigurationError) as info:
        connect(ConnectionParams("sqlite", str(path)))
    assert str(path) in info.value.message and not path.exists()


def test_sqlite_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db3"
    path.write_text("just some text, not a database\n" * 100)
    with pytest.raises(WarehouseError) as info:
        connect(ConnectionParams("sqlite", str(path)))
    assert info.value.title == "Not a Warehouse Pro database"


def test_empty_sqlite_database_is_not_warehouse(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "other.db3"
    sqlite3.connect(path).execute("CREATE TABLE goods (ID INTEGER)").connection.close()
    with pytest.raises(WarehouseError) as info:
        connect(ConnectionParams("sqlite", str(path)))
    assert "22 of its 23 tables are missing" in info.value.message


def test_password_is_hidden_and_registered() -> None:
    params = ConnectionParams("mysql", "db", user="u", password="s3cret-pass")
    assert "s3cret-pass" not in repr(params) and "s3cret-pass" not in params.describe()
    with pytest.raises(Exception):  # noqa: B017 - whatever the connection error, the secret is known now
        connect(replace(params, host="127.0.0.1", port=1))
    assert "s3cret-pass" not in redact("connecting with s3cret-pass")


@pytest.mark.mariadb
def test_mysql_errors_are_operator_errors() -> None:
    base = mysql_params("test")
    try:
        connect(base).close()
    except WarehouseError:
        pass  # the 'test' database is no Warehouse database: fine, the server is there
    except Exception as exc:
        pytest.skip(f"MariaDB not reachable: {exc}")
    with pytest.raises(CredentialError):
        connect(replace(base, user="nobody_here", password="wrong"))
    with pytest.raises(ConfigurationError) as unknown:
        connect(replace(base, database="no_such_db_uc_wh"))
    assert "no_such_db_uc_wh" in unknown.value.message
    with pytest.raises(WarehouseError) as not_warehouse:
        connect(base)
    assert not_warehouse.value.title == "Not a Warehouse Pro database"


@pytest.mark.odbc
def test_missing_odbc_driver_is_named() -> None:
    pytest.importorskip("pyodbc")
    params = ConnectionParams("mssql", "whatever", user="sa", password="x", odbc_driver="No Such ODBC Driver 99")
    with pytest.raises(ConfigurationError) as info:
        connect(params)
    assert "No Such ODBC Driver 99" in info.value.message and info.value.title == "ODBC driver missing"


def test_missing_pyodbc_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = importlib.import_module

    def fake_import(name: str, package: str | None = None) -> object:
        if name == "pyodbc":
            raise ImportError("No module named 'pyodbc'")
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", fake_import)
    with pytest.raises(ConfigurationError) as info:
        connect(ConnectionParams("mssql", "db", odbc_driver="ODBC Driver 18 for SQL Server"))
    assert "pip install pyodbc" in info.value.message


def test_missing_unixodbc_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_import(name: str, package: str | None = None) -> object:
        raise ImportError("libodbc.so.2: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(importlib, "import_module", fake_import)
    with pytest.raises(ConfigurationError) as info:
        connect(ConnectionParams("access", "/tmp/x.mdb"))
    assert "unixODBC" in info.value.message and "apt install unixodbc" in info.value.message


def test_pyodbc_is_not_imported_without_odbc(blank: ConnectionParams, monkeypatch: pytest.MonkeyPatch) -> None:
    if blank.uses_odbc:
        pytest.skip("ODBC backend")
    real_import = builtins.__import__

    def guard(name: str, *args: object, **kwargs: object) -> object:
        assert name != "pyodbc", "pyodbc imported for a non-ODBC connection"
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", guard)
    monkeypatch.setattr(importlib, "import_module", lambda name, package=None: guard(name))
    with connect(blank) as db:
        assert db.goods() == []


def test_statement_errors_become_warehouse_errors(blank: ConnectionParams, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with connect(blank) as db, pytest.raises(WarehouseError) as info:
        db.session.all("SELECT nonsense FROM nowhere_table")
    assert "refused a request" in info.value.message
