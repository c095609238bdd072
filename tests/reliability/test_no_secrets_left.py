"""No secret is left behind: after a representative set of command-line runs with a distinctive API key and
database password, no file of the state folder (server files, logs, state SQLite files, last-run JSON), no line
the program printed and no JSON report contains either of them — not even with ``--debug`` tracebacks of failed
runs.

The secrets are chosen *not* to look like a CloudCart key (mixed case, hyphens), so only the redaction of the
secrets the program learnt protects them, not the key-shaped pattern. The database password belongs to a MariaDB
user created for this test (``CREATE USER ... IDENTIFIED BY``, dropped afterwards). One server gets its key with
``servers set-secret`` (the test keyring) and its password through ``password_env``; a second gets both with
``set-secret``. Wrong secrets (a wrong key in the keyring, a wrong password in the environment) are secrets too.

This module is moved to the end of the test session by ``tests/reliability/conftest.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pymysql
import pytest
import tomli_w

from app.sandbox import SandboxConfig
from app.sandbox.server import SandboxServer
from app.warehouse import ConnectionParams
from app.warehouse.demo import build_demo_mysql
from tests.support.sync_env import mysql_available, mysql_params, scratch_mysql_database
from tests.sync.conftest import ShopAdmin, warehouse_goods

ROOT = Path(__file__).resolve().parents[2]
TAG = uuid.uuid4().hex[:8]
API_KEY = f"uc-Shop-Key-{TAG}-do-NOT-log-me"
DB_PASSWORD = f"Pw-{TAG}-s3cret!#Warehouse"
WRONG_KEY = f"uc-Wrong-Key-{TAG}-also-secret"
WRONG_PASSWORD = f"Wrong-Pw-{TAG}-also%secret"
SECRETS = (API_KEY, DB_PASSWORD, WRONG_KEY, WRONG_PASSWORD)
PASSWORD_ENV = "UC_TEST_SECRET_DB_PASSWORD"

pytestmark = [pytest.mark.mariadb, pytest.mark.slow]


@pytest.fixture
def mariadb_user() -> Iterator[ConnectionParams]:
    """A scratch demo database and a MariaDB user with a password that may use only it."""
    reason = mysql_available()
    if reason:
        pytest.skip(reason)
    admin = mysql_params()
    user = f"uc_sec_{TAG}"
    with scratch_mysql_database() as params:
        build_demo_mysql(params, goods=60, seed=7)
        conn = pymysql.connect(host=admin.host, port=admin.port or 3306, user=admin.user,
                               password=admin.password or "", autocommit=True)  # fmt: skip
        try:
            with conn.cursor() as cursor:
                for host in ("%", "127.0.0.1", "localhost"):
                    cursor.execute("CREATE USER %s@%s IDENTIFIED BY %s", (user, host, DB_PASSWORD))
                    cursor.execute(f"GRANT ALL PRIVILEGES ON `{params.database}`.* TO %s@%s", (user, host))
            yield replace(params, user=user, password=DB_PASSWORD)
        finally:
            with conn.cursor() as cursor:
                for host in ("%", "127.0.0.1", "localhost"):
                    cursor.execute("DROP USER IF EXISTS %s@%s", (user, host))
            conn.close()


class Cli:
    """Runs ``python -m app ...`` like a script would and keeps everything it printed."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.outputs: list[str] = []

    def __call__(self, *args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> tuple[int, str, str]:
        done = subprocess.run(
            [sys.executable, "-m", "app", *args], cwd=ROOT, env={**self.env, **(env or {})}, input=stdin,
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        self.outputs += [done.stdout, done.stderr]
        return done.returncode, done.stdout, done.stderr


def server_file(path: Path, name: str, shop_url: str, db: ConnectionParams, password_env: str | None) -> Path:
    warehouse = {"engine": "mysql", "database": db.database, "host": db.host, "port": db.port, "user": db.user}
    if password_env:
        warehouse["password_env"] = password_env
    data = {
        "name": name,
        "shop": {"api_identifier": shop_url, "compare_by": "sku"},
        "warehouse": warehouse,
        "import": {"start": "on-server-start", "object": "Online shop"},
        "export": {"start": "on-server-start", "object": "Online shop", "quantity_object_groups": ["Warehouses"],
                   "goods_groups": ["Web shop"]},
    }  # fmt: skip
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def leaks(text: str | bytes) -> list[str]:
    """The secrets (and their URL-quoted forms) found in ``text``."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", "replace")
    found = []
    for secret in SECRETS:
        for form in {secret, quote(secret, safe="")}:
            if form.encode() in data:
                found.append(secret)
    return found


def test_no_secret_in_the_state_folder_logs_reports_or_tracebacks(
    mariadb_user: ConnectionParams, tmp_path: Path, uc_home: Path, keyring_file: Path
) -> None:
    cli = Cli({**os.environ, PASSWORD_ENV: DB_PASSWORD})
    with SandboxServer(SandboxConfig(rate_limit=100_000, api_key=API_KEY)) as sandbox:
        shop = ShopAdmin(sandbox)
        goods = [g for g in warehouse_goods(mariadb_user) if g.barcode2.startswith(("AC", "OF"))][:6]  # simple ones
        shop.seed_goods(goods)
        for n in range(3):
            shop.order([goods[n].barcode2, goods[n + 1].barcode2], email=f"buyer{n}@example.com")

        # Server 1: key with set-secret, password from the environment.
        assert cli("servers", "add", "--file", str(server_file(tmp_path / "one.toml", "Secret one", sandbox.url,
                                                              mariadb_user, PASSWORD_ENV)))[0] == 0  # fmt: skip
        assert cli("servers", "set-secret", "Secret one", "api-key", stdin=API_KEY + "\n")[0] == 0
        code, out, err = cli("run", "Secret one", "--task", "all", "--json")
        assert code == 0, out + err
        assert '"orders_imported": 3' in out and '"task": "export"' in out, out
        assert cli("run", "Secret one", "--dry-run", "--json")[0] == 0
        assert cli("--debug", "run", "Secret one", "--task", "export")[0] == 0
        assert cli("explain", "Secret one", goods[0].barcode2)[0] == 0
        assert cli("servers", "export", "Secret one")[0] == 0
        assert cli("servers", "list", "--json")[0] == 0

        # Server 2: both secrets with set-secret.
        assert cli("servers", "add", "--file", str(server_file(tmp_path / "two.toml", "Secret two", sandbox.url,
                                                              mariadb_user, None)))[0] == 0  # fmt: skip
        assert cli("servers", "set-secret", "Secret two", "api-key", stdin=API_KEY + "\n")[0] == 0
        assert cli("servers", "set-secret", "Secret two", "db-password", stdin=DB_PASSWORD + "\n")[0] == 0
        code, out, err = cli("--debug", "run", "Secret two", "--json")
        assert code == 0, out + err

        # Failures with --debug: a wrong password (login refused), a wrong key (401), each with its traceback.
        code, out, err = cli("--debug", "run", "Secret one", "--json", env={PASSWORD_ENV: WRONG_PASSWORD})
        assert code == 2 and "Credential error" in out and "refused user" in out, out + err
        assert cli("servers", "set-secret", "Secret two", "api-key", stdin=WRONG_KEY + "\n")[0] == 0
        code, out, err = cli("--debug", "run", "Secret two", "--task", "export", "--json")
        assert code == 2, out + err
        code, out, err = cli("--debug", "explain", "Secret two", goods[0].barcode2)
        assert code == 2 and "Traceback" in err, out + err
        shop.close()

    # The secrets did go where they belong (the test keyring), so the runs really had them...
    stored = keyring_file.read_text(encoding="utf-8")
    assert API_KEY in stored and WRONG_KEY in stored and DB_PASSWORD in stored
    # ... and nowhere else.
    files = [p for p in uc_home.rglob("*") if p.is_file()]
    kinds = {p.suffix for p in files}
    assert {".toml", ".log", ".sqlite3", ".json"} <= kinds, sorted(str(p.relative_to(uc_home)) for p in files)
    found = {str(p.relative_to(uc_home)): leaks(p.read_bytes()) for p in files}
    assert {name: secrets for name, secrets in found.items() if secrets} == {}
    log_lines = [line for p in files if ".log" in p.name for line in p.read_text("utf-8", "replace").splitlines()]
    assert len(log_lines) > 20
    assert [line for line in log_lines if leaks(line)] == []
    printed = "\n".join(cli.outputs)
    assert "Traceback" in printed and '"tasks"' in printed  # tracebacks and JSON reports were produced
    assert leaks(printed) == []
