"""The shop's API identifier -> the JSON:API v2 base URL.

``mystore.cloudcart.net`` -> ``https://mystore.cloudcart.net/api/v2``; a full URL is accepted (``/api/v2``
is added unless the path ends with it). Plain ``http://`` is allowed only for loopback addresses (the
sandbox); anything else must be ``https://``.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")
FORMS = 'the shop\'s primary domain ("mystore.cloudcart.net") or a URL ("https://mystore.bg/api/v2")'


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def api_base_url(identifier: str) -> str:
    """Return the base URL or raise ``ValueError`` saying what is wrong and what is allowed."""
    text = identifier.strip()
    if not text:
        raise ValueError(f"is empty; write {FORMS}")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in ("http", "https"):
        raise ValueError(f"{identifier!r} uses {scheme}://; write {FORMS}")
    if not host or (not is_loopback(host) and not _HOST.match(host)):
        raise ValueError(f"{identifier!r} has no valid host name; write {FORMS}")
    if parts.username or parts.password:
        raise ValueError(f"{identifier!r} must not contain a user or password; put the key in the Key field")
    if scheme == "http" and not is_loopback(host):
        raise ValueError(f"{identifier!r} uses plain http:// on a non-loopback host; use https://")
    if parts.query or parts.fragment:
        raise ValueError(f"{identifier!r} must not contain ?query or #fragment")
    path = parts.path.rstrip("/")
    if not path.endswith("/api/v2"):
        path = path + "/api/v2"
    netloc = parts.netloc.rsplit("@", 1)[-1].lower()
    return f"{scheme}://{netloc}{path}"


def domain_warning(identifier: str) -> str | None:
    """CloudCart's rate limiter gives ``www.`` and secondary domains a budget of 0: warn about it."""
    try:
        host = urlsplit(api_base_url(identifier)).hostname or ""
    except ValueError:
        return None
    if host.startswith("www."):
        return (
            f"{host} starts with www.: CloudCart answers API calls only on the shop's primary domain "
            "(every call to another domain is refused with 429). Use the primary domain."
        )
    return None
