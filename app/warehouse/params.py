"""Connection settings of a Warehouse Pro database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Engine = Literal["sqlite", "mysql", "mssql", "access"]
ENGINES: tuple[Engine, ...] = ("sqlite", "mysql", "mssql", "access")


@dataclass(frozen=True)
class ConnectionParams:
    """Where the Warehouse Pro database is and how to log in.

    ``database`` is a file path for ``sqlite`` and ``access`` and a database name for ``mysql`` and
    ``mssql``.  ``odbc_driver`` selects pyodbc: it is required by nothing (MS SQL and Access have
    defaults) but, given with ``engine="mysql"``, it makes the MySQL dialect run over pyodbc and that
    ODBC driver (e.g. ``"MariaDB Unicode"``) instead of pymysql.  The password never appears in
    ``repr()``.
    """

    engine: Engine
    database: str
    host: str = "127.0.0.1"
    port: int | None = None
    user: str = ""
    password: str | None = field(default=None, repr=False)
    odbc_driver: str | None = None

    @property
    def uses_odbc(self) -> bool:
        """True when the connection goes through pyodbc."""
        return self.engine in ("mssql", "access") or (self.engine == "mysql" and bool(self.odbc_driver))

    def describe(self) -> str:
        """A short operator-facing description (never the password)."""
        if self.engine in ("sqlite", "access"):
            return f"{self.engine} file {self.database}"
        port = f":{self.port}" if self.port else ""
        via = f" via ODBC driver '{self.odbc_driver}'" if self.uses_odbc and self.odbc_driver else ""
        return f"{self.engine} database '{self.database}' on {self.host}{port}{via}"
