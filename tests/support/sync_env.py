"""Building servers for end-to-end runs: a sandbox shop on loopback and a Warehouse Pro database."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from typing import Any
from urllib.parse import unquote, urlparse

import httpx
import pymysql

from app.domain.settings import ServerSettings, parse_settings
from app.warehouse import ConnectionParams

MYSQL_URL = os.environ.get("UC_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/test")
KEY_ENV = "UC_TEST_SHOP_KEY"


def server_data(shop_url: str, warehouse: dict[str, Any], name: str | None = None, **sections: Any) -> dict[str, Any]:
    """A server file (as a dict) for a sandbox shop and a demo warehouse; ``sections`` update the tables."""
    data: dict[str, Any] = {
        "name": name or f"Test {uuid.uuid4().hex[:6]}",
        "shop": {"api_identifier": shop_url, "api_key_env": KEY_ENV, "compare_by": "sku"},
        "warehouse": warehouse,
        "import": {"start": "off", "object": "Online shop"},
        "export": {
            "start": "on-server-start",
            "object": "Online shop",
            "quantity_object_groups": ["Warehouses"],
            "goods_groups": ["Web shop"],
        },
    }
    for section, values in sections.items():
        data[section].update(values)
    return data


def make_server(shop_url: str, warehouse: dict[str, Any], **sections: dict[str, Any]) -> ServerSettings:
    """A stored-looking server (with an id) for ``run_server``; sections override [shop]/[import]/[export]."""
    return replace(parse_settings(server_data(shop_url, warehouse, **sections)), id=str(uuid.uuid4()))


def admin_state(shop_url: str) -> dict[str, Any]:
    response = httpx.get(shop_url + "/admin/state", timeout=10)
    response.raise_for_status()
    data: dict[str, Any] = response.json()
    return data


def mysql_params(database: str = "") -> ConnectionParams:
    url = urlparse(MYSQL_URL)
    return ConnectionParams(
        "mysql",
        database,
        host=url.hostname or "127.0.0.1",
        port=url.port or 3306,
        user=unquote(url.username or "root"),
        password=unquote(url.password) if url.password else None,
    )


def mysql_available() -> str | None:
    p = mysql_params()
    try:
        pymysql.connect(
            host=p.host, port=p.port or 3306, user=p.user, password=p.password or "", connect_timeout=3
        ).close()
    except Exception as exc:
        return f"MariaDB not reachable at {MYSQL_URL}: {exc}"
    return None


@contextlib.contextmanager
def scratch_mysql_database() -> Iterator[ConnectionParams]:
    """A uniquely named, empty MariaDB database, dropped afterwards."""
    base = mysql_params()
    name = f"uc_test_{uuid.uuid4().hex[:10]}"
    conn = pymysql.connect(host=base.host, port=base.port or 3306, user=base.user, password=base.password or "")
    try:
        with conn.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
        yield replace(base, database=name)
    finally:
        with conn.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        conn.close()


def warehouse_section(params: ConnectionParams) -> dict[str, Any]:
    if params.engine == "sqlite":
        return {"engine": "sqlite", "database": params.database}
    section: dict[str, Any] = {
        "engine": params.engine,
        "database": params.database,
        "host": params.host,
        "port": params.port,
        "user": params.user,
    }
    return section
