"""The shop's API identifier -> the JSON:API v2 base URL, and warnings about the domain.

One rule for the whole program: the server settings validate with it, the CloudCart client connects with
it. ``mystore.cloudcart.net`` -> ``https://mystore.cloudcart.net/api/v2``; a full URL is accepted (``/api/v2``
is added unless the path ends with it); plain ``http://`` only for loopback addresses (the sandbox).
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit

from app.domain.errors import ConfigurationError

API_PATH = "/api/v2"

ALLOWED_FORMS = (
    "Use the store's primary domain (mystore.cloudcart.net or shop.example.com), "
    "or a full address such as https://shop.example.com; http:// is allowed only for "
    "127.0.0.1, ::1 and localhost."
)

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def _refuse(identifier: str, why: str) -> ConfigurationError:
    return ConfigurationError(
        f"The CloudCart API identifier {identifier!r} is not usable: {why}. {ALLOWED_FORMS}",
        title="Invalid CloudCart API identifier",
    )


def is_loopback(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _split(identifier: str) -> SplitResult:
    text = identifier.strip()
    if not text:
        raise _refuse(identifier, "it is empty")
    if any(ch.isspace() for ch in text):
        raise _refuse(identifier, "it contains spaces")
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError on a bad port
    except ValueError as exc:
        raise _refuse(identifier, f"it is not a valid address ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise _refuse(identifier, f"the scheme {parts.scheme!r} is not http or https")
    if parts.username is not None or parts.password is not None:
        raise _refuse(identifier, "it must not contain a user or password; put the key in the Key field")
    if parts.query or parts.fragment:
        raise _refuse(identifier, "it must not contain '?' or '#'")
    host = (parts.hostname or "").lower()
    if not host:
        raise _refuse(identifier, "it has no host name")
    if port == 0:
        raise _refuse(identifier, "port 0 is not a valid port")
    if not _is_ip(host):
        labels = host.rstrip(".").split(".")
        if not all(_LABEL.match(label) for label in labels):
            raise _refuse(identifier, f"{host!r} is not a valid host name")
        if len(labels) < 2 and host != "localhost":
            raise _refuse(identifier, f"{host!r} is not a full domain name")
    return parts


def base_url_from_identifier(identifier: str) -> str:
    """``mystore.cloudcart.net`` -> ``https://mystore.cloudcart.net/api/v2``.

    A full URL is accepted; ``/api/v2`` is added unless the path already ends with it. ``http://`` is
    accepted only for loopback hosts. Anything else raises :class:`ConfigurationError`.
    """
    parts = _split(identifier)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme == "http" and not is_loopback(host):
        raise _refuse(identifier, "http:// is only allowed on this computer (loopback); use https://")
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None:
        netloc += f":{parts.port}"
    path = parts.path.rstrip("/")
    if not path.endswith(API_PATH):
        path += API_PATH
    return f"{scheme}://{netloc}{path}"


def domain_warning(identifier: str) -> str | None:
    """A warning when the identifier is probably not the store's primary domain, else ``None``.

    CloudCart gives its rate-limit budget to the primary domain only; ``www.``, alias and service
    sub-domains get 0 requests per minute, so every call ends in "429 Too Many Requests".
    """
    try:
        host = (_split(identifier).hostname or "").lower()
    except ConfigurationError:
        return None
    if is_loopback(host) or _is_ip(host):
        return None
    advice = (
        "CloudCart gives API requests only to the store's primary domain; other domains get "
        "'429 Too Many Requests' on the first call. Use the primary domain shown in CloudCart > Settings > Domains."
    )
    if host.startswith("www."):
        return f"{host!r} starts with 'www.'. {advice}"
    if host.endswith(".cloudcart.net") and host.count(".") > 2:
        return f"{host!r} looks like a sub-domain of a CloudCart address, not a store's primary domain. {advice}"
    return None
