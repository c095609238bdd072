"""§4.2 variants: product/options rules, SKU uniqueness, number types, limits, filters."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sandbox.conftest import Sandbox, ref


async def shirt_id(sandbox: Sandbox) -> str:
    return str((await sandbox.get("/products", **{"filter[url_handle]": "cotton-t-shirt"})).json()["data"]["id"])


async def option_id(sandbox: Sandbox, parameter: str, name: str) -> str:
    pid = (await sandbox.get("/variant-parameters", **{"filter[name]": parameter})).json()["data"]["id"]
    params = {"filter[parameter_id]": pid, "filter[name]": name}
    return str((await sandbox.get("/variant-options", **params)).json()["data"]["id"])


async def post_variant(sandbox: Sandbox, attributes: dict[str, Any], **rels: Any) -> Any:
    return await sandbox.post("variants", attributes, rels)


async def test_post_variant_with_matching_options(seeded: Sandbox) -> None:
    response = await post_variant(
        seeded, {"sku": "TS-L-RED", "price": 2199, "quantity": 7, "barcode": "3800000000099"},
        product=ref("products", await shirt_id(seeded)),
        option1=ref("variant-options", await option_id(seeded, "Size", "L")),
        option2=ref("variant-options", await option_id(seeded, "Color", "Red")),
    )  # fmt: skip
    assert response.status_code == 201, response.text
    attrs = response.json()["data"]["attributes"]
    assert (attrs["v1"], attrs["v2"], attrs["v3"]) == ("L", "Red", None)
    assert attrs["item_id"] == int(await shirt_id(seeded))


async def test_product_relationship_is_required(seeded: Sandbox) -> None:
    response = await post_variant(seeded, {"sku": "LOOSE", "price": 1})
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"pointer": "/data/relationships/product"}


async def test_option_count_must_match_parameter_count(seeded: Sandbox) -> None:
    response = await post_variant(seeded, {"sku": "TS-X", "price": 1}, product=ref("products", await shirt_id(seeded)),
                                  option1=ref("variant-options", await option_id(seeded, "Size", "L")))  # fmt: skip
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["detail"] == "You are trying to save variant with 1 options, but your product requires 2"
    assert error["source"] == {"pointer": "/data/relationships/product"}


async def test_option_must_belong_to_the_parameter(seeded: Sandbox) -> None:
    response = await post_variant(
        seeded, {"sku": "TS-X", "price": 1}, product=ref("products", await shirt_id(seeded)),
        option1=ref("variant-options", await option_id(seeded, "Color", "Blue")),
        option2=ref("variant-options", await option_id(seeded, "Color", "Red")),
    )  # fmt: skip
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["detail"] == "Variant option 'Blue' does not belongs to variant parameter 'Size'"
    assert error["source"] == {"pointer": "/data/relationships/option1"}


async def test_sku_is_unique_store_wide(seeded: Sandbox) -> None:
    response = await post_variant(
        seeded, {"sku": "MUG-1", "price": 1}, product=ref("products", await shirt_id(seeded)),
        option1=ref("variant-options", await option_id(seeded, "Size", "L")),
        option2=ref("variant-options", await option_id(seeded, "Color", "Red")),
    )  # fmt: skip
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["detail"] == "The sku has already been taken."
    assert error["source"] == {"pointer": "/data/attributes/sku"}
    other = await seeded.variant("TS-S-RED")
    patched = await seeded.patch("variants", other["id"], {"sku": "TS-M-RED"})
    assert patched.status_code == 422
    assert (await seeded.patch("variants", other["id"], {"sku": "TS-S-RED"})).status_code == 200  # own SKU is fine


async def test_barcode_is_not_unique(seeded: Sandbox) -> None:
    other = await seeded.variant("TS-S-RED")
    response = await seeded.patch("variants", other["id"], {"barcode": "3800000000042"})
    assert response.status_code == 200


@pytest.mark.parametrize("price", [19.99, "1999", None, True])
async def test_price_is_integer_minor_units(seeded: Sandbox, price: Any) -> None:
    variant = await seeded.variant("MUG-1")
    response = await seeded.patch("variants", variant["id"], {"price": price})
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"pointer": "/data/attributes/price"}


async def test_quantity_number_or_null_and_not_clamped(seeded: Sandbox) -> None:
    variant = await seeded.variant("MUG-1")
    for value in (-5, 2.5, None, 12):
        response = await seeded.patch("variants", variant["id"], {"quantity": value})
        assert response.status_code == 200
        assert response.json()["data"]["attributes"]["quantity"] == value
    assert (await seeded.patch("variants", variant["id"], {"quantity": "many"})).status_code == 422


async def test_whole_quantities_are_integers(seeded: Sandbox) -> None:
    variant = await seeded.variant("MUG-1")
    response = await seeded.patch("variants", variant["id"], {"quantity": 3.0})
    assert response.text.count('"quantity":3,') == 1


async def test_second_phantom_is_rejected(seeded: Sandbox) -> None:
    mug = (await seeded.variant("MUG-1"))["attributes"]["item_id"]
    response = await post_variant(seeded, {"sku": "MUG-2", "price": 1}, product=ref("products", mug))
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"pointer": "/data/relationships/product"}


async def test_at_most_500_variants_per_product(seeded: Sandbox) -> None:
    await seeded.seed({
        "parameters": [{"name": "Number", "options": [str(i) for i in range(501)]}],
        "products": [{"name": "Big", "category": "Kitchen", "parameters": ["Number"],
                      "variants": [{"sku": f"BIG-{i}", "options": [str(i)]} for i in range(500)]}],
    })  # fmt: skip
    big = (await seeded.variant("BIG-0"))["attributes"]["item_id"]
    pid = (await seeded.get("/variant-parameters", **{"filter[name]": "Number"})).json()["data"]["id"]
    option = (await seeded.get("/variant-options", **{"filter[parameter_id]": pid, "filter[name]": "500"})).json()
    response = await post_variant(seeded, {"sku": "BIG-500"}, product=ref("products", big),
                                  option1=ref("variant-options", option["data"]["id"]))  # fmt: skip
    assert response.status_code == 422
    assert response.json()["errors"][0]["detail"] == "max allowed 500 exceeded"


async def test_filters_item_id_sku_barcode(seeded: Sandbox) -> None:
    shirt = await shirt_id(seeded)
    assert len((await seeded.get("/variants", **{"filter[item_id]": shirt})).json()["data"]) == 3
    assert (await seeded.variant("TS-M-RED"))["attributes"]["barcode"] == "3800000000028"
    by_barcode = (await seeded.get("/variants", **{"filter[barcode]": "3800000000035"})).json()["data"]
    assert [v["attributes"]["sku"] for v in by_barcode] == ["TS-L-BLUE"]


async def test_product_relationship_is_frozen_on_patch(seeded: Sandbox) -> None:
    variant = await seeded.variant("MUG-1")
    response = await seeded.patch("variants", variant["id"], relationships={"product": ref("products", 1)})
    assert response.status_code == 422


async def test_last_variant_cannot_be_deleted(seeded: Sandbox) -> None:
    mug = await seeded.variant("MUG-1")
    assert (await seeded.api("DELETE", f"/variants/{mug['id']}")).status_code == 422
    shirt_variant = await seeded.variant("TS-L-BLUE")
    assert (await seeded.api("DELETE", f"/variants/{shirt_variant['id']}")).status_code == 204
    assert (await seeded.get(f"/variants/{shirt_variant['id']}")).status_code == 404
