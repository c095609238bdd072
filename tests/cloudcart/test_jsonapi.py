from __future__ import annotations

import pytest

from app.cloudcart import Ref, Resource, UnexpectedResponse
from app.cloudcart.jsonapi import decode_document, encode_resource

PRODUCT_42 = {
    "data": {
        "type": "products",
        "id": "42",
        "attributes": {"name": "Cotton T-Shirt", "active": "yes", "brand_new_attribute": {"x": 1}},
        "relationships": {
            "category": {"data": {"type": "categories", "id": "1"}},
            "variants": {"data": [{"type": "variants", "id": "101"}, {"type": "variants", "id": "102"}]},
            "vendor": {"data": None},
            "images": {"links": {"related": "https://x/api/v2/products/42/images"}},
        },
    },
    "included": [
        {"type": "variants", "id": "101", "attributes": {"sku": "TSHIRT-M-RED", "price": 1999, "quantity": 25}},
        {"type": "categories", "id": "1", "attributes": {"name": "Shirts"}},
    ],
}


def test_single_document_with_included_resolution() -> None:
    document = decode_document(PRODUCT_42)
    assert document.single
    [product] = document.resources
    assert (product.type, product.id) == ("products", "42")
    assert product.attributes["brand_new_attribute"] == {"x": 1}  # unknown attributes kept
    assert product.rel_id("category") == "1"
    assert product.rel_id("vendor") is None
    assert product.rel_id("nothing") is None
    assert product.rel_ids("variants") == ["101", "102"]
    assert product.rel_ids("category") == ["1"]
    assert product.rel_ids("vendor") == []
    category = product.related("category")
    assert category is not None and category.attributes["name"] == "Shirts"
    assert product.related("vendor") is None
    # 102 is linked but not included: skipped, not invented
    assert [v.attributes["sku"] for v in product.related_many("variants")] == ["TSHIRT-M-RED"]
    assert "images" not in product.relationships  # links-only relationship says nothing about linkage
    with pytest.raises(ValueError):
        product.rel_id("variants")
    with pytest.raises(ValueError):
        product.related("variants")


def test_collection_with_paging_meta_and_integer_ids() -> None:
    document = decode_document(
        {
            "data": [{"type": "variants", "id": 7, "attributes": {"sku": "A"}}, {"type": "variants", "id": "8"}],
            "meta": {"page": {"current-page": 2, "per-page": 2, "from": 3, "to": 4, "total": 9, "last-page": "5"}},
        }
    )
    assert not document.single
    assert [r.id for r in document.resources] == ["7", "8"]
    assert document.resources[1].attributes == {}
    assert document.page is not None
    assert (document.page.current_page, document.page.last_page, document.page.total) == (2, 5, 9)


def test_included_can_point_back_to_primary_data() -> None:
    document = decode_document(
        {
            "data": [
                {
                    "type": "variants",
                    "id": "101",
                    "relationships": {"product": {"data": {"type": "products", "id": "42"}}},
                }
            ],
            "included": [
                {
                    "type": "products",
                    "id": "42",
                    "attributes": {"name": "Shirt"},
                    "relationships": {"variants": {"data": [{"type": "variants", "id": "101"}]}},
                }
            ],
        }
    )
    variant = document.resources[0]
    product = variant.related("product")
    assert product is not None
    assert product.related_many("variants") == [variant]


def test_null_data_is_an_empty_single_document() -> None:
    document = decode_document({"data": None})
    assert document.single and document.resources == []


@pytest.mark.parametrize(
    "payload",
    [
        [],
        "text",
        {"errors": []},
        {"data": "x"},
        {"data": [{"id": "1"}]},
        {"data": [{"type": "variants"}]},
        {"data": {"type": "variants", "id": True}},
        {"data": {"type": "variants", "id": "1", "attributes": []}},
        {"data": {"type": "variants", "id": "1", "relationships": {"product": "42"}}},
        {"data": {"type": "variants", "id": "1", "relationships": {"product": {"data": {"id": "42"}}}}},
        {"data": [], "included": {"type": "x"}},
    ],
)
def test_malformed_documents_raise_unexpected_response(payload: object) -> None:
    with pytest.raises(UnexpectedResponse):
        decode_document(payload)


def test_encode_post_and_patch_bodies() -> None:
    parent = Resource("products", "42")
    body = encode_resource(
        "variants",
        {"sku": "TS-RED-M", "price": 1999},
        {"product": parent, "option1": Ref("variant-options", "11"), "images": [Ref("images", "1")], "x": None},
    )
    assert body == {
        "data": {
            "type": "variants",
            "attributes": {"sku": "TS-RED-M", "price": 1999},
            "relationships": {
                "product": {"data": {"type": "products", "id": "42"}},
                "option1": {"data": {"type": "variant-options", "id": "11"}},
                "images": {"data": [{"type": "images", "id": "1"}]},
                "x": {"data": None},
            },
        }
    }
    assert encode_resource("variants", {"quantity": 4}, id="101") == {
        "data": {"type": "variants", "id": "101", "attributes": {"quantity": 4}}
    }
