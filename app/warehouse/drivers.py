"""Opening connections per engine and driver (sqlite3, pymysql, pyodbc).

Connection failures are translated here into operator errors (title + what to do).  pyodbc is
imported only when an ODBC connection is requested (MS SQL, Access, or MySQL with ``odbc_driver``),
so a machine without unixODBC can still use SQLite and MySQL.
"""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path
from typing import Any

from app.domain.errors import ConfigurationError, ConnectionFailed, CredentialError
from app.logs import register_secret

from .dialects import Dialect, dialect_for
from .params import ConnectionParams
from .session import ErrorKind, Session, first_line

DEFAULT_MSSQL_DRIVER = "ODBC Driver 18 for SQL Server"
DEFAULT_ACCESS_DRIVER = "Microsoft Access Driver (*.mdb, *.accdb)"
CONNECT_TIMEOUT_S = 10


class Driver:
    """How one DB-API driver connects, runs transactions and reports errors."""

    name = "base"
    errors: tuple[type[BaseException], ...] = ()
    fast_executemany = False

    def connect(self, params: ConnectionParams) -> Any:
        raise NotImplementedError

    def begin(self, connection: Any) -> None:
        raise NotImplementedError

    def commit(self, connection: Any) -> None:
        connection.commit()

    def rollback(self, connection: Any) -> None:
        connection.rollback()

    def classify(self, exc: BaseException) -> ErrorKind:
        return None

    def catalog_tables(self, connection: Any) -> list[str]:
        raise NotImplementedError

    def streaming_cursor(self, connection: Any) -> Any:
        """A cursor for big reads (fetchmany without buffering everything first, where possible)."""
        return connection.cursor()


class SQLiteDriver(Driver):
    name = "sqlite3"
    errors = (sqlite3.Error,)

    def connect(self, params: ConnectionParams) -> Any:
        path = Path(params.database).expanduser()
        if not path.is_file():
            raise ConfigurationError(
                f"The Warehouse database file {path} does not exist. Check the path in the server settings "
                "(the program never creates an empty database in its place)."
            )
        try:
            # isolation_level=None: autocommit; transactions are opened explicitly (BEGIN IMMEDIATE).
            return sqlite3.connect(str(path), timeout=CONNECT_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise ConnectionFailed(f"Cannot open {path}: {first_line(exc)}") from exc

    def begin(self, connection: Any) -> None:
        # IMMEDIATE takes the write lock now, so MAX(Acct) is read and reserved atomically.
        connection.execute("BEGIN IMMEDIATE")

    def commit(self, connection: Any) -> None:
        connection.execute("COMMIT")

    def rollback(self, connection: Any) -> None:
        if connection.in_transaction:
            connection.execute("ROLLBACK")

    def classify(self, exc: BaseException) -> ErrorKind:
        if isinstance(exc, sqlite3.IntegrityError):
            return "duplicate"
        text = str(exc).lower()
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
            return "retry"
        return None


class PyMySQLDriver(Driver):
    name = "pymysql"

    def __init__(self) -> None:
        import pymysql

        self._pymysql = pymysql
        self.errors = (pymysql.err.Error,)

    def connect(self, params: ConnectionParams) -> Any:
        pymysql = self._pymysql
        try:
            return pymysql.connect(
                host=params.host,
                port=params.port or 3306,
                user=params.user or "root",
                password=params.password or "",
                database=params.database,
                charset="utf8mb4",  # 4-byte characters reach the server intact (§5 Text)
                autocommit=True,
                connect_timeout=CONNECT_TIMEOUT_S,
            )
        except pymysql.err.OperationalError as exc:
            code = exc.args[0] if exc.args else 0
            raise _mysql_connect_error(params, code, first_line(exc)) from exc
        except pymysql.err.Error as exc:
            raise ConnectionFailed(f"Cannot connect to {params.describe()}: {first_line(exc)}") from exc

    def begin(self, connection: Any) -> None:
        connection.begin()

    def streaming_cursor(self, connection: Any) -> Any:
        # pymysql's default cursor buffers the whole result; SSCursor streams it from the socket.
        return connection.cursor(self._pymysql.cursors.SSCursor)

    def classify(self, exc: BaseException) -> ErrorKind:
        code = exc.args[0] if exc.args else 0
        if isinstance(exc, self._pymysql.err.IntegrityError) and code == 1062:
            return "duplicate"
        if code in (1205, 1213):  # lock wait timeout, deadlock
            return "retry"
        if code in (2006, 2013, 2055):
            return "lost"
        return None


def _mysql_connect_error(params: ConnectionParams, code: int, text: str) -> Exception:
    if code in (1044, 1045, 1698):
        return CredentialError(
            f"MySQL refused user '{params.user}' on {params.host}: {text}. Check the user and the database "
            "password (utility-center servers set-secret NAME db-password)."
        )
    if code == 1049:
        return ConfigurationError(
            f"The database '{params.database}' does not exist on {params.host}. Check the database name."
        )
    return ConnectionFailed(
        f"Cannot connect to {params.describe()}: {text}. Check that the server runs and the host/port are right."
    )


class OdbcDriver(Driver):
    name = "pyodbc"
    fast_executemany = False

    def __init__(self) -> None:
        self._pyodbc = import_pyodbc()
        self.errors = (self._pyodbc.Error,)

    def connect(self, params: ConnectionParams) -> Any:
        pyodbc = self._pyodbc
        driver = params.odbc_driver or (DEFAULT_ACCESS_DRIVER if params.engine == "access" else DEFAULT_MSSQL_DRIVER)
        if params.engine == "access" and not Path(params.database).expanduser().is_file():
            raise ConfigurationError(f"The Access database file {params.database} does not exist. Check the path.")
        try:
            connection = pyodbc.connect(
                odbc_connection_string(params, driver), autocommit=True, timeout=CONNECT_TIMEOUT_S
            )
        except pyodbc.Error as exc:
            state = str(exc.args[0]) if exc.args else ""
            text = first_line(exc)
            if state == "IM002" or "can't open lib" in text.lower() or "not found" in text.lower():
                installed = ", ".join(pyodbc.drivers()) or "none"
                raise ConfigurationError(
                    f"The ODBC driver '{driver}' is not installed (installed ODBC drivers: {installed}). Install it "
                    "(MS SQL: Microsoft 'ODBC Driver 18 for SQL Server'; Access: 'Microsoft Access Database Engine'; "
                    "MariaDB/MySQL: 'MariaDB Connector/ODBC', Debian package odbc-mariadb) or name an installed one.",
                    title="ODBC driver missing",
                ) from exc
            if state in ("28000",) or "access denied" in text.lower() or "login failed" in text.lower():
                raise CredentialError(
                    f"{params.describe()} refused the login of user '{params.user}': {text}. Check user and password."
                ) from exc
            raise ConnectionFailed(f"Cannot connect to {params.describe()}: {text}") from exc
        if params.engine == "mysql":
            # MariaDB Connector/ODBC mangles long UTF-16 (SQL_WCHAR) parameters: a 255-character
            # Cyrillic text came back garbled after 127 characters.  UTF-8 both ways is exact.
            connection.setdecoding(pyodbc.SQL_CHAR, encoding="utf-8")
            connection.setdecoding(pyodbc.SQL_WCHAR, encoding="utf-8")
            connection.setencoding(encoding="utf-8")
        return connection

    def begin(self, connection: Any) -> None:
        connection.autocommit = False

    def commit(self, connection: Any) -> None:
        connection.commit()
        connection.autocommit = True

    def rollback(self, connection: Any) -> None:
        connection.rollback()
        connection.autocommit = True

    def classify(self, exc: BaseException) -> ErrorKind:
        pyodbc = self._pyodbc
        state = str(exc.args[0]) if exc.args else ""
        text = first_line(exc).lower()
        if isinstance(exc, pyodbc.IntegrityError) or state == "23000" or "duplicate" in text:
            return "duplicate"
        if state in ("40001", "HYT00", "HYT01") or "deadlock" in text or "lock wait timeout" in text:
            return "retry"
        if state in ("08S01", "08003"):
            return "lost"
        return None

    def catalog_tables(self, connection: Any) -> list[str]:
        cursor = connection.cursor()
        try:
            return [row.table_name for row in cursor.tables(tableType="TABLE")]
        finally:
            cursor.close()


def import_pyodbc() -> Any:
    """Import pyodbc on demand with an install hint when it (or unixODBC) is missing."""
    try:
        return importlib.import_module("pyodbc")
    except ImportError as exc:
        text = str(exc)
        if "libodbc" in text or "cannot open shared object" in text:
            raise ConfigurationError(
                "The ODBC driver manager unixODBC is not installed, so MS SQL, Access and ODBC connections cannot "
                "be made. Install it (Debian/Ubuntu: apt install unixodbc; macOS: brew install unixodbc).",
                title="unixODBC missing",
            ) from exc
        raise ConfigurationError(
            "The Python package pyodbc is not installed, so MS SQL, Access and ODBC connections cannot be made. "
            "Install it (pip install pyodbc) or reinstall the program.",
            title="pyodbc missing",
        ) from exc


def _odbc_value(value: str) -> str:
    """Brace a connection-string value when it holds ``;``, braces or edge spaces."""
    if any(ch in value for ch in ";{}") or value != value.strip():
        return "{" + value.replace("}", "}}") + "}"
    return value


def odbc_connection_string(params: ConnectionParams, driver: str) -> str:
    parts = [f"DRIVER={{{driver}}}"]
    if params.engine == "access":
        parts.append(f"DBQ={_odbc_value(params.database)}")
    elif params.engine == "mssql":
        server = f"{params.host},{params.port}" if params.port else params.host
        parts += [f"SERVER={_odbc_value(server)}", f"DATABASE={_odbc_value(params.database)}"]
        if params.user:
            parts += [f"UID={_odbc_value(params.user)}", f"PWD={_odbc_value(params.password or '')}"]
        else:
            parts.append("Trusted_Connection=yes")
        parts.append("TrustServerCertificate=yes")
    else:  # mysql over ODBC
        parts += [
            f"SERVER={_odbc_value(params.host)}",
            f"PORT={params.port or 3306}",
            f"DATABASE={_odbc_value(params.database)}",
            f"UID={_odbc_value(params.user or 'root')}",
            f"PWD={_odbc_value(params.password or '')}",
            "CHARSET=utf8mb4",
        ]
    return ";".join(parts)


def driver_for(params: ConnectionParams) -> Driver:
    if params.engine == "sqlite":
        return SQLiteDriver()
    if params.uses_odbc:
        return OdbcDriver()
    if params.engine == "mysql":
        return PyMySQLDriver()
    raise ConfigurationError(f"Unknown database engine {params.engine!r}: expected sqlite, mysql, mssql or access.")


def open_session(params: ConnectionParams) -> Session:
    """Connect and return a :class:`Session`; raises operator errors, never driver exceptions."""
    register_secret(params.password)
    driver = driver_for(params)
    dialect: Dialect = dialect_for(params.engine, odbc=params.uses_odbc)
    connection = driver.connect(params)
    session = Session(connection, dialect, driver, params.describe())
    try:
        for statement in dialect.session_setup:
            session.execute(statement)
    except Exception:
        session.close()
        raise
    return session
