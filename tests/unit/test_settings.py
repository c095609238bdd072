"""Server settings: the example file is accepted, every bad file gets a precise message."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.schedule import StartMode
from app.domain.settings import parse_settings, settings_to_dict
from app.domain.validation import SettingsInvalid
from tests.support.server_files import valid_server


def test_example_server_file_is_accepted() -> None:
    settings = parse_settings(valid_server())
    assert settings.name == "My shop"
    assert settings.shop.base_url == "https://mystore.cloudcart.net/api/v2"
    assert settings.shop.compare_by == "sku"
    assert settings.warehouse.port == 3306
    assert settings.export.start == StartMode("every", 3600)
    assert settings.export.quantity_object_groups == ("Warehouses",)
    assert settings.import_.statuses == ("pending", "authorized", "paid", "completed")
    assert settings.enabled_tasks() == ["import", "export"]


def test_round_trip_keeps_every_setting() -> None:
    settings = parse_settings(valid_server())
    assert parse_settings(settings_to_dict(settings)) == settings


def test_all_problems_are_reported_at_once() -> None:
    data = valid_server()
    data["shop"]["compare_by"] = "ean"
    data["warehouse"]["engine"] = "oracle"
    data["export"]["price_field"] = "PriceOut11"
    with pytest.raises(SettingsInvalid) as info:
        parse_settings(data)
    keys = {p.key for p in info.value.problems}
    assert keys == {"shop.compare_by", "warehouse.engine", "export.price_field"}


def _set(path: str, value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        *parents, leaf = path.split(".")
        node = data
        for part in parents:
            node = node.setdefault(part, {})
        if value is _DELETE:
            node.pop(leaf, None)
        else:
            node[leaf] = value

    return change


_DELETE = object()

BAD_FILES = [
    ("unknown top key", _set("colour", "red"), "colour", "unknown key"),
    ("unknown shop key", _set("shop.api_secret", "x"), "shop.api_secret", "unknown key"),
    ("wrong type", _set("type", "prestashop"), "type", "not a known server type"),
    ("missing name", _set("name", _DELETE), "name", "is required"),
    ("empty name", _set("name", "  "), "name", "must not be empty"),
    ("bad engine", _set("warehouse.engine", "oracle"), "warehouse.engine", '"sqlite", "mysql", "mssql", "access"'),
    ("http on public host", _set("shop.api_identifier", "http://shop.example.com"), "shop.api_identifier", "http://"),
    ("ftp identifier", _set("shop.api_identifier", "ftp://shop.example.com"), "shop.api_identifier", "ftp://"),
    ("empty identifier", _set("shop.api_identifier", ""), "shop.api_identifier", "must not be empty"),
    ("key in url", _set("shop.api_identifier", "https://me:KEY@shop.bg"), "shop.api_identifier", "user or password"),
    ("bad compare_by", _set("shop.compare_by", "ean"), "shop.compare_by", '"sku", "barcode"'),
    ("switch not bool", _set("shop.new_products.active", "yes"), "shop.new_products.active", "true or false"),
    ("unknown switch", _set("shop.new_products.on_sale", True), "shop.new_products.on_sale", "unknown key"),
    ("port out of range", _set("warehouse.port", 70000), "warehouse.port", "out of range"),
    ("port not number", _set("warehouse.port", "3306"), "warehouse.port", "whole number"),
    ("bad env name", _set("warehouse.password_env", "MY-PASS"), "warehouse.password_env", "environment variable"),
    ("bad start", _set("import.start", "daily"), "import.start", "not a start mode"),
    ("too frequent", _set("export.start", "every:10s"), "export.start", "every:1m"),
    ("empty group name", _set("export.goods_groups", ["Web shop", ""]), "export.goods_groups", "empty name"),
    ("groups not list", _set("export.goods_groups", "Web shop"), "export.goods_groups", "list of names"),
    ("bad price field", _set("export.price_field", "PriceIn"), "export.price_field", "priceout1"),
    ("bad quantity mode", _set("export.quantity", "all"), "export.quantity", '"available", "on_hand"'),
    ("missing object", _set("import.object", _DELETE), "import.object", "Object for operations"),
    ("document type", _set("import.document_type", "sale"), "import.document_type", '"order"'),
    ("bad status", _set("import.statuses", ["paid", "shipped"]), "import.statuses", "'shipped'"),
    ("empty statuses", _set("import.statuses", []), "import.statuses", "at least one"),
    ("bad update field", _set("export.update_fields", ["price"]), "export.update_fields", "'price'"),
    ("driver on mysql", _set("warehouse.odbc_driver", "X"), "warehouse.odbc_driver", "only used by"),
    ("shop not table", _set("shop", "mystore"), "shop", "must be a table"),
    ("duplicate groups", _set("export.goods_groups", ["A", "a"]), "export.goods_groups", "twice"),
]


@pytest.mark.parametrize(("case", "change", "key", "fragment"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_server_file_gets_precise_message(case: str, change: Any, key: str, fragment: str) -> None:
    data = valid_server()
    change(data)
    with pytest.raises(SettingsInvalid) as info:
        parse_settings(data)
    matching = [p for p in info.value.problems if p.key == key]
    assert matching, f"{case}: no problem reported for {key}: {info.value.problems}"
    assert fragment.lower() in matching[0].message.lower(), matching[0].message


def test_sqlite_file_engine_needs_no_host() -> None:
    data = valid_server()
    data["warehouse"] = {"engine": "sqlite", "database": "/data/wh.db3"}
    settings = parse_settings(data)
    assert settings.warehouse.port is None
    assert "host" not in settings_to_dict(settings)["warehouse"]


def test_loopback_http_is_allowed_for_the_sandbox() -> None:
    data = valid_server()
    data["shop"]["api_identifier"] = "http://127.0.0.1:8765"
    assert parse_settings(data).shop.base_url == "http://127.0.0.1:8765/api/v2"
