"""Settings of a server of type *Warehouse Pro Import Export CloudCart* (``warehouse-pro-cloudcart``).

The server file format is promised to users in ``interfaces.md``; :func:`parse_settings` reads it and
reports every problem at once, :func:`settings_to_dict` writes it back (never a secret: keys and
passwords live in the OS keyring or in an environment variable the file names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from app.domain.errors import ConfigurationError
from app.domain.schedule import StartMode, parse_start_mode
from app.domain.shop_address import base_url_from_identifier
from app.domain.validation import Problems, Section

TYPE_KEY = "warehouse-pro-cloudcart"
TYPE_NAME = "Warehouse Pro Import Export CloudCart"
SCHEMA_VERSION = 1

CompareBy = Literal["sku", "barcode"]
Engine = Literal["sqlite", "mysql", "mssql", "access"]
QuantityMode = Literal["available", "on_hand"]

ENGINES: tuple[str, ...] = ("sqlite", "mysql", "mssql", "access")
PRICE_FIELDS: tuple[str, ...] = tuple(f"PriceOut{i}" for i in range(1, 11))
ORDER_STATUSES: tuple[str, ...] = (
    "pending",
    "authorized",
    "paid",
    "completed",
    "cancelled",
    "refunded",
    "voided",
    "failed",
    "timeouted",
    "chargebacked",
    "disputed",
)
DEFAULT_IMPORT_STATUSES: tuple[str, ...] = ("pending", "authorized", "paid", "completed")
# Fields of existing shop products that the operator may let the export overwrite (price and quantity
# are always kept in step), like CloudCart's own Microinvest app ("updates").
UPDATABLE_FIELDS: tuple[str, ...] = ("name", "category", "tracking", "continue_selling", "shipping")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_DEFAULT_PORTS = {"mysql": 3306, "mssql": 1433}


@dataclass(frozen=True)
class NewProductSwitches:
    """The six switches applied to products the export creates in the shop."""

    active: bool = True
    featured: bool = False
    new: bool = False
    has_weight: bool = False
    track_quantity: bool = True
    continue_selling: bool = False


@dataclass(frozen=True)
class ShopSettings:
    api_identifier: str = ""
    api_key_env: str | None = None
    compare_by: CompareBy = "sku"
    new_products: NewProductSwitches = field(default_factory=NewProductSwitches)

    @property
    def base_url(self) -> str:
        return base_url_from_identifier(self.api_identifier)


@dataclass(frozen=True)
class WarehouseSettings:
    engine: Engine = "sqlite"
    database: str = ""
    host: str = "127.0.0.1"
    port: int | None = None
    user: str = ""
    password_env: str | None = None
    odbc_driver: str | None = None

    @property
    def is_file(self) -> bool:
        return self.engine in ("sqlite", "access")


@dataclass(frozen=True)
class ImportSettings:
    start: StartMode = StartMode("on-server-start")
    object: str = ""
    pull_products: bool = False
    document_type: Literal["order"] = "order"
    goods_group: str = "CloudCart"
    price_field: str = "PriceOut2"
    statuses: tuple[str, ...] = DEFAULT_IMPORT_STATUSES
    overlap_minutes: int = 120
    mark_usn: bool = True
    void_cancelled: bool = True


@dataclass(frozen=True)
class ExportSettings:
    start: StartMode = StartMode("on-server-start")
    object: str = ""
    quantity_object_groups: tuple[str, ...] = ()
    goods_groups: tuple[str, ...] = ()
    export_quantities: bool = True
    export_goods: bool = True
    price_field: str = "PriceOut2"
    quantity: QuantityMode = "available"
    category: str | None = None
    update_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class ServerSettings:
    name: str
    shop: ShopSettings = field(default_factory=ShopSettings)
    warehouse: WarehouseSettings = field(default_factory=WarehouseSettings)
    import_: ImportSettings = field(default_factory=ImportSettings)
    export: ExportSettings = field(default_factory=ExportSettings)
    id: str = ""
    type: str = TYPE_KEY

    def renamed(self, name: str) -> ServerSettings:
        return replace(self, name=name)

    def enabled_tasks(self) -> list[str]:
        tasks = []
        if self.import_.start.enabled:
            tasks.append("import")
        if self.export.start.enabled:
            tasks.append("export")
        return tasks


def _env_name(section: Section, name: str) -> str | None:
    value = section.optional_text(name)
    if value is not None and not _ENV_NAME.match(value):
        section.problems.add(section.key(name), f"{value!r} is not an environment variable name (letters, digits, _)")
        return None
    return value


def _parse_shop(sec: Section) -> ShopSettings:
    identifier = sec.text("api_identifier", required=True)
    if identifier:
        try:
            base_url_from_identifier(identifier)
        except ConfigurationError as exc:
            sec.problems.add(sec.key("api_identifier"), exc.message)
    switches_sec = sec.section("new_products")
    defaults = NewProductSwitches()
    switches = NewProductSwitches(
        active=switches_sec.boolean("active", defaults.active),
        featured=switches_sec.boolean("featured", defaults.featured),
        new=switches_sec.boolean("new", defaults.new),
        has_weight=switches_sec.boolean("has_weight", defaults.has_weight),
        track_quantity=switches_sec.boolean("track_quantity", defaults.track_quantity),
        continue_selling=switches_sec.boolean("continue_selling", defaults.continue_selling),
    )
    switches_sec.finish()
    result = ShopSettings(
        api_identifier=identifier,
        api_key_env=_env_name(sec, "api_key_env"),
        compare_by=sec.choice("compare_by", ("sku", "barcode"), "sku"),  # type: ignore[arg-type]
        new_products=switches,
    )
    sec.finish()
    return result


def _parse_warehouse(sec: Section) -> WarehouseSettings:
    engine = sec.choice("engine", ENGINES, "sqlite", required=True)
    database = sec.text("database", required=True)
    host = sec.text("host", "127.0.0.1")
    port = sec.integer("port", None, low=1, high=65535)
    user = sec.text("user", "")
    password_env = _env_name(sec, "password_env")
    odbc_driver = sec.optional_text("odbc_driver")
    engine_valid = str(sec.data.get("engine", "")).strip().lower() == engine
    if not engine_valid:
        pass  # already reported; engine-specific checks would only add noise
    elif engine in ("mysql", "mssql"):
        if not host:
            sec.problems.add(sec.key("host"), f"is required for engine {engine!r}")
        port = port or _DEFAULT_PORTS[engine]
    elif sec.has("port") or (sec.has("host") and host != "127.0.0.1"):
        sec.problems.add(
            sec.key("host"), f"engine {engine!r} uses a file: set database to its path and remove host/port"
        )
    if odbc_driver and engine not in ("mssql", "access"):
        sec.problems.add(sec.key("odbc_driver"), f"is only used by the mssql and access engines, not {engine!r}")
    result = WarehouseSettings(
        engine=engine,  # type: ignore[arg-type]
        database=database,
        host=host,
        port=port,
        user=user,
        password_env=password_env,
        odbc_driver=odbc_driver,
    )
    sec.finish()
    return result


def _parse_import(sec: Section) -> ImportSettings:
    defaults = ImportSettings()
    start = sec.parsed("start", parse_start_mode, defaults.start)
    obj = sec.text("object", "")
    if start.enabled and not obj:
        sec.problems.add(
            sec.key("object"), "is required when the import runs: name or code of the Object for operations"
        )
    result = ImportSettings(
        start=start,
        object=obj,
        pull_products=sec.boolean("pull_products", defaults.pull_products),
        document_type=sec.choice("document_type", ("order",), "order"),  # type: ignore[arg-type]
        goods_group=sec.text("goods_group", defaults.goods_group, allow_empty=False),
        price_field=_price_field(sec, defaults.price_field),
        statuses=(
            sec.text_list("statuses", allow_empty_list=False, allowed=ORDER_STATUSES)
            if sec.has("statuses")
            else defaults.statuses
        ),
        overlap_minutes=sec.integer("overlap_minutes", defaults.overlap_minutes, low=0, high=10080) or 0,
        mark_usn=sec.boolean("mark_usn", defaults.mark_usn),
        void_cancelled=sec.boolean("void_cancelled", defaults.void_cancelled),
    )
    sec.finish()
    return result


def _price_field(sec: Section, default: str) -> str:
    present = sec.has("price_field")
    value = sec.choice("price_field", [p.lower() for p in PRICE_FIELDS], default.lower())
    if not present:
        return default
    return "PriceOut" + value[len("priceout") :]


def _parse_export(sec: Section) -> ExportSettings:
    defaults = ExportSettings()
    start = sec.parsed("start", parse_start_mode, defaults.start)
    obj = sec.text("object", "")
    groups = sec.text_list("quantity_object_groups")
    export_quantities = sec.boolean("export_quantities", defaults.export_quantities)
    if start.enabled and export_quantities and not obj and not groups:
        sec.problems.add(
            sec.key("object"),
            "is required when quantities are exported and quantity_object_groups is empty",
        )
    result = ExportSettings(
        start=start,
        object=obj,
        quantity_object_groups=groups,
        goods_groups=sec.text_list("goods_groups"),
        export_quantities=export_quantities,
        export_goods=sec.boolean("export_goods", defaults.export_goods),
        price_field=_price_field(sec, defaults.price_field),
        quantity=sec.choice("quantity", ("available", "on_hand"), defaults.quantity),  # type: ignore[arg-type]
        category=sec.optional_text("category"),
        update_fields=sec.text_list("update_fields", allowed=UPDATABLE_FIELDS),
    )
    sec.finish()
    return result


def parse_settings(data: Any, *, stored: bool = False) -> ServerSettings:
    """Read a server file (as parsed TOML). ``stored`` allows the store's own ``id``/``schema_version`` keys.

    Raises :class:`app.domain.validation.SettingsInvalid` listing every problem.
    """
    problems = Problems()
    top = Section(data, "", problems)
    name = top.text("name", required=True)
    if len(name) > 100:
        problems.add("name", "is longer than 100 characters")
    server_type = top.text("type", TYPE_KEY)
    if server_type and server_type != TYPE_KEY:
        problems.add("type", f"{server_type!r} is not a known server type; use {TYPE_KEY!r} ({TYPE_NAME})")
    server_id = ""
    if stored:
        server_id = top.text("id", "")
        top.integer("schema_version", SCHEMA_VERSION, low=1, high=SCHEMA_VERSION)
    shop = _parse_shop(top.section("shop"))
    warehouse = _parse_warehouse(top.section("warehouse"))
    import_ = _parse_import(top.section("import"))
    export = _parse_export(top.section("export"))
    if not top.has("shop"):
        problems.add("shop", "is required: the [shop] table with api_identifier")
    if not top.has("warehouse"):
        problems.add("warehouse", "is required: the [warehouse] table with engine and database")
    top.finish()
    problems.raise_if_any()
    return ServerSettings(name=name, shop=shop, warehouse=warehouse, import_=import_, export=export, id=server_id)


def _drop_none(table: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if v is not None}


def settings_to_dict(settings: ServerSettings, *, stored: bool = False) -> dict[str, Any]:
    """The server file as a TOML-ready mapping (no secrets; ``stored`` adds id and schema version)."""
    shop, wh, imp, exp = settings.shop, settings.warehouse, settings.import_, settings.export
    switches = shop.new_products
    data: dict[str, Any] = {}
    if stored:
        data.update(id=settings.id, schema_version=SCHEMA_VERSION)
    data.update(name=settings.name, type=settings.type)
    data["shop"] = _drop_none(
        {
            "api_identifier": shop.api_identifier,
            "api_key_env": shop.api_key_env,
            "compare_by": shop.compare_by,
            "new_products": {
                "active": switches.active,
                "featured": switches.featured,
                "new": switches.new,
                "has_weight": switches.has_weight,
                "track_quantity": switches.track_quantity,
                "continue_selling": switches.continue_selling,
            },
        }
    )
    warehouse: dict[str, Any] = {"engine": wh.engine, "database": wh.database}
    if not wh.is_file:
        warehouse.update(host=wh.host, port=wh.port, user=wh.user)
    warehouse.update(password_env=wh.password_env, odbc_driver=wh.odbc_driver)
    data["warehouse"] = _drop_none(warehouse)
    data["import"] = {
        "start": str(imp.start),
        "object": imp.object,
        "pull_products": imp.pull_products,
        "document_type": imp.document_type,
        "goods_group": imp.goods_group,
        "price_field": imp.price_field,
        "statuses": list(imp.statuses),
        "overlap_minutes": imp.overlap_minutes,
        "mark_usn": imp.mark_usn,
        "void_cancelled": imp.void_cancelled,
    }
    data["export"] = _drop_none(
        {
            "start": str(exp.start),
            "object": exp.object,
            "quantity_object_groups": list(exp.quantity_object_groups),
            "goods_groups": list(exp.goods_groups),
            "export_quantities": exp.export_quantities,
            "export_goods": exp.export_goods,
            "price_field": exp.price_field,
            "quantity": exp.quantity,
            "category": exp.category,
            "update_fields": list(exp.update_fields),
        }
    )
    return data
