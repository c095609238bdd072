"""Backends for the warehouse suite: a SQLite file, MariaDB (pymysql) and MariaDB over ODBC.

Each test module gets its own uniquely named scratch MariaDB database (created from our DDL, used by
both MariaDB backends, dropped at the end of the module); every test starts from a blank Warehouse
database (SQLite: a copy of a template file; MariaDB: tables emptied and the seed rows inserted again).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from app.warehouse import ConnectionParams, create_schema
from app.warehouse.ddl import mysql as mysql_ddl
from app.warehouse.drivers import open_session
from tests.support.sync_env import mysql_available, mysql_params

ODBC_DRIVER = os.environ.get("UC_TEST_ODBC_DRIVER", "MariaDB Unicode")
OWN_TABLES = ("uc_order_ledger", "uc_locks")


def _mysql_absent_reason() -> str | None:
    return mysql_available()


def _odbc_absent_reason() -> str | None:
    try:
        import pyodbc
    except ImportError as exc:
        return f"pyodbc/unixODBC not importable: {exc}"
    if ODBC_DRIVER not in pyodbc.drivers():
        return f"ODBC driver {ODBC_DRIVER!r} not installed (have {pyodbc.drivers()})"
    return _mysql_absent_reason()


@dataclass
class Backend:
    name: str
    base: ConnectionParams
    template: Path | None = None
    tmp: Path | None = None

    @property
    def is_mysql(self) -> bool:
        return self.base.engine == "mysql"

    def fresh(self) -> ConnectionParams:
        """A blank Warehouse database (seed rows only)."""
        if self.template is not None:
            assert self.tmp is not None
            target = self.tmp / f"wh-{uuid.uuid4().hex[:8]}.db3"
            shutil.copyfile(self.template, target)
            return replace(self.base, database=str(target))
        session = open_session(self.base)
        try:
            for table in OWN_TABLES:
                session.execute(f"DROP TABLE IF EXISTS `{table}`")
            for table in session.table_names():
                session.execute(f"DELETE FROM `{table}`")
            for statement in session.dialect.split_script(mysql_ddl.SEED):
                session.execute(statement)
        finally:
            session.close()
        return self.base


BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("mariadb", id="mariadb", marks=pytest.mark.mariadb),
    pytest.param("odbc", id="odbc", marks=[pytest.mark.mariadb, pytest.mark.odbc]),
]


class _Scratch:
    """The module's scratch MariaDB database, created on first use and shared by both MariaDB backends
    (pymysql and ODBC): creating the 31 InnoDB tables is the slow part of the suite."""

    def __init__(self, module: str) -> None:
        self.database = f"uc_wh_{module[:24]}_{uuid.uuid4().hex[:6]}"
        self.created = False

    def params(self) -> ConnectionParams:
        params = mysql_params(self.database)
        if not self.created:
            create_schema(params)
            self.created = True
        return params

    def drop(self) -> None:
        if not self.created:
            return
        import pymysql

        s = mysql_params()
        connection = pymysql.connect(host=s.host, port=s.port or 3306, user=s.user, password=s.password or "")
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{self.database}`")
        connection.close()


@pytest.fixture(scope="module")
def mysql_scratch(request: pytest.FixtureRequest) -> Iterator[_Scratch]:
    scratch = _Scratch(request.module.__name__.rsplit(".", 1)[-1])
    yield scratch
    scratch.drop()


@pytest.fixture(scope="module", params=BACKENDS)
def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, mysql_scratch: _Scratch
) -> Iterator[Backend]:
    name = request.param
    if name == "sqlite":
        tmp = tmp_path_factory.mktemp("wh")
        template = tmp / "template.db3"
        create_schema(ConnectionParams("sqlite", str(template)))
        yield Backend(name, ConnectionParams("sqlite", str(template)), template=template, tmp=tmp)
        return
    reason = _mysql_absent_reason() if name == "mariadb" else _odbc_absent_reason()
    if reason:
        pytest.skip(reason)
    params = mysql_scratch.params()
    if name == "odbc":
        params = replace(params, odbc_driver=ODBC_DRIVER)
    yield Backend(name, params)


@pytest.fixture
def blank(backend: Backend) -> ConnectionParams:
    return backend.fresh()
