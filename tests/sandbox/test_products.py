"""§4.1 products: attributes, defaults, validation, parameters, phantom variant, soft delete, prices."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sandbox.conftest import Sandbox, ref


async def category_id(sandbox: Sandbox, handle: str = "kitchen") -> str:
    data: dict[str, Any] = (await sandbox.get("/categories", **{"filter[url_handle]": handle})).json()["data"]
    return str(data["id"])


async def parameter_id(sandbox: Sandbox, name: str) -> str:
    return str((await sandbox.get("/variant-parameters", **{"filter[name]": name})).json()["data"]["id"])


async def new_product(sandbox: Sandbox, name: str = "Tea Pot", **rels: Any) -> Any:
    relationships = {"category": ref("categories", await category_id(sandbox)), **rels}
    return await sandbox.post("products", {"name": name}, relationships)


async def test_post_minimal_product_gets_documented_defaults(seeded: Sandbox) -> None:
    response = await new_product(seeded, "API Test Product")
    assert response.status_code == 201, response.text
    attrs = response.json()["data"]["attributes"]
    assert attrs["url_handle"] == "api-test-product"
    for flag in ("active", "draft", "sale", "new", "tracking", "shipping", "digital", "continue_selling"):
        assert attrs[flag] == "no", flag
    assert attrs["minimum"] == 1 and attrs["featured"] == 0
    assert attrs["price_from"] == 0 and attrs["price_to"] == 0 and attrs["product_type"] == "simple"
    for absent in ("sku", "price", "quantity", "barcode", "weight"):
        assert absent not in attrs


@pytest.mark.parametrize("field", ["sku", "price", "quantity", "barcode", "weight", "colour"])
async def test_variant_fields_on_products_are_rejected(seeded: Sandbox, field: str) -> None:
    rels = {"category": ref("categories", await category_id(seeded))}
    response = await seeded.post("products", {"name": "Kettle", field: 1}, rels)
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"pointer": f"/data/attributes/{field}"}


async def test_unknown_attributes_can_be_ignored_by_setting(seeded: Sandbox) -> None:
    await seeded.settings(allow_unknown_attributes=True)
    rels = {"category": ref("categories", await category_id(seeded))}
    response = await seeded.post("products", {"name": "Kettle", "sku": "K-1", "price": 100}, rels)
    assert response.status_code == 201
    assert "sku" not in response.json()["data"]["attributes"]


@pytest.mark.parametrize("value", ["yes", "no"])
async def test_flags_are_yes_no_strings(seeded: Sandbox, value: str) -> None:
    rels = {"category": ref("categories", await category_id(seeded))}
    response = await seeded.post("products", {"name": "Kettle", "active": value, "featured": 1}, rels)
    assert response.json()["data"]["attributes"]["active"] == value
    assert response.json()["data"]["attributes"]["featured"] == 1


@pytest.mark.parametrize(
    ("field", "value"), [("active", True), ("active", 1), ("tracking", "true"), ("featured", "yes")]
)
async def test_wrong_flag_values_are_422(seeded: Sandbox, field: str, value: Any) -> None:
    rels = {"category": ref("categories", await category_id(seeded))}
    response = await seeded.post("products", {"name": "Kettle", field: value}, rels)
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"pointer": f"/data/attributes/{field}"}


async def test_category_relationship_is_required(seeded: Sandbox) -> None:
    response = await seeded.post("products", {"name": "Kettle"})
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["source"] == {"pointer": "/data/relationships/category"}
    assert error["detail"] == "The category field is required."


async def test_category_cannot_be_cleared(seeded: Sandbox) -> None:
    response = await seeded.api("PATCH", "/products/1/relationships/category", json={"data": None})
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"pointer": "/data/relationships/category"}
    assert (await seeded.get("/products/1")).json()["data"]["attributes"]["category_id"] is not None


async def test_category_must_exist(seeded: Sandbox) -> None:
    response = await seeded.post("products", {"name": "Kettle"}, {"category": ref("categories", 999)})
    assert response.status_code == 422


@pytest.mark.parametrize("name", ["", "K", None])
async def test_name_is_required_min_2(seeded: Sandbox, name: Any) -> None:
    rels = {"category": ref("categories", await category_id(seeded))}
    response = await seeded.post("products", {"name": name} if name is not None else {}, rels)
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"pointer": "/data/attributes/name"}


async def test_url_handle_unique_and_auto(seeded: Sandbox) -> None:
    first = await new_product(seeded, "Tea Pot")
    second = await new_product(seeded, "Tea Pot")
    assert first.json()["data"]["attributes"]["url_handle"] == "tea-pot"
    assert second.json()["data"]["attributes"]["url_handle"] == "tea-pot-1"
    rels = {"category": ref("categories", await category_id(seeded))}
    taken = await seeded.post("products", {"name": "Other", "url_handle": "tea-pot"}, rels)
    assert taken.status_code == 422
    assert taken.json()["errors"][0]["source"] == {"pointer": "/data/attributes/url_handle"}
    bad = await seeded.post("products", {"name": "Other", "url_handle": "no spaces!"}, rels)
    assert bad.status_code == 422


async def test_cyrillic_names_get_latin_handles(seeded: Sandbox) -> None:
    response = await new_product(seeded, "Чаша за чай")
    assert response.json()["data"]["attributes"]["url_handle"] == "chasha-za-chay"


async def test_product_without_parameters_gets_one_phantom_variant(seeded: Sandbox) -> None:
    product = (await new_product(seeded)).json()["data"]
    variants = (await seeded.get("/variants", **{"filter[item_id]": product["id"]})).json()["data"]
    assert len(variants) == 1
    attrs = variants[0]["attributes"]
    assert (attrs["v1_id"], attrs["v2_id"], attrs["v3_id"]) == (None, None, None)
    assert attrs["sku"] is None
    # The client then writes SKU/price/stock on that variant.
    patched = await seeded.patch("variants", variants[0]["id"], {"sku": "POT-1", "price": 2500, "quantity": 4})
    assert patched.status_code == 200
    product_after = (await seeded.get(f"/products/{product['id']}")).json()["data"]["attributes"]
    assert (product_after["price_from"], product_after["price_to"]) == (2500, 2500)


async def test_product_with_parameters_has_no_phantom(seeded: Sandbox) -> None:
    size = await parameter_id(seeded, "Size")
    product = (await new_product(seeded, "Socks", parameter1=ref("variant-parameters", size))).json()["data"]
    assert product["attributes"]["p1"] == "Size" and product["attributes"]["p1_id"] == int(size)
    assert (await seeded.get("/variants", **{"filter[item_id]": product["id"]})).json()["data"] == []


async def test_parameter2_needs_parameter1(seeded: Sandbox) -> None:
    color = await parameter_id(seeded, "Color")
    response = await new_product(seeded, "Socks", parameter2=ref("variant-parameters", color))
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["title"] == "Missing Parameter Relationship"
    assert error["source"] == {"pointer": "/data/relationships/parameter2"}


async def test_parameter3_needs_parameter1_and_2(seeded: Sandbox) -> None:
    size, color = await parameter_id(seeded, "Size"), await parameter_id(seeded, "Color")
    response = await new_product(seeded, "Socks", parameter1=ref("variant-parameters", size),
                                 parameter3=ref("variant-parameters", color))  # fmt: skip
    assert response.status_code == 422
    assert response.json()["errors"][0]["title"] == "Missing Parameter Relationship"


async def test_duplicate_parameters_are_rejected(seeded: Sandbox) -> None:
    size = await parameter_id(seeded, "Size")
    response = await new_product(seeded, "Socks", parameter1=ref("variant-parameters", size),
                                 parameter2=ref("variant-parameters", size))  # fmt: skip
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["title"] == "Duplicate Parameter Relationship"
    assert error["detail"] == "The parameter2 can not be the same as parameter1"


async def test_patch_changing_parameters_deletes_all_variants(seeded: Sandbox) -> None:
    shirt = (await seeded.get("/products", **{"filter[url_handle]": "cotton-t-shirt"})).json()["data"]
    size = await parameter_id(seeded, "Size")
    response = await seeded.patch("products", shirt["id"], relationships={
        "parameter1": ref("variant-parameters", size), "parameter2": {"data": None}})  # fmt: skip
    assert response.status_code == 200, response.text
    assert response.json()["data"]["attributes"]["p2"] is None
    assert (await seeded.get("/variants", **{"filter[item_id]": shirt["id"]})).json()["data"] == []
    assert (await seeded.get("/variants", **{"filter[sku]": "TS-M-RED"})).json()["data"] == []


async def test_patch_without_parameter_change_keeps_variants(seeded: Sandbox) -> None:
    shirt = (await seeded.get("/products", **{"filter[url_handle]": "cotton-t-shirt"})).json()["data"]
    await seeded.patch("products", shirt["id"], {"active": "yes", "name": "Cotton Tee"})
    assert len((await seeded.get("/variants", **{"filter[item_id]": shirt["id"]})).json()["data"]) == 3


async def test_patch_removing_parameters_recreates_the_phantom(seeded: Sandbox) -> None:
    shirt = (await seeded.get("/products", **{"filter[url_handle]": "cotton-t-shirt"})).json()["data"]
    await seeded.patch("products", shirt["id"], relationships={
        "parameter1": {"data": None}, "parameter2": {"data": None}})  # fmt: skip
    variants = (await seeded.get("/variants", **{"filter[item_id]": shirt["id"]})).json()["data"]
    assert len(variants) == 1 and variants[0]["attributes"]["v1_id"] is None


async def test_read_only_attributes_are_rejected(seeded: Sandbox) -> None:
    response = await seeded.patch("products", 1, {"price_from": 5})
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"pointer": "/data/attributes/price_from"}


async def test_delete_is_soft_then_404(seeded: Sandbox) -> None:
    mug = (await seeded.get("/products", **{"filter[url_handle]": "ceramic-mug"})).json()["data"]
    response = await seeded.api("DELETE", f"/products/{mug['id']}")
    assert response.status_code == 204 and response.content == b""
    assert (await seeded.get(f"/products/{mug['id']}")).status_code == 404
    assert (await seeded.api("DELETE", f"/products/{mug['id']}")).status_code == 404
    assert (await seeded.get("/variants", **{"filter[sku]": "MUG-1"})).json()["data"] == []
    state = await seeded.state()
    assert any(p["id"] == int(mug["id"]) and p["_deleted_at"] for p in state["products"])  # still stored


async def test_price_from_to_follow_variant_prices(seeded: Sandbox) -> None:
    shirt = (await seeded.get("/products", **{"filter[url_handle]": "cotton-t-shirt"})).json()["data"]
    assert (shirt["attributes"]["price_from"], shirt["attributes"]["price_to"]) == (1999, 2499)
    variant = await seeded.variant("TS-L-BLUE")
    await seeded.patch("variants", variant["id"], {"price": 999})
    shirt = (await seeded.get(f"/products/{shirt['id']}", include="variant")).json()
    assert (shirt["data"]["attributes"]["price_from"], shirt["data"]["attributes"]["price_to"]) == (999, 1999)
    assert shirt["data"]["relationships"]["variant"]["data"]["id"] == variant["id"]  # default = lowest price


async def test_threshold_rules(seeded: Sandbox) -> None:
    rels = {"category": ref("categories", await category_id(seeded))}
    for attributes, status in (
        ({"name": "Kettle", "threshold": 0, "tracking": "yes"}, 422),
        ({"name": "Kettle", "threshold": 2}, 422),
        ({"name": "Kettle", "threshold": 2, "tracking": "yes"}, 201),
    ):
        assert (await seeded.post("products", attributes, rels)).status_code == status
