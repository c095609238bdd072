"""Quick checks behind the dialog's *Test connection* buttons and its pickers."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.bootstrap import connection_params, shop_client
from app.domain.errors import AppError
from app.domain.settings import WarehouseSettings
from app.logs import redact
from app.sync.warehouse_gateway import WarehouseGateway


@dataclass(frozen=True)
class ProbeResult:
    ok: bool
    title: str
    message: str


@dataclass(frozen=True)
class WarehouseChoices:
    objects: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    object_groups: list[tuple[str, str]] = field(default_factory=list)
    goods_groups: list[tuple[str, str]] = field(default_factory=list)


async def test_shop(api_identifier: str, api_key: str) -> ProbeResult:
    try:
        async with shop_client(api_identifier, api_key) as client:
            check = await client.test_connection()
    except AppError as exc:
        return ProbeResult(False, exc.title, redact(exc.message))
    # The client's message already names the rate limit and warns about a non-primary domain.
    return ProbeResult(check.ok, "Connected to the shop" if check.ok else "Shop connection failed", check.message)


async def test_warehouse(settings: WarehouseSettings, password: str | None) -> ProbeResult:
    try:
        async with WarehouseGateway(connection_params(settings, password)) as gateway:
            info = await gateway.call(lambda db: db.info())
    except AppError as exc:
        return ProbeResult(False, exc.title, redact(exc.message))
    vat = "include" if info.vat_included else "do not include"
    return ProbeResult(
        True,
        "Connected to Warehouse Pro",
        f"Warehouse Pro database version {info.version} ({info.engine}): {info.goods_count} goods, "
        f"{info.objects_count} objects; sale prices {vat} VAT.",
    )


async def warehouse_choices(settings: WarehouseSettings, password: str | None) -> WarehouseChoices:
    """Objects and groups for the dialog's pickers (raises AppError with an operator message)."""
    async with WarehouseGateway(connection_params(settings, password)) as gateway:
        objects = await gateway.call(lambda db: db.objects())
        object_groups = await gateway.call(lambda db: db.object_groups())
        goods_groups = await gateway.call(lambda db: db.goods_groups())
    return WarehouseChoices(
        objects=[(o.code, o.name) for o in objects],
        object_groups=[(g.code, g.name) for g in object_groups],
        goods_groups=[(g.code, g.name) for g in goods_groups],
    )
