"""§4.3–4.5: variant-parameters, variant-options, categories, vendors."""

from __future__ import annotations

import pytest

from tests.sandbox.conftest import Sandbox, ref


async def param(sandbox: Sandbox, name: str) -> str:
    return str((await sandbox.get("/variant-parameters", **{"filter[name]": name})).json()["data"]["id"])


async def test_parameter_crud_and_rules(sandbox: Sandbox) -> None:
    created = await sandbox.post("variant-parameters", {"name": "Material", "display_type": "select"})
    assert created.status_code == 201
    attrs = created.json()["data"]["attributes"]
    assert (attrs["visible"], attrs["in_listing"], attrs["show_label"]) == (1, 0, 0)
    duplicate = await sandbox.post("variant-parameters", {"name": "material", "display_type": "radio"})
    assert duplicate.status_code == 422
    assert duplicate.json()["errors"][0]["detail"] == "The name has already been taken."


@pytest.mark.parametrize(
    ("attributes", "pointer"),
    [({"name": "Ab", "display_type": "select"}, "name"), ({"name": "x" * 192, "display_type": "select"}, "name"),
     ({"name": "Weight"}, "display_type"), ({"name": "Weight", "display_type": "dropdown"}, "display_type")],
)  # fmt: skip
async def test_parameter_validation(sandbox: Sandbox, attributes: dict[str, str], pointer: str) -> None:
    response = await sandbox.post("variant-parameters", attributes)
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"pointer": f"/data/attributes/{pointer}"}


async def test_parameter_in_use_cannot_be_deleted(seeded: Sandbox) -> None:
    response = await seeded.api("DELETE", f"/variant-parameters/{await param(seeded, 'Size')}")
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["detail"] == "Cannot delete a variant parameter which is in use by a products resource."
    free = (await seeded.post("variant-parameters", {"name": "Unused", "display_type": "select"})).json()["data"]
    assert (await seeded.api("DELETE", f"/variant-parameters/{free['id']}")).status_code == 204


async def test_option_needs_parameter_relationship(seeded: Sandbox) -> None:
    response = await seeded.post("variant-options", {"name": "XL"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"pointer": "/data/relationships/parameter"}
    wrong = await seeded.post("variant-options", {"name": "XL"}, {"variant-parameters": ref("variant-parameters", 1)})
    assert wrong.status_code == 422


async def test_option_name_unique_within_parameter_case_insensitive_trimmed(seeded: Sandbox) -> None:
    size = await param(seeded, "Size")
    dup = await seeded.post("variant-options", {"name": "  m "}, {"parameter": ref("variant-parameters", size)})
    assert dup.status_code == 422
    assert dup.json()["errors"][0]["source"] == {"pointer": "/data/attributes/name"}
    color = await param(seeded, "Color")
    other = await seeded.post("variant-options", {"name": "M", "color": "FF00AA"},
                              {"parameter": ref("variant-parameters", color)})  # fmt: skip
    assert other.status_code == 201
    assert other.json()["data"]["attributes"]["parameter_id"] == int(color)
    bad = await seeded.post("variant-options", {"name": "Teal", "color": "#00ffff"},
                            {"parameter": ref("variant-parameters", color)})  # fmt: skip
    assert bad.status_code == 422


async def test_options_filter_by_parameter_and_include(seeded: Sandbox) -> None:
    size = await param(seeded, "Size")
    document = (await seeded.get("/variant-options", **{"filter[parameter_id]": size, "include": "parameter"})).json()
    assert [o["attributes"]["name"] for o in document["data"]] == ["S", "M", "L"]
    assert [i["attributes"]["name"] for i in document["included"]] == ["Size"]
    with_options = (await seeded.get(f"/variant-parameters/{size}", include="variant-options")).json()
    assert len(with_options["data"]["relationships"]["variant-options"]["data"]) == 3
    assert len(with_options["included"]) == 3


async def test_option_in_use_cannot_be_deleted(seeded: Sandbox) -> None:
    size = await param(seeded, "Size")
    options = (await seeded.get("/variant-options", **{"filter[parameter_id]": size})).json()["data"]
    response = await seeded.api("DELETE", f"/variant-options/{options[0]['id']}")
    assert response.status_code == 422
    detail = response.json()["errors"][0]["detail"]
    assert detail == "Cannot delete a variant option which is in use by a variants resource."


async def test_category_rules(seeded: Sandbox) -> None:
    assert (await seeded.post("categories", {"name": "X"})).status_code == 422
    clothes = (await seeded.get("/categories", **{"filter[url_handle]": "clothes"})).json()["data"]["id"]
    created = await seeded.post("categories", {"name": "Socks"}, {"parent": ref("categories", clothes)})
    assert created.status_code == 201
    assert created.json()["data"]["attributes"]["parent_id"] == int(clothes)
    assert created.json()["data"]["relationships"]["parent"] == ref("categories", clothes)
    children = (await seeded.get("/categories", **{"filter[parent_id]": clothes})).json()["data"]
    assert {c["attributes"]["name"] for c in children} == {"Shirts", "Socks"}
    roots = (await seeded.get("/categories", **{"filter[parent_id]": "0"})).json()["data"]
    assert {c["attributes"]["name"] for c in roots} == {"Clothes", "Kitchen"}


async def test_category_moves_through_relationship_endpoint(seeded: Sandbox) -> None:
    kitchen = (await seeded.get("/categories", **{"filter[url_handle]": "kitchen"})).json()["data"]["id"]
    shirts = (await seeded.get("/categories", **{"filter[url_handle]": "shirts"})).json()["data"]["id"]
    response = await seeded.api("PATCH", f"/categories/{shirts}/relationships/parent",
                                json=ref("categories", kitchen))  # fmt: skip
    assert response.status_code == 200
    assert response.json()["data"] == {"type": "categories", "id": str(kitchen)}


async def test_category_with_products_cannot_be_deleted(seeded: Sandbox) -> None:
    kitchen = (await seeded.get("/categories", **{"filter[url_handle]": "kitchen"})).json()["data"]["id"]
    response = await seeded.api("DELETE", f"/categories/{kitchen}")
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "status": "422", "title": "Not Deletable",
        "detail": "You can not delete this category because it has products in it",
    }  # fmt: skip
    empty = (await seeded.post("categories", {"name": "Empty"})).json()["data"]["id"]
    assert (await seeded.api("DELETE", f"/categories/{empty}")).status_code == 204


async def test_vendor_crud(seeded: Sandbox) -> None:
    created = (await seeded.post("vendors", {"name": "Globex"})).json()["data"]
    assert created["attributes"]["url_handle"] == "globex"
    renamed = await seeded.patch("vendors", created["id"], {"name": "Globex Ltd"})
    assert renamed.json()["data"]["attributes"]["name"] == "Globex Ltd"
    assert (await seeded.get("/vendors", **{"filter[url_handle]": "globex"})).json()["data"]["id"] == created["id"]
    assert (await seeded.post("vendors", {"name": "G"})).status_code == 422
    acme = (await seeded.get("/vendors", **{"filter[url_handle]": "acme"})).json()["data"]["id"]
    assert (await seeded.api("DELETE", f"/vendors/{acme}")).status_code == 422  # has products
    assert (await seeded.api("DELETE", f"/vendors/{created['id']}")).status_code == 204
    assert (await seeded.get(f"/vendors/{created['id']}")).status_code == 404
