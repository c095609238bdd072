from __future__ import annotations

import pytest

from app.cloudcart import base_url_from_identifier, domain_warning
from app.domain.errors import ConfigurationError


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [
        ("mystore.cloudcart.net", "https://mystore.cloudcart.net/api/v2"),
        ("  MyStore.CloudCart.net  ", "https://mystore.cloudcart.net/api/v2"),
        ("mystore.cloudcart.net/", "https://mystore.cloudcart.net/api/v2"),
        ("https://shop.example.com", "https://shop.example.com/api/v2"),
        ("https://shop.example.com/", "https://shop.example.com/api/v2"),
        ("https://shop.example.com/api/v2", "https://shop.example.com/api/v2"),
        ("https://shop.example.com/api/v2/", "https://shop.example.com/api/v2"),
        ("https://shop.example.com:8443/base", "https://shop.example.com:8443/base/api/v2"),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765/api/v2"),
        ("http://127.5.6.7:80/api/v2", "http://127.5.6.7:80/api/v2"),
        ("http://localhost:9000/", "http://localhost:9000/api/v2"),
        ("http://[::1]:8765", "http://[::1]:8765/api/v2"),
        ("HTTP://LOCALHOST:1", "http://localhost:1/api/v2"),
    ],
)
def test_accepted_identifiers(identifier: str, expected: str) -> None:
    assert base_url_from_identifier(identifier) == expected


@pytest.mark.parametrize(
    "identifier",
    [
        "",
        "   ",
        "http://mystore.cloudcart.net",  # plain http off loopback
        "http://10.0.0.5:8080",
        "http://192.168.1.10",
        "ftp://mystore.cloudcart.net",
        "my store.cloudcart.net",
        "mystore",  # not a full domain
        "https://",
        "https://user:pw@shop.example.com",
        "https://shop.example.com/?x=1",
        "https://shop.example.com:99999",
        "https://-bad-.example.com",
        "https://exa_mple.com",
        "!!!",
    ],
)
def test_refused_identifiers_name_the_allowed_forms(identifier: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        base_url_from_identifier(identifier)
    assert "primary domain" in caught.value.message
    assert "127.0.0.1" in caught.value.message


@pytest.mark.parametrize(
    ("identifier", "warns"),
    [
        ("www.myshop.bg", True),
        ("https://www.myshop.bg", True),
        ("shop.mystore.cloudcart.net", True),
        ("mystore.cloudcart.net", False),
        ("myshop.bg", False),
        ("http://127.0.0.1:8765", False),
        ("", False),
    ],
)
def test_domain_warning(identifier: str, warns: bool) -> None:
    warning = domain_warning(identifier)
    assert (warning is not None) == warns
    if warning:
        assert "primary domain" in warning
