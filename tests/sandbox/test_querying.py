"""§2 of the API: paging, filters, single-record filters, sorting, includes, sparse fieldsets, append."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sandbox.conftest import Sandbox


def ids(document: dict[str, Any]) -> list[str]:
    return [item["id"] for item in document["data"]]


async def make_vendors(sandbox: Sandbox, count: int) -> None:
    await sandbox.seed({"vendors": [{"name": f"Vendor {i:02d}"} for i in range(count)]})


async def test_default_page_size_is_20_with_kebab_meta(sandbox: Sandbox) -> None:
    await make_vendors(sandbox, 45)
    document = (await sandbox.get("/vendors")).json()
    assert len(document["data"]) == 20
    assert document["meta"]["page"] == {
        "current-page": 1, "per-page": 20, "from": 1, "to": 20, "total": 45, "last-page": 3,
    }  # fmt: skip
    last = (await sandbox.get("/vendors", **{"page[number]": 3})).json()
    assert last["meta"]["page"] == {"current-page": 3, "per-page": 20, "from": 41, "to": 45, "total": 45,
                                    "last-page": 3}  # fmt: skip


async def test_page_beyond_the_last_is_empty_200_with_null_from_to(sandbox: Sandbox) -> None:
    await make_vendors(sandbox, 3)
    response = await sandbox.get("/vendors", **{"page[number]": 5})
    assert response.status_code == 200
    assert response.json()["data"] == []
    page = response.json()["meta"]["page"]
    assert page["from"] is None and page["to"] is None and page["last-page"] == 1 and page["total"] == 3


async def test_empty_collection_has_last_page_1(sandbox: Sandbox) -> None:
    page = (await sandbox.get("/vendors")).json()["meta"]["page"]
    assert page == {"current-page": 1, "per-page": 20, "from": None, "to": None, "total": 0, "last-page": 1}


@pytest.mark.parametrize(
    ("param", "value"),
    [("page[size]", "0"), ("page[size]", "101"), ("page[size]", "ten"), ("page[number]", "0"), ("page[number]", "-1")],
)
async def test_bad_paging_is_422_with_source_parameter(sandbox: Sandbox, param: str, value: str) -> None:
    response = await sandbox.get("/vendors", **{param: value})
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"parameter": param}


async def test_page_size_100_is_allowed(sandbox: Sandbox) -> None:
    await make_vendors(sandbox, 3)
    assert (await sandbox.get("/vendors", **{"page[size]": 100})).json()["meta"]["page"]["per-page"] == 100


async def test_raw_column_equality_filters(seeded: Sandbox) -> None:
    kitchen = (await seeded.get("/categories", **{"filter[url_handle]": "kitchen"})).json()["data"]["id"]
    document = (await seeded.get("/products", **{"filter[category_id]": kitchen})).json()
    assert {p["attributes"]["name"] for p in document["data"]} == {"Ceramic Mug", "Gift Card", "Untracked Tea"}
    assert document["meta"]["page"]["total"] == 3
    untracked = (await seeded.get("/products", **{"filter[tracking]": "no"})).json()
    assert [p["attributes"]["name"] for p in untracked["data"]] == ["Untracked Tea"]


async def test_unknown_filter_is_422(seeded: Sandbox) -> None:
    for name in ("colour", "price"):  # price is not a products column
        response = await seeded.get("/products", **{f"filter[{name}]": "x"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["source"] == {"parameter": f"filter[{name}]"}


async def test_products_filter_by_sku_and_barcode_through_variants(seeded: Sandbox) -> None:
    by_sku = (await seeded.get("/products", **{"filter[sku]": "TS-M-RED", "include": "variants"})).json()
    assert [p["attributes"]["name"] for p in by_sku["data"]] == ["Cotton T-Shirt"]
    assert {v["attributes"]["sku"] for v in by_sku["included"]} == {"TS-S-RED", "TS-M-RED", "TS-L-BLUE"}
    by_barcode = (await seeded.get("/products", **{"filter[barcode]": "3800000000042"})).json()
    assert [p["attributes"]["name"] for p in by_barcode["data"]] == ["Ceramic Mug"]
    assert (await seeded.get("/products", **{"filter[sku]": "ts-m-red"})).json()["data"] == []  # case-sensitive


async def test_single_record_filters(seeded: Sandbox) -> None:
    product = (await seeded.get("/products", **{"filter[url_handle]": "ceramic-mug"})).json()
    assert product["data"]["attributes"]["name"] == "Ceramic Mug"
    assert "meta" not in product
    category = (await seeded.get("/categories", **{"filter[url_handle]": "shirts"})).json()
    assert category["data"]["attributes"]["name"] == "Shirts"
    parameter = (await seeded.get("/variant-parameters", **{"filter[name]": "Size"})).json()
    assert parameter["data"]["attributes"]["name"] == "Size"
    option = (await seeded.get("/variant-options", **{"filter[name]": "Blue"})).json()
    assert option["data"]["attributes"]["name"] == "Blue"
    missing = await seeded.get("/variant-parameters", **{"filter[name]": "Material"})
    assert missing.status_code == 200 and missing.json()["data"] is None


async def test_sorting_allow_list_and_descending(seeded: Sandbox) -> None:
    by_price = (await seeded.get("/variants", sort="-price,id")).json()
    prices = [v["attributes"]["price"] for v in by_price["data"]]
    assert prices == sorted(prices, reverse=True)
    by_name = (await seeded.get("/products", sort="name")).json()
    names = [p["attributes"]["name"] for p in by_name["data"]]
    assert names == sorted(names)


@pytest.mark.parametrize(
    ("path", "key"),
    [("/products", "price"), ("/variants", "sku"), ("/orders", "status"), ("/variant-parameters", "id"),
     ("/categories", "url_handle"), ("/order-products", "id")],
)  # fmt: skip
async def test_sort_outside_the_allow_list_is_422(seeded: Sandbox, path: str, key: str) -> None:
    response = await seeded.get(path, sort=key)
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"parameter": "sort"}


async def test_default_order_is_id_ascending(seeded: Sandbox) -> None:
    document = (await seeded.get("/variants")).json()
    assert ids(document) == sorted(ids(document), key=int)


async def test_includes_and_deduplication(seeded: Sandbox) -> None:
    document = (await seeded.get("/variants", include="product,option1.parameter,option2")).json()
    included = [(i["type"], i["id"]) for i in document["included"]]
    assert len(included) == len(set(included))
    types = {kind for kind, _ in included}
    assert types == {"products", "variant-options", "variant-parameters"}
    shirt = [i for i in document["included"] if i["type"] == "products" and i["attributes"]["name"] == "Cotton T-Shirt"]
    assert len(shirt) == 1  # three variants, one product


@pytest.mark.parametrize(
    ("path", "include"),
    [
        ("/products", "variants,category,vendor,parameter1,parameter2,parameter3,variant"),
        ("/variants", "product,option1,option2,option3,option1.parameter"),
        ("/orders", "products"),
        ("/variant-parameters", "variant-options"),
        ("/variant-options", "parameter"),
        ("/categories", "parent"),
    ],
)
async def test_documented_includes_are_accepted(seeded: Sandbox, path: str, include: str) -> None:
    await seeded.order(lines=[{"sku": "MUG-1", "quantity": 1}])
    response = await seeded.get(path, include=include)
    assert response.status_code == 200, response.text
    assert "included" in response.json()


@pytest.mark.parametrize(
    ("path", "include"),
    [
        ("/products", "orders"),
        ("/variants", "category"),
        ("/orders", "customer"),
        ("/variant-options", "variant-parameters"),
    ],
)
async def test_bad_include_is_422(seeded: Sandbox, path: str, include: str) -> None:
    response = await seeded.get(path, include=include)
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"parameter": "include"}


async def test_included_only_when_asked(seeded: Sandbox) -> None:
    assert "included" not in (await seeded.get("/products")).json()


async def test_sparse_fieldsets(seeded: Sandbox) -> None:
    document = (await seeded.get("/variants", **{"fields[variants]": "sku,quantity,nonsense"})).json()
    assert set(document["data"][0]["attributes"]) == {"sku", "quantity"}


async def test_append_allow_list(seeded: Sandbox) -> None:
    assert (await seeded.get("/products", **{"append[products]": "meta"})).status_code == 200
    response = await seeded.get("/products", **{"append[products]": "secret"})
    assert response.status_code == 422


async def test_single_get_refuses_filter_and_sort(seeded: Sandbox) -> None:
    assert (await seeded.get("/products/1", sort="name")).status_code == 422
    assert (await seeded.get("/products/1", **{"filter[name]": "x"})).status_code == 422
    assert (await seeded.get("/products/1", include="variants")).status_code == 200


async def test_related_and_relationship_endpoints(seeded: Sandbox) -> None:
    shirt = (await seeded.get("/products", **{"filter[url_handle]": "cotton-t-shirt"})).json()["data"]
    related = (await seeded.get(f"/products/{shirt['id']}/variants")).json()
    assert [v["attributes"]["sku"] for v in related["data"]] == ["TS-S-RED", "TS-M-RED", "TS-L-BLUE"]
    assert related["meta"]["page"]["total"] == 3
    linkage = (await seeded.get(f"/products/{shirt['id']}/relationships/category")).json()
    assert linkage["data"]["type"] == "categories"
    category = (await seeded.get(f"/products/{shirt['id']}/category")).json()
    assert category["data"]["attributes"]["name"] == "Shirts"
