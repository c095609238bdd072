""" "Explain this quantity": for one SKU or barcode, where the number the shop shows comes from.

Objects of the quantity source with their stock, the open customer orders (OperType 19) at them, the
arithmetic, the clamp at zero, the value the export sends, the last value pushed and the shop's value
now. Read-only: one warehouse read, one shop call.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.bootstrap import connection_params, server_state, shop_client
from app.domain.errors import ConfigurationError
from app.domain.settings import ServerSettings
from app.servers.secrets import SecretStore, resolve_api_key, resolve_db_password
from app.sync.catalog import QuantityInputs, gross_price_minor, match_key, shop_quantity
from app.sync.compare_key import warehouse_column
from app.sync.shop_catalog import decode_variant
from app.sync.warehouse_gateway import WarehouseGateway
from app.warehouse import Good, WarehouseDB


@dataclass
class Explanation:
    key: str
    good: str
    lines: list[str] = field(default_factory=list)


def _find(db: WarehouseDB, server: ServerSettings, key: str) -> tuple[Good, list[tuple[str, float]], float, bool]:
    column = warehouse_column(server.shop.compare_by)
    found = db.goods_by_key(column, [key]).get(key, [])
    if not found:
        raise ConfigurationError(f"No good has {column} = {key!r} in the warehouse database.", title="Not found")
    good = found[0]
    export = server.export
    if export.quantity_object_groups:
        objects = db.objects_in_groups(list(export.quantity_object_groups))
    else:
        objects = [db.find_object(export.object)]
    per_object = [(o.name, db.stock([o.id]).get(good.id, 0.0)) for o in objects]  # a few objects: one read each
    ordered = db.open_order_quantities([o.id for o in objects]).get(good.id, 0.0)
    return good, per_object, ordered, db.info().vat_included


async def explain_quantity(server: ServerSettings, key: str, secrets: SecretStore | None = None) -> Explanation:
    secrets = secrets or SecretStore()
    password = resolve_db_password(server, secrets)
    async with WarehouseGateway(connection_params(server.warehouse, password)) as gateway:
        good, per_object, ordered, vat_included = await gateway.call(_find, server, key)
    export = server.export
    on_hand = sum(q for _, q in per_object)
    inputs = QuantityInputs(True, export.quantity, {good.id: on_hand}, {good.id: ordered})
    sent, note = shop_quantity(good, inputs)
    result = Explanation(match_key(good, server.shop.compare_by), f"{good.name} (Code {good.code}, ID {good.id})")
    source = (
        "object groups " + ", ".join(export.quantity_object_groups)
        if export.quantity_object_groups
        else (f"the Object for operations {export.object!r}")
    )
    result.lines.append(f"Quantity source: {source}")
    for name, qty in per_object:
        result.lines.append(f"  {name:<30} on hand {qty:g}")
    result.lines.append(f"  {'total on hand':<30} {on_hand:g}")
    if export.quantity == "available":
        result.lines.append(f"  {'open customer orders (19)':<30} -{ordered:g}")
        result.lines.append(f"  {'available':<30} {on_hand - ordered:g}")
    if good.is_non_inventory:
        result.lines.append("This is a non-inventory good (Type & 8): no quantity is sent; the shop does not track it.")
    elif not export.export_quantities:
        result.lines.append("Export quantities from Warehouse Pro is No: no quantity is sent.")
    else:
        result.lines.append(f"Value the export sends: {sent:g}" + (f" ({note})" if note else ""))
    try:
        price = gross_price_minor(good, export.price_field, vat_included) / 100
        result.lines.append(f"Price sent: {price:.2f} ({export.price_field}{'' if vat_included else ' + VAT'})")
    except ValueError as exc:
        result.lines.append(f"Price: not sent: {exc}")
    state = server_state(server)
    try:
        pushed = state.pushed().get(result.key)
    finally:
        state.close()
    result.lines.append(
        f"Last pushed: {pushed.quantity:g}" if pushed and pushed.quantity is not None else "Last pushed: never"
    )
    async with shop_client(server.shop.api_identifier, resolve_api_key(server, secrets)) as client:
        variants = [decode_variant(r) for r in await client.list_all("variants", filters={server.shop.compare_by: key})]
    if not variants:
        result.lines.append("In the shop: no variant with this key yet (the next export creates it).")
    for variant in variants:
        shown = "unlimited" if variant.quantity is None else f"{variant.quantity:g}"
        result.lines.append(f"In the shop now: variant {variant.id} of product {variant.product_id}: quantity {shown}")
    return result
