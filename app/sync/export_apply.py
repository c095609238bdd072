"""Carrying out an export plan against the shop, one item's failure never stopping the others.

Order of writes for a new product: its category, parameters and options (found or created), the
product with its parameters set (parameters are set before any variant is created, because changing
them later deletes the variants), then its variants — or, for a simple product, the default variant
CloudCart created with the product, patched with SKU, barcode, price and quantity.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from app.cloudcart import CloudCartClient, Ref
from app.cloudcart.codec import yes_no
from app.cloudcart.errors import Blocked, PlanExpired
from app.domain.errors import AppError, ConfigurationError, ConnectionFailed, CredentialError, ItemError
from app.domain.report import ItemChange
from app.domain.settings import NewProductSwitches
from app.sync.catalog import DesiredProduct, DesiredVariant
from app.sync.export_plan import ExportPlan, NewVariants, ProductWrite, VariantWrite
from app.sync.shop_directory import ShopDirectory
from app.sync.state import Pushed

APP_IMPORT_PREFIX = "utility-center-"
ItemDone = Callable[[], None]


class Outcome:
    """What the writes did: report items, errors per key, and values to remember as pushed."""

    def __init__(self) -> None:
        self.items: list[ItemChange] = []
        self.errors: list[tuple[str, str]] = []
        self.pushed: list[Pushed] = []
        self.created = 0
        self.updated = 0


def product_attributes(product: DesiredProduct, switches: NewProductSwitches, code: str) -> dict[str, Any]:
    return {
        "name": product.name,
        "active": yes_no(switches.active),
        "featured": 1 if switches.featured else 0,
        "new": yes_no(switches.new),
        "shipping": yes_no(switches.has_weight),
        "tracking": yes_no(product.tracking),
        "continue_selling": yes_no(switches.continue_selling),
        "app_import": f"{APP_IMPORT_PREFIX}{code}"[:191],
    }


def variant_attributes(variant: DesiredVariant, *, with_quantity: bool) -> dict[str, Any]:
    attributes: dict[str, Any] = {"price": variant.price}
    if variant.sku:
        attributes["sku"] = variant.sku
    if variant.barcode:
        attributes["barcode"] = variant.barcode
    if with_quantity and variant.quantity is not None:
        attributes["quantity"] = variant.quantity
    return attributes


def _error_message(exc: AppError) -> str:
    return exc.message if isinstance(exc, ItemError) else f"{exc.title}: {exc.message}"


def _is_fatal(exc: AppError) -> bool:
    """Errors that would fail every other item too (bad key, plan expired, network down): stop the task."""
    return isinstance(exc, (CredentialError, ConnectionFailed, ConfigurationError, PlanExpired, Blocked))


class ExportWriter:
    def __init__(
        self,
        client: CloudCartClient,
        directory: ShopDirectory,
        switches: NewProductSwitches,
        *,
        export_quantities: bool,
        on_item: ItemDone,
        concurrency: int = 4,
    ) -> None:
        self.client = client
        self.directory = directory
        self.switches = switches
        self.export_quantities = export_quantities
        self.on_item = on_item
        self.outcome = Outcome()
        self._semaphore = asyncio.Semaphore(concurrency)

    async def apply(self, plan: ExportPlan) -> Outcome:
        jobs: list[Callable[[], Awaitable[None]]] = []
        jobs += [lambda w=w: self._variant_write(w) for w in plan.variant_writes]  # type: ignore[misc]
        jobs += [lambda w=w: self._product_write(w) for w in plan.product_writes]  # type: ignore[misc]
        jobs += [lambda n=n: self._new_variants(n) for n in plan.new_variants]  # type: ignore[misc]
        jobs += [lambda p=p: self._new_product(p) for p in plan.new_products]  # type: ignore[misc]
        await self._run_all(jobs)
        return self.outcome

    async def _run_all(self, jobs: Sequence[Callable[[], Awaitable[None]]]) -> None:
        async def guarded(job: Callable[[], Awaitable[None]]) -> None:
            async with self._semaphore:
                await job()

        tasks = [asyncio.ensure_future(guarded(job)) for job in jobs]
        try:
            await asyncio.gather(*tasks)
        except BaseException:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise

    async def _guard(self, keys: Sequence[str], action: Callable[[], Awaitable[None]]) -> None:
        try:
            await action()
        except AppError as exc:
            if _is_fatal(exc):
                raise
            for key in keys:
                self.outcome.errors.append((key, _error_message(exc)))
        finally:
            self.on_item()

    # --- updates of matched items ---------------------------------------------------------------------

    async def _variant_write(self, write: VariantWrite) -> None:
        async def action() -> None:
            await self.client.update("variants", write.shop.id, write.attributes)
            self.outcome.updated += 1
            self.outcome.items.append(ItemChange(write.desired.key, "updated", write.changes))
            self.outcome.pushed.append(
                Pushed(
                    write.desired.key, write.shop.product_id, write.shop.id, write.desired.price, write.desired.quantity
                )
            )

        await self._guard([write.desired.key], action)

    async def _product_write(self, write: ProductWrite) -> None:
        async def action() -> None:
            relationships = None
            if write.category is not None:
                relationships = {"category": Ref("categories", await self.directory.category_id(write.category))}
            attributes = {k: yes_no(v) if isinstance(v, bool) else v for k, v in write.attributes.items()}
            await self.client.update("products", write.product_id, attributes, relationships)
            self.outcome.items.append(ItemChange(write.keys[0], "updated", write.changes, detail="product"))

        await self._guard(write.keys, action)

    # --- creations -----------------------------------------------------------------------------------

    async def _option_refs(
        self, product: DesiredProduct, parameter_order: Sequence[str], variant: DesiredVariant
    ) -> dict[str, Ref]:
        refs: dict[str, Ref] = {}
        lowered = {k.lower(): v for k, v in variant.options.items()}
        for slot, parameter in enumerate(parameter_order, start=1):
            parameter_id = await self.directory.parameter_id(parameter)
            option_id = await self.directory.option_id(parameter_id, lowered[parameter.lower()])
            refs[f"option{slot}"] = Ref("variant-options", option_id)
        return refs

    async def _create_variant(
        self, product_id: str, product: DesiredProduct, parameter_order: Sequence[str], variant: DesiredVariant
    ) -> None:
        relationships: dict[str, Any] = {"product": Ref("products", product_id)}
        relationships.update(await self._option_refs(product, parameter_order, variant))
        natural_key = {"sku": variant.sku} if variant.sku else {"barcode": variant.barcode, "item_id": product_id}
        created = await self.client.create(
            "variants",
            variant_attributes(variant, with_quantity=self.export_quantities),
            relationships,
            natural_key=natural_key,
        )
        self.outcome.created += 1
        self.outcome.items.append(ItemChange(variant.key, "created", _created_changes(variant, self.export_quantities)))
        self.outcome.pushed.append(Pushed(variant.key, product_id, created.id, variant.price, variant.quantity))

    async def _new_variants(self, new: NewVariants) -> None:
        for variant in new.variants:
            await self._guard(
                [variant.key],
                lambda v=variant: self._create_variant(new.product.id, new.desired, new.product.parameters, v),  # type: ignore[misc]
            )

    async def _new_product(self, product: DesiredProduct) -> None:
        created: list[tuple[str, tuple[str, ...]]] = []  # (product id, its parameters in slot order)

        async def create_or_adopt() -> None:
            attributes = product_attributes(product, self.switches, product.code)
            adopted = await self.directory.product_by_app_import(attributes["app_import"])
            if adopted is not None:  # an interrupted run created it; its variants were never written
                created.append((adopted.id, adopted.parameters))
                return
            relationships: dict[str, Any] = {
                "category": Ref("categories", await self.directory.category_id(product.category))
            }
            for slot, parameter in enumerate(product.parameters, start=1):
                parameter_id = await self.directory.parameter_id(parameter)
                relationships[f"parameter{slot}"] = Ref("variant-parameters", parameter_id)
            resource = await self.client.create(
                "products", attributes, relationships, natural_key={"app_import": attributes["app_import"]}
            )
            created.append((resource.id, product.parameters))

        try:
            await create_or_adopt()
        except AppError as exc:
            if _is_fatal(exc):
                raise
            for variant in product.variants:
                self.outcome.errors.append(
                    (variant.key, f"product {product.name!r} not created: {_error_message(exc)}")
                )
                self.on_item()
            return
        product_id, slots = created[0]
        if product.simple:
            await self._guard(
                [product.variants[0].key], lambda: self._fill_default_variant(product_id, product.variants[0])
            )
            return
        if sorted(p.lower() for p in slots) != sorted(p.lower() for p in product.parameters):
            message = (
                f"shop product {product_id} (left by an interrupted run) has parameters {', '.join(slots) or 'none'} "
                f"but the goods need {', '.join(product.parameters)}; fix or delete it in the shop"
            )
            for variant in product.variants:
                self.outcome.errors.append((variant.key, message))
                self.on_item()
            return
        for variant in product.variants:
            await self._guard(
                [variant.key],
                lambda v=variant: self._create_variant(product_id, product, slots, v),  # type: ignore[misc]
            )

    async def _fill_default_variant(self, product_id: str, variant: DesiredVariant) -> None:
        defaults = await self.client.list_all("variants", filters={"item_id": product_id})
        if not defaults:
            await self._create_variant(product_id, _simple(variant), (), variant)
            return
        await self.client.update(
            "variants", defaults[0].id, variant_attributes(variant, with_quantity=self.export_quantities)
        )
        self.outcome.created += 1
        self.outcome.items.append(ItemChange(variant.key, "created", _created_changes(variant, self.export_quantities)))
        self.outcome.pushed.append(Pushed(variant.key, product_id, defaults[0].id, variant.price, variant.quantity))


def _simple(variant: DesiredVariant) -> DesiredProduct:
    return DesiredProduct(variant.key, variant.good.name, "", (), [variant], True)


def _created_changes(variant: DesiredVariant, with_quantity: bool) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {"price": [None, variant.price]}
    if with_quantity and variant.quantity is not None:
        changes["quantity"] = [None, variant.quantity]
    return changes


def describe_new_product(
    product: DesiredProduct, switches: NewProductSwitches, export_quantities: bool
) -> list[ItemChange]:
    """Dry run: what creating this product would write, per variant."""
    items = []
    for variant in product.variants:
        changes = _created_changes(variant, export_quantities)
        detail = f"new product {product.name!r} in {product.category!r}"
        if variant.options:
            detail += " (" + ", ".join(f"{k}: {v}" for k, v in variant.options.items()) + ")"
        items.append(ItemChange(variant.key, "created", changes, detail=detail))
    return items
